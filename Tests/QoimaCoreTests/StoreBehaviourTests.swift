import Foundation
import GRDB
import QoimaCore
@testable import QoimaStore
import XCTest

/// Migration of SNT data, change observation, and the storage formats.
final class StoreBehaviourTests: XCTestCase {
    func testAVersion1DatabaseWithSntsMigratesToSearchableLists() throws {
        let store = try TemporaryDatabase()
        let file = store.path("v1.sqlite")
        try QoimaDatabase.makeDatabase(at: file, schemaVersion: "v1")
        let queue = try DatabaseQueue(path: file)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO company (id, bin, nameRu, createdAt) VALUES (1, '000140000002', 'ТОО', '2026-01-01T00:00:00Z');
                INSERT INTO snt (id, companyId, direction, type, status, number, date, sellerTin, sellerName, customerTin,
                    customerName, sellerStoreId, customerStoreId, totalWithTaxTiyn, body, createdAt, updatedAt)
                VALUES (7, 1, 'incoming', 'PRIMARY_SNT', 'DELIVERED', 'СНТ-7', '2025-05-05', '000140000012',
                    'ТОО «Семёнов»', '000140000002', 'ТОО', 3003, 1001, 150000, '<x/>', '', '');
                INSERT INTO sntLine (sntId, goodsTable, position, productName, tnvedCode)
                VALUES (7, 'G1', 1, 'Мазут топочный', '2710196200'), (7, 'G1', 2, 'Керосин', '2710192100');
                """)
        }
        try queue.close()

        let migrated = try QoimaDatabase(location: DatabaseLocation(explicitPath: file))
        XCTAssertEqual(try migrated.schemaVersion(), QoimaDatabase.schemaVersions.last)
        XCTAssertEqual(try migrated.scalar("SELECT group_concat(productName, '|') FROM sntLine WHERE sntId = 7"),
                       "Мазут топочный|Керосин")
        let list = SntList(database: migrated)
        // Beginnings of 2 to 8 characters are read from the prefix indexes, longer ones from the words.
        let table = try XCTUnwrap(try migrated.scalar("SELECT sql FROM sqlite_master WHERE name = 'sntSearch'"))
        XCTAssertTrue(table.contains("detail = none") && table.contains("prefix = '2 3 4 5 6 7 8'"), table)
        for search in ["мазут", "керос", "семенов", "2710192", "снт-7", "000140000012", "ма", "00014000", "000140000",
                       "сем ке"] {
            XCTAssertEqual(try list.page(SntListQuery(search: search)).map(\.id), [7], search)
        }
        for search in ["ме", "00014001", "000140001", "сем мк"] {
            XCTAssertEqual(try list.page(SntListQuery(search: search)).map(\.id), [], search)
        }
        let row = try XCTUnwrap(try list.page(SntListQuery(direction: .incoming, counterpartyTin: "000140000012", storeId: 1001)).first)
        XCTAssertEqual(row.counterpartyName, "ТОО «Семёнов»")
        XCTAssertEqual(try migrated.check(), [])
    }

    func testAnObservedListReportsOnlyWhatChanged() throws {
        let store = try TemporaryDatabase()
        let company = try store.company()
        let drafts = SntDraftStore(database: store.database)
        let date = StoreSamples.date("01.02.2026")
        let first = try drafts.createDraft(companyId: company, StoreSamples.snt(number: "A", date: date, customer: ("000140000012", "ТОО «Бір»")))
        let second = try drafts.createDraft(companyId: company, StoreSamples.snt(number: "B", date: date.adding(days: 1), customer: ("000140000012", "ТОО «Екі»")))

        let snapshots = SnapshotCollector()
        let observation = SntListObservation(database: store.database, query: SntListQuery(companyId: company),
                                             queue: DispatchQueue(label: "test")) { snapshots.add($0) }
        defer { observation.cancel() }
        let initial = try snapshots.wait(for: 1)[0]
        XCTAssertEqual(initial.rows.map(\.id), [second, first])
        XCTAssertEqual(initial.total, 2)
        XCTAssertNil(initial.changes)

        let third = try drafts.createDraft(companyId: company, StoreSamples.snt(number: "C", date: date.adding(days: 2), customer: ("000140000012", "ТОО «Үш»")))
        let inserted = try snapshots.wait(for: 2)[1]
        XCTAssertEqual(inserted.changes, SntListChanges(inserted: [third]))
        XCTAssertEqual(inserted.total, 3)

        try drafts.saveDraft(id: first, StoreSamples.snt(number: "A2", date: date, customer: ("000140000012", "ТОО «Бір»")))
        let updated = try snapshots.wait(for: 3)[2]
        XCTAssertEqual(updated.changes, SntListChanges(updated: [first]))
        XCTAssertEqual(updated.rows.first { $0.id == first }?.number, "A2")

        // A change elsewhere (another company's list) brings no new snapshot for this one.
        let other = try store.company("000140000023")
        _ = try drafts.createDraft(companyId: other, StoreSamples.snt(number: "X", date: date, customer: ("000140000012", "ТОО")))
        try drafts.saveDraft(id: second, StoreSamples.snt(number: "B2", date: date.adding(days: 1), customer: ("000140000012", "ТОО «Екі»")))
        let afterOther = try snapshots.wait(for: 4)
        XCTAssertEqual(afterOther[3].changes, SntListChanges(updated: [second]), "no snapshot for the other company's draft")
    }

    func testProblemJSONIsWhatFoundationWouldWrite() throws {
        let problems = SntValidator(context: SntCheckContext(today: StoreSamples.date("01.01.2026")))
            .check(StoreSamples.snt(number: "", date: nil, customer: ("12", "\"quoted\" \\ name\n")))
        XCTAssertFalse(problems.isEmpty)
        let written = ProblemList.json(problems)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(written.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.count, problems.count)
        for (item, problem) in zip(parsed, problems) {
            XCTAssertEqual(item["rule"] as? String, problem.rule.id)
            XCTAssertEqual(item["field"] as? String, problem.field.code)
            XCTAssertEqual(item["arguments"] as? [String], problem.arguments)
            XCTAssertEqual(item["line"] as? Int, problem.lineNumber)
        }
        XCTAssertEqual(ProblemList.quoted("a\"b\\c\n\u{1}д"), #""a\"b\\c\n\u0001д""#)
        XCTAssertEqual(ProblemList.json([]), "[]")
    }

    func testParallelMapKeepsOrderForEveryCount() {
        for count in 0...70 {
            let items = Array(0..<count)
            XCTAssertEqual(items.parallelMap { $0 * 3 }, items.map { $0 * 3 }, "\(count)")
        }
    }
}

/// Snapshots delivered on the observation's queue, waited for by the test.
final class SnapshotCollector: @unchecked Sendable {
    private let lock = NSCondition()
    private var snapshots: [SntListSnapshot] = []

    func add(_ snapshot: SntListSnapshot) {
        lock.lock()
        snapshots.append(snapshot)
        lock.broadcast()
        lock.unlock()
    }

    /// The snapshots once there are `count` of them; fails after 10 seconds.
    func wait(for count: Int) throws -> [SntListSnapshot] {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(10)
        while snapshots.count < count {
            guard lock.wait(until: deadline) else { throw ObservationTimeout(expected: count, received: snapshots.count) }
        }
        return snapshots
    }
}

struct ObservationTimeout: Error {
    let expected: Int
    let received: Int
}
