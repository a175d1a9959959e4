import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore
import QoimaXML

/// `qoima-cli form check ID|--file FILE`: every problem with its field and line, and the
/// balances as they will be after the form.
struct FormCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a stored form or a UFormV1 file: problems with their field and line, and the balances after it.",
        discussion: """
            A problem reads `place severity rule: message`, the place being a field (`sender/storeId`) or a line's \
            field (`products[3].quantity`). The balances after the form are those last synced with the form \
            applied. Exit status: 0 no errors, 1 errors found, 2 bad input.
            """)

    @OptionGroup var options: FormCompanyOptions

    @Argument(help: ArgumentHelp("Local id of a stored form (see `form list`).", valueName: "ID"))
    var id: Int64?
    @Option(help: ArgumentHelp("Check this UFormV1 file instead.", valueName: "FILE")) var file: String?
    @Option(help: ArgumentHelp("Today, dd.MM.yyyy (default: today in Kazakhstan).", valueName: "DATE"))
    var today: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try DateOption.check(today, option: "--today")
        guard (id == nil) != (file == nil) else { throw ValidationError("give a form ID or --file FILE, not both") }
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = UFormStore(database: database)
        let day = today.flatMap(CalendarDate.init(ddMMyyyy:)) ?? KazakhstanClock.today()
        var form: UForm
        var reading: [UFormProblem] = []
        if let id {
            guard let stored = try store.form(id: id), stored.companyId == company.id else {
                StandardError.print(CLIText.say(CLIText.noSuchForm, String(id)))
                throw ExitCode(2)
            }
            form = stored.form
        } else {
            do {
                let decoded = try UFormXMLReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: file!))))
                form = decoded.form
                reading = decoded.problems
            } catch let error as XMLInputError {
                StandardError.print(CLIText.say(CLIText.formFileUnreadable, file!, error.located(in: CLIText.language)))
                throw ExitCode(2)
            } catch {
                StandardError.print(CLIText.say(CLIText.formFileUnreadable, file!, error.localizedDescription))
                throw ExitCode(2)
            }
        }
        let review = try store.review(form, companyId: company.id, today: day)
        let undecodable = Set(reading.filter { $0.rule != UFormRules.order }.map(\.path))
        let problems = reading + review.problems.filter { !undecodable.contains($0.path) }
        let errors = problems.filter { $0.severity == .error }.count
        if json {
            let rows: [[String: Any]] = review.preview.rows.map { row in
                ["storeId": row.storeId, "batch": row.batch.map { $0 as Any } ?? NSNull(), "name": row.name,
                 "before": DecimalText.format(row.before), "change": DecimalText.format(row.change),
                 "after": DecimalText.format(row.after), "reserved": DecimalText.format(row.reserved),
                 "availableAfter": DecimalText.format(row.availableAfter)]
            }
            let object: [String: Any] = ["problems": problems.map(FormProblemText.json), "balancesAfter": rows]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for problem in problems { print(FormProblemText.line(problem)) }
            print(CLIText.say(CLIText.formProblems, String(errors), String(problems.count - errors)))
            if !review.preview.rows.isEmpty {
                print(CLIText.say(CLIText.previewHeader))
                for row in review.preview.rows {
                    let change = (row.change > 0 ? "+" : "") + DecimalText.format(row.change)
                    print([String(row.storeId), row.batch.map(String.init) ?? CLIText.say(CLIText.newBatch), row.name,
                           DecimalText.format(row.before), change, DecimalText.format(row.after),
                           DecimalText.format(row.availableAfter)].joined(separator: "\t"))
                }
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
