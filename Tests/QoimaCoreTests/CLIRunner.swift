import Foundation
import XCTest

/// Runs the built `qoima-cli` (or `qoima`) as a user would, in a chosen locale.
enum CLIRunner {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The executable sits next to the test bundle in the build folder (`.build/debug`).
    static func executable(_ tool: String = "qoima-cli") throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent(tool) }
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try XCTUnwrap(found, "\(tool) is not built next to the tests (`swift build --build-tests`): \(candidates.map(\.path))")
    }

    static func run(_ arguments: [String], language: String = "C", tool: String = "qoima-cli",
                    environment extra: [String: String] = [:]) throws -> Result {
        try run(executable: try executable(tool), arguments, language: language, environment: extra)
    }

    /// Runs another program (xmlsec1, say) the same way.
    static func run(executable: URL, _ arguments: [String], language: String = "C",
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = language
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // stderr goes to a file, so a full pipe can never block the child while stdout is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-cli-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }
}
