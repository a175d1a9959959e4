import Foundation
import GRDB
import QoimaCore
@testable import QoimaStore
import XCTest

/// The Magazine's store: issuing from drafts, spoiling, restore dates, entering, lists, and a
/// register that never loses or reuses a number.
final class MagazineStoreTests: XCTestCase {
    private var desk: MagazineDesk!

    override func setUpWithError() throws {
        desk = try MagazineDesk()
    }

    private func day(_ text: String) -> CalendarDate { StoreSamples.date(text) }

    private func audit(_ entity: String, _ id: Int64) throws -> [String] {
        try desk.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action || ': ' || detail FROM auditLog WHERE entity = ? AND entityId = ? ORDER BY id",
                                arguments: [entity, id])
        }
    }

    private func refusal(_ body: () throws -> Any) -> MagazineError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? MagazineError
        }
    }

    func testIssuingTakesTheNextNumberAndMarksTheDraft() throws {
        let first = try desk.draft("СНТ-1")
        let second = try desk.draft("СНТ-2")
        let entry = try desk.issue(first, on: "02.03.2026")
        XCTAssertEqual([entry.year, entry.number], [2026, 1])
        XCTAssertEqual(entry.state, .issued)
        XCTAssertEqual(entry.layoutVersion, MagazineLayout.current.version)
        XCTAssertEqual(try desk.issue(second, on: "03.03.2026", reason: .unlawfulRemovalRegistration).number, 2)

        // The draft stays a draft, now with A 2.1 and A 2.1.1, one revision on.
        let (snt, revision) = try XCTUnwrap(try SntDraftStore(database: desk.database).draft(id: first))
        XCTAssertEqual(snt.datePaper, day("02.03.2026"))
        XCTAssertEqual(snt.reasonPaper, .downTime)
        XCTAssertEqual(revision, 2)
        XCTAssertEqual(try desk.database.scalar("SELECT status FROM snt WHERE id = \(first)"), "DRAFT")
        XCTAssertEqual(try audit("magazineEntry", entry.id), ["issue: 1/2026, SNT \(first), DOWN_TIME, 02.03.2026"])
        XCTAssertEqual(try audit("snt", first).last, "edit: revision 2, paper SNT 1/2026")

        // What the Magazine's columns need comes with the row.
        let row = try XCTUnwrap(try desk.store.row(id: entry.id))
        XCTAssertEqual(row.snt?.number, "СНТ-1")
        XCTAssertEqual(row.snt?.customerTin, "000140000012")
        XCTAssertEqual(row.snt?.vehiclePlate, "777ABC02")
        XCTAssertEqual(row.snt?.lineCount, 2)
        XCTAssertEqual(row.snt?.totalWithTax, 1500)
        let columns = MagazineLayout.v0.columns.map { $0.text(of: row, in: .russian) }
        XCTAssertEqual(columns, ["1", "СНТ-1", "02.03.2026", "Сбой ИС ЭСФ или плановые работы",
                                 "000140000002 ТОО «Қойма Сауда»", "000140000012 ТОО «Ертіс Құрылыс»", "777ABC02",
                                 "2 / 1500 KZT", "", "", "Айгүл Серікова"])
    }

    func testWhatCannotBeIssued() throws {
        let draft = try desk.draft("СНТ-1")
        XCTAssertEqual(refusal { try self.desk.issue(draft, on: "24.11.2026") },
                       .paperDateInFuture(day("24.11.2026"), today: MagazineDesk.today))
        XCTAssertEqual(refusal { try self.desk.issue(999) }, .noSuchSnt(999))
        XCTAssertEqual(refusal { try self.desk.issue(draft, company: self.desk.otherCompany) }, .sntOfOtherCompany(draft))
        try desk.issue(draft)
        XCTAssertEqual(refusal { try self.desk.issue(draft, on: "05.03.2026") }, .sntAlreadyOnPaper(draft, entry: "1/2026"))
        let sent = try desk.draft("СНТ-2")
        try SntRegistrationStore(database: desk.database).record(id: sent, registrationNumber: nil, esfId: 77, status: .created)
        XCTAssertEqual(refusal { try self.desk.issue(sent) }, .sntNotDraft(sent, number: "СНТ-2", status: "CREATED"))
        XCTAssertEqual(try desk.numbers(year: 2026), [1], "a refusal takes no number")
        XCTAssertEqual(MagazineError.sntAlreadyOnPaper(draft, entry: "1/2026").field, .snt)
    }

    func testSpoiledBlanksKeepTheirNumbersForever() throws {
        let draft = try desk.draft("СНТ-1")
        let issued = try desk.issue(draft)
        let spoiled = try desk.store.spoil(id: issued.id, reason: "Қате толтырылды")
        XCTAssertEqual(spoiled.state, .spoiled)
        XCTAssertEqual(spoiled.spoilReason, "Қате толтырылды")
        // The draft no longer claims a paper copy, and can be issued again on a new blank.
        let (snt, _) = try XCTUnwrap(try SntDraftStore(database: desk.database).draft(id: draft))
        XCTAssertNil(snt.datePaper)
        XCTAssertNil(snt.reasonPaper)
        let again = try desk.issue(draft, on: "03.03.2026")
        XCTAssertEqual(again.number, 2)
        let blank = try desk.store.recordSpoiledBlank(companyId: desk.company, date: day("04.03.2026"), reason: "Жыртылды",
                                                      today: MagazineDesk.today)
        XCTAssertEqual([blank.number, blank.sntId == nil ? 0 : 1], [3, 0])
        XCTAssertEqual(try desk.issue(try desk.draft("СНТ-2"), on: "05.03.2026").number, 4)
        XCTAssertEqual(try desk.numbers(year: 2026), [1, 2, 3, 4])
        XCTAssertEqual(try desk.store.list(MagazineQuery(companyId: desk.company, states: [.spoiled])).map(\.entry.number), [1, 3])

        XCTAssertEqual(refusal { try self.desk.store.spoil(id: issued.id, reason: "x") }, .alreadySpoiled("1/2026"))
        XCTAssertEqual(refusal { try self.desk.store.spoil(id: again.id, reason: "  ") }, .spoilReasonMissing)
        XCTAssertEqual(refusal { try self.desk.store.spoil(id: 99, reason: "x") }, .noSuchEntry("99"))

        // The register refuses, whoever asks, to lose or renumber an entry.
        XCTAssertThrowsError(try desk.database.execute("DELETE FROM magazineEntry WHERE id = \(issued.id)")) { error in
            XCTAssertTrue("\(error)".contains("Magazine entries are never deleted"), "\(error)")
        }
        XCTAssertThrowsError(try desk.database.execute("UPDATE magazineEntry SET number = 9 WHERE id = \(issued.id)")) { error in
            XCTAssertTrue("\(error)".contains("keeps its company, year and number"), "\(error)")
        }
        XCTAssertEqual(try desk.numbers(year: 2026), [1, 2, 3, 4])
        XCTAssertEqual(try audit("magazineEntry", issued.id), ["issue: 1/2026, SNT \(draft), DOWN_TIME, 02.03.2026",
                                                               "spoil: 1/2026: Қате толтырылды"])
    }

    func testNumbersRunPerCompanyAndPerYear() throws {
        try desk.issue(try desk.draft("A-1"), on: "30.12.2025")
        try desk.issue(try desk.draft("A-2"), on: "31.12.2025")
        try desk.issue(try desk.draft("A-3"), on: "02.01.2026")
        try desk.issue(try desk.draft("B-1", company: desk.otherCompany), on: "02.01.2026", company: desk.otherCompany)
        try desk.issue(try desk.draft("A-4"), on: "05.01.2026")
        XCTAssertEqual(try desk.numbers(year: 2025), [1, 2])
        XCTAssertEqual(try desk.numbers(year: 2026), [1, 2])
        XCTAssertEqual(try desk.numbers(company: desk.otherCompany, year: 2026), [1])
        XCTAssertEqual(try desk.store.years(companyId: desk.company), [2026, 2025])
        XCTAssertEqual(try desk.store.entry(companyId: desk.company, year: 2025, number: 2)?.paperDate, day("31.12.2025"))
    }

    func testRestoreDatesAndDeadlines() throws {
        let early = try desk.issue(try desk.draft("СНТ-1"), on: "18.03.2026")
        let later = try desk.issue(try desk.draft("СНТ-2"), on: "19.03.2026")
        let afterOutage = try desk.issue(try desk.draft("СНТ-3"), on: "02.04.2026")
        XCTAssertEqual(refusal { try self.desk.store.setRestoreDate(self.day("17.03.2026"), id: early.id,
                                                                     today: MagazineDesk.today) },
                       .restoreBeforePaper(day("17.03.2026"), paperDate: day("18.03.2026"), entry: "1/2026"))
        XCTAssertEqual(refusal { try self.desk.store.setRestoreDate(self.day("24.11.2026"), companyId: self.desk.company,
                                                                     today: MagazineDesk.today) },
                       .restoreDateInFuture(day("24.11.2026"), today: MagazineDesk.today))
        let set = try desk.store.setRestoreDate(day("20.03.2026"), companyId: desk.company, today: MagazineDesk.today)
        XCTAssertEqual(set.map(\.number), [early.number, later.number], "not the SNT issued after the outage")
        XCTAssertEqual(set.first?.deadline()?.lastDay, day("30.03.2026"))
        XCTAssertEqual(try desk.store.setRestoreDate(day("21.03.2026"), companyId: desk.company, today: MagazineDesk.today),
                       [], "entries with a restore date keep it")
        XCTAssertEqual(try desk.store.setRestoreDate(day("23.03.2026"), companyId: desk.company, replacing: true,
                                                     today: MagazineDesk.today).map(\.restoreDate),
                       [day("23.03.2026"), day("23.03.2026")])
        XCTAssertEqual(try desk.store.setRestoreDate(day("20.03.2026"), id: later.id, today: MagazineDesk.today).restoreDate,
                       day("20.03.2026"))
        XCTAssertNil(try desk.store.entry(id: afterOutage.id)?.restoreDate)

        // Entered in time; the other is overdue and stands out.
        _ = try desk.store.markEntered(id: later.id,
                                       registrationNumber: SntRegistrationNumber("KZ-SNT-0000-000140000002-20260326-3"),
                                       enteredAt: Date(timeIntervalSince1970: 1_774_500_000), today: MagazineDesk.today)
        let overdue = try desk.store.list(MagazineQuery(companyId: desk.company, overdueOnly: true, today: day("08.04.2026")))
        XCTAssertEqual(overdue.map(\.entry.number), [early.number])
        XCTAssertEqual(overdue.first?.entry.status(on: day("08.04.2026")).text.text(in: .english),
                       "Overdue: it was due by 30.03.2026")
        XCTAssertEqual(try desk.store.list(MagazineQuery(companyId: desk.company, overdueOnly: true,
                                                         today: day("26.03.2026"))), [])
    }

    func testEnteringAndItsRules() throws {
        let draft = try desk.draft("СНТ-1")
        let entry = try desk.issue(draft, on: "02.03.2026")
        let number = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260304-11")
        XCTAssertEqual(refusal { try self.desk.store.markEntered(id: entry.id, registrationNumber: SntRegistrationNumber("KZ-123"),
                                                                  enteredAt: Date(), today: MagazineDesk.today) },
                       .registrationNumberInvalid("KZ-123"))
        XCTAssertEqual(MagazineError.registrationNumberInvalid("KZ-123").message(in: .english),
                       "\"KZ-123\" is not an IS ESF registration number, which reads KZ-SNT-NNNN-<BIN>-<YYYYMMDD>-<N>")
        XCTAssertEqual(refusal { try self.desk.store.markEntered(id: entry.id, registrationNumber: number,
                                                                  enteredAt: Date(timeIntervalSince1970: 1_772_000_000),
                                                                  today: MagazineDesk.today) },
                       .enteredBeforePaper(day("25.02.2026"), paperDate: day("02.03.2026"), entry: "1/2026"))
        XCTAssertEqual(refusal { try self.desk.store.markEnteredFromSnt(id: entry.id, today: MagazineDesk.today) },
                       .sntNotRegistered(entry: "1/2026", sntId: draft))

        // A sync registered the SNT: entering takes its number.
        try SntRegistrationStore(database: desk.database).record(id: draft, registrationNumber: number.rawValue, esfId: 5,
                                                                 status: .notViewed)
        let entered = try desk.store.enterRegistered(companyId: desk.company, today: MagazineDesk.today)
        XCTAssertEqual(entered.map(\.registrationNumber), [number])
        XCTAssertEqual(try desk.store.enterRegistered(companyId: desk.company, today: MagazineDesk.today), [])
        XCTAssertEqual(refusal { try self.desk.store.spoil(id: entry.id, reason: "x") },
                       .spoilEntered("1/2026", registrationNumber: number.rawValue))
        XCTAssertEqual(refusal { try self.desk.store.markEntered(id: entry.id, registrationNumber: number, enteredAt: Date(),
                                                                  today: MagazineDesk.today) },
                       .alreadyEntered("1/2026", registrationNumber: number.rawValue))
        XCTAssertEqual(refusal { try self.desk.store.setRestoreDate(self.day("03.03.2026"), id: entry.id,
                                                                     today: MagazineDesk.today).state }, nil,
                       "an entered entry may still get its restore date, to show it was in time")
        let row = try XCTUnwrap(try desk.store.row(id: entry.id))
        XCTAssertEqual(MagazineLayout.v0.columns.first { $0.id == "registrationNumber" }?.text(of: row, in: .kazakh),
                       number.rawValue)
    }

    func testListsFilterAndSearch() throws {
        try desk.issue(try desk.draft("СНТ-1", customer: ("000140000012", "ТОО «Ертіс Құрылыс»")), on: "02.03.2026")
        try desk.issue(try desk.draft("СНТ-2", customer: ("000140000022", "ИП Ёлкин")), on: "10.03.2026")
        try desk.issue(try desk.draft("СНТ-3", date: "02.01.2025"), on: "10.01.2025")
        let all = MagazineQuery(companyId: desk.company, today: MagazineDesk.today)
        func numbers(_ change: (inout MagazineQuery) -> Void) throws -> [String] {
            var query = all
            change(&query)
            return try desk.store.list(query).map(\.entry.label)
        }
        XCTAssertEqual(try numbers { _ in }, ["1/2025", "1/2026", "2/2026"])
        XCTAssertEqual(try numbers { $0.year = 2026 }, ["1/2026", "2/2026"])
        XCTAssertEqual(try numbers { $0.from = self.day("05.03.2026") }, ["2/2026"])
        XCTAssertEqual(try numbers { $0.to = self.day("02.03.2026") }, ["1/2025", "1/2026"])
        XCTAssertEqual(try numbers { $0.search = "елкин" }, ["2/2026"], "ё and case aside")
        XCTAssertEqual(try numbers { $0.search = "000140000012 ертіс" }, ["1/2025", "1/2026"])
        XCTAssertEqual(try numbers { $0.search = "СНТ-3" }, ["1/2025"])
        XCTAssertEqual(try numbers { $0.states = [.entered] }, [])
        XCTAssertEqual(try desk.store.entries(companyId: desk.company, from: day("01.03.2026"), to: day("31.03.2026"))
            .map(\.entry.label), ["1/2026", "2/2026"])
        XCTAssertEqual(try desk.store.list(MagazineQuery(companyId: desk.otherCompany)), [])
    }

    func testADeletedDraftLeavesItsEntry() throws {
        let draft = try desk.draft("СНТ-1")
        let entry = try desk.issue(draft)
        let deleted = try SntDraftTrash(database: desk.database).delete(draftId: draft)
        let row = try XCTUnwrap(try desk.store.row(id: entry.id))
        XCTAssertNil(row.snt)
        XCTAssertEqual(row.entry.number, 1)
        try SntDraftTrash(database: desk.database).restore(deleted)
        XCTAssertEqual(try desk.store.row(id: entry.id)?.snt?.id, draft)
    }
}
