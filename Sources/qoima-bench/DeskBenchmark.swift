import CAdw
import CGtk
import Foundation
import GRDB
import GtkKit
@_spi(Benchmark) import QoimaApp
import QoimaCore
import QoimaStore
import QoimaXML

/// The SNT desk at 1,000,000 SNTs, under a display: (a) the main window's first frame with the
/// Outgoing list showing its first rows, from process start, in a child process of its own;
/// (b) search as you type: from `setSearch` to the count and first page ready, for each prefix
/// of names, numbers and BINs typed a letter at a time; and deep pages of the list.
@MainActor
struct DeskBenchmark {
    let folder: URL
    let total: Int
    /// A database built by an earlier run, to skip building (`--desk-database`).
    let reuse: String?
    let clock = ContinuousClock()

    var databasePath: String { reuse ?? folder.appendingPathComponent("desk.sqlite").path }

    func run() throws -> [String: Any] {
        if reuse == nil || !FileManager.default.fileExists(atPath: databasePath) {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let seconds = try clock.measure { try DeskBenchmarkDatabase(path: databasePath, total: total).build() }.seconds
            print(String(format: "  built %d SNTs in %.0f s", total, seconds))
        }
        defer { if reuse == nil { try? FileManager.default.removeItem(at: folder) } }
        var result: [String: Any] = ["snts": total]
        result["firstFrame"] = try firstFrames()
        result.merge(try inWindow()) { $1 }
        return result
    }

    // MARK: (a) First frame

    /// Runs `qoima-bench --desk-first-frame DB` seven times; each run prints its own figures.
    private func firstFrames() throws -> [String: Any] {
        let frames = try firstFrameRuns(7)
        print(String(format: "  main window's first frame at %d SNTs, Outgoing showing its first rows: median %.0f ms (runs %@)",
                     total, frames.median, frames.runs.map { String(format: "%.0f", $0) }.joined(separator: " ")))
        print("    " + frames.lastLine)
        return ["runsMilliseconds": frames.runs, "medianMilliseconds": frames.median, "targetMilliseconds": 400,
                "lastRun": frames.lastLine]
    }

    private func firstFrameRuns(_ count: Int) throws -> (runs: [Double], median: Double, lastLine: String) {
        let scratch = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var runs: [Double] = []
        var lastLine = ""
        for _ in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--desk-first-frame", databasePath]
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = scratch.path
            environment["XDG_CONFIG_HOME"] = scratch.appendingPathComponent("config").path
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("first-frame-ms: ") }),
                  let milliseconds = Double(line.split(separator: " ")[1])
            else { throw DeskBenchmarkError.childFailed(output) }
            runs.append(milliseconds)
            lastLine = String(line)
        }
        return (runs, runs.sorted()[runs.count / 2], lastLine)
    }

    /// In the child: the real application over the database, as it starts: the desk installs the
    /// SNT lists and the window shows Outgoing. Prints when the first frame is painted, and what
    /// the list held by then.
    static func firstFrameChild(database: String) throws -> Never {
        var options = QoimaApplication.Options(nonUnique: true)
        options.applicationID = "kz.qoima.QoimaBench"
        options.database = DatabaseLocation(explicitPath: database)
        var painted: Double?
        options.onFirstFrame = { _ in painted = ProcessClock.millisecondsSinceStart() }
        let app = try QoimaApplication(options: options)
        try app.launch()
        guard let window = app.mainWindow, let page = window.desk?.lists[.outgoing]
        else { throw DeskBenchmarkError.noDesk(app.deskError) }
        window.show(.outgoing)
        while painted == nil { g_main_context_iteration(nil, 1) }
        let first = page.table.text(ofColumn: "number", at: 0) ?? "none"
        let cached = page.table.cachedRows.count
        print("first-frame-ms: \(Int(painted!.rounded())) rows: \(page.rowCount) rowsRead: \(cached) firstRow: \(first)")
        exit(cached > 0 ? 0 : 1)
    }

    // MARK: (b) Search as you type, deep pages

    private func inWindow() throws -> [String: Any] {
        adw_init()
        let app = try QoimaApplication(options: QoimaApplication.Options(
            paths: ApplicationPaths(shareDirectory: ApplicationPaths.locate().shareDirectory,
                                    settingsFile: folder.appendingPathComponent("bench-settings.ini").path),
            nonUnique: true))
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        let company = try CompanyStore(database: database).all()[0]
        let context = DeskContext(database: database, company: company, settings: app.settings)

        var page: SntListPage!
        let window = ObjectHandle(gtk_window_new()!, transfer: .none)
        gtk_window_set_default_size(window.cPointer(), 1280, 800)
        let build = clock.measure {
            page = SntListPage(kind: .outgoing, context: context)
            gtk_window_set_child(window.cPointer(), page.widget.widget)
            gtk_window_present(window.cPointer())
            MainContext.run(until: { gtk_widget_get_mapped(page.table.view.widget) != 0 }, timeout: 30)
            MainContext.drain()
        }.seconds
        print(String(format: "  Outgoing list page built, shown and laid out in a window: %.1f ms", build * 1e3))
        MainContext.run(until: { page.model.countIsExact }, timeout: 30)
        let rows = page.rowCount

        // Deep pages, once the list settled: read by id (OFFSET would walk the index up to them).
        var deep: [String: Double] = [:]
        for (name, fraction) in [("top", 0.0), ("middle", 0.5), ("end", 1.0)] {
            let offset = max(0, Int(Double(rows) * fraction) - 100)
            let times = (0..<5).map { _ in clock.measure { _ = page.model.page(offset: offset, limit: 100) }.seconds }
            deep[name + "Milliseconds"] = times.sorted()[2] * 1e3
        }
        print(String(format: "  a page of 100 rows at the top %.1f ms, the middle %.1f ms, the end %.1f ms (of %d rows)",
                     deep["topMilliseconds"]!, deep["middleMilliseconds"]!, deep["endMilliseconds"]!, rows))

        // Search as you type: every prefix of what a bookkeeper types, a letter at a time (names,
        // an SNT number, a BIN, goods); registration numbers are pasted whole.
        let typed = ["Каспий Ойл", "Жетісу Транзит", "СНТ-482913", BenchmarkCorpus.bin(777), "бензин аи-95"]
        let pasted = ["KZ-SNT-0000000451", "KZ-SNT-0000424242"]
        var times: [Double] = []
        var slowest: [(String, Double, Int)] = []
        func measure(_ text: String) {
            var count = 0
            let seconds = clock.measure {
                page.setSearch(text)
                count = page.rowCount
                _ = page.table.row(at: 0)
            }.seconds
            times.append(seconds)
            slowest.append((text, seconds * 1e3, count))
            MainContext.run(for: 0.02)  // the frame the user sees, not timed
        }
        var byTyped: [String: [String: Double]] = [:]
        for text in typed {
            let first = times.count
            for length in 1...text.count { measure(String(text.prefix(length))) }
            let own = StoreBenchmark.summary(text, Array(times[first...]))
            byTyped[text] = ["p50Milliseconds": own["p50Milliseconds"] as! Double, "maxMilliseconds": own["maxMilliseconds"] as! Double]
            print(String(format: "    typing “%@”: p50 %.1f ms, max %.1f ms", text, own["p50Milliseconds"] as! Double,
                         own["maxMilliseconds"] as! Double))
            page.setSearch("")
        }
        for text in pasted {
            measure(text)
            page.setSearch("")
        }
        var search = StoreBenchmark.summary("search as you type at \(total) SNTs (\(times.count) prefixes)", times)
        StoreBenchmark.report(search)
        slowest.sort { $0.1 > $1.1 }
        for (prefix, milliseconds, count) in slowest.prefix(5) {
            print(String(format: "    slowest: “%@” %.1f ms (%d rows)", prefix, milliseconds, count))
        }
        search["typed"] = typed
        search["byTyped"] = byTyped
        search["pasted"] = pasted
        search["targetP95Milliseconds"] = 100
        search["slowest"] = slowest.prefix(5).map { ["prefix": $0.0, "milliseconds": $0.1, "rows": $0.2] }
        search["countShownUpTo"] = SntListModel.countCap
        gtk_window_destroy(window.cPointer())
        MainContext.drain()
        return ["pageBuiltAndFirstPageShownMilliseconds": build * 1e3, "outgoingRows": rows, "deepPages": deep,
                "searchAsYouType": search]
    }
}

enum DeskBenchmarkError: Error {
    case childFailed(String)
    case noDesk(String?)
}

/// The corpus of `StoreBenchmark` imported the same way (portal containers through the
/// importer), a third made incoming and statuses varied, in a file of its own.
struct DeskBenchmarkDatabase {
    let path: String
    let total: Int
    let perFile = 1_000

    func build() throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: path))
        let context = SntCheckContext(today: CalendarDate(year: 2026, month: 11, day: 20)!)
        let importer = SntImporter(database: database, companyBin: BenchmarkCorpus.ownBin, context: context)
        for chunk in stride(from: 0, to: total, by: 100_000) {
            let range = chunk..<min(total, chunk + 100_000)
            let files = stride(from: range.lowerBound, to: range.upperBound, by: perFile).map { first in
                (first, folder.appendingPathComponent("desk-snt-\(first).xml").path)
            }
            _ = files.parallelMap { first, path in
                let snts = (first..<min(range.upperBound, first + perFile)).map(BenchmarkCorpus.snt)
                _ = FileManager.default.createFile(atPath: path, contents: Data(SntContainerXML.container(of: snts).utf8))
            }
            let summary = try importer.importFiles(files.map(\.1))
            precondition(summary.imported == range.count, "the corpus imports whole: \(summary)")
            for (_, file) in files { try FileManager.default.removeItem(atPath: file) }
            print("  imported \(range.upperBound) SNTs")
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE snt SET direction = 'incoming' WHERE customerTin = ?", arguments: [BenchmarkCorpus.ownBin])
            try db.execute(sql: """
                UPDATE snt SET status = CASE id % 10 WHEN 0 THEN 'NOT_VIEWED' WHEN 1 THEN 'DELIVERED'
                    WHEN 2 THEN 'DECLINED' WHEN 3 THEN 'REVOKED' ELSE 'CONFIRMED' END,
                    registrationNumber = 'KZ-SNT-' || printf('%010d', id)
                """)
        }
        try queue.close()
        try database.rebuildSearchIndex()
        try database.checkpoint()
    }
}
