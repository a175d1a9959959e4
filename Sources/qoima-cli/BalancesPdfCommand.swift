import ArgumentParser
import Foundation
import QoimaCore
import QoimaPrint
import QoimaStore

/// `qoima-cli balances pdf --store ID|--all -o FILE.pdf`: balances as last synced, printed.
struct BalancesPdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the balances as last synced to a PDF file: one warehouse or all, subtotals and a grand total.",
        discussion: "An existing file is kept unless --force is given. Exit status: 0 written, 2 bad input.")

    @OptionGroup var options: FormCompanyOptions
    @Option(help: ArgumentHelp("The warehouse.", valueName: "ID")) var store: Int64?
    @Flag(help: "Every warehouse of the company.") var all = false
    @OptionGroup var pdf: PDFOutputOptions

    func validate() throws {
        if (store == nil) == !all { throw ValidationError(CLIText.say(CLIText.pdfStoreOrAll)) }
    }

    func run() throws {
        try pdf.checkTarget()
        let (database, company) = try options.open()
        let language = try pdf.chosenLanguage()
        guard let report = try BalancesReport.read(from: database, company: company, storeId: store, language: language) else {
            let known = try WarehouseStore(database: database).warehouses(companyId: company.id).map { String($0.storeId) }
            StandardError.print("--store: " + CLIText.say(CLIText.exportUnknownStore, String(store ?? 0),
                                                          known.joined(separator: ", ")))
            throw ExitCode(2)
        }
        try pdf.write(report.document())
    }
}

extension CLIText {
    static let pdfStoreOrAll = LocalizedText(
        kk: "не --store ID, не --all көрсетіңіз (екеуін бірге емес)",
        ru: "укажите либо --store ID, либо --all (но не оба)",
        en: "give either --store ID or --all (not both)")
}
