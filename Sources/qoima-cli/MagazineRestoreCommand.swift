import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine restore`: the day IS ESF worked again, from which the deadlines run.
struct MagazineRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Give the day IS ESF worked again (KGD's announcement): the deadline to enter each paper SNT runs from it.",
        discussion: """
            Without NUMBER or --id, the date goes to every open entry issued on or before it that has no restore \
            date yet (--replace: to every open one). Prints each entry's last day. Exit status: 0 done, 2 refused, \
            nothing changed.
            """)

    @OptionGroup var options: FormCompanyOptions
    @OptionGroup var entry: MagazineEntryOptions
    @Option(help: ArgumentHelp("The day IS ESF worked again, dd.MM.yyyy.", valueName: "DATE")) var date: String
    @Flag(help: "Also change open entries that have a restore date already.") var replace = false

    func validate() throws {
        _ = try MagazineArgument.day(date, option: "--date")
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = MagazineStore(database: database)
        let day = try MagazineArgument.day(date, option: "--date")
        let changed = try MagazineFailure.run(options: [.restoreDate: "--date"]) {
            if entry.isGiven {
                return [try store.setRestoreDate(day, id: try entry.resolve(store, companyId: company.id))]
            }
            return try store.setRestoreDate(day, companyId: company.id, replacing: replace)
        }
        if changed.isEmpty { StandardError.print(CLIText.say(CLIText.magazineNothingToRestore, day.ddMMyyyy)) }
        for entry in changed {
            guard let deadline = entry.deadline(calendar: store.calendar) else { continue }
            print(CLIText.say(CLIText.magazineRestored, entry.label, deadline.text.text(in: CLIText.language)))
        }
    }
}
