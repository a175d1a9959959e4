import ArgumentParser
import Foundation
import QoimaApp
import QoimaCore
import QoimaStore

/// The Qoima desktop application.
struct QoimaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qoima",
        abstract: "Qoima: SNTs and virtual warehouses of IS ESF on the Linux desktop.",
        discussion: "Without options, opens the main window. Headless work is done with qoima-cli.",
        version: QoimaVersion.string
    )

    @Flag(help: "Print 'first-frame-ms: N' (process start to the main window's first frame) and exit.")
    var benchmarkStartup = false

    @Option(name: .customLong("screenshots"), help: ArgumentHelp("Save a PNG of every sidebar page into DIR and exit.", valueName: "DIR"))
    var screenshotDirectory: String?

    @Flag(help: "Print where Qoima reads its data and keeps its settings, and exit.")
    var showPaths = false

    @Option(help: ArgumentHelp("Use this database file instead of the default (also: QOIMA_DATABASE).", valueName: "PATH"))
    var database: String?

    func run() throws {
        // Everything in the process that opens the database resolves DatabaseLocation, which
        // reads QOIMA_DATABASE: setting it here makes --database apply everywhere.
        if let database, !database.isEmpty { setenv("QOIMA_DATABASE", database, 1) }
        if showPaths {
            let paths = ApplicationPaths.locate()
            print("data: \(paths.shareDirectory)")
            print("settings: \(paths.settingsFile)")
            print("database: \(DatabaseLocation().path)")
            return
        }
        let mode: Launcher.Mode = if let screenshotDirectory {
            .screenshots(directory: screenshotDirectory)
        } else if benchmarkStartup {
            .benchmarkStartup
        } else {
            .interactive
        }
        let status = try MainActor.assumeIsolated { try Launcher.run(mode) }
        if status != 0 { throw ExitCode(status) }
    }
}

QoimaCommand.main()
