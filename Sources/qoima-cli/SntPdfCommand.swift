import ArgumentParser
import Foundation
import QoimaCore
import QoimaPrint
import QoimaStore

/// `qoima-cli snt pdf ID -o FILE.pdf`: an SNT from the database, printed.
struct SntPdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print an SNT from the database to a PDF file: every filled section, the goods, places to sign.",
        discussion: """
            --road-transit prints the copy that travels with a lorry: the vehicle, trailer, carrier, driver and seal \
            come first, every page names the vehicle, and the driver signs too (docs/printing.md). An existing file \
            is kept unless --force is given. Exit status: 0 written, 2 bad input.
            """)

    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("Local id of the SNT (as `snt list` shows it).", valueName: "ID")) var id: Int64
    @Flag(help: "Print the road-transit copy.") var roadTransit = false
    @OptionGroup var pdf: PDFOutputOptions

    func run() throws {
        try pdf.checkTarget()
        let database = try database.open()
        let document: StoredSntDocument?
        do {
            document = try SntDocumentStore(database: database).document(id: id)
        } catch {
            StandardError.print("ID \(id): \(error)")
            throw ExitCode(2)
        }
        guard let document else {
            StandardError.print("ID: " + CLIText.say(CLIText.noSuchSnt, String(id)))
            throw ExitCode(2)
        }
        let printout = SntPrintout(snt: document.snt, registrationNumber: document.record.registration?.registrationNumber?.rawValue,
                                   variant: roadTransit ? .roadTransit : .standard, language: try pdf.chosenLanguage())
        try pdf.write(printout.document())
    }
}
