import ArgumentParser
import Foundation
import QoimaCore
import QoimaXML

/// `qoima-cli snt validate FILE...`: the offline format checks over SntV1 bodies and portal containers.
struct SntValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check SNT files (SntV1 bodies or portal containers) as IS ESF would, and more.",
        discussion: """
            Prints one problem per line, FILE[#N]: FIELD RULE-ID: message, in the language of the \
            locale (LC_ALL, LC_MESSAGES, LANG; English by default). FIELD is the form's field number; \
            goods lines add [line]. Rules are listed in docs/snt-rules.md.
            Exit status: 0 when every document is valid, 1 when any problem is found, \
            2 when a file cannot be read or parsed.
            """
    )

    @Argument(help: ArgumentHelp("SNT files to check.", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Print the problems as a JSON array of objects with file, document, field, path, line, rule, severity and message.")
    var json = false

    @Flag(help: "Leave warnings out (they then do not change the exit status).")
    var noWarnings = false

    @Option(help: ArgumentHelp("For a correction (FIXED_SNT): the original SNT to check it against.", valueName: "FILE"))
    var original: String?

    @Option(help: ArgumentHelp("Check as of this day (dd.MM.yyyy) instead of today in Kazakhstan.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        try DateOption.check(today, option: "--today")
    }

    func run() throws {
        var context = SntCheckContext(today: today.flatMap(CalendarDate.init(ddMMyyyy:)) ?? KazakhstanClock.today())
        if let original {
            context.original = try Self.loadOriginal(original)
        }
        var report = ValidationReport(language: CLIText.language)
        for file in files {
            report.check(file: file, context: context, includeWarnings: !noWarnings)
        }
        if json {
            print(report.json())
        } else {
            report.lines.forEach { print($0) }
            StandardError.print(CLIText.say(CLIText.summary, String(report.documentCount),
                                            String(report.errorCount), String(report.warningCount)))
        }
        throw ExitCode(report.exitStatus)
    }

    static func loadOriginal(_ path: String) throws -> SntRecord {
        let documents: [SntFileDocument]
        do {
            documents = try SntFileReader.read(fileAt: path)
        } catch {
            StandardError.print(CLIText.say(CLIText.originalUnusable, "\(path): \(error.located(in: CLIText.language))"))
            throw ExitCode(2)
        }
        guard documents.count == 1, case .success(let decoded) = documents[0].result else {
            StandardError.print(CLIText.say(CLIText.originalUnusable, path))
            throw ExitCode(2)
        }
        return SntRecord(snt: decoded.snt)
    }
}
