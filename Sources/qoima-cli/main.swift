import ArgumentParser
import QoimaCore

/// Every Qoima capability without a display: scripting, CI and servers.
struct QoimaCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qoima-cli",
        abstract: "Qoima without a display: SNTs, virtual warehouses and the IS ESF sandbox from the command line.",
        version: QoimaVersion.string,
        subcommands: [PathsCommand.self]
    )
}

QoimaCLI.main()
