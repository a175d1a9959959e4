import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli balances export --store ID -o FILE.csv`: one warehouse's batches as last synced,
/// every column, for a spreadsheet.
struct BalancesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one warehouse's balances as last synced to a CSV file, every column of a batch.",
        discussion: """
            The file is UTF-8 with a byte-order mark (spreadsheets then read Cyrillic correctly), comma-separated, \
            quoted where needed (RFC 4180), one batch per row after a header. An existing file is kept unless \
            --force is given. Exit status: 0 written, 2 bad input.
            """)

    @OptionGroup var options: FormCompanyOptions
    @Option(help: ArgumentHelp("The warehouse.", valueName: "ID")) var store: Int64
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The CSV file to write.", valueName: "FILE"))
    var output: String
    @Flag(help: "Overwrite the file when it exists.") var force = false

    /// The columns, in order: the batch, then the rarer fields IS ESF reports.
    static let columns = ["storeId", "balanceId", "productId", "name", "kpvedCode", "tnvedCode", "gtinCode",
                          "measureUnitCode", "unitPrice", "quantity", "reserveQuantity", "available"]
    static let detailColumns = ["manufactureOrImportDocNumber", "productNumberInImportDoc", "productNameInImportDoc",
                                "physicalLabel", "pinCode", "spiritPercent", "canExport", "dutyType", "countryCode",
                                "projectCode"]

    func run() throws {
        let (database, company) = try options.open()
        let warehouses = try WarehouseStore(database: database).warehouses(companyId: company.id)
        let rows = try BalanceStore(database: database).balances(companyId: company.id, storeId: store)
        guard rows.isEmpty == false || warehouses.contains(where: { $0.storeId == store }) else {
            StandardError.print(CLIText.say(CLIText.exportUnknownStore, String(store),
                                            warehouses.map { String($0.storeId) }.joined(separator: ", ")))
            throw ExitCode(2)
        }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path), !force {
            StandardError.print(CLIText.say(CLIText.exportExists, output))
            throw ExitCode(2)
        }
        let synced = try BalanceStore(database: database).syncedAt(companyId: company.id)
        var text = "\u{FEFF}" + (Self.columns + Self.detailColumns + ["syncedAt"]).joined(separator: ",") + "\r\n"
        for row in rows {
            var values: [String] = [String(row.storeId), String(row.balanceId), row.batch.map(String.init) ?? "", row.name]
            values += [row.kpvedCode ?? "", row.tnvedCode ?? "", row.gtin ?? "", row.measureUnitCode ?? ""]
            values += [row.unitPrice.map(DecimalText.format) ?? "", DecimalText.format(row.quantity),
                       DecimalText.format(row.reserveQuantity ?? 0), DecimalText.format(row.available)]
            values += Self.detailColumns.map { row.details[$0] ?? "" }
            values.append(synced.map { $0.formatted(.iso8601) } ?? "")
            text += values.map(Self.field).joined(separator: ",") + "\r\n"
        }
        do {
            // Written beside the target and renamed over it, so a failure never leaves half a file.
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
        } catch {
            StandardError.print(CLIText.say(CLIText.exportFailed, output, (error as NSError).localizedDescription))
            throw ExitCode(2)
        }
        print(CLIText.say(CLIText.exportWritten, String(rows.count), String(store), output))
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CLIText {
    static let exportUnknownStore = LocalizedText(
        kk: "%1$@ қоймасы компанияның қоймаларының арасында жоқ (белгілілері: %2$@); balances sync іске қосыңыз",
        ru: "склада %1$@ нет среди складов компании (известны: %2$@); выполните balances sync",
        en: "warehouse %1$@ is not one of the company's warehouses (known: %2$@); run `balances sync`")
    static let exportExists = LocalizedText(
        kk: "%1$@ файлы бар; үстінен жазу үшін --force қосыңыз",
        ru: "файл %1$@ уже существует; чтобы перезаписать, добавьте --force",
        en: "%1$@ exists; add --force to overwrite it")
    static let exportFailed = LocalizedText(
        kk: "%1$@ жазылмады: %2$@",
        ru: "не удалось записать %1$@: %2$@",
        en: "%1$@ could not be written: %2$@")
    static let exportWritten = LocalizedText(
        kk: "%2$@ қоймасының %1$@ партиясы %3$@ файлына жазылды",
        ru: "партий склада %2$@: %1$@; записано в %3$@",
        en: "%1$@ batches of warehouse %2$@ written to %3$@")
}
