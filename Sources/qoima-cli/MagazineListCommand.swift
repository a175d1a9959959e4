import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine list`: the company's Magazine in number order, with each entry's state
/// and deadline.
struct MagazineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the Magazine in number order: paper date, reason, SNT, recipient, deadline or registration.",
        discussion: """
            --json adds every column of the Magazine's layout, as printed. Exit status: 0 listed, 1 listed and \
            some entries shown are overdue, 2 bad input.
            """)

    @OptionGroup var options: FormCompanyOptions
    @Option(help: ArgumentHelp("Only this year's Magazine.", valueName: "YEAR")) var year: Int?
    @Option(help: ArgumentHelp("Paper dates on or after (dd.MM.yyyy).", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("Paper dates on or before (dd.MM.yyyy).", valueName: "DATE")) var to: String?
    @Option(help: ArgumentHelp("Only this state (repeatable): issued, entered, spoiled.", valueName: "STATE"))
    var state: [String] = []
    @Flag(help: "Only issued entries whose deadline has passed.") var overdue = false
    @Option(help: ArgumentHelp("Words to find in the numbers or a party's name or IIN/BIN.", valueName: "TEXT"))
    var search: String = ""
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try query(companyId: 0)
    }

    /// The query the options make; `magazine pdf` reads the same.
    func query(companyId: Int64) throws -> MagazineQuery {
        MagazineQuery(companyId: companyId, year: year, from: try MagazineArgument.date(from, option: "--from"),
                      to: try MagazineArgument.date(to, option: "--to"),
                      states: Set(try state.map(MagazineArgument.state)), overdueOnly: overdue, search: search)
    }

    func run() throws {
        let (database, company) = try options.open()
        let query = try query(companyId: company.id)
        let rows = try MagazineStore(database: database).list(query)
        let overdue = rows.filter { $0.entry.isOverdue(on: query.today) }.count
        if json {
            try MagazineJSON.print(["total": rows.count, "overdue": overdue,
                                    "items": rows.map { MagazineJSON.row($0, today: query.today) }])
        } else {
            let language = CLIText.language
            print(CLIText.say(CLIText.magazineListHeader))
            for row in rows {
                print([row.entry.label, row.entry.paperDate.ddMMyyyy, row.entry.reason?.rawValue ?? "",
                       row.entry.sntId.map(String.init) ?? "", row.snt?.number ?? "", row.snt?.customerName ?? "",
                       row.entry.status(on: query.today).text.text(in: language), row.registrationNumber ?? ""]
                    .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
            }
            StandardError.print(CLIText.say(CLIText.magazineListFooter, String(rows.count), String(overdue)))
        }
        if overdue > 0 { throw ExitCode(1) }
    }
}

/// The Magazine as JSON: every field of an entry, its status on a day, and the layout's columns.
enum MagazineJSON {
    static func row(_ row: MagazineRow, today: CalendarDate) -> [String: Any] {
        let entry = row.entry
        let language = CLIText.language
        let layout = MagazineLayout.version(entry.layoutVersion) ?? .current
        let deadline = entry.deadline()
        return [
            "id": entry.id, "year": entry.year, "number": entry.number, "state": entry.state.rawValue,
            "paperDate": entry.paperDate.ddMMyyyy, "reason": entry.reason?.rawValue ?? NSNull(),
            "sntId": entry.sntId.map { $0 as Any } ?? NSNull(), "restoreDate": entry.restoreDate?.ddMMyyyy ?? NSNull(),
            "lastDay": deadline?.lastDay.ddMMyyyy ?? NSNull(), "deadlineCertain": deadline?.isCertain ?? NSNull(),
            "overdue": entry.isOverdue(on: today), "status": entry.status(on: today).text.text(in: language),
            "registrationNumber": row.registrationNumber ?? NSNull(),
            "enteredAt": row.enteredAt.map { KazakhstanClock.day(of: $0).ddMMyyyy } ?? NSNull(),
            "responsible": entry.responsible, "spoilReason": entry.spoilReason ?? NSNull(),
            "layoutVersion": entry.layoutVersion,
            "columns": Dictionary(uniqueKeysWithValues: layout.columns.map { ($0.id, $0.text(of: row, in: language)) }),
        ]
    }

    static func print(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
