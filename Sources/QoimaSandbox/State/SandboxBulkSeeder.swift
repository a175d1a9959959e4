import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// Why bulk seeding cannot go ahead.
public enum SandboxSeedError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCompany(String)
    case unknownStore(Int64, company: String)
    case noSupplier(company: String)

    public func message(in language: Language) -> String {
        switch self {
        case let .unknownCompany(bin):
            LocalizedText(kk: "құмсалғышта БСН %1$@ компаниясы жоқ", ru: "в песочнице нет компании с БИН %1$@",
                          en: "the sandbox has no company with BIN %1$@").text(in: language, [bin])
        case let .unknownStore(id, company):
            LocalizedText(kk: "%1$@ компаниясында %2$@ қоймасы жоқ", ru: "у компании %1$@ нет склада %2$@",
                          en: "company %1$@ has no store %2$@").text(in: language, [company, String(id)])
        case let .noSupplier(company):
            LocalizedText(kk: "құмсалғышта %1$@ компаниясына ТІЖ жіберетін басқа компания жоқ",
                          ru: "в песочнице нет другой компании, которая отправила бы СНТ компании %1$@",
                          en: "the sandbox has no other company to send SNTs to %1$@").text(in: language, [company])
        }
    }

    public var description: String { message(in: .english) }
}

/// Large amounts of data for benchmarks, in one transaction with prepared statements: balance
/// rows in a company's store, and registered SNTs the company receives. The SNTs are as IS ESF
/// would hold them after registration (NOT_VIEWED, with registration numbers and history), but
/// unsigned: their `signatureValid` is false, since signing thousands would take minutes.
extension SandboxStore {
    /// Adds `count` batches to `store` of `bin` (its priority store when nil); returns their batch ids.
    @discardableResult
    public func addBalances(company bin: String, store: Int64? = nil, count: Int) throws -> ClosedRange<Int64>? {
        guard count > 0 else { return nil }
        return try write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company WHERE bin = ?", arguments: [bin]) == 1 else {
                throw SandboxSeedError.unknownCompany(bin)
            }
            let storeId: Int64
            if let store {
                guard let row = try StoreRow.find(store, in: db), row.tin == bin else {
                    throw SandboxSeedError.unknownStore(store, company: bin)
                }
                storeId = row.id
            } else {
                guard let row = try StoreRow.priority(of: bin, in: db) else { throw SandboxSeedError.unknownStore(0, company: bin) }
                storeId = row.id
            }
            let first = try BalanceLedger.newBatch(in: db)
            let last = first + Int64(count) - 1
            try SandboxCounter.raise("batch", to: last, in: db)
            let catalogue = (SeedGoods.trade + SeedGoods.construction).map(\.goods)
            let statement = try db.makeStatement(sql: BalanceLedger.insertSQL)
            for batch in first...last {
                let index = Int(batch - first)
                var goods = catalogue[index % catalogue.count]
                goods.name += " (партия \(batch))"
                let quantity = Decimal(10 + index % 990)
                try statement.execute(arguments: BalanceLedger.insertArguments(goods, tin: bin, store: storeId,
                                                                               batch: batch, quantity: quantity))
            }
            return first...last
        }
    }

    /// Adds `count` registered SNTs from another sandbox company to `bin`, dated today, each
    /// with one line of diesel fuel; returns their ids.
    @discardableResult
    public func addIncomingSnts(company bin: String, count: Int, now: Date = Date()) throws -> ClosedRange<Int64>? {
        guard count > 0 else { return nil }
        return try write { db in
            guard let customer = try Row.fetchOne(db, sql: "SELECT * FROM company WHERE bin = ?", arguments: [bin]) else {
                throw SandboxSeedError.unknownCompany(bin)
            }
            guard let seller = try Row.fetchOne(db, sql: "SELECT * FROM company WHERE bin <> ? ORDER BY bin LIMIT 1",
                                                arguments: [bin]),
                  let login = try String.fetchOne(db, sql: "SELECT iin FROM account WHERE bin = ? LIMIT 1",
                                                  arguments: [seller["bin"] as String]) else {
                throw SandboxSeedError.noSupplier(company: bin)
            }
            let today = KazakhstanClock.day(of: now)
            let template = Self.incomingTemplate(seller: seller, customer: customer,
                                                 customerStore: try StoreRow.priority(of: bin, in: db)?.id, date: today)
            let sellerTin: String = seller["bin"]
            let time = try SandboxCounter.eventTime(in: db, now: now)
            let sequenceName = "registration:\(sellerTin):\(today.yyyyMMdd)"
            let firstSequence = try SandboxCounter.next(sequenceName, in: db)
            try SandboxCounter.raise(sequenceName, to: firstSequence + Int64(count) - 1, in: db)
            let insert = try db.makeStatement(sql: """
                INSERT INTO snt (number, date, sntType, sellerTin, customerTin, body, signature, signatureType, certificate,
                    signatureValid, signerName, creatorLogin, creatorTin, status, registrationNumber, inputDate,
                    lastUpdateDate)
                VALUES (?, ?, 'PRIMARY_SNT', ?, ?, ?, '', 'COMPANY', '', 0, NULL, ?, ?, 'NOT_VIEWED', ?, ?, ?)
                """)
            let history = try db.makeStatement(sql: """
                INSERT INTO snt_history (sntId, date, tin, userId, status, action) VALUES (?, ?, ?, ?, 'NOT_VIEWED', 'CREATE')
                """)
            var ids: [Int64] = []
            ids.reserveCapacity(count)
            for index in 0..<count {
                let sequence = Int(firstSequence) + index
                let number = "ВХ-\(today.yyyyMMdd)-\(sequence)"
                let registration = SntRegistrationNumber(officeCode: SandboxAssumptions.registrationOfficeCode,
                                                         supplier: TaxpayerNumber(sellerTin), date: today, sequence: sequence)
                let body = template.replacingOccurrences(of: Self.numberPlaceholder, with: number)
                try insert.execute(arguments: [number, today.ddMMyyyy, sellerTin, bin, body, login, sellerTin,
                                               registration.rawValue, time, time])
                let id = db.lastInsertedRowID
                try history.execute(arguments: [id, time, sellerTin, login])
                ids.append(id)
            }
            return ids[0]...ids[ids.count - 1]
        }
    }

    private static let numberPlaceholder = "@NUMBER@"

    private static func incomingTemplate(seller: Row, customer: Row, customerStore: Int64?, date: CalendarDate) -> String {
        func party(_ row: Row, store: Int64?) -> SntParty {
            SntParty(tin: TaxpayerNumber(row["bin"]), nonResident: false, name: row["name"],
                     registerCountryCode: .kazakhstan, countryCode: .kazakhstan, actualAddress: row["address"],
                     storeId: store)
        }
        var snt = Snt(number: numberPlaceholder, date: date, type: .primary, seller: party(seller, store: nil),
                      customer: party(customer, store: customerStore))
        snt.shippingDate = date
        snt.currencyCode = CurrencyCode("KZT")
        snt.goods = GoodsSet(
            totals: GoodsTotals(totalPriceWithoutTax: 310_000, totalNdsAmount: 49600, totalPriceWithTax: 359_600),
            lines: [GoodsLine(productNumber: 1, truOriginCode: 1, productName: "Топливо дизельное летнее ДТ-Л-К5",
                              tnvedCode: TnvedCode("2710194210"), measureUnitCode: MeasureUnitCode("112"),
                              quantity: 1000, price: 310, priceWithoutTax: 310_000, ndsRate: 16, ndsAmount: 49600,
                              priceWithTax: 359_600)])
        return SntXMLWriter.body(of: snt)
    }
}
