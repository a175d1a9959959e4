import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli snt import FILE...`: SNT files into the database as drafts (status IMPORTED).
struct SntImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store SNT files (SntV1 bodies or portal containers) as drafts, with the problems the checks find.",
        discussion: """
            Every document is stored as an IMPORTED draft of the own company named by --company, or \
            else of its seller (added to the own companies when new). A document that fails the \
            format checks is stored all the same, with its problems, and its errors are printed; one \
            that cannot be read is printed with where and why. The import is one transaction: it is \
            stored whole or not at all. The last line is the summary \
            `imported N, with problems M, unreadable K`.
            Exit status: 0 when every document was stored, 1 when any could not be, 2 when the \
            database cannot be opened or written.
            """
    )

    @OptionGroup var options: DatabaseOption

    @Argument(help: ArgumentHelp("SNT files to import.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The BIN of the own company the drafts belong to (default: each document's seller).",
                               valueName: "BIN"))
    var company: String?

    @Option(help: ArgumentHelp("Check as of this day (dd.MM.yyyy) instead of today in Kazakhstan.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        try DateOption.check(today, option: "--today")
        if let company, let defect = TaxpayerNumber(company).defect {
            throw ValidationError("--company must be a BIN of 12 digits with a valid check digit (\(defect))")
        }
    }

    func run() throws {
        let database = try options.open()
        let context = SntCheckContext(today: today.flatMap(CalendarDate.init(ddMMyyyy:)) ?? KazakhstanClock.today())
        let importer = SntImporter(database: database, companyBin: company, context: context)
        let language = CLIText.language
        let summary: SntImportSummary
        do {
            summary = try importer.importFiles(files) { outcome in
                let name = ValidationReport.name(outcome.file, outcome.document)
                switch outcome.result {
                case let .imported(id, problems):
                    for problem in problems where problem.severity == .error {
                        print(CLIText.say(CLIText.importedWithProblem, name, String(id), problem.location,
                                          problem.rule.id, problem.message(in: language)))
                    }
                case let .notRead(error):
                    print(CLIText.say(CLIText.notImported, name, error.located(in: language)))
                case .noCompany:
                    print(CLIText.say(CLIText.notImported, name, CLIText.say(CLIText.noCompany)))
                }
            }
        } catch {
            StandardError.print(CLIText.say(CLIText.importFailed, "\(error)"))
            throw ExitCode(2)
        }
        print(CLIText.say(CLIText.importSummary, String(summary.imported), String(summary.withProblems),
                          String(summary.unreadable)))
        if summary.unreadable > 0 { throw ExitCode(1) }
    }
}
