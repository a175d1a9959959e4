import Foundation
import GRDB
import QoimaCore
@testable import QoimaStore
import XCTest

final class SntDraftTrashTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var trash: SntDraftTrash!
    private var company: Int64!

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        trash = SntDraftTrash(database: store.database)
        company = try store.company()
    }

    private func draft(_ number: String, goods: [String] = ["Цемент М400", "Арматура А500"]) throws -> Int64 {
        let snt = StoreSamples.snt(number: number, date: StoreSamples.date("01.02.2026"),
                                   customer: ("000140000012", "ТОО «Ертіс Құрылыс»"), goods: goods, total: 1500)
        return try SntDraftStore(database: store.database).createDraft(companyId: company, snt)
    }

    /// Everything stored about one SNT, as text, to compare before and after.
    private func snapshot(_ id: Int64) throws -> [String] {
        try store.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM snt WHERE id = ?", arguments: [id]).map { "\($0)" } ?? "none"
            let lines = try Row.fetchAll(db, sql: "SELECT * FROM sntLine WHERE sntId = ? ORDER BY goodsTable, position",
                                         arguments: [id]).map { "\($0)" }
            return [row] + lines
        }
    }

    private func search(_ text: String) throws -> [Int64] {
        try SntList(database: store.database).page(SntListQuery(companyId: company, search: text)).map(\.id)
    }

    private func audit(_ id: Int64) throws -> [String] {
        try store.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE entity = 'snt' AND entityId = ? ORDER BY id",
                                arguments: [id])
        }
    }

    func testDeleteRemovesTheDraftAndRestorePutsItBackExactly() throws {
        let kept = try draft("K-1", goods: ["Гвозди"])
        let id = try draft("D-7")
        let before = try snapshot(id)
        XCTAssertEqual(try search("арматура"), [id])

        let deleted = try trash.delete(draftId: id)
        XCTAssertEqual(deleted.number, "D-7")
        XCTAssertEqual(try snapshot(id), ["none"], "the row and its lines are gone")
        XCTAssertEqual(try search("арматура"), [], "the search index forgot it")
        XCTAssertEqual(try search("гвозди"), [kept], "other drafts stay")
        XCTAssertEqual(try SntList(database: store.database).count(SntListQuery(companyId: company)), 1)

        try trash.restore(deleted)
        XCTAssertEqual(try snapshot(id), before, "row, id and goods lines are back as they were")
        XCTAssertEqual(try search("арматура"), [id], "found by search again")
        XCTAssertEqual(try search("D-7"), [id])
        XCTAssertEqual(try audit(id), ["create", "delete", "restore"])
        XCTAssertEqual(try SntDraftStore(database: store.database).draft(id: id)?.snt.number, "D-7", "the body reads")
        // The restored draft is a draft like any other: it can be deleted again.
        XCTAssertNoThrow(try trash.delete(draftId: id))
    }

    func testSentAndIncomingDocumentsAreNeverDeleted() throws {
        let sent = try draft("S-1")
        try SntRegistrationStore(database: store.database).record(id: sent, registrationNumber: "KZ-SNT-0000000001",
                                                                   esfId: 501, status: .delivered)
        XCTAssertThrowsError(try trash.delete(draftId: sent)) { error in
            XCTAssertEqual(error as? DraftTrashError, .notADraft(id: sent, number: "S-1", status: "DELIVERED"))
            XCTAssertTrue("\(error)".contains("never deleted"), "\(error)")
        }
        let incoming = try store.insert(StoreSamples.snt(number: "IN-1", date: StoreSamples.date("02.02.2026"),
                                                         customer: ("000140000002", "ТОО «Қойма Сауда»")),
                                        company: company, direction: .incoming, status: .draft)
        XCTAssertThrowsError(try trash.delete(draftId: incoming)) { error in
            guard case .notADraft = error as? DraftTrashError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try trash.delete(draftId: 9_999)) { XCTAssertEqual($0 as? DraftTrashError, .missing(9_999)) }
        XCTAssertNotEqual(try snapshot(sent), ["none"], "the sent SNT is still there")
        XCTAssertEqual(try audit(sent), ["create", "status"], "a refused delete leaves no trace")
    }

    func testADraftQueuedForSendingStays() throws {
        let id = try draft("Q-1")
        try store.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO outboxJob (companyId, kind, sntId, idempotencyKey, state, createdAt, updatedAt)
                VALUES (?, 'send', ?, 'key-1', 'pending', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')
                """, arguments: [company, id])
        }
        XCTAssertThrowsError(try trash.delete(draftId: id)) {
            XCTAssertEqual($0 as? DraftTrashError, .beingSent(id: id, number: "Q-1"))
        }
    }

    func testRestoreRefusesAnIdTakenMeanwhile() throws {
        let id = try draft("R-1")
        let deleted = try trash.delete(draftId: id)
        try trash.restore(deleted)
        XCTAssertThrowsError(try trash.restore(deleted)) {
            XCTAssertEqual($0 as? DraftTrashError, .idTaken(id: id, number: "R-1"))
        }
    }
}
