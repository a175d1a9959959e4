import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// What the list pages read besides pages: the capped count, the ids of a whole list, rows by
/// id, and the list's counterparties.
final class SntListDeskTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var company: Int64!
    private var list: SntList!

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        company = try store.company()
        list = SntList(database: store.database)
        let statuses: [SntStatus] = [.confirmed, .draft, .delivered, .imported, .confirmed, .failed, .draft]
        for (index, status) in statuses.enumerated() {
            let snt = StoreSamples.snt(number: "N-\(index)", date: StoreSamples.date("0\(index + 1).02.2026"),
                                       customer: index % 2 == 0 ? ("000140000012", "ТОО «Ертіс»") : ("000140000022", "АО «Алтын»"),
                                       total: Decimal(100 * (7 - index)))
            _ = try store.insert(snt, company: company, status: status)
        }
    }

    func testCappedCountStopsAtTheCap() throws {
        let query = SntListQuery(companyId: company, direction: .outgoing)
        XCTAssertEqual(try list.count(query, upTo: 5), 5)
        XCTAssertEqual(try list.count(query, upTo: 100), 7)
        XCTAssertEqual(try list.count(SntListQuery(companyId: company, search: "N-3"), upTo: 100), 1)
    }

    func testIdsFollowTheListOrderWhateverTheStatuses() throws {
        let sent = Set(SntStatus.allCases.filter { !$0.isEditable })
        for order in [SntListOrder.newestFirst, SntListOrder(.total, ascending: true), SntListOrder(.number, ascending: false)] {
            for statuses in [sent, [.draft, .imported], [], [.confirmed]] {
                let query = SntListQuery(companyId: company, direction: .outgoing, statuses: statuses, order: order)
                let pageOrder = try list.page(query, offset: 0, limit: 100).map(\.id)
                XCTAssertEqual(try list.ids(query), pageOrder, "\(order) \(statuses)")
                XCTAssertEqual(try list.rows(ids: pageOrder).map(\.id), pageOrder)
            }
        }
        let outgoing = SntListQuery(companyId: company, direction: .outgoing, statuses: sent)
        XCTAssertEqual(try list.rows(ids: try list.ids(outgoing)).map(\.number), ["N-5", "N-4", "N-2", "N-0"])
        XCTAssertEqual(try list.rows(ids: [9_999, try list.ids(outgoing)[0]]).map(\.number), ["N-5"], "a missing id is left out")
    }

    func testCounterpartiesAreTheListsOwn() throws {
        let failed = SntListQuery(companyId: company, direction: .outgoing, statuses: [.failed])
        XCTAssertEqual(try list.counterparties(failed), [SntCounterparty(tin: "000140000022", name: "АО «Алтын»")])
        XCTAssertEqual(try list.counterparties(SntListQuery(companyId: company, direction: .outgoing)).map(\.tin),
                       ["000140000022", "000140000012"], "sorted by name: АО before ТОО")
        XCTAssertEqual(try list.counterparties(SntListQuery(companyId: company, direction: .incoming)), [])
    }
}
