import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// A database in a folder of its own, removed after the test.
final class TemporaryDatabase {
    let folder: URL
    let database: QoimaDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try QoimaDatabase(location: DatabaseLocation(explicitPath: folder.appendingPathComponent("q.sqlite").path))
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func company(_ bin: String = "000140000002") throws -> Int64 {
        try CompanyStore(database: database).findOrAdd(bin: bin, name: "ТОО «Қойма Сауда»")
    }

    /// Stores `snt` as the store would for any direction and status.
    func insert(_ snt: Snt, company: Int64, direction: SntDirection = .outgoing, status: SntStatus = .draft) throws -> Int64 {
        try database.pool.write { db in
            try SntRowWriter.insert(snt, body: "<x/>", problems: [], companyId: company, direction: direction,
                                    status: status, db)
        }
    }
}

/// SNTs for store tests: the parties, goods and amounts that lists show and search finds.
enum StoreSamples {
    static func snt(number: String, date: CalendarDate?, seller: (String, String) = ("000140000002", "ТОО «Қойма Сауда»"),
                    customer: (String, String), goods: [String] = ["Цемент М400"], tnved: String = "2523290000",
                    total: Decimal = 1000, sellerStore: Int64? = 1001, customerStore: Int64? = 2002) -> Snt {
        var snt = Snt(number: number, date: date)
        snt.shippingDate = date?.adding(days: 1)
        snt.currencyCode = .tenge
        snt.seller = SntParty(tin: TaxpayerNumber(seller.0), name: seller.1, storeId: sellerStore)
        snt.customer = SntParty(tin: TaxpayerNumber(customer.0), name: customer.1, storeId: customerStore)
        let lines = goods.enumerated().map { index, name in
            GoodsLine(productNumber: index + 1, productName: name, tnvedCode: TnvedCode(tnved),
                      measureUnitCode: MeasureUnitCode("796"), quantity: 1, price: total)
        }
        snt.goods = GoodsSet(totals: GoodsTotals(totalPriceWithTax: total), lines: lines)
        return snt
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }
}
