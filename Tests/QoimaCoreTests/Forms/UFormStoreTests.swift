import Foundation
import GRDB
import QoimaCore
@testable import QoimaStore
import QoimaXML
import XCTest

/// The form store over a real SQLite file: drafts with sensible defaults, saves that keep the
/// body as the writer writes it, the list's filters and paging, delete with undo, copy, and
/// the refusals that protect forms IS ESF has seen.
final class UFormStoreTests: XCTestCase {
    private var temporary: TemporaryDatabase!
    private var company: Int64!
    private var store: UFormStore { UFormStore(database: temporary.database) }
    private let today = CalendarDate(year: 2026, month: 3, day: 12)!

    override func setUp() async throws {
        temporary = try TemporaryDatabase()
        company = try temporary.company()
        try WarehouseStore(database: temporary.database).replace(companyId: company, with: [
            StoredWarehouse(storeId: 1002, name: "Филиал", typeCode: "STORE_HOUSE", status: "VALID", address: "",
                            responsiblePersonIin: nil, isDefault: false, signs: [:]),
            StoredWarehouse(storeId: 1001, name: "Негізгі қойма", typeCode: "STORE_HOUSE", status: "VALID",
                            address: "Алматы", responsiblePersonIin: nil, isDefault: true, signs: [:]),
        ])
    }

    private func line(_ name: String, quantity: Decimal, batch: Int64? = nil) -> UFormProduct {
        UFormProduct(gsvsCode: GsvsCode("23.51.12.100-2523290000"), measureUnitCode: MeasureUnitCode("168"),
                     price: 10, quantity: quantity, sum: 10 * quantity, name: name, productId: batch,
                     tnvedCode: TnvedCode("2523290000"))
    }

    func testANewDraftHasTheNextNumberTodayAndThePriorityWarehouse() throws {
        let first = try XCTUnwrap(store.form(id: try store.createDraft(companyId: company, type: .movement, today: today)))
        XCTAssertEqual(first.form.number, "MOV-2026-0001")
        XCTAssertEqual(first.form.date, today)
        XCTAssertEqual(first.form.type, .movement)
        XCTAssertEqual(first.form.sender?.storeId, 1001)
        XCTAssertEqual(first.form.sender?.storeName, "Негізгі қойма")
        XCTAssertEqual(first.form.sender?.tin?.rawValue, "000140000002")
        XCTAssertEqual(first.status, .draft)
        XCTAssertEqual(first.revision, 1)
        XCTAssertTrue(first.isEditable)
        XCTAssertFalse(first.problems.isEmpty, "an empty movement has problems")
        let second = try XCTUnwrap(store.form(id: try store.createDraft(companyId: company, type: .movement, today: today)))
        XCTAssertEqual(second.form.number, "MOV-2026-0002")
        let writeOff = try XCTUnwrap(store.form(id: try store.createDraft(companyId: company, type: .writeOff, today: today)))
        XCTAssertEqual(writeOff.form.number, "WO-2026-0001")
        XCTAssertThrowsError(try store.createDraft(companyId: company, type: .kkm, today: today)) { error in
            XCTAssertEqual(error as? UFormStoreError, .systemKind(.kkm))
        }
    }

    func testSaveKeepsTheBodyTheDetailsAndTheUsersComment() throws {
        let id = try store.createDraft(companyId: company, type: .writeOff, today: today)
        var form = try XCTUnwrap(store.form(id: id)).form
        form.writeOffReason = .writeOffByGuilty
        form.writeOffDetails = [.guiltyPersonName: "Иванов Иван", .guiltyPersonIin: "000101500001",
                                .documentNumber: "7", .documentDate: "11.03.2026"]
        form.comment = "Разбитые мешки"
        form.products = [line("Цемент М400", quantity: 5, batch: 812_017)]
        form.totalSum = 50
        XCTAssertEqual(try store.save(id: id, form), 2)

        let stored = try XCTUnwrap(store.form(id: id))
        XCTAssertEqual(stored.form, form, "the editor gets back exactly what it saved")
        XCTAssertEqual(stored.body, UFormXMLWriter.body(of: form.forWire))
        let sent = try UFormXMLReader.read(stored.body).form
        XCTAssertEqual(sent.comment, "Номер документа-основания: 7; Дата документа-основания: 11.03.2026; "
                       + "ФИО виновного лица: Иванов Иван; ИИН виновного лица: 000101500001 — Разбитые мешки")
        XCTAssertEqual(stored.revision, 2)
        let columns = try temporary.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT number, date, senderStoreId, totalSum, subtype, lineCount FROM uform WHERE id = ?",
                             arguments: [id])
        }
        XCTAssertEqual(columns?["number"], "WO-2026-0001")
        XCTAssertEqual(columns?["date"], "2026-03-12")
        XCTAssertEqual(columns?["senderStoreId"], 1001)
        XCTAssertEqual(columns?["totalSum"], "50")
        XCTAssertEqual(columns?["subtype"], "WRITE_OFF_BY_GUILTY")
        XCTAssertEqual(columns?["lineCount"], 1)
    }

    func testTheListFiltersSearchesAndPagesNewestFirst() throws {
        var ids: [Int64] = []
        for (offset, type) in [UFormType.movement, .writeOff, .movement, .balance].enumerated() {
            let id = try store.createDraft(companyId: company, type: type, today: today.adding(days: offset))
            var form = try XCTUnwrap(store.form(id: id)).form
            form.products = [line(offset == 2 ? "Цемент М500" : "Кірпіш", quantity: 1)]
            if type == .movement { form.recipient = UFormParty(storeId: 1002) }
            try store.save(id: id, form)
            ids.append(id)
        }
        let all = UFormListQuery(companyId: company)
        XCTAssertEqual(try store.list(all).map(\.id), ids.reversed())
        XCTAssertEqual(try store.count(all), 4)
        XCTAssertEqual(try store.list(all, offset: 1, limit: 2).map(\.id), [ids[2], ids[1]])
        XCTAssertEqual(try store.list(UFormListQuery(companyId: company, types: [.movement])).map(\.id), [ids[2], ids[0]])
        XCTAssertEqual(try store.list(UFormListQuery(companyId: company, storeId: 1002)).map(\.id), [ids[2], ids[0]])
        XCTAssertEqual(try store.list(UFormListQuery(companyId: company, search: "ЦЕМЕНТ")).map(\.id), [ids[2]])
        XCTAssertEqual(try store.list(UFormListQuery(companyId: company, search: "wo-2026")).map(\.id), [ids[1]])
        XCTAssertEqual(try store.count(UFormListQuery(companyId: company, statuses: [.processed])), 0)
        XCTAssertEqual(try store.list(UFormListQuery(companyId: company, dateFrom: today.adding(days: 1),
                                                     dateTo: today.adding(days: 2))).map(\.id), [ids[2], ids[1]])
        let row = try XCTUnwrap(store.list(all).last)
        XCTAssertEqual(row.senderStoreName, "Негізгі қойма")
        XCTAssertEqual(row.recipientStoreName, "Филиал")
        XCTAssertEqual(row.lineCount, 1)
        XCTAssertGreaterThan(row.errorCount, 0)
    }

    func testADeletedDraftComesBackExactlyAndACopyIsANewDraft() throws {
        let id = try store.createDraft(companyId: company, type: .balance, today: today)
        var form = try XCTUnwrap(store.form(id: id)).form
        form.products = [line("Кірпіш", quantity: 100)]
        try store.save(id: id, form)
        let before = try XCTUnwrap(store.form(id: id))

        let deleted = try store.delete(draftId: id)
        XCTAssertNil(try store.form(id: id))
        XCTAssertEqual(deleted.number, "BAL-2026-0001")
        try store.restore(deleted)
        XCTAssertEqual(try store.form(id: id), before)
        XCTAssertThrowsError(try store.restore(deleted))

        let copy = try XCTUnwrap(store.form(id: try store.copy(id: id, today: today.adding(days: 3))))
        XCTAssertEqual(copy.form.number, "BAL-2026-0002")
        XCTAssertEqual(copy.form.date, today.adding(days: 3))
        XCTAssertEqual(copy.form.products, form.products)
        XCTAssertEqual(copy.status, .draft)
    }

    func testFormsIsESFHasSeenAreNeitherEditedNorDeleted() throws {
        let id = try store.createDraft(companyId: company, type: .writeOff, today: today)
        let form = try XCTUnwrap(store.form(id: id)).form
        try temporary.database.pool.write { db in
            try db.execute(sql: "UPDATE uform SET status = 'PROCESSED', esfId = 55 WHERE id = ?", arguments: [id])
        }
        XCTAssertThrowsError(try store.save(id: id, form)) { error in
            guard case .notEditable? = error as? UFormStoreError else { return XCTFail("\(error)") }
            XCTAssertTrue((error as? UFormStoreError)?.message(in: .english).contains("only a draft or a failed form") == true)
        }
        XCTAssertThrowsError(try store.delete(draftId: id))

        // A failed form can be fixed: it becomes a draft again and its IS ESF id is set aside.
        try temporary.database.pool.write { db in
            try db.execute(sql: "UPDATE uform SET status = 'FAILED', sendState = 'failed' WHERE id = ?", arguments: [id])
        }
        try store.save(id: id, form)
        let fixed = try XCTUnwrap(store.form(id: id))
        XCTAssertEqual(fixed.status, .draft)
        XCTAssertNil(fixed.exchange.esfId)
        XCTAssertNil(fixed.exchange.sendState)

        // A form on its way is left alone.
        try temporary.database.pool.write { db in
            try db.execute(sql: "UPDATE uform SET sendState = 'uncertain' WHERE id = ?", arguments: [id])
        }
        XCTAssertThrowsError(try store.save(id: id, form))
        XCTAssertThrowsError(try store.delete(draftId: id))
    }
}
