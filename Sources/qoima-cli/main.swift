import ArgumentParser
import Foundation
import QoimaCore

/// Every Qoima capability without a display: scripting, CI and servers.
struct QoimaCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qoima-cli",
        abstract: "Qoima without a display: SNTs, virtual warehouses, their forms and the IS ESF sandbox from the command line.",
        version: QoimaVersion.string,
        subcommands: [PathsCommand.self, SntCommand.self, KeysCommand.self, DatabaseCommand.self, ESFCommand.self,
                      WarehouseCommand.self, BalancesCommand.self, FormCommand.self, MagazineCommand.self, SandboxCommand.self]
    )
}

/// Runs the command the arguments name: those that talk to IS ESF (or are the sandbox) are
/// async, the rest are not.
func runCommand() async throws {
    var command = try QoimaCLI.parseAsRoot()
    if let asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        try command.run()
    }
}

/// Opens the existential so the `async` `run()` is the one called.
func runAsync<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    try await command.run()
}

// Bad arguments exit with 2, as shell tools do, rather than ArgumentParser's 64.
do {
    try await runCommand()
} catch {
    guard QoimaCLI.exitCode(for: error) == .validationFailure else { QoimaCLI.exit(withError: error) }
    FileHandle.standardError.write(Data((QoimaCLI.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
