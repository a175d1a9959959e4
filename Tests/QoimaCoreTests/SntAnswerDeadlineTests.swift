import QoimaCore
import XCTest

final class SntAnswerDeadlineTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }

    func testTheDeadlineIsTwentyBusinessDaysAfterTheSntDate() {
        // Monday 2 Nov 2026 + 20 business days (four full weeks) = Monday 30 Nov.
        XCTAssertEqual(SntAnswerDeadline(sntDate: day("02.11.2026")).lastDay, day("30.11.2026"))
        // A Saturday date counts from the Monday after: Friday 25 Dec.
        XCTAssertEqual(SntAnswerDeadline(sntDate: day("28.11.2026")).lastDay, day("25.12.2026"))
    }

    func testDaysLeftCountBusinessDaysOnly() {
        let deadline = SntAnswerDeadline(sntDate: day("02.11.2026"))  // last day Mon 30 Nov
        XCTAssertEqual(deadline.businessDaysLeft(on: day("30.11.2026")), 0)
        XCTAssertEqual(deadline.businessDaysLeft(on: day("27.11.2026")), 1)   // Friday
        XCTAssertEqual(deadline.businessDaysLeft(on: day("28.11.2026")), 1)   // Saturday
        XCTAssertEqual(deadline.businessDaysLeft(on: day("23.11.2026")), 5)
        XCTAssertEqual(deadline.businessDaysLeft(on: day("01.12.2026")), -1)
        XCTAssertEqual(deadline.businessDaysLeft(on: day("07.12.2026")), -5)
    }

    func testOnlyUnansweredStatusesWait() {
        XCTAssertTrue(SntAnswerDeadline.awaitsAnswer(.notViewed))
        XCTAssertTrue(SntAnswerDeadline.awaitsAnswer(.delivered))
        XCTAssertFalse(SntAnswerDeadline.awaitsAnswer(.confirmed))
        XCTAssertFalse(SntAnswerDeadline.awaitsAnswer(.declined))
    }
}
