import Foundation

/// Kazakhstan's civil time: one zone, UTC+5 since 1 March 2024 (domain.md §3; assumed, U12).
/// SNT dates are days in this zone, whatever the machine's own zone is.
public enum KazakhstanClock {
    public static let utcOffsetSeconds = 5 * 3600

    /// The calendar day in Kazakhstan at `instant`.
    public static func day(of instant: Date) -> CalendarDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(dayNumber: days)
    }

    public static func today() -> CalendarDate { day(of: Date()) }

    /// Noon of `day` in Kazakhstan: an instant that is that day in any reading of it.
    public static func noon(of day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 12 * 3600 - utcOffsetSeconds))
    }

    /// "dd.MM.yyyy HH:mm" in Kazakhstan's time, as messages show an instant (a certificate's
    /// expiry, say).
    public static func minuteText(of instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds)
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: instant)
    }
}
