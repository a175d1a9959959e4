import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaStore

/// `qoima-cli balances …`: the virtual warehouse's balances, as IS ESF reports them.
struct BalancesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balances",
        abstract: "Sync the company's warehouses, balances and dictionaries from IS ESF; list, export and reconcile the balances.",
        subcommands: [Sync.self, List.self, BalancesExportCommand.self, BalancesPdfCommand.self, BalancesReconcileCommand.self]
    )

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the warehouses, a full snapshot of the balances (resuming one left unfinished), units and GSVS.")
        @OptionGroup var options: ESFOptions

        func run() async throws {
            let connection = try ESFConnection.open(options)
            let sync = VirtualWarehouseSync(client: connection.client, database: connection.database,
                                            company: connection.company)
            do {
                let report = try await sync.run()
                if let resumed = report.resumedAfter {
                    print(CLIText.say(CLIText.balancesResumed, String(resumed)))
                }
                print(CLIText.say(CLIText.balancesSynced, String(report.warehouses), String(report.balances),
                                  String(report.pages)))
                let dictionaries = try await DictionarySync(client: connection.client, database: connection.database,
                                                            companyId: connection.company.id).run()
                print(CLIText.say(CLIText.dictionariesSynced, String(dictionaries.units), String(dictionaries.gsvsEntries)))
            } catch let error as ESFError {
                throw ESFConnection.fail(error)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The balances as last synced: one warehouse's or all, with reserved and available quantities.")
        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("The own company (default: the only one).", valueName: "BIN")) var company: String?
        @Option(help: ArgumentHelp("Only this warehouse.", valueName: "ID")) var store: Int64?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let database = try database.open()
            let companies = try CompanyStore(database: database).all().filter { company == nil || $0.bin == company }
            guard companies.count == 1 else {
                StandardError.print(CLIText.say(companies.isEmpty ? CLIText.noOwnCompany : CLIText.chooseCompany,
                                                company ?? companies.map(\.bin).joined(separator: ", ")))
                throw ExitCode(2)
            }
            let rows = try BalanceStore(database: database).balances(companyId: companies[0].id, storeId: store)
            if json {
                let items: [[String: Any]] = rows.map { row in
                    var item: [String: Any] = [
                        "balanceId": row.balanceId, "storeId": row.storeId, "name": row.name,
                        "quantity": DecimalText.format(row.quantity), "available": DecimalText.format(row.available),
                    ]
                    item["productId"] = row.batch
                    item["kpvedCode"] = row.kpvedCode
                    item["tnvedCode"] = row.tnvedCode
                    item["gtin"] = row.gtin
                    item["measureUnitCode"] = row.measureUnitCode
                    item["unitPrice"] = row.unitPrice.map(DecimalText.format)
                    item["reserveQuantity"] = row.reserveQuantity.map(DecimalText.format)
                    for (key, value) in row.details { item[key] = value }
                    return item
                }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            print(CLIText.say(CLIText.balancesHeader))
            for row in rows {
                print([String(row.storeId), String(row.balanceId), row.batch.map(String.init) ?? "", row.name,
                       row.kpvedCode ?? "", row.tnvedCode ?? "", row.gtin ?? "", row.measureUnitCode ?? "",
                       row.unitPrice.map(DecimalText.format) ?? "", DecimalText.format(row.quantity),
                       row.reserveQuantity.map(DecimalText.format) ?? "0", DecimalText.format(row.available)]
                    .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
            }
            let synced = try BalanceStore(database: database).syncedAt(companyId: companies[0].id)
            StandardError.print(CLIText.say(CLIText.balancesFooter, String(rows.count),
                                            synced.map(KazakhstanClock.minuteText) ?? "—"))
        }
    }
}

extension CLIText {
    static let balancesSynced = LocalizedText(
        kk: "қоймалар: %1$@, қалдық жолдары: %2$@ (%3$@ бет)",
        ru: "складов: %1$@, строк остатков: %2$@ (страниц: %3$@)",
        en: "%1$@ warehouses, %2$@ balance rows (%3$@ pages)")
    static let balancesResumed = LocalizedText(
        kk: "үзілген қалдықтар көшірмесі %1$@ жолынан кейін жалғасты",
        ru: "прерванная выгрузка остатков продолжена после строки %1$@",
        en: "the interrupted balances snapshot resumed after balance %1$@")
    static let dictionariesSynced = LocalizedText(
        kk: "анықтамалықтар: өлшем бірліктері %1$@, ГСВС жазбалары %2$@",
        ru: "справочники: единиц измерения %1$@, записей ГСВС %2$@",
        en: "dictionaries: %1$@ units, %2$@ GSVS entries")
    static let balancesHeader = LocalizedText(
        kk: "ҚОЙМА\tЖОЛ\tПАРТИЯ\tАТАУЫ\tКПВЭД\tТН ВЭД\tGTIN\tӨЛШЕМ\tБАҒАСЫ\tСАНЫ\tРЕЗЕРВ\tҚОЛЖЕТІМДІ",
        ru: "СКЛАД\tСТРОКА\tПАРТИЯ\tНАИМЕНОВАНИЕ\tКПВЭД\tТН ВЭД\tGTIN\tЕД.\tЦЕНА\tКОЛ-ВО\tРЕЗЕРВ\tДОСТУПНО",
        en: "STORE\tBALANCE\tBATCH\tNAME\tKPVED\tTN VED\tGTIN\tUNIT\tPRICE\tQUANTITY\tRESERVED\tAVAILABLE")
    static let balancesFooter = LocalizedText(
        kk: "%1$@ жол; соңғы синхрондау: %2$@",
        ru: "строк: %1$@; последняя синхронизация: %2$@",
        en: "%1$@ rows; last synced %2$@")
}
