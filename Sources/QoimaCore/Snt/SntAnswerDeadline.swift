import Foundation

/// How long the receiver of an SNT has to confirm or decline it. No legal deadline is known
/// (domain.md §3, "Deadlines"): Qoima follows the one policy seen in practice, which flags
/// incoming SNTs still unanswered 20 business days after the SNT date. *Assumed*: change it here.
public struct SntAnswerDeadline: Hashable, Sendable {
    /// Business days (Monday to Friday; public holidays are not known to Qoima) after the SNT date.
    public static let businessDays = 20
    /// The statuses that still wait for the receiver's answer.
    public static let awaitingStatuses: Set<SntStatus> = [.notViewed, .delivered]

    /// The last day to answer.
    public let lastDay: CalendarDate

    /// The deadline of an SNT dated `date`.
    public init(sntDate date: CalendarDate) {
        var day = date
        var counted = 0
        while counted < Self.businessDays {
            day = day.adding(days: 1)
            if day.isoWeekday <= 5 { counted += 1 }
        }
        lastDay = day
    }

    /// Whether an SNT in `status` still waits for an answer.
    public static func awaitsAnswer(_ status: SntStatus) -> Bool { awaitingStatuses.contains(status) }

    /// Business days left on `today`: 0 on the last day, negative once it has passed.
    public func businessDaysLeft(on today: CalendarDate) -> Int {
        if today == lastDay { return 0 }
        let forward = today < lastDay
        var day = today
        var count = 0
        while day != lastDay {
            day = day.adding(days: forward ? 1 : -1)
            if day.isoWeekday <= 5 || day == lastDay { count += 1 }
        }
        return forward ? count : -count
    }
}
