import Foundation
import QoimaCore

/// The `xs:dateTime` values of IS ESF's messages (`inputDate`, `lastEventDate`…). IS ESF writes
/// them in server local time (domain.md §3, §11); that this is Kazakhstan's UTC+5, and the forms
/// it accepts, are (assumed, U12). Qoima writes `2026-11-23T10:15:30.123+05:00`: an explicit
/// offset and milliseconds, so a cursor fed back loses nothing. It reads any `xs:dateTime`
/// with or without fractional seconds; one without an offset is taken as UTC+5. Instants are
/// kept as `Date` (UTC) everywhere else.
public enum ESFDateTime {
    public static func text(of instant: Date) -> String {
        // To the nearest millisecond: an instant read from "…30.123" is a double a hair off
        // .123, and must be written back as .123 for a cursor to stay exactly where it was.
        let milliseconds = Int64((instant.timeIntervalSince1970 * 1000).rounded())
        let local = milliseconds + Int64(KazakhstanClock.utcOffsetSeconds) * 1000
        let dayMilliseconds: Int64 = 86_400_000
        let days = local >= 0 ? local / dayMilliseconds : (local - dayMilliseconds + 1) / dayMilliseconds
        let within = local - days * dayMilliseconds
        let date = CalendarDate(dayNumber: Int(days))
        let hours = within / 3_600_000, minutes = within / 60_000 % 60, seconds = within / 1000 % 60
        let millis = within % 1000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d+05:00", date.year, date.month, date.day,
                      Int(hours), Int(minutes), Int(seconds), Int(millis))
    }

    /// The instant `text` names, or nil when it is not an `xs:dateTime`.
    public static func instant(_ text: String) -> Date? {
        let scalars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<index + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < scalars.count, scalars[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("T"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2), let date = CalendarDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var fraction = 0.0
        if index < scalars.count, scalars[index] == 0x2E {
            index += 1
            var scale = 0.1
            let start = index
            while index < scalars.count, scalars[index] >= 0x30, scalars[index] <= 0x39 {
                fraction += Double(scalars[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = KazakhstanClock.utcOffsetSeconds
        if index < scalars.count {
            if scalars[index] == 0x5A {
                offset = 0
                index += 1
            } else {
                let sign = scalars[index] == 0x2D ? -1 : 1
                guard scalars[index] == 0x2B || scalars[index] == 0x2D else { return nil }
                index += 1
                guard let hours = number(2), expect(":"), let minutes = number(2), hours <= 14, minutes < 60
                else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard index == scalars.count else { return nil }
        let seconds = Double(date.dayNumber) * 86_400 + Double(hour * 3600 + minute * 60 + second - offset)
        return Date(timeIntervalSince1970: seconds + fraction)
    }
}
