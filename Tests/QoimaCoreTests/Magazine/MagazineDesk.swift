import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// A database with two own companies and their outgoing drafts, for the Magazine's tests.
final class MagazineDesk {
    let temporary: TemporaryDatabase
    var database: QoimaDatabase { temporary.database }
    let company: Int64
    let otherCompany: Int64
    var store: MagazineStore { MagazineStore(database: database) }
    var path: String { database.path }

    static let today = StoreSamples.date("23.11.2026")

    init() throws {
        temporary = try TemporaryDatabase()
        company = try temporary.company("000140000002")
        otherCompany = try temporary.company("000140000012")
    }

    /// An outgoing draft of `company` (the first by default) going by road, dated `date`.
    func draft(_ number: String, company: Int64? = nil, date: String = "02.03.2026",
               customer: (String, String) = ("000140000012", "ТОО «Ертіс Құрылыс»")) throws -> Int64 {
        var snt = StoreSamples.snt(number: number, date: StoreSamples.date(date), customer: customer,
                                   goods: ["Цемент М400", "Арматура А500"], total: 1500)
        snt.carriage = SntCarriage(name: "ТОО «Жол»", transportTypes: [.automobile], carStateNumber: "777ABC02")
        return try SntDraftStore(database: database).createDraft(companyId: company ?? self.company, snt)
    }

    /// Issues draft `id` on paper on `paperDate`.
    @discardableResult
    func issue(_ id: Int64, on paperDate: String = "02.03.2026", reason: PaperReason = .downTime,
               company: Int64? = nil) throws -> MagazineEntry {
        try store.issue(sntId: id, companyId: company ?? self.company, reason: reason,
                        paperDate: StoreSamples.date(paperDate), responsible: "Айгүл Серікова", today: Self.today)
    }

    func numbers(company: Int64? = nil, year: Int) throws -> [Int] {
        try store.list(MagazineQuery(companyId: company ?? self.company, year: year, today: Self.today)).map(\.entry.number)
    }
}

