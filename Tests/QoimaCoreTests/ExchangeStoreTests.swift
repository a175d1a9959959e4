import Foundation
import QoimaCore
@testable import QoimaStore
import QoimaXML
import XCTest

final class OutboxStoreTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var outbox: OutboxStore!
    private var company: Int64 = 0

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        outbox = OutboxStore(database: store.database)
        company = try store.company()
    }

    private func newJob(_ key: String = "send:1:1") throws -> OutboxJob {
        try outbox.enqueue(NewOutboxJob(companyId: company, kind: .sendSnt, sntId: nil, number: "A-1",
                                        documentDate: StoreSamples.date("20.01.2026"), idempotencyKey: key))
    }

    func testTheSameKeyNeverQueuesTwice() throws {
        let first = try newJob()
        let second = try newJob()
        XCTAssertEqual(first.id, second.id)
        XCTAssertEqual(try outbox.jobs(companyId: company).count, 1)
        XCTAssertEqual(first.state, .pending)
        XCTAssertEqual(first.documentDate, StoreSamples.date("20.01.2026"))
    }

    func testAJobIsMarkedSendingBeforeItLeavesAndACrashLeavesItUncertain() throws {
        let job = try newJob()
        let sending = try outbox.beginAttempt(job.id)
        XCTAssertEqual(sending.state, .sending)
        XCTAssertEqual(sending.attempts, 1)
        XCTAssertNotNil(sending.firstSentAt)
        // A second attempt while one is in flight is refused.
        XCTAssertThrowsError(try outbox.beginAttempt(job.id), equals: OutboxError.wrongState(job.id, .sending))
        // The process dies here; the next start finds it.
        XCTAssertEqual(try outbox.recoverInterrupted(companyId: company), 1)
        let recovered = try XCTUnwrap(outbox.job(id: job.id))
        XCTAssertEqual(recovered.state, .uncertain)
        XCTAssertEqual(recovered.lastError, "interrupted while sending")
        XCTAssertEqual(try outbox.jobs(companyId: company, in: [.uncertain]).map(\.id), [job.id])
    }

    func testAStateWalkToDoneAndTheFinalStatesStick() throws {
        let job = try newJob()
        _ = try outbox.beginAttempt(job.id)
        try outbox.answerLost(job.id, error: "timed out")
        let again = try outbox.beginAttempt(job.id)
        XCTAssertEqual(again.attempts, 2)
        XCTAssertEqual(again.firstSentAt, try XCTUnwrap(outbox.job(id: job.id)).firstSentAt)
        try outbox.accepted(job.id, esfId: 77)
        try outbox.done(job.id, result: "KZ-SNT-0001-000140000002-20260120-1")
        let done = try XCTUnwrap(outbox.job(id: job.id))
        XCTAssertEqual(done.state, .done)
        XCTAssertTrue(done.state.isFinal)
        XCTAssertEqual(done.esfId, 77)
        XCTAssertEqual(done.result, "KZ-SNT-0001-000140000002-20260120-1")
        XCTAssertThrowsError(try outbox.beginAttempt(job.id), equals: OutboxError.wrongState(job.id, .done))
        XCTAssertThrowsError(try outbox.cancel(job.id), equals: OutboxError.wrongState(job.id, .done))
    }

    func testOnlyAJobIsESFCertainlyLacksCanBeCancelled() throws {
        let job = try newJob()
        _ = try outbox.beginAttempt(job.id)
        try outbox.answerLost(job.id, error: "connection reset")
        XCTAssertThrowsError(try outbox.cancel(job.id), equals: OutboxError.wrongState(job.id, .uncertain))
        let other = try newJob("send:2:1")
        try outbox.cancel(other.id)
        XCTAssertEqual(try outbox.job(id: other.id)?.state, .cancelled)
        XCTAssertThrowsError(try outbox.beginAttempt(99), equals: OutboxError.missing(99))
    }

    func testEveryMoveIsAudited() throws {
        let job = try newJob()
        _ = try outbox.beginAttempt(job.id)
        try outbox.failed(job.id, error: "declined")
        let actions = try store.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE entity = 'outboxJob' AND entityId = ? ORDER BY id",
                                arguments: [job.id])
        }
        XCTAssertEqual(actions, ["enqueue", "send", "failed"])
    }
}

final class SntExchangeStoreTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var exchange: SntExchangeStore!
    private var company: Int64 = 0
    private let bin = "000140000002"

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        exchange = SntExchangeStore(database: store.database)
        company = try store.company(bin)
    }

    private func remote(_ id: Int64, seller: String, customer: String, status: SntStatus = .notViewed,
                        registration: String? = nil) -> ExchangedSnt {
        let snt = StoreSamples.snt(number: "N-\(id)", date: StoreSamples.date("20.01.2026"),
                                   seller: (seller, "Seller"), customer: (customer, "Customer"))
        return ExchangedSnt(esfId: id, registrationNumber: registration, status: status,
                            inputDate: Date(timeIntervalSince1970: 1_768_900_000.25), lastUpdateDate: nil,
                            cancelReason: nil, body: SntXMLWriter.body(of: snt), signature: "c2ln",
                            acceptance: nil, errors: [])
    }

    func testNewDocumentsAreInsertedWithTheirDirectionAndKnownOnesUpdated() throws {
        let count = try exchange.apply([remote(1, seller: "000140000012", customer: bin),
                                        remote(2, seller: bin, customer: "000140000012")],
                                       companyId: company, companyBin: bin,
                                       cursor: SyncCursor(lastEventDate: Date(timeIntervalSince1970: 5), lastId: 2),
                                       cursorName: .inboundSnts)
        XCTAssertEqual(count.inserted, 2)
        XCTAssertEqual(try exchange.document(esfId: 1, companyId: company)?.direction, .incoming)
        XCTAssertEqual(try exchange.document(esfId: 2, companyId: company)?.direction, .outgoing)
        XCTAssertEqual(try exchange.document(esfId: 1, companyId: company)?.signature, "c2ln")
        XCTAssertEqual(try SyncCursorStore(database: store.database).cursor(companyId: company, .inboundSnts),
                       SyncCursor(lastEventDate: Date(timeIntervalSince1970: 5), lastId: 2))

        var confirmed = remote(1, seller: "000140000012", customer: bin, status: .confirmed,
                               registration: "KZ-SNT-0001-000140000012-20260120-7")
        confirmed.acceptance = SntAcceptance(acceptorName: "Ахметов", powerOfAttorneyNumber: "12")
        let second = try exchange.apply([confirmed], companyId: company, companyBin: bin)
        XCTAssertEqual(second.updated, 1)
        XCTAssertEqual(second.inserted, 0)
        let state = try XCTUnwrap(exchange.document(esfId: 1, companyId: company))
        XCTAssertEqual(state.status, .confirmed)
        // The registration number is searchable at once.
        let list = try SntList(database: store.database).page(SntListQuery(companyId: company, direction: .incoming,
                                                                          search: "KZ-SNT-0001-000140000012"))
        XCTAssertEqual(list.count, 1)
    }

    func testAnUnreadableBodyIsReportedNotStored() throws {
        var broken = remote(3, seller: "000140000012", customer: bin)
        broken.body = "<v1:snt"
        let count = try exchange.apply([broken], companyId: company, companyBin: bin)
        XCTAssertEqual(count.unreadable, [3])
        XCTAssertNil(try exchange.document(esfId: 3, companyId: company))
    }

    func testLinkingASentDraftRemovesTheCopyASyncStoredMeanwhile() throws {
        let draft = try SntDraftStore(database: store.database).createDraft(
            companyId: company, StoreSamples.snt(number: "N-9", date: StoreSamples.date("20.01.2026"),
                                                 customer: ("000140000012", "Customer")))
        try exchange.apply([remote(9, seller: bin, customer: "000140000012")], companyId: company, companyBin: bin)
        try exchange.linkSent(id: draft, esfId: 9, signature: "c2ln")
        let rows = try store.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM snt WHERE esfId = 9") }
        XCTAssertEqual(rows, 1)
        XCTAssertEqual(try exchange.document(esfId: 9, companyId: company)?.id, draft)
        XCTAssertEqual(try exchange.exchangeState(id: draft)?.status, .created)
    }

    func testErrorsAreKeptWithTheirFieldAndLine() throws {
        var failed = remote(4, seller: bin, customer: "000140000012", status: .failed)
        failed.errors = [ExchangeError(property: "productSet.products.product[2].quantity", code: "goods.quantity",
                                       text: "Количество", field: "G1.6", line: 2)]
        try exchange.apply([failed], companyId: company, companyBin: bin)
        let id = try XCTUnwrap(exchange.document(esfId: 4, companyId: company)).id
        XCTAssertEqual(try exchange.exchangeState(id: id)?.errors.first?.location, "G1.6[2]")
    }
}

final class BalanceStoreTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var balances: BalanceStore!
    private var company: Int64 = 0

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        balances = BalanceStore(database: store.database)
        company = try store.company()
    }

    private func rows(_ ids: ClosedRange<Int64>, quantity: Decimal = 10) -> [StoredBalance] {
        ids.map { StoredBalance(balanceId: $0, storeId: 1, batch: $0 * 10, name: "Дизель", kpvedCode: "19.20.21",
                                tnvedCode: "2710194200", gtin: nil, measureUnitCode: "112", unitPrice: 350.5,
                                quantity: quantity, reserveQuantity: 2.5, details: ["countryCode": "KZ"]) }
    }

    func testTheCacheChangesOnlyWhenTheSnapshotIsComplete() throws {
        try balances.stage(rows(1...3), companyId: company, lastBalanceId: 3, last: true)
        XCTAssertEqual(try balances.count(companyId: company), 3)

        // A new snapshot, interrupted after its first page: the old cache stays whole.
        try balances.stage(rows(1...2, quantity: 4), companyId: company, lastBalanceId: 2, last: false)
        XCTAssertEqual(try balances.snapshotInProgress(companyId: company), 2)
        XCTAssertEqual(try balances.balances(companyId: company).map(\.quantity), [10, 10, 10])

        // Resumed: the last page completes it and replaces the cache.
        try balances.stage(rows(5...5, quantity: 4), companyId: company, lastBalanceId: 5, last: true)
        XCTAssertNil(try balances.snapshotInProgress(companyId: company))
        let stored = try balances.balances(companyId: company)
        XCTAssertEqual(stored.map(\.balanceId), [1, 2, 5])
        XCTAssertEqual(stored.first?.available, 1.5)
        XCTAssertEqual(stored.first?.unitPrice, Decimal(string: "350.5"))
        XCTAssertEqual(stored.first?.details["countryCode"], "KZ")
    }

    func testADiscardedSnapshotStartsOver() throws {
        try balances.stage(rows(1...2), companyId: company, lastBalanceId: 2, last: false)
        try balances.discardSnapshot(companyId: company)
        XCTAssertNil(try balances.snapshotInProgress(companyId: company))
        try balances.stage(rows(3...3), companyId: company, lastBalanceId: 3, last: true)
        XCTAssertEqual(try balances.balances(companyId: company).map(\.balanceId), [3])
    }
}

final class ESFLoginStoreTests: XCTestCase {
    func testLoginAndSessionIdsAreRememberedAndForgotten() throws {
        let store = try TemporaryDatabase()
        let company = try store.company()
        let logins = ESFLoginStore(database: store.database)
        let login = ESFLogin(companyId: company, server: "http://127.0.0.1:1", userIin: "800101300016",
                             userName: "АХМЕТОВ", authKeyPath: "/k/auth.p12", signKeyPath: "/k/sign.p12")
        try logins.save(login)
        XCTAssertEqual(try logins.login(companyId: company), login)
        try logins.saveSessionId("abc-000140000002--ADMIN_ENTERPRISE", server: "s", scope: "esf", iin: "i", tin: "t")
        XCTAssertEqual(try logins.sessionId(server: "s", scope: "esf", iin: "i", tin: "t"), "abc-000140000002--ADMIN_ENTERPRISE")
        XCTAssertNil(try logins.sessionId(server: "s", scope: "vstore", iin: "i", tin: "t"))
        try logins.saveSessionId(nil, server: "s", scope: "esf", iin: "i", tin: "t")
        XCTAssertNil(try logins.sessionId(server: "s", scope: "esf", iin: "i", tin: "t"))
    }
}
