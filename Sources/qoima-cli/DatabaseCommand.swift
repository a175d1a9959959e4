import ArgumentParser
import QoimaStore

/// `--database PATH`, shared by every command that opens the user's database.
struct DatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this database file instead of the default (also: QOIMA_DATABASE).", valueName: "PATH"))
    var database: String?

    var location: DatabaseLocation { DatabaseLocation(explicitPath: database) }

    /// Opens the database, or says why not and exits with 2.
    func open() throws -> QoimaDatabase {
        do {
            return try QoimaDatabase(location: location)
        } catch let error as StoreError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }
}

/// `qoima-cli db …`: the local database.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Back up, restore and check the local database.",
        subcommands: [Backup.self, Restore.self, Check.self, DraftExerciseCommand.self]
    )

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the database to FILE, while Qoima may be running.")

        @OptionGroup var options: DatabaseOption
        @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "FILE"))
        var file: String

        func run() throws {
            let database = try options.open()
            try database.backup(to: file)
            print(CLIText.say(CLIText.backupWritten, file))
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the database with a backup; refuses a file that is not a Qoima database or is newer.")

        @OptionGroup var options: DatabaseOption
        @Argument(help: ArgumentHelp("The backup to restore.", valueName: "FILE"))
        var file: String

        func run() throws {
            let database = try options.open()
            do {
                try database.restore(from: file)
            } catch let error as StoreError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(1)
            }
            print(CLIText.say(CLIText.restored, file, database.path))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the integrity and foreign-key checks; exit 1 when a problem is found.")

        @OptionGroup var options: DatabaseOption

        func run() throws {
            let database = try options.open()
            let problems = try database.check()
            problems.forEach { print($0) }
            guard problems.isEmpty else { throw ExitCode(1) }
            print(CLIText.say(CLIText.databaseSound, database.path))
        }
    }
}
