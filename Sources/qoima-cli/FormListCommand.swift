import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli form list`: the company's forms, newest first, with filters.
struct FormListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the company's forms, newest first: kind, number, date, warehouses, total, status.")

    @OptionGroup var options: FormCompanyOptions

    @Option(help: ArgumentHelp("Only this kind (repeatable): BALANCE, MOVEMENT, WRITE_OFF…", valueName: "KIND"))
    var type: [String] = []
    @Option(help: ArgumentHelp("Only this status (repeatable): DRAFT, PROCESSED, FAILED…", valueName: "STATUS"))
    var status: [String] = []
    @Option(help: ArgumentHelp("Only forms sending from or receiving into this warehouse.", valueName: "ID"))
    var store: Int64?
    @Option(help: ArgumentHelp("Words to find in the number, registration number or goods.", valueName: "TEXT"))
    var search: String = ""
    @Option(help: ArgumentHelp("Dated on or after (dd.MM.yyyy).", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("Dated on or before (dd.MM.yyyy).", valueName: "DATE")) var to: String?
    @Option(help: "At most this many.") var limit: Int = 200
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try DateOption.check(from, option: "--from")
        try DateOption.check(to, option: "--to")
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = UFormStore(database: database)
        let query = UFormListQuery(
            companyId: company.id, types: Set(try type.map { try FormArgument.parse($0, as: UFormType.self, option: "--type") }),
            statuses: Set(try status.map { try FormArgument.parse($0, as: UFormStatus.self, option: "--status") }),
            storeId: self.store, dateFrom: from.flatMap(CalendarDate.init(ddMMyyyy:)),
            dateTo: to.flatMap(CalendarDate.init(ddMMyyyy:)), search: search)
        let rows = try store.list(query, limit: limit)
        let total = try store.count(query)
        if json {
            let items: [[String: Any]] = rows.map { row in
                ["id": row.id, "type": row.type?.rawValue ?? "", "number": row.number,
                 "date": row.date?.ddMMyyyy ?? NSNull(), "status": row.status.rawValue,
                 "sendState": row.sendState?.rawValue ?? NSNull(),
                 "senderStoreId": row.senderStoreId.map { $0 as Any } ?? NSNull(),
                 "recipientStoreId": row.recipientStoreId.map { $0 as Any } ?? NSNull(),
                 "totalSum": row.totalSum.map(DecimalText.format) ?? NSNull(),
                 "registrationNumber": row.registrationNumber ?? NSNull(), "errors": row.errorCount,
                 "warnings": row.warningCount, "lines": row.lineCount,
                 "writeOffReason": row.writeOffReason?.rawValue ?? NSNull(),
                 "detailingType": row.detailingType?.rawValue ?? NSNull()]
            }
            let data = try JSONSerialization.data(withJSONObject: ["total": total, "items": items],
                                                  options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print(CLIText.say(CLIText.formListHeader))
        for row in rows {
            func store(_ id: Int64?, _ name: String?) -> String {
                guard let id else { return "" }
                return name.map { "\(id) \($0)" } ?? String(id)
            }
            print([String(row.id), row.type?.label.text(in: CLIText.language) ?? "", row.number, row.date?.ddMMyyyy ?? "",
                   store(row.senderStoreId, row.senderStoreName), store(row.recipientStoreId, row.recipientStoreName),
                   row.totalSum.map(DecimalText.format) ?? "", row.status.label.text(in: CLIText.language),
                   row.registrationNumber ?? "", String(row.errorCount)]
                .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
        }
        StandardError.print(CLIText.say(CLIText.formListFooter, String(rows.count), String(total)))
    }
}
