import Foundation
import QoimaCore
import QoimaESF
import QoimaStore
import QoimaXML
import XCTest

/// A reconciliation after real trading against a sandbox process: differences planted by a form
/// IS ESF failed, a write-off made on the portal and an SNT the buyer confirmed are each found
/// with their cause; a form processed as expected leaves no difference.
final class ReconciliationExchangeTests: XCTestCase {
    func testPlantedDifferencesAreFoundWithTheirCauses() async throws {
        let sandbox = try SandboxProcess()
        defer { XCTAssertEqual(sandbox.stop(), 0) }
        let seller = try FormDesk(.koimaSauda, sandbox: sandbox)
        let buyer = try CompanyDesk(.qurylys, sandbox: sandbox)
        let reconciler = BalanceReconciler(client: seller.client, database: seller.desk.database, company: seller.company,
                                           firstSyncSince: Date().addingTimeInterval(-3600))
        let first = try await reconciler.run()
        XCTAssertEqual(first.differences, [], "nothing to compare against yet")
        XCTAssertNil(first.previousSyncAt)
        let before = try await seller.syncBalances()
        _ = try await reconciler.run()

        // An SNT registered (as Qoima expects), then confirmed by the buyer (not expected).
        let (snt, batch) = try await seller.desk.shipment(to: .qurylys, number: "REC-\(UUID().uuidString.prefix(6))",
                                                          quantity: 2)
        let job = try await seller.desk.send(try seller.desk.draft(snt))
        XCTAssertEqual(job.state, .done, job.lastError ?? "")
        try await buyer.sync()
        let incoming = try buyer.local(esfId: try XCTUnwrap(seller.desk.state(job.sntId!).esfId))
        let confirmation = try await buyer.act(.confirm, on: incoming, powerOfAttorney: ("Д-1", KazakhstanClock.today()))
        XCTAssertEqual(confirmation.state, .done, confirmation.lastError ?? "")

        // A write-off processed as expected.
        let cement = try XCTUnwrap(before[BalanceKey(1001, 812_017)])
        let expectedWriteOff = try seller.draft(.writeOff) { form in
            form.writeOffReason = .damage
            form.writeOffDetails = [.documentNumber: "7", .documentDate: KazakhstanClock.today().ddMMyyyy]
            form.products = [UFormProduct(taking: 3, from: cement)]
        }
        let processed = try await seller.send(expectedWriteOff)
        XCTAssertEqual(processed.status, .processed)

        // A write-off queued in Qoima, while most of the sugar goes on the portal: IS ESF fails it.
        let sugar = try XCTUnwrap(before[BalanceKey(1001, 812_063)])
        let failing = try seller.draft(.writeOff) { form in
            form.writeOffReason = .damage
            form.writeOffDetails = [.documentNumber: "8", .documentDate: KazakhstanClock.today().ddMMyyyy]
            form.products = [UFormProduct(taking: 5, from: sugar)]
        }
        try seller.sender.queue(id: failing)
        let portalQuantity = sugar.available - 2
        var portal = FormSamples.form(.writeOff, [UFormProduct(taking: portalQuantity, from: sugar)],
                                      number: "PORTAL-\(UUID().uuidString.prefix(6))")
        portal.date = KazakhstanClock.today()
        portal.writeOffReason = .loss
        portal.comment = " "
        _ = try await seller.client.uploadUForms([try await SignedDocument.sign(UFormXMLWriter.body(of: portal),
                                                                                with: SharedTestPKI.signer())])
        let failed = try await seller.sender.run(only: [failing]).first
        XCTAssertEqual(failed?.status, .failed)

        let report = try await reconciler.run()
        XCTAssertNotNil(report.previousSyncAt)
        XCTAssertEqual(try ReconciliationStore(database: seller.desk.database).lastReport(companyId: seller.company.id),
                       report, "kept for the page that shows it")
        let byBatch = Dictionary(uniqueKeysWithValues: report.differences.compactMap { difference in
            difference.batch.map { (BalanceKey(difference.storeId, $0), difference) }
        })
        XCTAssertNil(byBatch[BalanceKey(1001, 812_017)], "the processed write-off did what was expected")

        let sugarDifference = try XCTUnwrap(byBatch[BalanceKey(1001, 812_063)])
        XCTAssertEqual(sugarDifference.expectedQuantity, sugar.quantity - 5)
        XCTAssertEqual(sugarDifference.reportedQuantity, sugar.quantity - portalQuantity)
        XCTAssertEqual(Set(sugarDifference.causes.map(\.kind)), [.formFailed, .formMadeElsewhere])
        let failedCause = try XCTUnwrap(sugarDifference.causes.first { $0.kind == .formFailed })
        XCTAssertEqual(failedCause.quantity, 5)
        XCTAssertEqual(failedCause.localId, failing)
        XCTAssertTrue(failedCause.text.text(in: .english).hasPrefix("form \(failed?.form.number ?? "?") failed"),
                      failedCause.text.text(in: .english))
        XCTAssertEqual(sugarDifference.causes.first { $0.kind == .formMadeElsewhere }?.documentNumber, portal.number)

        let shipped = try XCTUnwrap(byBatch[BalanceKey(batch.taxpayerStoreId, try XCTUnwrap(batch.productId))])
        XCTAssertEqual(shipped.quantityDifference, -2)
        XCTAssertEqual(shipped.causes.map(\.kind), [.sntConfirmed])
        XCTAssertFalse(report.differences.contains { $0.causes.contains { $0.kind == .unexplained } },
                       "every difference here has a cause: \(report.differences)")

        let again = try await reconciler.run()
        XCTAssertEqual(again.differences, [], "nothing changed since")
    }
}
