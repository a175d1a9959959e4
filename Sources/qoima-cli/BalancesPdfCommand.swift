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
        let warehouses = try WarehouseStore(database: database).warehouses(companyId: company.id)
        let balances = BalanceStore(database: database)
        let chosen = try warehouses.filter { store == nil || $0.storeId == store }.map { warehouse in
            BalancesReport.Warehouse(storeId: warehouse.storeId, name: warehouse.name,
                                     batches: try balances.balances(companyId: company.id, storeId: warehouse.storeId)
                                         .map(BalancesReport.Batch.init))
        }
        if let store, chosen.isEmpty {
            StandardError.print("--store: " + CLIText.say(CLIText.exportUnknownStore, String(store),
                                                          warehouses.map { String($0.storeId) }.joined(separator: ", ")))
            throw ExitCode(2)
        }
        let language = try pdf.chosenLanguage()
        let report = BalancesReport(companyName: company.name(in: language), companyBin: company.bin, warehouses: chosen,
                                    syncedAt: try balances.syncedAt(companyId: company.id), language: language)
        try pdf.write(report.document())
    }
}

extension BalancesReport.Batch {
    /// A batch as the balance cache holds it.
    init(_ stored: StoredBalance) {
        self.init(name: stored.name, kpvedCode: stored.kpvedCode, tnvedCode: stored.tnvedCode, gtin: stored.gtin,
                  productId: stored.batch.map(String.init), unit: stored.measureUnitCode, unitPrice: stored.unitPrice,
                  quantity: stored.quantity, reserved: stored.reserveQuantity ?? 0)
    }
}

extension CLIText {
    static let pdfStoreOrAll = LocalizedText(
        kk: "не --store ID, не --all көрсетіңіз (екеуін бірге емес)",
        ru: "укажите либо --store ID, либо --all (но не оба)",
        en: "give either --store ID or --all (not both)")
}
