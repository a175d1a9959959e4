import Foundation
import QoimaCore
import XCTest

final class KazakhstanClockTests: XCTestCase {
    /// Midnight in Kazakhstan (UTC+5) is 19:00 UTC the evening before.
    func testTheDayTurnsAtMidnightInKazakhstan() {
        let beforeMidnight = Date(timeIntervalSince1970: 1_768_417_199) // 2026-01-14T18:59:59Z
        let atMidnight = Date(timeIntervalSince1970: 1_768_417_200) // 2026-01-14T19:00:00Z
        XCTAssertEqual(KazakhstanClock.day(of: beforeMidnight), CalendarDate(year: 2026, month: 1, day: 14))
        XCTAssertEqual(KazakhstanClock.day(of: atMidnight), CalendarDate(year: 2026, month: 1, day: 15))
        XCTAssertEqual(KazakhstanClock.day(of: Date(timeIntervalSince1970: -1)), CalendarDate(year: 1970, month: 1, day: 1),
                       "one second before the epoch is 04:59:59 in Kazakhstan, still 1 January")
        XCTAssertEqual(KazakhstanClock.day(of: Date(timeIntervalSince1970: -18_001)), CalendarDate(year: 1969, month: 12, day: 31))
    }

    func testMinuteTextIsKazakhstanTimeWhateverTheMachinesZone() {
        XCTAssertEqual(KazakhstanClock.minuteText(of: Date(timeIntervalSince1970: 0)), "01.01.1970 05:00")
        XCTAssertEqual(KazakhstanClock.minuteText(of: Date(timeIntervalSince1970: 1_798_743_600)), "01.01.2027 00:00")
    }

    func testNoonIsThatDayInKazakhstanAndInUTC() {
        let day = CalendarDate(year: 2026, month: 11, day: 24)!
        let noon = KazakhstanClock.noon(of: day)
        XCTAssertEqual(KazakhstanClock.day(of: noon), day)
        XCTAssertEqual(noon.timeIntervalSince1970, 1_795_503_600, "07:00 UTC")
    }
}
