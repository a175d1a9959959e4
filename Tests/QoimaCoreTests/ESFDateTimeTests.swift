import Foundation
import QoimaXML
import XCTest

final class ESFDateTimeTests: XCTestCase {
    func testWritesKazakhstanTimeWithMillisecondsAndReadsItBack() {
        let instant = Date(timeIntervalSince1970: 1_795_418_130.123_4)
        let text = ESFDateTime.text(of: instant)
        XCTAssertEqual(text, "2026-11-23T12:15:30.123+05:00")
        XCTAssertEqual(ESFDateTime.instant(text)!.timeIntervalSince1970, 1_795_418_130.123, accuracy: 0.000_5)
    }

    func testReadsOtherOffsetsAndNoOffsetAsUTCPlusFive() {
        let utc = ESFDateTime.instant("2026-11-23T07:15:30Z")!
        XCTAssertEqual(ESFDateTime.instant("2026-11-23T12:15:30+05:00"), utc)
        XCTAssertEqual(ESFDateTime.instant("2026-11-23T12:15:30"), utc)
        XCTAssertEqual(ESFDateTime.instant("2026-11-23T08:15:30+01:00"), utc)
        XCTAssertEqual(ESFDateTime.instant("2026-11-23T04:15:30-03:00"), utc)
        XCTAssertEqual(ESFDateTime.instant(" 2026-11-23T12:15:30.5+05:00\n")!.timeIntervalSince(utc), 0.5, accuracy: 1e-6)
    }

    func testMidnightAndBeforeTheEpochRoundTrip() {
        for seconds in [0.0, -1.0, -86_400.5, 1_767_225_600.0 - 5 * 3600] {
            let instant = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(ESFDateTime.instant(ESFDateTime.text(of: instant)), instant, "\(seconds)")
        }
        XCTAssertEqual(ESFDateTime.text(of: Date(timeIntervalSince1970: 1_767_225_600 - 5 * 3600)),
                       "2026-01-01T00:00:00.000+05:00")
    }

    func testRefusesWhatIsNotADateTime() {
        for text in ["", "2026-11-23", "2026-13-01T00:00:00", "2026-11-23T24:00:00", "2026-11-23T10:00:00.+05:00",
                     "2026-11-23T10:00:00+5", "2026-11-23T10:00:00 junk", "23.11.2026 10:00:00"] {
            XCTAssertNil(ESFDateTime.instant(text), text)
        }
    }
}

extension ESFDateTimeTests {
    /// A cursor read and written back must not move, whatever the double's rounding.
    func testEveryMillisecondOfASecondRoundTripsExactly() {
        for millis in 0..<1000 {
            let text = String(format: "2026-11-23T12:15:30.%03d+05:00", millis)
            XCTAssertEqual(ESFDateTime.text(of: ESFDateTime.instant(text)!), text)
        }
    }
}
