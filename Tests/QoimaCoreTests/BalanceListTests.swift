import Foundation
import QoimaCore
@testable import QoimaStore
import QoimaXML
import XCTest

/// The balances table's queries over a real database: paging, search, filters, order, grouping
/// by product, and which SNTs and forms hold a batch.
final class BalanceListTests: XCTestCase {
    var temporary: TemporaryDatabase!
    var company: Int64 = 0
    var list: BalanceList { BalanceList(database: temporary.database) }

    override func setUpWithError() throws {
        temporary = try TemporaryDatabase()
        company = try temporary.company()
        try WarehouseStore(database: temporary.database).replace(companyId: company, with: [
            StoredWarehouse(storeId: 1001, name: "Негізгі қойма", typeCode: "STORE_HOUSE", status: "VALID", address: "",
                            responsiblePersonIin: nil, isDefault: true, signs: [:]),
            StoredWarehouse(storeId: 1002, name: "Сауда нүктесі", typeCode: "POINT_OF_SALE", status: "VALID", address: "",
                            responsiblePersonIin: nil, isDefault: false, signs: [:]),
        ])
        let rows = [
            Self.batch(1, store: 1001, batch: 501, name: "Цемент М400", tnved: "2523290000", gtin: "04870001234567",
                       quantity: "100", reserve: "30"),
            Self.batch(2, store: 1001, batch: 502, name: "Цемент М400", tnved: "2523290000", gtin: "04870001234567",
                       quantity: "50.5", reserve: nil),
            Self.batch(3, store: 1002, batch: 503, name: "Цемент М400", tnved: "2523290000", gtin: "04870001234567",
                       quantity: "0", reserve: nil),
            Self.batch(4, store: 1001, batch: 504, name: "Ёлочные игрушки", tnved: "9505100000", gtin: nil,
                       quantity: "12", reserve: "2"),
            Self.batch(5, store: 1002, batch: 505, name: "арматура А500С", tnved: "7214200000", gtin: nil,
                       quantity: "1.250", reserve: nil),
        ]
        try BalanceStore(database: temporary.database).stage(rows, companyId: company, lastBalanceId: nil, last: true)
    }

    override func tearDown() { temporary = nil }

    static func batch(_ id: Int64, store: Int64, batch: Int64, name: String, tnved: String, gtin: String?,
                      quantity: String, reserve: String?) -> StoredBalance {
        StoredBalance(balanceId: id, storeId: store, batch: batch, name: name, kpvedCode: "23.51.12", tnvedCode: tnved,
                      gtin: gtin, measureUnitCode: "168", unitPrice: 1500, quantity: DecimalText.parse(quantity)!,
                      reserveQuantity: reserve.flatMap(DecimalText.parse))
    }

    func names(_ query: BalanceListQuery) throws -> [String] {
        try list.page(query, limit: 100).map { "\($0.name)#\($0.batch!)" }
    }

    func testAllWarehousesByNameWithWarehouseNamesAndAvailable() throws {
        let query = BalanceListQuery(companyId: company)
        XCTAssertEqual(try list.count(query), 5)
        let rows = try list.page(query, limit: 10)
        // Names sort as SQLite compares text: capitals before small letters, Ё before А.
        XCTAssertEqual(rows.map(\.batch), [504, 501, 502, 503, 505])
        XCTAssertEqual(rows[1].storeName, "Негізгі қойма")
        XCTAssertEqual(rows[1].available, 70)
        XCTAssertEqual(rows[4].quantity, DecimalText.parse("1.25"))
        XCTAssertEqual(try list.page(query, offset: 2, limit: 2).map(\.batch), [502, 503])
        XCTAssertEqual(try list.rows(ids: [rows[3].id, rows[4].id]).map(\.batch), [503, 505])
        XCTAssertEqual(try list.ids(query), rows.map(\.id))
    }

    func testOneWarehouse() throws {
        let query = BalanceListQuery(companyId: company, storeId: 1002)
        XCTAssertEqual(try names(query), ["Цемент М400#503", "арматура А500С#505"])
    }

    func testSearchFoldsCaseAndYoAndFindsCodesByTheirBeginning() throws {
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "цем")).count, 3)
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "ЕЛОЧ")), ["Ёлочные игрушки#504"])
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "а500")), ["арматура А500С#505"])
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "7214")), ["арматура А500С#505"])
        // The GTIN is found with or without its leading zero, the batch by its number.
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, search: "04870001")), 3)
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, search: "4870001")), 3)
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "504")), ["Ёлочные игрушки#504"])
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, search: "цемент 1001")), 0)
        // One letter is not a search: everything shows.
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, search: "ц")), 5)
    }

    func testSearchFollowsTheNextSync() throws {
        try BalanceStore(database: temporary.database).stage([
            Self.batch(9, store: 1001, batch: 509, name: "Гипс", tnved: "2520100000", gtin: nil, quantity: "5", reserve: nil),
        ], companyId: company, lastBalanceId: nil, last: true)
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, search: "цемент")), 0)
        XCTAssertEqual(try names(BalanceListQuery(companyId: company, search: "гип")), ["Гипс#509"])
    }

    func testFiltersForReserveAndNonZero() throws {
        XCTAssertEqual(try list.page(BalanceListQuery(companyId: company, reservedOnly: true), limit: 9).map(\.batch), [504, 501])
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, nonZeroOnly: true)), 4)
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company, storeId: 1002, nonZeroOnly: true)), 1)
        XCTAssertEqual(try list.count(BalanceListQuery(companyId: company), upTo: 2), 2)
    }

    func testOrderByQuantityIsNumeric() throws {
        let ascending = BalanceListQuery(companyId: company, order: BalanceListOrder(.quantity))
        XCTAssertEqual(try list.page(ascending, limit: 9).map(\.batch), [503, 505, 504, 502, 501])
        let available = BalanceListQuery(companyId: company, order: BalanceListOrder(.available, ascending: false))
        XCTAssertEqual(try list.page(available, limit: 9).map(\.batch), [501, 502, 504, 505, 503])
    }

    func testGroupingByProductWithExactSubtotals() throws {
        let groups = try list.groups(BalanceListQuery(companyId: company))
        XCTAssertEqual(groups.map(\.key.name), ["Ёлочные игрушки", "Цемент М400", "арматура А500С"])
        let cement = groups[1]
        XCTAssertEqual(cement.rowIds.count, 3)
        XCTAssertEqual(cement.quantity, DecimalText.parse("150.5"))
        XCTAssertEqual(cement.reserved, 30)
        XCTAssertEqual(cement.available, DecimalText.parse("120.5"))
        let oneStore = try list.groups(BalanceListQuery(companyId: company, storeId: 1001, search: "цемент"))
        XCTAssertEqual(oneStore.map(\.rowIds.count), [2])
    }

    func testHeadReadsTheFirstRowsAndACappedCountTogether() throws {
        let head = try list.head(BalanceListQuery(companyId: company), limit: 2, countUpTo: 4)
        XCTAssertEqual(head.rows.map(\.batch), [504, 501])
        XCTAssertEqual(head.count, 4, "counted no further than the cap")
        let short = try list.head(BalanceListQuery(companyId: company, search: "цемент"), limit: 10, countUpTo: 4)
        XCTAssertEqual(short.count, 3, "a result shorter than the page is counted by its rows")
    }

    func testASearchWithinOneWarehouseKeepsTheNameOrder() throws {
        // Few matches: they are looked up by id and sorted (the benchmark covers broad searches).
        let query = BalanceListQuery(companyId: company, storeId: 1001, search: "23.51")
        XCTAssertEqual(try list.page(query, limit: 9).map(\.batch), [504, 501, 502])
    }

    func testProductsWithOneNameButOtherCodesAreGroupedApart() throws {
        try BalanceStore(database: temporary.database).stage([
            Self.batch(1, store: 1001, batch: 601, name: "Цемент М400", tnved: "2523290000", gtin: nil, quantity: "1", reserve: nil),
            Self.batch(2, store: 1001, batch: 602, name: "Цемент М400", tnved: "2523100000", gtin: nil, quantity: "2", reserve: nil),
            Self.batch(3, store: 1002, batch: 603, name: "Цемент М400", tnved: "2523290000", gtin: nil, quantity: "4.5", reserve: "1"),
        ], companyId: company, lastBalanceId: nil, last: true)
        for order in [BalanceListOrder.byName, BalanceListOrder(.quantity, ascending: false)] {
            let groups = try list.groups(BalanceListQuery(companyId: company, order: order))
            XCTAssertEqual(groups.count, 2)
            let portland = try XCTUnwrap(groups.first { $0.key.tnvedCode == "2523290000" })
            XCTAssertEqual(portland.rowIds.count, 2)
            XCTAssertEqual(portland.quantity, DecimalText.parse("5.5"))
            XCTAssertEqual(portland.reserved, 1)
        }
    }

    func testReservationsNamePendingSntsAndOpenFormsOfTheBatch() throws {
        let database = temporary.database
        func snt(_ number: String, status: SntStatus, batches: [(Int64, Decimal)], store: Int64 = 1001) throws {
            var snt = StoreSamples.snt(number: number, date: StoreSamples.date("05.03.2026"),
                                       customer: ("010340000011", "ТОО «Құрылыс & Ко»"), sellerStore: store)
            snt.goods?.lines = batches.enumerated().map { index, item in
                GoodsLine(productNumber: index + 1, productName: "Цемент М400", tnvedCode: TnvedCode("2523290000"),
                          measureUnitCode: MeasureUnitCode("168"), quantity: item.1, price: 1500,
                          productId: VirtualProductId(gsvs: GsvsCode("23.51.12-2523290000"), batch: item.0))
            }
            _ = try temporary.insert(snt, company: company, status: status)
        }
        try snt("S-1", status: .notViewed, batches: [(501, 10), (5010, 99), (501, 5)])
        try snt("S-2", status: .delivered, batches: [(501, 15)])
        try snt("S-3", status: .confirmed, batches: [(501, 7)])
        try snt("S-4", status: .draft, batches: [(501, 7)])
        try snt("S-5", status: .notViewed, batches: [(501, 7)], store: 1002)
        func form(_ number: String, type: UFormType, status: UFormStatus, store: Int64 = 1001,
                  lines: [(Int64, Decimal)], sources: [(Int64, Decimal)] = []) throws {
            let product = { (item: (Int64, Decimal)) in UFormProduct(quantity: item.1, name: "Цемент", productId: item.0) }
            let uform = UForm(number: number, date: StoreSamples.date("06.03.2026"), type: type,
                              sender: UFormParty(storeId: store), products: lines.map(product),
                              sourceProducts: sources.map(product))
            try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO uform (companyId, type, status, number, date, senderStoreId, body, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, '2026-03-06', ?, ?, '', '')
                    """, arguments: [company, type.rawValue, status.rawValue, number, store, UFormXMLWriter.body(of: uform)])
            }
        }
        try form("F-1", type: .writeOff, status: .inProcessing, lines: [(501, 3)])
        try form("F-2", type: .writeOff, status: .processed, lines: [(501, 4)])
        try form("F-3", type: .manufacture, status: .draft, lines: [(900, 1)], sources: [(501, 2)])
        try form("F-4", type: .balance, status: .created, lines: [(501, 8)])
        try form("F-5", type: .movement, status: .waitInStock, store: 1002, lines: [(501, 1)])

        let holds = try BalanceReservations(database: database).holds(companyId: company, storeId: 1001, batch: 501)
        XCTAssertEqual(holds.map(\.number), ["S-1", "S-2", "F-1", "F-3"])
        XCTAssertEqual(holds.map(\.quantity), [15, 15, 3, 2])
        XCTAssertEqual(holds.map(\.status), ["NOT_VIEWED", "DELIVERED", "IN_PROCESSING", "DRAFT"])
        XCTAssertEqual(holds[0].document, .snt(customer: "ТОО «Құрылыс & Ко»"))
        XCTAssertEqual(holds[3].document, .form(.manufacture))
        XCTAssertEqual(holds[2].date, StoreSamples.date("06.03.2026"))
        XCTAssertEqual(try BalanceReservations(database: database).holds(companyId: company, storeId: 1001, batch: 502), [])
    }
}
