import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaStore

/// `qoima-cli balances reconcile`: syncs forms, SNTs, warehouses and balances, and lists where
/// IS ESF's balances differ from what Qoima expected, with their causes. `--last` shows the last
/// comparison without syncing.
struct BalancesReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Sync, then list the batches whose balances differ from what Qoima expected, with their causes.")
    @OptionGroup var options: ESFOptions
    @Flag(help: "Show the last comparison, without syncing.") var last = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let report: BalanceReconciliationReport
        if last {
            let database = try options.database.open()
            let company = try options.ownCompany(database)
            guard let kept = try ReconciliationStore(database: database).lastReport(companyId: company.id) else {
                StandardError.print(CLIText.say(CLIText.noReconciliation))
                throw ExitCode(2)
            }
            report = kept
        } else {
            let connection = try ESFConnection.open(options)
            do {
                report = try await BalanceReconciler(client: connection.client, database: connection.database,
                                                     company: connection.company).run()
            } catch let error as ESFError {
                throw ESFConnection.fail(error)
            }
        }
        if json { return print(try Self.json(report)) }
        let language = CLIText.language
        print(report.summary.text(in: language))
        for difference in report.differences {
            print(difference.batchText.text(in: language) + ": " + difference.differenceText.text(in: language))
            for cause in difference.causes {
                print("    • " + cause.text.text(in: language) + " ("
                      + cause.amountText(unit: difference.measureUnitCode).text(in: language) + ")")
            }
        }
    }

    static func json(_ report: BalanceReconciliationReport) throws -> String {
        let language = CLIText.language
        let formatter = ISO8601DateFormatter()
        func iso(_ date: Date) -> String { formatter.string(from: date) }
        var object: [String: Any] = [
            "ranAt": iso(report.ranAt), "batchesCompared": report.batchesCompared,
            "documentsConsidered": report.documentsConsidered,
            "differences": report.differences.map { difference -> [String: Any] in
                var item: [String: Any] = [
                    "storeId": difference.storeId, "name": difference.name,
                    "expectedQuantity": DecimalText.format(difference.expectedQuantity),
                    "reportedQuantity": DecimalText.format(difference.reportedQuantity),
                    "expectedReserved": DecimalText.format(difference.expectedReserved),
                    "reportedReserved": DecimalText.format(difference.reportedReserved),
                    "causes": difference.causes.map { cause -> [String: Any] in
                        var item: [String: Any] = [
                            "cause": cause.kind.rawValue, "quantity": DecimalText.format(cause.quantity),
                            "reserved": DecimalText.format(cause.reserved), "text": cause.text.text(in: language),
                        ]
                        item["document"] = cause.documentKind?.rawValue
                        item["id"] = cause.localId
                        item["number"] = cause.documentNumber
                        item["registrationNumber"] = cause.registrationNumber
                        item["status"] = cause.status
                        item["reason"] = cause.reason
                        return item
                    },
                ]
                item["productId"] = difference.batch
                item["measureUnitCode"] = difference.measureUnitCode
                return item
            },
        ]
        object["previousSyncAt"] = report.previousSyncAt.map(iso)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension CLIText {
    static let noReconciliation = LocalizedText(
        kk: "салыстыру әлі жасалмаған: `qoima-cli balances reconcile` іске қосыңыз",
        ru: "сверка ещё не выполнялась: запустите `qoima-cli balances reconcile`",
        en: "no comparison yet: run `qoima-cli balances reconcile`")
}
