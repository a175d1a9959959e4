import Foundation
import GRDB
import QoimaCore
import QoimaESF
@testable import QoimaStore
import QoimaXML
import XCTest

/// Two companies trade through a real sandbox process over loopback: sending, registration,
/// incoming documents, confirmation, decline, revocation, correction and refusal, with the
/// balances they move.
final class ExchangeEndToEndTests: XCTestCase {
    nonisolated(unsafe) private static var shared: SandboxProcess?

    private var sandbox: SandboxProcess {
        get throws {
            if let running = Self.shared { return running }
            let started = try SandboxProcess()
            Self.shared = started
            return started
        }
    }

    override class func tearDown() {
        if let running = shared { XCTAssertEqual(running.stop(), 0, "the sandbox stops cleanly on SIGTERM") }
        shared = nil
        super.tearDown()
    }

    private var seller: CompanyDesk!
    private var buyer: CompanyDesk!

    override func setUp() async throws {
        seller = try CompanyDesk(.koimaSauda, sandbox: try sandbox)
        buyer = try CompanyDesk(.qurylys, sandbox: try sandbox)
    }

    private func number(_ tag: String) -> String { "E2E-\(tag)-\(UUID().uuidString.prefix(8))" }

    /// A sends, IS ESF registers and numbers it, B syncs, views and confirms, A sees CONFIRMED, and
    /// the quantity has left A's batch and arrived in B's warehouse.
    func testASentSNTIsRegisteredConfirmedAndMovesTheGoods() async throws {
        let (snt, batch) = try await seller.shipment(to: .qurylys, number: number("confirm"), quantity: 3)
        let before = try await buyer.syncBalances()
        let draft = try seller.draft(snt)
        let job = try await seller.send(draft)
        XCTAssertEqual(job.state, .done, job.lastError ?? "")
        let registered = try seller.state(draft)
        XCTAssertEqual(registered.status, .notViewed)
        let number = try XCTUnwrap(registered.registrationNumber)
        XCTAssertNotNil(SntRegistrationNumber(number).parts, number)
        XCTAssertEqual(SntRegistrationNumber(number).parts?.supplier, DemoCompany.koimaSauda.bin)
        XCTAssertEqual(job.result, number)

        // Reserved on A's batch from registration on.
        let reserved = try await seller.syncBalances().first { $0.balanceId == batch.balanceId }
        XCTAssertEqual(reserved?.reserveQuantity ?? 0, (batch.reserveQuantity ?? 0) + 3)

        try await buyer.sync()
        let incoming = try buyer.local(esfId: try XCTUnwrap(registered.esfId))
        XCTAssertEqual(try buyer.state(incoming).direction, .incoming)
        XCTAssertEqual(try buyer.state(incoming).registrationNumber, number)
        let viewed = try await buyer.client.viewSnts(ids: [try XCTUnwrap(registered.esfId)])
        XCTAssertEqual(viewed.first?.status, .delivered)

        let today = KazakhstanClock.today()
        let confirmation = try await buyer.act(.confirm, on: incoming, powerOfAttorney: ("Д-12", today))
        XCTAssertEqual(confirmation.state, .done, confirmation.lastError ?? "")
        XCTAssertEqual(try buyer.state(incoming).status, .confirmed)

        try await seller.sync()
        XCTAssertEqual(try seller.state(draft).status, .confirmed)
        let remote = try await seller.client.snts(ids: [try XCTUnwrap(registered.esfId)]).first
        XCTAssertEqual(remote?.acceptance?.powerOfAttorneyNumber, "Д-12")
        // The sync stored the acceptance data (section M) with the document.
        let acceptance = try await seller.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT acceptance FROM snt WHERE id = ?", arguments: [draft])
        }
        XCTAssertTrue(acceptance?.contains("Д-12") == true, acceptance ?? "none")

        let sellerAfter = try await seller.syncBalances().first { $0.balanceId == batch.balanceId }
        XCTAssertEqual(sellerAfter?.quantity, batch.quantity - 3)
        XCTAssertEqual(sellerAfter?.reserveQuantity ?? 0, batch.reserveQuantity ?? 0)
        let buyerAfter = try await buyer.syncBalances()
        let arrived = buyerAfter.filter { row in !before.contains { $0.balanceId == row.balanceId } }
        XCTAssertEqual(arrived.count, 1)
        XCTAssertEqual(arrived.first?.quantity, 3)
        XCTAssertEqual(arrived.first?.tnvedCode, batch.tnvedCode)
        XCTAssertEqual(arrived.first?.storeId, snt.customer.storeId)
    }

    /// B declines with a cause: the SNT is DECLINED for both and A's reserve is released.
    func testADeclineNeedsACauseAndReleasesTheReserve() async throws {
        let (snt, batch) = try await seller.shipment(to: .qurylys, number: number("decline"), quantity: 2)
        let draft = try seller.draft(snt)
        let sent = try await seller.send(draft)
        XCTAssertEqual(sent.state, .done, sent.lastError ?? "")
        try await buyer.sync()
        let incoming = try buyer.local(esfId: try XCTUnwrap(try seller.state(draft).esfId))
        XCTAssertThrowsError(try buyer.outbox.queueAction(.decline, document: incoming, cause: "  "),
                             equals: SntOutboxError.causeRequired(.decline))
        XCTAssertThrowsError(try seller.outbox.queueAction(.decline, document: draft, cause: "no"),
                             equals: SntOutboxError.onlyReceiver(.decline))
        let declined = try await buyer.act(.decline, on: incoming, cause: "Тауар сапасыз")
        XCTAssertEqual(declined.state, .done, declined.lastError ?? "")
        try await seller.sync()
        XCTAssertEqual(try seller.state(draft).status, .declined)
        let row = try await seller.syncBalances().first { $0.balanceId == batch.balanceId }
        XCTAssertEqual(row?.quantity, batch.quantity)
        XCTAssertEqual(row?.reserveQuantity ?? 0, batch.reserveQuantity ?? 0)
        // A final SNT takes no further action.
        XCTAssertThrowsError(try buyer.outbox.queueAction(.confirm, document: incoming),
                             equals: SntOutboxError.alreadyFinal(incoming, .declined))
    }

    /// A revokes its own SNT: REVOKED for both, reserve released.
    func testTheSupplierRevokes() async throws {
        let (snt, batch) = try await seller.shipment(to: .qurylys, number: number("revoke"), quantity: 1)
        let draft = try seller.draft(snt)
        _ = try await seller.send(draft)
        let revoked = try await seller.act(.revoke, on: draft, cause: "Ошибка в количестве")
        XCTAssertEqual(revoked.state, .done, revoked.lastError ?? "")
        XCTAssertEqual(try seller.state(draft).status, .revoked)
        try await buyer.sync()
        let incoming = try buyer.local(esfId: try XCTUnwrap(try seller.state(draft).esfId))
        XCTAssertEqual(try buyer.state(incoming).status, .revoked)
        XCTAssertThrowsError(try buyer.outbox.queueAction(.revoke, document: incoming, cause: "x"),
                             equals: SntOutboxError.onlySupplier)
        let row = try await seller.syncBalances().first { $0.balanceId == batch.balanceId }
        XCTAssertEqual(row?.reserveQuantity ?? 0, batch.reserveQuantity ?? 0)
    }

    /// A FIXED_SNT of a registered SNT is registered itself and cancels the original.
    func testACorrectionCancelsTheOriginal() async throws {
        let (snt, _) = try await seller.shipment(to: .qurylys, number: number("original"), quantity: 2)
        let original = try seller.draft(snt)
        _ = try await seller.send(original)
        let originalNumber = try XCTUnwrap(try seller.state(original).registrationNumber)
        var fixed = snt
        fixed.number = number("fixed")
        fixed.type = .fixed
        fixed.relatedRegistrationNumber = SntRegistrationNumber(originalNumber)
        SntSamples.editLine(&fixed, 1) { $0.quantity = 1 }
        let correction = try seller.draft(fixed)
        let job = try await seller.send(correction)
        XCTAssertEqual(job.state, .done, job.lastError ?? "")
        XCTAssertNotNil(try seller.state(correction).registrationNumber)
        try await seller.sync()
        XCTAssertEqual(try seller.state(original).status, .canceled)
    }

    /// IS ESF refuses an SNT its checks fail: the job fails and each error is on its form field.
    func testAFailedSNTsErrorsComeBackOnTheirFields() async throws {
        var (snt, _) = try await seller.shipment(to: .qurylys, number: number("failed"), quantity: 1)
        // A quantity far above what the batch holds, and a carrier IIN with a wrong check digit.
        SntSamples.editLine(&snt, 1) { $0.quantity = 1_000_000_000 }
        snt.carriage?.tin = TaxpayerNumber("000140000013")
        let draft = try seller.draft(snt)
        let job = try await seller.send(draft)
        XCTAssertEqual(job.state, .failed)
        let state = try seller.state(draft)
        XCTAssertEqual(state.status, .failed)
        XCTAssertNil(state.registrationNumber)
        let locations = Set(state.errors.compactMap(\.location))
        XCTAssertTrue(locations.contains("G1.6[1]"), "\(state.errors)")
        XCTAssertTrue(locations.contains("E37"), "\(state.errors)")
        XCTAssertTrue(state.errors.allSatisfy { !$0.text.isEmpty })
        // Sending the same revision again is refused: it is no longer a draft.
        XCTAssertThrowsError(try seller.outbox.queueSend(draft: draft), equals: SntOutboxError.alreadySent(draft, .failed))
    }

    /// Queueing the same draft twice makes one job and one document.
    func testTheSameDraftIsQueuedOnce() async throws {
        let (snt, _) = try await seller.shipment(to: .qurylys, number: number("twice"), quantity: 1)
        let draft = try seller.draft(snt)
        let first = try seller.outbox.queueSend(draft: draft)
        let second = try seller.outbox.queueSend(draft: draft)
        XCTAssertEqual(first.id, second.id)
        let jobs = try await seller.outbox.run(only: [first.id], until: .now + .seconds(60))
        XCTAssertEqual(jobs.map(\.state), [.done])
    }
}
