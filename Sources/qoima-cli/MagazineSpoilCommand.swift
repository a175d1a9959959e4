import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine spoil`: records a spoiled blank; its number stays used.
struct MagazineSpoilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoil",
        abstract: "Record a paper blank as spoiled: an entry's (NUMBER or --id), or a blank with no SNT (--blank).",
        discussion: """
            Entries are never deleted: a spoiled blank keeps its number, which is never given again. A blank \
            spoiled before any SNT was written on it takes the next number (--blank). Exit status: 0 recorded, \
            2 refused, nothing changed.
            """)

    @OptionGroup var options: FormCompanyOptions
    @OptionGroup var entry: MagazineEntryOptions
    @Flag(help: "Record a blank spoiled with no SNT on it; it takes the next number.") var blank = false
    @Option(help: ArgumentHelp("With --blank: the day it was spoiled, dd.MM.yyyy (default: today).", valueName: "DATE"))
    var date: String?
    @Option(help: ArgumentHelp("Why the blank was spoiled.", valueName: "TEXT")) var reason: String
    @Option(help: ArgumentHelp("With --blank: who recorded it.", valueName: "NAME")) var responsible: String = ""

    func validate() throws {
        guard entry.isGiven != blank else { throw ValidationError(CLIText.say(CLIText.magazineBlankOrEntry)) }
        _ = try MagazineArgument.date(date, option: "--date")
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = MagazineStore(database: database)
        let spoiled = try MagazineFailure.run(options: [.spoilReason: "--reason", .paperDate: "--date"]) {
            if blank {
                return try store.recordSpoiledBlank(companyId: company.id,
                                                    date: try MagazineArgument.date(date, option: "--date") ?? KazakhstanClock.today(),
                                                    reason: reason, responsible: responsible)
            }
            return try store.spoil(id: try entry.resolve(store, companyId: company.id), reason: reason)
        }
        print(CLIText.say(CLIText.magazineSpoiled, spoiled.label, spoiled.spoilReason ?? ""))
    }
}
