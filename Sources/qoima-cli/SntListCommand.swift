import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli snt list`: SNTs in the database, filtered, searched, sorted and paged as in the app.
struct SntListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the SNTs in the database, with the app's filters, search and sort orders.",
        discussion: """
            Prints a tab-separated table (a header, then one SNT per line), and on standard error \
            which rows of how many were shown. --search matches the beginnings of words in the \
            number, the registration number, both parties' names and IIN/BINs, goods names and \
            TN VED codes; every word typed must match.
            """
    )

    @OptionGroup var options: DatabaseOption

    @Option(help: ArgumentHelp("outgoing or incoming.", valueName: "D"))
    var direction: SntDirection?

    @Option(help: ArgumentHelp("Only SNTs in this status (DRAFT, IMPORTED, DELIVERED…); repeat or separate with commas.",
                               valueName: "S"))
    var status: [String] = []

    @Option(help: ArgumentHelp("SNTs dated on or after this day (dd.MM.yyyy).", valueName: "DATE"))
    var from: String?

    @Option(help: ArgumentHelp("SNTs dated on or before this day (dd.MM.yyyy).", valueName: "DATE"))
    var to: String?

    @Option(help: ArgumentHelp("Words to search for.", valueName: "TEXT"))
    var search: String?

    @Option(help: ArgumentHelp("The counterparty's IIN/BIN.", valueName: "TIN"))
    var counterparty: String?

    @Option(help: ArgumentHelp("The own warehouse (its IS ESF id).", valueName: "ID"))
    var warehouse: Int64?

    @Option(help: ArgumentHelp("Only this own company's SNTs.", valueName: "BIN"))
    var company: String?

    @Option(help: ArgumentHelp("Sort by: \(SntListColumn.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "COLUMN"))
    var sort: SntListColumn = .date

    @Flag(help: "Sort ascending (default: descending, newest first).")
    var ascending = false

    @Option(help: "How many SNTs to show.")
    var limit = 50

    @Option(help: "How many to skip first.")
    var offset = 0

    @Flag(help: "Print JSON: total, offset and the items.")
    var json = false

    func validate() throws {
        try DateOption.check(from, option: "--from")
        try DateOption.check(to, option: "--to")
        for name in statuses where SntStatus(rawValue: name) == nil {
            throw ValidationError("unknown status \(name); the statuses are \(SntStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard limit > 0, offset >= 0 else { throw ValidationError("--limit must be positive and --offset not negative") }
    }

    private var statuses: [String] {
        status.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
    }

    func run() throws {
        let database = try options.open()
        var query = SntListQuery(direction: direction, statuses: Set(statuses.compactMap(SntStatus.init(rawValue:))),
                                 from: from.flatMap(CalendarDate.init(ddMMyyyy:)), to: to.flatMap(CalendarDate.init(ddMMyyyy:)),
                                 counterpartyTin: counterparty, storeId: warehouse, search: search,
                                 order: SntListOrder(sort, ascending: ascending))
        if let company {
            guard let own = try CompanyStore(database: database).company(bin: company) else {
                StandardError.print(CLIText.say(CLIText.noOwnCompany, company))
                throw ExitCode(1)
            }
            query.companyId = own.id
        }
        let list = SntList(database: database)
        let rows = try list.page(query, offset: offset, limit: limit)
        let total = try list.count(query)
        if json {
            print(Self.json(rows, total: total, offset: offset))
            return
        }
        print(CLIText.say(CLIText.listHeader))
        for row in rows {
            print([String(row.id), row.direction.rawValue, row.status.rawValue, row.number,
                   row.date?.ddMMyyyy ?? "", row.counterpartyName, row.counterpartyTin ?? "",
                   row.total.map(DecimalText.format) ?? "", row.registrationNumber ?? ""]
                .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
        }
        StandardError.print(CLIText.say(CLIText.listFooter, String(rows.isEmpty ? 0 : offset + 1),
                                        String(offset + rows.count), String(total)))
    }

    static func json(_ rows: [SntListRow], total: Int, offset: Int) -> String {
        let items: [[String: Any]] = rows.map { row in
            [
                "id": row.id, "companyId": row.companyId, "direction": row.direction.rawValue, "type": row.type.rawValue,
                "status": row.status.rawValue, "number": row.number, "date": row.date?.ddMMyyyy ?? NSNull(),
                "shippingDate": row.shippingDate?.ddMMyyyy ?? NSNull(), "counterparty": row.counterpartyName,
                "counterpartyTin": row.counterpartyTin ?? NSNull(),
                "total": row.total.map(DecimalText.format) ?? NSNull(), "currency": row.currencyCode ?? NSNull(),
                "registrationNumber": row.registrationNumber ?? NSNull(), "problems": row.problemCount,
                "revision": row.revision,
            ]
        }
        let object: [String: Any] = ["total": total, "offset": offset, "items": items]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension SntDirection: ExpressibleByArgument {}
extension SntListColumn: ExpressibleByArgument {}
