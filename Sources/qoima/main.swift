import ArgumentParser
import Foundation
import QoimaApp
import QoimaDemo
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

    @Flag(help: ArgumentHelp(
        "Demo mode: start the IS ESF sandbox inside Qoima, with the demo companies, their test keys and SNTs in every state.",
        discussion: "The demo's database and sandbox live in ~/.local/share/qoima/demo and keep your changes."))
    var demo = false

    @Flag(help: "With --demo: build the demo world afresh, dropping the changes made in it.")
    var demoReset = false

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
        if demo {
            let world = try DemoStart.world(reset: demoReset)
            defer { DemoStart.stop(world) }
            setenv("QOIMA_DATABASE", world.databasePath, 1)
            let status = try MainActor.assumeIsolated { try Launcher.run(.demo(DemoStart.welcome(world))) }
            if status != 0 { throw ExitCode(status) }
            return
        }
        if let screenshotDirectory {
            // The pictures show the demo world, built afresh in a scratch folder.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-screenshots-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let world = try DemoStart.world(reset: true, directory: folder)
            defer { DemoStart.stop(world) }
            setenv("QOIMA_DATABASE", world.databasePath, 1)
            let status = try MainActor.assumeIsolated { try Launcher.run(.screenshots(directory: screenshotDirectory)) }
            if status != 0 { throw ExitCode(status) }
            return
        }
        let mode: Launcher.Mode = benchmarkStartup ? .benchmarkStartup : .interactive
        let status = try MainActor.assumeIsolated { try Launcher.run(mode) }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Starts and stops demo mode's world from the synchronous command line, before and after the
/// main loop runs.
enum DemoStart {
    final class Outcome: @unchecked Sendable {
        var result: Result<DemoWorld, any Error>?
    }

    static func world(reset: Bool, directory: String = DemoWorld.defaultDirectory()) throws -> DemoWorld {
        FileHandle.standardError.write(Data("Qoima demo: starting the sandbox and the demo companies…\n".utf8))
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                outcome.result = .success(try await DemoWorld.start(directory: directory, reset: reset))
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        let world = try outcome.result!.get()
        FileHandle.standardError.write(Data("Qoima demo: IS ESF sandbox at \(world.serverURL)\n".utf8))
        return world
    }

    static func stop(_ world: DemoWorld) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await world.stop()
            done.signal()
        }
        done.wait()
    }

    static func welcome(_ world: DemoWorld) -> DemoWelcome {
        DemoWelcome(serverURL: world.serverURL, users: world.users.map { user in
            let director = user.company.director
            return DemoWelcome.User(companyName: user.company.name, bin: user.company.bin.rawValue,
                                    personName: "\(director.commonName) \(director.patronymic)",
                                    iin: director.iin.rawValue, authKeyPath: user.authKeyPath,
                                    signKeyPath: user.signKeyPath, keyPassword: user.keyPassword,
                                    cabinetPassword: user.cabinetPassword, isOwn: user.isOwn)
        })
    }
}

QoimaCommand.main()
