import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine add`: issues a draft on paper, taking the Magazine's next number.
struct MagazineAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Issue an outgoing draft on paper: it takes the next Magazine number and gets A 2.1 and A 2.1.1.",
        discussion: """
            The draft stays a draft; once IS ESF works again it is sent as usual, carrying the paper date \
            (A 2.1 datePaper) and the reason (A 2.1.1 reasonPaper). Exit status: 0 issued, 2 refused (the \
            option at fault is named), nothing changed.
            """)

    @OptionGroup var options: FormCompanyOptions
    @Option(help: ArgumentHelp("The draft's local id (see `snt list`).", valueName: "ID"))
    var snt: Int64
    @Option(help: ArgumentHelp("Why on paper: DOWN_TIME, UNLAWFUL_REMOVAL_REGISTRATION or MISSING_REQUIREMENT.",
                               valueName: "REASON"))
    var reason: String
    @Option(help: ArgumentHelp("The date written on the paper SNT, dd.MM.yyyy.", valueName: "DATE"))
    var paperDate: String
    @Option(help: ArgumentHelp("Who issued it, for the Magazine's last column.", valueName: "NAME"))
    var responsible: String = ""
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try MagazineArgument.day(paperDate, option: "--paper-date")
        _ = try FormArgument.parse(reason, as: PaperReason.self, option: "--reason")
    }

    func run() throws {
        let (database, company) = try options.open()
        let reason = try FormArgument.parse(reason, as: PaperReason.self, option: "--reason")
        let paperDate = try MagazineArgument.day(paperDate, option: "--paper-date")
        let store = MagazineStore(database: database)
        let entry = try MagazineFailure.run(options: [.snt: "--snt", .paperDate: "--paper-date", .reason: "--reason"]) {
            try store.issue(sntId: snt, companyId: company.id, reason: reason,
                            paperDate: paperDate, responsible: responsible)
        }
        let row = try store.row(id: entry.id)
        if json {
            try MagazineJSON.print(["id": entry.id, "year": entry.year, "number": entry.number, "sntId": snt])
        } else {
            print(CLIText.say(CLIText.magazineIssued, entry.label, String(snt), row?.snt?.number ?? "",
                              entry.paperDate.ddMMyyyy, reason.name.text(in: CLIText.language)))
        }
    }
}
