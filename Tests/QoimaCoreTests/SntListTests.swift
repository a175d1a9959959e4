import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// Lists and search over a few hundred SNTs, each answer compared with the same filter and sort
/// done by hand in Swift.
final class SntListTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var company: Int64!
    private var expected: [Expected] = []

    /// What a list should show of one stored SNT, known without the database.
    private struct Expected {
        var id: Int64
        var direction: SntDirection
        var status: SntStatus
        var snt: Snt
        var counterparty: SntParty { direction == .outgoing ? snt.customer : snt.seller }
        var ownStore: Int64? { direction == .outgoing ? snt.seller.storeId : snt.customer.storeId }
    }

    static let names = ["ТОО «Құрылыс & Ко»", "ТОО «Алтын Дала»", "АО «Семёнов и сыновья»", "ИП Әлиев", "ТОО «Каспий Ойл»"]
    static let goods = ["Цемент М400", "Бензин АИ-92", "Мұнай өнімі", "Арматура А500С"]

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        company = try store.company()
        var random = SeededRandom(seed: 7)
        for index in 0..<240 {
            let direction: SntDirection = random.next(3) == 0 ? .incoming : .outgoing
            let status = [SntStatus.draft, .imported, .delivered, .confirmed, .declined][random.next(5)]
            let other = random.next(Self.names.count)
            let otherParty = (Self.bin(other), Self.names[other])
            let own = ("000140000002", "ТОО «Қойма Сауда»")
            // Some dates repeat and some are missing, so ties and NULLs are sorted too.
            let date = random.next(12) == 0 ? nil : CalendarDate(year: 2020 + random.next(6), month: 1 + random.next(12), day: 1 + random.next(3))
            let snt = StoreSamples.snt(
                number: "СНТ-\(random.next(60))", date: date,
                seller: direction == .outgoing ? own : otherParty, customer: direction == .outgoing ? otherParty : own,
                goods: [Self.goods[random.next(Self.goods.count)], Self.goods[random.next(Self.goods.count)]],
                tnved: ["2523290000", "2710124111", "7214200000"][random.next(3)],
                total: Decimal(random.next(5) * 1000 + 500), sellerStore: Int64(1001 + random.next(3)),
                customerStore: Int64(2001 + random.next(3)))
            let id = try store.insert(snt, company: company, direction: direction, status: status)
            expected.append(Expected(id: id, direction: direction, status: status, snt: snt))
            if index % 4 == 0 {
                try SntRegistrationStore(database: store.database).record(
                    id: id, registrationNumber: "KZ-SNT-0001-000140000002-2026010\(index % 10)-\(index)", esfId: Int64(index),
                    status: status)
            }
        }
    }

    static func bin(_ index: Int) -> String { ["000140000012", "000140000023", "000140000034", "920101300123", "000140000045"][index] }

    private var list: SntList { SntList(database: store.database) }

    /// Every id on every page, `limit` at a time, in order.
    private func allPages(_ query: SntListQuery, limit: Int = 17) throws -> [Int64] {
        var ids: [Int64] = []
        while true {
            let page = try list.page(query, offset: ids.count, limit: limit)
            ids += page.map(\.id)
            if page.count < limit { return ids }
        }
    }

    private func byteOrder(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }

    /// The order SQLite gives: NULL first, text by bytes, ties by date (status, IIN/BIN) then id.
    private func sorted(_ items: [Expected], by order: SntListOrder) -> [Int64] {
        func key(_ item: Expected) -> [SortKey] {
            let snt = item.snt
            let date = SortKey.text(snt.date.map(StoredDate.text))
            let main: SortKey = switch order.column {
            case .number: .text(snt.number)
            case .date: date
            case .shippingDate: .text(snt.shippingDate.map(StoredDate.text))
            case .counterparty: .text(item.counterparty.name)
            case .counterpartyTin: .text(item.counterparty.tin?.rawValue)
            case .total: .number(snt.goods?.totals.totalPriceWithTax.flatMap(Tiyn.count))
            case .status: .text(item.status.rawValue)
            case .registrationNumber: .text(registration[item.id])
            }
            let tieByDate = order.column == .status || order.column == .counterpartyTin
            return tieByDate ? [main, date, .number(item.id)] : [main, .number(item.id)]
        }
        let ascending = items.sorted { key($0).lexicographicallyPrecedes(key($1)) }.map(\.id)
        return order.ascending ? ascending : ascending.reversed()
    }

    private var registration: [Int64: String] {
        var numbers: [Int64: String] = [:]
        for (index, item) in expected.enumerated() where index % 4 == 0 {
            numbers[item.id] = "KZ-SNT-0001-000140000002-2026010\(index % 10)-\(index)"
        }
        return numbers
    }

    func testEveryColumnSortsBothWaysAcrossPages() throws {
        for direction in SntDirection.allCases {
            let items = expected.filter { $0.direction == direction }
            for column in SntListColumn.allCases {
                for ascending in [true, false] {
                    let order = SntListOrder(column, ascending: ascending)
                    let query = SntListQuery(companyId: company, direction: direction, order: order)
                    XCTAssertEqual(try allPages(query), sorted(items, by: order), "\(direction) by \(column) \(ascending)")
                    XCTAssertEqual(try list.count(query), items.count)
                }
            }
        }
    }

    func testAListOfFewStatusesIsReadFromTheStatusIndexInTheSameOrder() throws {
        for statuses: Set<SntStatus> in [[.draft, .imported], [.confirmed], [.delivered, .confirmed, .declined]] {
            let items = expected.filter { $0.direction == .outgoing && statuses.contains($0.status) }
            for column in SntListColumn.allCases {
                for ascending in [true, false] {
                    let order = SntListOrder(column, ascending: ascending)
                    let query = SntListQuery(companyId: company, direction: .outgoing, statuses: statuses, order: order)
                    let chosen = try store.database.pool.read { try SntSearchStrategy.choose(for: query, $0) }
                    XCTAssertEqual(chosen, .statusFirst, "few SNTs have \(statuses)")
                    XCTAssertEqual(try allPages(query), sorted(items, by: order), "\(statuses) by \(column) \(ascending)")
                    for strategy in [SntSearchStrategy.searchFirst, .statusFirst] {
                        let page = try store.database.pool.read {
                            try SntList.page(query, offset: 0, limit: 1000, strategy: strategy, $0)
                        }
                        XCTAssertEqual(page.map(\.id), sorted(items, by: order), "\(statuses) by \(column) via \(strategy)")
                    }
                }
            }
        }
        let unnarrowed = SntListQuery(companyId: company, direction: .outgoing)
        XCTAssertEqual(try store.database.pool.read { try SntSearchStrategy.choose(for: unnarrowed, $0) }, .searchFirst)
    }

    func testFiltersNarrowTheListExactly() throws {
        let from = StoreSamples.date("01.03.2021"), to = StoreSamples.date("31.12.2023")
        let cases: [(String, SntListQuery, (Expected) -> Bool)] = [
            ("statuses", SntListQuery(direction: .outgoing, statuses: [.draft, .imported]),
             { $0.direction == .outgoing && [.draft, .imported].contains($0.status) }),
            ("date range", SntListQuery(from: from, to: to),
             { $0.snt.date.map { $0 >= from && $0 <= to } ?? false }),
            ("counterparty", SntListQuery(counterpartyTin: Self.bin(1)), { $0.counterparty.tin?.rawValue == Self.bin(1) }),
            ("warehouse", SntListQuery(storeId: 2002), { $0.ownStore == 2002 }),
            ("all at once", SntListQuery(companyId: company, direction: .incoming, statuses: [.delivered], from: from,
                                         to: to, counterpartyTin: Self.bin(0), storeId: 2001),
             { $0.direction == .incoming && $0.status == .delivered && ($0.snt.date.map { $0 >= from && $0 <= to } ?? false)
                 && $0.counterparty.tin?.rawValue == Self.bin(0) && $0.ownStore == 2001 }),
        ]
        for (name, query, include) in cases {
            let want = sorted(expected.filter(include), by: .newestFirst)
            XCTAssertEqual(try allPages(query), want, name)
            XCTAssertEqual(try list.count(query), want.count, name)
        }
    }

    /// The words of what a list row's SNT is searched by, folded as the index folds them.
    private func matches(_ item: Expected, _ words: [String]) -> Bool {
        let snt = item.snt
        let text = [snt.number, registration[item.id] ?? "", snt.seller.name, snt.seller.tin?.rawValue ?? "",
                    snt.customer.name, snt.customer.tin?.rawValue ?? ""]
            + snt.allLines.flatMap { [$0.line.productName, $0.line.tnvedCode?.rawValue ?? ""] }
        let tokens = text.flatMap { $0.split { !($0.isLetter || $0.isNumber) }.map(Self.fold) }
        return words.map(Self.fold).allSatisfy { word in tokens.contains { $0.hasPrefix(word) } }
    }

    static func fold(_ text: some StringProtocol) -> String {
        String(text).lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    func testSearchFindsWordBeginningsInEveryIndexedField() throws {
        let searches = ["құры", "ҚҰРЫЛЫС", "семенов", "СЕМЁН", "алтын дала", "0001400000", "920101", "2710", "цемент",
                        "мұнай өн", "СНТ-4", "KZ-SNT-0001", "kz snt 0001 000140000002 20260103", "әлиев", "ойл",
                        "бензин аи-92", "дала 7214", "нет такого"]
        for text in searches {
            let words = text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            for order in [SntListOrder.newestFirst, SntListOrder(.date, ascending: true),
                          SntListOrder(.counterparty, ascending: true), SntListOrder(.total, ascending: false)] {
                let want = sorted(expected.filter { matches($0, words) }, by: order)
                let query = SntListQuery(search: text, order: order)
                XCTAssertEqual(try allPages(query), want, "\(text) by \(order)")
                XCTAssertEqual(try list.count(query), want.count, text)
                // The same answer whichever way the first page is found.
                for strategy in [SntSearchStrategy.searchFirst, .matchSet] where order.column != .date || strategy == .searchFirst {
                    let page = try store.database.pool.read {
                        try SntList.page(query, offset: 0, limit: 1000, strategy: strategy, $0)
                    }
                    XCTAssertEqual(page.map(\.id), want, "\(text) by \(strategy)")
                }
            }
        }
        XCTAssertFalse(try list.page(SntListQuery(search: "құры")).isEmpty, "the samples do contain matches")
    }

    func testSearchWithFiltersAndDateRange() throws {
        let from = StoreSamples.date("01.01.2022"), to = StoreSamples.date("30.06.2024")
        let query = SntListQuery(companyId: company, direction: .outgoing, from: from, to: to, search: "цемент")
        let want = sorted(expected.filter {
            $0.direction == .outgoing && ($0.snt.date.map { $0 >= from && $0 <= to } ?? false) && matches($0, ["цемент"])
        }, by: .newestFirst)
        XCTAssertFalse(want.isEmpty)
        XCTAssertEqual(try allPages(query), want)
    }

    func testSyntaxInTheSearchTextIsOnlyText() throws {
        for text in ["\"", "*", "NEAR(", "a OR b", "-", "(", "AND", "^цемент", "цемент*"] {
            XCTAssertNoThrow(try list.page(SntListQuery(search: text)), text)
        }
        XCTAssertEqual(try list.page(SntListQuery(search: "  ,. ")).count, 50, "no words: the whole list")
    }

    func testAnEditedDraftIsFoundByItsNewTextOnly() throws {
        let drafts = SntDraftStore(database: store.database)
        let id = try drafts.createDraft(companyId: company, StoreSamples.snt(
            number: "ЖОБА-1", date: StoreSamples.date("10.10.2026"), customer: ("000140000012", "ТОО «Бірінші»")))
        XCTAssertEqual(try list.page(SntListQuery(search: "бірінші")).map(\.id), [id])
        try drafts.saveDraft(id: id, StoreSamples.snt(
            number: "ЖОБА-1", date: StoreSamples.date("11.10.2026"), customer: ("000140000012", "ТОО «Екінші»")))
        XCTAssertEqual(try list.page(SntListQuery(search: "бірінші")).map(\.id), [])
        XCTAssertEqual(try list.page(SntListQuery(search: "екінші")).map(\.id), [id])
        XCTAssertEqual(try list.page(SntListQuery(search: "екінші")).first?.date, StoreSamples.date("11.10.2026"))
    }

    func testTheRegistrationStoreMakesTheNumberSearchable() throws {
        let id = expected[1].id
        try SntRegistrationStore(database: store.database).record(
            id: id, registrationNumber: "KZ-SNT-0009-000140000002-20261010-777", esfId: 999_001, status: .delivered)
        let row = try XCTUnwrap(try list.page(SntListQuery(search: "20261010 777")).first)
        XCTAssertEqual(row.id, id)
        XCTAssertEqual(row.status, .delivered)
        XCTAssertEqual(row.registrationNumber, "KZ-SNT-0009-000140000002-20261010-777")
    }
}

/// Sort keys with SQLite's order: NULL before anything, integers by value, text by bytes.
private enum SortKey: Comparable {
    case null
    case integer(Int64)
    case bytes([UInt8])

    static func text(_ value: String?) -> SortKey { value.map { .bytes(Array($0.utf8)) } ?? .null }
    static func number(_ value: Int64?) -> SortKey { value.map(SortKey.integer) ?? .null }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): false
        case (.null, _): true
        case (_, .null): false
        case let (.integer(a), .integer(b)): a < b
        case let (.bytes(a), .bytes(b)): a.lexicographicallyPrecedes(b)
        case (.integer, .bytes): true
        case (.bytes, .integer): false
        }
    }
}

/// A small deterministic generator, so failures repeat.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
