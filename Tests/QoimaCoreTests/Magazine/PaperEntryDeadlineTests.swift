import Foundation
import QoimaCore
import XCTest

/// The deadline to enter a paper SNT: three working days after the restore date, around
/// Kazakhstan's holidays, weekends, transfers and year ends.
final class PaperEntryDeadlineTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }

    private func lastDay(restored: String) -> String {
        PaperEntryDeadline(restoreDate: day(restored)).lastDay.ddMMyyyy
    }

    func testThreeWorkingDaysIsOneConstant() {
        XCTAssertEqual(PaperEntryDeadline.workingDays, 3)
        XCTAssertEqual(lastDay(restored: "03.02.2026"), "06.02.2026", "Tuesday → Friday")
        XCTAssertEqual(lastDay(restored: "05.02.2026"), "10.02.2026", "Thursday → Tuesday, over a weekend")
        XCTAssertEqual(lastDay(restored: "07.02.2026"), "11.02.2026", "restored on a Saturday")
    }

    func testAroundNauryz() {
        // 2026: 21–22 March on a weekend, 23 a Monday; 24–25 off instead.
        XCTAssertEqual(lastDay(restored: "20.03.2026"), "30.03.2026")
        // 2025: 21 March a Friday, 22–23 on a weekend; 24–25 off instead.
        XCTAssertEqual(lastDay(restored: "20.03.2025"), "28.03.2025")
        // 2027: 21 March a Sunday; 24 off instead.
        XCTAssertEqual(lastDay(restored: "19.03.2027"), "29.03.2027")
    }

    func testAroundNewYearAndChristmas() {
        // 1–2 January, then a weekend, then 7 January (Orthodox Christmas) in the middle of the week.
        XCTAssertEqual(lastDay(restored: "31.12.2025"), "08.01.2026")
        // 2025: 3 January off by order No. 436, Sunday 5 January worked instead and counted.
        XCTAssertEqual(lastDay(restored: "31.12.2024"), "08.01.2025")
        XCTAssertTrue(PaperEntryDeadline(restoreDate: day("31.12.2024")).isCertain, "only 2025's days are counted")
        // 2027: 2 January on a Saturday gives Monday the 4th off.
        XCTAssertEqual(lastDay(restored: "29.12.2026"), "05.01.2027")
    }

    func testAroundTheMayHolidays() {
        // 2025: 1 May a Thursday; the 2nd counts; 7 and 9 May fall in the next week.
        XCTAssertEqual(lastDay(restored: "30.04.2025"), "06.05.2025")
        XCTAssertEqual(lastDay(restored: "06.05.2025"), "13.05.2025", "7 and 9 May skipped")
        // 2026: 7 May a Thursday, 9 May a Saturday, so Monday the 11th off.
        XCTAssertEqual(lastDay(restored: "06.05.2026"), "13.05.2026")
        // 2027: 1 May a Saturday (the 3rd off), 7 May a Friday, 9 May a Sunday (the 10th off).
        XCTAssertEqual(lastDay(restored: "30.04.2027"), "06.05.2027")
        XCTAssertEqual(lastDay(restored: "06.05.2027"), "13.05.2027")
    }

    func testAHolidayOnAWeekendAndHolidaysThatNeverMove() {
        // Constitution Day 2025 on a Saturday: Monday 1 September off.
        XCTAssertEqual(lastDay(restored: "29.08.2025"), "04.09.2025")
        // Republic Day 2026 on a Sunday: Monday 26 October off.
        XCTAssertEqual(lastDay(restored: "23.10.2026"), "29.10.2026")
        // Kurban ait 2025 on a Friday is off; 2027's on a Sunday gives no day off.
        XCTAssertEqual(lastDay(restored: "05.06.2025"), "11.06.2025")
        XCTAssertEqual(lastDay(restored: "14.05.2027"), "19.05.2027")
    }

    func testAtTheEndOfTheKnownYearsAndBeyond() {
        let pastTheEnd = PaperEntryDeadline(restoreDate: day("30.12.2027"))
        XCTAssertEqual(pastTheEnd.lastDay, day("04.01.2028"))
        XCTAssertEqual(pastTheEnd.unknownYears, [2028])
        XCTAssertFalse(pastTheEnd.isCertain)
        XCTAssertEqual(pastTheEnd.text.text(in: .english),
                       "by 04.01.2028 (the holidays of 2028 are not known: only weekends were skipped)")
        XCTAssertTrue(pastTheEnd.text.text(in: .russian).contains("праздники 2028 г. неизвестны"))
        let unknown = PaperEntryDeadline(restoreDate: day("15.06.2024"))
        XCTAssertEqual(unknown.lastDay, day("19.06.2024"))
        XCTAssertEqual(unknown.unknownYears, [2024])
        let known = PaperEntryDeadline(restoreDate: day("20.03.2026"))
        XCTAssertEqual(known.text.text(in: .kazakh), "30.03.2026 дейін")
    }

    func testWorkingDaysLeftAndOverdue() {
        let deadline = PaperEntryDeadline(restoreDate: day("20.03.2026"))
        XCTAssertEqual(deadline.workingDaysLeft(on: day("20.03.2026")), 3)
        XCTAssertEqual(deadline.workingDaysLeft(on: day("24.03.2026")), 3, "a day off before the count starts")
        XCTAssertEqual(deadline.workingDaysLeft(on: day("27.03.2026")), 1)
        XCTAssertEqual(deadline.workingDaysLeft(on: day("28.03.2026")), 1, "Saturday: Monday is left")
        XCTAssertEqual(deadline.workingDaysLeft(on: day("30.03.2026")), 0)
        XCTAssertFalse(deadline.isOverdue(on: day("30.03.2026")))
        XCTAssertTrue(deadline.isOverdue(on: day("31.03.2026")))
        XCTAssertEqual(deadline.workingDaysLeft(on: day("01.04.2026")), -2)
        XCTAssertTrue(deadline.isMet(enteredOn: day("30.03.2026")))
        XCTAssertFalse(deadline.isMet(enteredOn: day("31.03.2026")))
    }

    func testWhereAnEntryStands() {
        var entry = MagazineEntry(id: 1, companyId: 1, year: 2026, number: 4, state: .issued, paperDate: day("18.03.2026"),
                                  reason: .downTime, sntId: 9)
        XCTAssertEqual(entry.status(on: day("19.03.2026")), .waitingForRestore)
        entry.restoreDate = day("20.03.2026")
        let deadline = PaperEntryDeadline(restoreDate: day("20.03.2026"))
        XCTAssertEqual(entry.status(on: day("26.03.2026")), .open(deadline, workingDaysLeft: 2))
        XCTAssertEqual(entry.status(on: day("26.03.2026")).text.text(in: .english),
                       "Enter by 30.03.2026 (working days left: 2)")
        XCTAssertEqual(entry.status(on: day("30.03.2026")).text.text(in: .russian), "Последний день ввода: 30.03.2026")
        XCTAssertEqual(entry.status(on: day("31.03.2026")), .overdue(deadline))
        XCTAssertTrue(entry.isOverdue(on: day("31.03.2026")))
        XCTAssertEqual(entry.status(on: day("31.03.2026")).text.text(in: .kazakh),
                       "Мерзімі өтті: 30.03.2026 дейін енгізілуі керек еді")
        let late = try? entry.entered(as: SntRegistrationNumber("KZ-SNT-0000-000140000002-20260331-5"),
                                      at: noon("31.03.2026"), today: day("01.04.2026"))
        XCTAssertEqual(late?.status(on: day("01.04.2026")), .entered(inTime: false))
        XCTAssertEqual(late?.isOverdue(on: day("01.04.2026")), false)
        let inTime = try? entry.entered(as: SntRegistrationNumber("KZ-SNT-0000-000140000002-20260330-5"),
                                        at: noon("30.03.2026"), today: day("01.04.2026"))
        XCTAssertEqual(inTime?.status(on: day("01.04.2026")), .entered(inTime: true))
    }

    private func noon(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day(text).dayNumber * 86_400 + 7 * 3600))
    }
}
