import ArgumentParser
import Foundation
import QoimaCore
import QoimaPrint
import QoimaStore

/// `qoima-cli magazine pdf --from DATE --to DATE -o FILE.pdf`: the Magazine for a period, printed.
struct MagazinePdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the Magazine for a period to a PDF file (A4 landscape, \"page N of M\", lines to sign).",
        discussion: """
            Every entry whose paper date is in the period, spoiled blanks included, in number order, under the \
            columns of its layout version (docs/printing.md). An existing file is kept unless --force is given. \
            Exit status: 0 written, 2 bad input.
            """)

    @OptionGroup var options: FormCompanyOptions
    @Option(help: ArgumentHelp("Paper dates on or after (dd.MM.yyyy).", valueName: "DATE")) var from: String
    @Option(help: ArgumentHelp("Paper dates on or before (dd.MM.yyyy).", valueName: "DATE")) var to: String
    @OptionGroup var pdf: PDFOutputOptions

    func validate() throws {
        let (first, last) = try period()
        if last < first { throw ValidationError(CLIText.say(CLIText.pdfPeriodReversed, from, to)) }
    }

    private func period() throws -> (CalendarDate, CalendarDate) {
        (try MagazineArgument.day(from, option: "--from"), try MagazineArgument.day(to, option: "--to"))
    }

    func run() throws {
        let (first, last) = try period()
        try pdf.checkTarget()
        let (database, company) = try options.open()
        let report = try MagazineReport.read(from: database, company: company, from: first, to: last,
                                             language: try pdf.chosenLanguage())
        try pdf.write(report.document())
    }
}

extension CLIText {
    static let pdfPeriodReversed = LocalizedText(
        kk: "--to (%2$@) --from (%1$@) күнінен бұрын",
        ru: "--to (%2$@) раньше, чем --from (%1$@)",
        en: "--to (%2$@) is before --from (%1$@)")
}
