import Foundation
import QoimaCore
import XCTest

/// The working-day calendar: the data file, its embedded copy, the Labour Code's rule for
/// holidays on a weekend, the government's transfers, and years it does not know.
final class WorkingCalendarTests: XCTestCase {
    private let calendar = WorkingCalendar.kazakhstan

    private func day(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }

    private static var resourceFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("resources/calendar/kz-working-days.json")
    }

    func testTheEmbeddedCalendarIsTheResourceFile() throws {
        let file = try Data(contentsOf: Self.resourceFile)
        let fromFile = try WorkingCalendar(json: file)
        XCTAssertEqual(fromFile.years, calendar.years,
                       "resources/calendar/kz-working-days.json changed: run scripts/embed-calendar.sh")
        var day = self.day("01.01.2025")
        while day.year <= 2027 {
            XCTAssertEqual(fromFile.day(day), calendar.day(day), "\(day): run scripts/embed-calendar.sh")
            day = day.adding(days: 1)
        }
    }

    func testItKnows2025To2027WithTheirSources() {
        XCTAssertEqual(calendar.years.map(\.year), [2025, 2026, 2027])
        for year in calendar.years { XCTAssertFalse(year.sources.isEmpty, "\(year.year)") }
        XCTAssertNil(calendar.years[0].assumed, "2025 is all from published sources")
        XCTAssertNotNil(calendar.years[2].assumed, "2027's transfers and Kurban ait are not published")
        XCTAssertFalse(calendar.knows(2024))
        XCTAssertFalse(calendar.knows(2028))
    }

    /// The moved days off of the data are what the Labour Code's rule gives, year by year.
    func testMovedDaysOffFollowTheLabourCode() {
        for year in 2025...2027 {
            var listed: [String] = []
            var day = self.day("01.01.\(year)")
            while day.year == year {
                if case let .movedDayOff(holiday, _) = calendar.day(day) { listed.append("\(day)←\(holiday)") }
                day = day.adding(days: 1)
            }
            let ruled = calendar.movedDaysOffByRule(in: year).map { "\($0.dayOff)←\($0.holiday)" }
            XCTAssertEqual(listed, ruled, "\(year)")
            XCTAssertFalse(ruled.isEmpty, "\(year)")
        }
    }

    func testHolidaysMovedDaysAndTransfers() {
        // 2025: New Year joined to the weekend by order No. 436; Sunday 5 January worked instead.
        XCTAssertEqual(calendar.day(day("03.01.2025")), .transferredDayOff(workingDay: day("05.01.2025")))
        XCTAssertEqual(calendar.day(day("05.01.2025")), .transferredWorkingDay(dayOff: day("03.01.2025")))
        XCTAssertTrue(calendar.isWorkingDay(day("05.01.2025")))
        XCTAssertFalse(calendar.isWorkingDay(day("04.01.2025")))
        // Nauryz 2025 on Friday–Sunday: Monday and Tuesday off.
        for off in ["21.03.2025", "22.03.2025", "23.03.2025", "24.03.2025", "25.03.2025"] {
            XCTAssertFalse(calendar.isWorkingDay(day(off)), off)
        }
        XCTAssertTrue(calendar.isWorkingDay(day("26.03.2025")))
        // 8 March 2026 on a Sunday: Monday the 9th off. Victory Day 2026 on a Saturday: the 11th.
        XCTAssertFalse(calendar.isWorkingDay(day("09.03.2026")))
        XCTAssertFalse(calendar.isWorkingDay(day("11.05.2026")))
        guard case let .holiday(name) = calendar.day(day("09.05.2026")) else { return XCTFail("Victory Day") }
        XCTAssertEqual(name.text(in: .russian), "День Победы")
        // Kurban ait and Orthodox Christmas are days off that never move.
        XCTAssertFalse(calendar.isWorkingDay(day("06.06.2025")))
        XCTAssertFalse(calendar.isWorkingDay(day("27.05.2026")))
        XCTAssertTrue(calendar.isWorkingDay(day("17.05.2027")), "Kurban ait 2027 on a Sunday gives no Monday off")
        XCTAssertFalse(calendar.isWorkingDay(day("07.01.2026")))
        // 2027 by the rule alone: 2 January on a Saturday gives Monday the 4th.
        XCTAssertFalse(calendar.isWorkingDay(day("04.01.2027")))
        XCTAssertTrue(calendar.isWorkingDay(day("05.01.2027")))
    }

    func testAnUnknownYearHasWeekendsOnly() {
        XCTAssertTrue(calendar.isWorkingDay(day("01.01.2030")), "a Tuesday of an unknown year")
        XCTAssertFalse(calendar.isWorkingDay(day("05.01.2030")))
        let (last, unknown) = calendar.workingDay(3, after: day("30.12.2030"))
        XCTAssertEqual(last, day("02.01.2031"))
        XCTAssertEqual(unknown, [2030, 2031])
    }

    func testCountingWorkingDaysBothWays() {
        XCTAssertEqual(calendar.workingDays(after: day("20.03.2026"), through: day("30.03.2026")), 3)
        XCTAssertEqual(calendar.workingDays(after: day("30.03.2026"), through: day("20.03.2026")), -3)
        XCTAssertEqual(calendar.workingDays(after: day("28.03.2026"), through: day("29.03.2026")), 0)
    }

    func testADefectiveCalendarIsRefusedSayingWhere() {
        func refusal(_ year: String) -> String {
            let json = """
                {"holidayKinds": {"nauryz": {"kk": "Н", "ru": "Н", "en": "N", "movesOffWeekend": true}},
                 "years": [\(year)]}
                """
            do {
                _ = try WorkingCalendar(json: Data(json.utf8))
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        let base = #""year": 2026, "sources": ["x"], "assumed": null"#
        XCTAssertTrue(refusal(#"{\#(base), "holidays": [{"date": "2026-02-30", "kind": "nauryz"}], "movedDaysOff": [], "transfers": []}"#)
            .contains("\"2026-02-30\" is not a yyyy-MM-dd date of that year"))
        XCTAssertTrue(refusal(#"{\#(base), "holidays": [{"date": "2026-03-21", "kind": "easter"}], "movedDaysOff": [], "transfers": []}"#)
            .contains("unknown kind \"easter\""))
        XCTAssertTrue(refusal(#"{\#(base), "holidays": [{"date": "2026-03-23", "kind": "nauryz"}], "movedDaysOff": [{"date": "2026-03-24", "for": "2026-03-23"}], "transfers": []}"#)
            .contains("not a holiday on a weekend"))
        XCTAssertTrue(refusal(#"{\#(base), "holidays": [], "movedDaysOff": [], "transfers": [{"dayOff": "2026-03-27", "workingDay": "2026-03-30", "source": "x"}]}"#)
            .contains("makes a weekend day (2026-03-30) a working day"))
        XCTAssertTrue(refusal(#"{\#(base), "holidays": [{"date": "2026-03-21", "kind": "nauryz"}, {"date": "2026-03-21", "kind": "nauryz"}], "movedDaysOff": [], "transfers": []}"#)
            .contains("21.03.2026 is listed twice"))
        XCTAssertEqual(refusal(#"{\#(base), "holidays": [{"date": "2026-03-21", "kind": "nauryz"}], "movedDaysOff": [{"date": "2026-03-23", "for": "2026-03-21"}], "transfers": []}"#),
                       "accepted")
    }
}
