import CXML2
import Foundation
import QoimaCore
import QoimaXML

// qoima-bench [--output FILE] [--only snt|store|exchange|editor|desk|balances|print] [--snts N] [--desk-database PATH]: serialise,
// validate and parse SNTs of 1, 50 and 1,000 lines and compare parsing with a bare libxml2 parse of the
// same bytes; then the local database (StoreBenchmark) at N SNTs (default 1,000,000); then the exchange
// with the sandbox (ExchangeBenchmark); then the SNT desk's lists at N SNTs under a display
// (DeskBenchmark; --desk-database keeps and reuses its database); then opening the SNT editor on 1,000
// lines (EditorBenchmark, needs a display); then the Balances view at 200,000 batches (BalancesBenchmark,
// needs a display); then printing a Magazine of 10,000 entries and an SNT of 1,000 lines to PDF
// (PrintBenchmark). Prints tables and writes JSON.


/// Runs `body` repeatedly for about `budget` and returns seconds per run (after a warm-up).
func secondsPerRun(budget: Duration = .milliseconds(600), _ body: () -> Void) -> Double {
    for _ in 0..<3 { body() }
    let clock = ContinuousClock()
    var runs = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        body()
        runs += 1
        elapsed = clock.now - start
    } while elapsed < budget
    return elapsed.seconds / Double(runs)
}

func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

func argument(_ name: String) -> String? {
    CommandLine.arguments.firstIndex(of: name).flatMap {
        CommandLine.arguments.indices.contains($0 + 1) ? CommandLine.arguments[$0 + 1] : nil
    }
}
let only = argument("--only")
if let database = argument("--desk-first-frame") {
    try DeskBenchmark.firstFrameChild(database: database)
}
let outputPath = argument("--output")

xmlInitParser()
let validator = SntValidator(context: SntCheckContext(today: CalendarDate(year: 2026, month: 11, day: 20)!))
var results: [[String: Any]] = []

if only == nil || only == "snt" {
print("lines  bytes     serialise µs  validate µs  ser+val µs  parse µs  libxml2 µs  parse/libxml2  round trip docs/s")
for lineCount in [1, 50, 1000] {
    let snt = BenchmarkSnt.make(lineCount: lineCount)
    let body = SntXMLWriter.body(of: snt)
    let bytes = Array(body.utf8)
    precondition(validator.check(snt).filter { $0.severity == .error }.isEmpty, "the benchmark SNT must be valid")
    guard let decoded = try? SntXMLReader.read(bytes), decoded.snt == snt else { fatalError("the benchmark SNT must round-trip") }

    let serialise = secondsPerRun { blackHole(SntXMLWriter.body(of: snt)) }
    let validate = secondsPerRun { blackHole(validator.check(snt)) }
    let serialiseAndValidate = secondsPerRun {
        blackHole(validator.check(snt))
        blackHole(SntXMLWriter.body(of: snt))
    }
    let parse = secondsPerRun { blackHole(try? SntXMLReader.read(bytes)) }
    let bare = secondsPerRun {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let document = xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8",
                                             Int32(XML_PARSE_NONET.rawValue))
                xmlFreeDoc(document)
            }
        }
    }
    let roundTrip = serialiseAndValidate + parse
    let row: [String: Any] = [
        "lines": lineCount, "bytes": bytes.count,
        "serialiseMicroseconds": serialise * 1e6, "validateMicroseconds": validate * 1e6,
        "serialiseAndValidateMicroseconds": serialiseAndValidate * 1e6,
        "parseMicroseconds": parse * 1e6, "bareLibxml2ParseMicroseconds": bare * 1e6,
        "parseToLibxml2Ratio": parse / bare,
        "serialiseDocumentsPerSecond": 1 / serialise, "validateDocumentsPerSecond": 1 / validate,
        "parseDocumentsPerSecond": 1 / parse, "bareLibxml2DocumentsPerSecond": 1 / bare,
        "roundTripDocumentsPerSecond": 1 / roundTrip,
    ]
    results.append(row)
    print(String(format: "%5d  %8d  %12.1f  %11.1f  %10.1f  %8.1f  %10.1f  %13.2f  %17.0f",
                 lineCount, bytes.count, serialise * 1e6, validate * 1e6, serialiseAndValidate * 1e6,
                 parse * 1e6, bare * 1e6, parse / bare, 1 / roundTrip))
}

}

var storeResults: [String: Any]?
if only == nil || only == "store" {
    let snts = argument("--snts").flatMap(Int.init) ?? 1_000_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-store")
    print("local database, \(snts) SNTs (in \(folder.path)):")
    storeResults = try StoreBenchmark(folder: folder, total: snts).run()
}

var exchangeResults: [String: Any]?
if only == nil || only == "exchange" {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-exchange")
    print("exchange with the sandbox over loopback (in \(folder.path)):")
    exchangeResults = try await ExchangeBenchmark(folder: folder).run()
}

var editorResults: [String: Any]?
if only == nil || only == "editor" {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-editor")
    editorResults = try EditorBenchmark(folder: folder).run()
}

var deskResults: [String: Any]?
if only == nil || only == "desk" {
    let environment = ProcessInfo.processInfo.environment
    if environment["DISPLAY"] == nil && environment["WAYLAND_DISPLAY"] == nil {
        print("SNT desk: skipped, it needs a display (run under xvfb-run, as make bench does)")
    } else {
        let snts = argument("--snts").flatMap(Int.init) ?? 1_000_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-desk")
        print("SNT desk lists, \(snts) SNTs (in \(folder.path)):")
        deskResults = try DeskBenchmark(folder: folder, total: snts, reuse: argument("--desk-database")).run()
    }
}

var balancesResults: [String: Any]?
if only == nil || only == "balances" {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-balances")
    balancesResults = try BalancesBenchmark(folder: folder, total: 200_000).run()
}

var printResults: [String: Any]?
if only == nil || only == "print" {
    printResults = try PrintBenchmark(folder: FileManager.default.temporaryDirectory.appendingPathComponent("qoima-bench-print")).run()
}

if let outputPath {
    // Merge into the file, so other benchmarks can keep their own keys beside this one.
    var all: [String: Any] = [:]
    if let data = FileManager.default.contents(atPath: outputPath),
       let existing = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
        all = existing
    }
    let measuredOn = ISO8601DateFormatter().string(from: Date())
    if !results.isEmpty { all["snt"] = ["measuredOn": measuredOn, "build": "release", "cases": results] }
    if var exchangeResults {
        exchangeResults["measuredOn"] = measuredOn
        all["exchange"] = exchangeResults
    }
    if var editorResults {
        editorResults["measuredOn"] = measuredOn
        all["editor"] = editorResults
    }
    if var deskResults {
        deskResults["measuredOn"] = measuredOn
        all["desk"] = deskResults
    }
    if var balancesResults {
        balancesResults["measuredOn"] = measuredOn
        all["balances"] = balancesResults
    }
    if var printResults {
        printResults["measuredOn"] = measuredOn
        all["print"] = printResults
    }
    if var storeResults {
        storeResults["measuredOn"] = measuredOn
        all["store"] = storeResults
    }
    let data = try JSONSerialization.data(withJSONObject: all, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: outputPath))
    print("written to \(outputPath)")
}
