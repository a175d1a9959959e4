import ArgumentParser
import Foundation
import QoimaCore
import QoimaPrint

/// The options every `… pdf` command shares: the file, --force, and the printout's language.
struct PDFOutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF file to write.", valueName: "FILE"))
    var output: String
    @Flag(help: "Overwrite the file when it exists.") var force = false
    @Option(help: ArgumentHelp("The printout's language: kk, ru or en (default: the locale's, as for messages).",
                               valueName: "LANGUAGE"))
    var language: String?

    func validate() throws {
        _ = try chosenLanguage()
    }

    func chosenLanguage() throws -> Language {
        guard let language else { return CLIText.language }
        guard let chosen = Language(rawValue: language.lowercased()) else {
            throw ValidationError(CLIText.say(CLIText.pdfBadLanguage, language))
        }
        return chosen
    }

    /// Refuses an existing file without --force, before any work; exits with 2.
    func checkTarget() throws {
        if FileManager.default.fileExists(atPath: output), !force {
            StandardError.print(CLIText.say(CLIText.exportExists, output))
            throw ExitCode(2)
        }
    }

    /// Writes `document` (beside the file, then renamed) and says how many pages; exits with 2 on failure.
    func write(_ document: ReportDocument) throws {
        try checkTarget()
        let pages: Int
        do {
            pages = try PDFExport.write(document, title: document.title, to: URL(fileURLWithPath: output))
        } catch {
            StandardError.print(CLIText.say(CLIText.exportFailed, output, String(describing: error)))
            throw ExitCode(2)
        }
        print(CLIText.say(CLIText.pdfWritten, output, String(pages)))
    }
}

extension CLIText {
    static let pdfBadLanguage = LocalizedText(
        kk: "--language: «%1$@» — kk, ru немесе en болуы керек",
        ru: "--language: «%1$@» — допустимы kk, ru или en",
        en: "--language: \"%1$@\" is not kk, ru or en")
    static let pdfWritten = LocalizedText(
        kk: "%1$@ жазылды: %2$@ бет",
        ru: "записан %1$@: страниц %2$@",
        en: "%1$@ written: %2$@ pages")
}
