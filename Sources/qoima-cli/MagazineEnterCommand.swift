import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine enter`: records that a paper SNT is entered into IS ESF.
struct MagazineEnterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enter",
        abstract: "Record a paper SNT as entered into IS ESF: with its registration number, or as its SNT was registered.",
        discussion: """
            NUMBER --registration-number KZ-SNT-… [--date D] records a number IS ESF gave; NUMBER alone takes the \
            registration number and input date of the entry's SNT as last synced; --registered does that for \
            every issued entry whose SNT is registered. Exit status: 0 done, 2 refused, nothing changed.
            """)

    @OptionGroup var options: FormCompanyOptions
    @OptionGroup var entry: MagazineEntryOptions
    @Option(help: ArgumentHelp("The IS ESF registration number.", valueName: "NUMBER")) var registrationNumber: String?
    @Option(help: ArgumentHelp("With --registration-number: the day it was entered, dd.MM.yyyy (default: today).",
                               valueName: "DATE"))
    var date: String?
    @Flag(help: "Every issued entry whose SNT IS ESF has registered.") var registered = false

    func validate() throws {
        guard entry.isGiven != registered else { throw ValidationError(CLIText.say(CLIText.magazineNeedsEntry)) }
        if date != nil, registrationNumber == nil { throw ValidationError(CLIText.say(CLIText.magazineDateNeedsNumber)) }
        _ = try MagazineArgument.date(date, option: "--date")
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = MagazineStore(database: database)
        let options: [MagazineError.Field: String] = [.registrationNumber: "--registration-number", .enteredAt: "--date"]
        let entered = try MagazineFailure.run(options: options) {
            if registered { return try store.enterRegistered(companyId: company.id) }
            let id = try entry.resolve(store, companyId: company.id)
            guard let registrationNumber else { return [try store.markEnteredFromSnt(id: id)] }
            let day = try MagazineArgument.date(date, option: "--date")
            return [try store.markEntered(id: id, registrationNumber: SntRegistrationNumber(registrationNumber),
                                          enteredAt: day.map(MagazineArgument.instant) ?? Date())]
        }
        if entered.isEmpty { StandardError.print(CLIText.say(CLIText.magazineNothingRegistered)) }
        for entry in entered {
            print(CLIText.say(CLIText.magazineEntered, entry.label, entry.registrationNumber?.rawValue ?? "",
                              entry.enteredAt.map { KazakhstanClock.day(of: $0).ddMMyyyy } ?? ""))
        }
    }
}
