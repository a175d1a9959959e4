import ArgumentParser
import QoimaStore

/// `qoima-cli paths`: where Qoima keeps the user's data.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Show where Qoima keeps its database."
    )

    @Option(help: ArgumentHelp("Use this database file instead of the default.", valueName: "PATH"))
    var database: String?

    func run() throws {
        print("database: \(DatabaseLocation(explicitPath: database).path)")
    }
}
