import Foundation
import QoimaCore
import XCTest

/// The Magazine's provisional column set (domain.md §12, U16) and the words of its messages.
final class MagazineLayoutTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }

    private func row(number: Int, layoutVersion: Int = 0, state: MagazineEntry.State = .issued) -> MagazineRow {
        MagazineRow(entry: MagazineEntry(id: Int64(number), companyId: 1, year: 2026, number: number, state: state,
                                         paperDate: day("02.03.2026"), reason: .missingRequirement, sntId: nil,
                                         layoutVersion: layoutVersion, spoilReason: state == .spoiled ? "су тиді" : nil))
    }

    func testVersionZeroIsDomainsProvisionalList() {
        let layout = MagazineLayout.v0
        XCTAssertEqual(layout.version, 0)
        XCTAssertTrue(layout.isProvisional)
        XCTAssertEqual(MagazineLayout.current.version, MagazineAssumptions.provisionalLayoutVersion)
        XCTAssertEqual(layout.columns.map(\.id), ["number", "paperNumber", "paperDate", "reason", "supplier", "recipient",
                                                  "vehiclePlate", "goods", "enteredAt", "registrationNumber", "responsible"])
        for column in layout.columns {
            for language in Language.allCases {
                XCTAssertFalse(column.title.text(in: language).isEmpty, "\(column.id) \(language)")
            }
            XCTAssertGreaterThan(column.weight, 0)
        }
        XCTAssertEqual(layout.columns[9].title.text(in: .kazakh), "ЭШФ АЖ тіркеу нөмірі")
        XCTAssertEqual(MagazineLayout.all.map(\.version), [0])
        XCTAssertNil(MagazineLayout.version(1), "a later Qoima's layout is not known here")
    }

    func testAnEntryWithoutAnSntShowsItsOwnColumnsOnly() {
        let spoiled = row(number: 3, state: .spoiled)
        let texts = MagazineLayout.v0.columns.map { $0.text(of: spoiled, in: .russian) }
        XCTAssertEqual(texts, ["3", "", "02.03.2026", "Испорченный бланк: су тиді; Обязанности выписывать СНТ тогда не было",
                               "", "", "", "", "", "", ""])
    }

    func testAMagazineIsCutIntoRunsOfOneLayoutVersion() {
        let rows = [row(number: 1), row(number: 2), row(number: 3, layoutVersion: 7), row(number: 4)]
        let sections = MagazineLayout.sections(of: rows)
        // Version 7 is unknown to this Qoima: printed with the current layout, in the same run.
        XCTAssertEqual(sections.map(\.layout.version), [0])
        XCTAssertEqual(sections.first?.rows.map(\.entry.number), [1, 2, 3, 4])
        XCTAssertTrue(MagazineLayout.sections(of: []).isEmpty)
    }

    func testEveryRefusalIsWrittenOutInThreeLanguages() {
        let paper = day("02.03.2026")
        let errors: [MagazineError] = [
            .paperDateInFuture(paper, today: paper), .restoreDateInFuture(paper, today: paper),
            .restoreBeforePaper(paper, paperDate: paper, entry: "1/2026"), .restoreOfSpoiled("1/2026"),
            .enterSpoiled("1/2026"), .alreadyEntered("1/2026", registrationNumber: "KZ"), .registrationNumberInvalid("x"),
            .enteredInFuture(paper, today: paper), .enteredBeforePaper(paper, paperDate: paper, entry: "1/2026"),
            .sntNotRegistered(entry: "1/2026", sntId: 4), .alreadySpoiled("1/2026"),
            .spoilEntered("1/2026", registrationNumber: "KZ"), .spoilReasonMissing, .noSuchEntry("1/2026"), .noSuchSnt(4),
            .sntOfOtherCompany(4), .sntNotDraft(4, number: "N", status: "CREATED"), .sntAlreadyOnPaper(4, entry: "1/2026"),
            .sntChangedMeanwhile(4),
        ]
        for error in errors {
            let texts = Language.allCases.map { error.message(in: $0) }
            XCTAssertEqual(Set(texts).count, 3, "\(error)")
            for text in texts { XCTAssertFalse(text.contains("%"), text) }
        }
        XCTAssertEqual(MagazineError.restoreBeforePaper(paper, paperDate: paper, entry: "1/2026").field, .restoreDate)
        XCTAssertEqual(MagazineError.enteredInFuture(paper, today: paper).field, .enteredAt)
        for reason in PaperReason.allCases {
            XCTAssertEqual(Set(Language.allCases.map { reason.name.text(in: $0) }).count, 3, "\(reason)")
        }
    }

    func testTheRulesOfEachChange() throws {
        let entry = row(number: 5).entry
        XCTAssertThrowsError(try MagazineEntry.checkIssue(paperDate: day("03.03.2026"), today: day("02.03.2026")))
        XCTAssertNoThrow(try MagazineEntry.checkIssue(paperDate: day("02.03.2026"), today: day("02.03.2026")))
        XCTAssertThrowsError(try entry.restored(on: day("01.03.2026"), today: day("09.03.2026"))) {
            XCTAssertEqual($0 as? MagazineError, .restoreBeforePaper(day("01.03.2026"), paperDate: day("02.03.2026"),
                                                                   entry: "5/2026"))
        }
        XCTAssertEqual(try entry.restored(on: day("02.03.2026"), today: day("09.03.2026")).restoreDate, day("02.03.2026"),
                       "restored the same day")
        let spoiled = try entry.spoiled(because: "  жыртылды \n", at: Date())
        XCTAssertEqual(spoiled.spoilReason, "жыртылды")
        XCTAssertThrowsError(try spoiled.restored(on: day("05.03.2026"), today: day("09.03.2026"))) {
            XCTAssertEqual($0 as? MagazineError, .restoreOfSpoiled("5/2026"))
        }
        XCTAssertThrowsError(try spoiled.entered(as: SntRegistrationNumber("KZ-SNT-0000-000140000002-20260305-1"), at: Date(),
                                                 today: KazakhstanClock.today())) {
            XCTAssertEqual($0 as? MagazineError, .enterSpoiled("5/2026"))
        }
        XCTAssertThrowsError(try entry.entered(as: SntRegistrationNumber("KZ-SNT-0000-000140000002-20260305-1"),
                                               at: Date(), today: day("05.03.2026"))) {
            XCTAssertEqual($0 as? MagazineError, .enteredInFuture(KazakhstanClock.today(), today: day("05.03.2026")))
        }
    }
}
