/// The last day to enter a paper SNT into IS ESF: `workingDays` working days after the outage
/// ended (the restore date the user takes from KGD's announcement), domain.md §12.
public struct PaperEntryDeadline: Sendable, Hashable {
    /// Working days after the restore date (reported; `MagazineAssumptions.entryWorkingDays`).
    public static let workingDays = MagazineAssumptions.entryWorkingDays

    /// The day IS ESF worked again.
    public let restoreDate: CalendarDate
    /// The last day on which entering is in time.
    public let lastDay: CalendarDate
    /// Years the count ran through that the calendar does not know: only weekends were skipped
    /// there, so the last day may be too early. Empty when the calendar knew every day.
    public let unknownYears: [Int]
    private let calendar: WorkingCalendar

    public init(restoreDate: CalendarDate, calendar: WorkingCalendar = .kazakhstan) {
        self.restoreDate = restoreDate
        self.calendar = calendar
        let start = MagazineAssumptions.restoreDayCounts ? restoreDate.adding(days: -1) : restoreDate
        (lastDay, unknownYears) = calendar.workingDay(Self.workingDays, after: start)
    }

    /// Whether every day of the count was in the calendar.
    public var isCertain: Bool { unknownYears.isEmpty }

    /// Working days left after `today` up to the last day: 0 on the last day (or on a day off
    /// just before it), negative once it has passed (the working days since).
    public func workingDaysLeft(on today: CalendarDate) -> Int {
        calendar.workingDays(after: today, through: lastDay)
    }

    public func isOverdue(on today: CalendarDate) -> Bool { today > lastDay }

    /// Whether entering on `day` was in time.
    public func isMet(enteredOn day: CalendarDate) -> Bool { day <= lastDay }

    /// Deadlines are equal when they run alike; the calendar they were counted with is not compared.
    public static func == (lhs: PaperEntryDeadline, rhs: PaperEntryDeadline) -> Bool {
        (lhs.restoreDate, lhs.lastDay, lhs.unknownYears) == (rhs.restoreDate, rhs.lastDay, rhs.unknownYears)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(restoreDate)
        hasher.combine(lastDay)
        hasher.combine(unknownYears)
    }

    /// "by 30.03.2026", with a warning when the calendar did not know a year.
    public var text: LocalizedText {
        let last = LocalizedText.verbatim(lastDay.ddMMyyyy)
        guard !isCertain else {
            return LocalizedText(kk: "%1$@ дейін", ru: "до %1$@", en: "by %1$@", filling: [last])
        }
        let unknown = LocalizedText.verbatim(unknownYears.map(String.init).joined(separator: ", "))
        return LocalizedText(kk: "%1$@ дейін (%2$@ жылдың мерекелері белгісіз: тек демалыс күндері ескерілді)",
                             ru: "до %1$@ (праздники %2$@ г. неизвестны: учтены только выходные)",
                             en: "by %1$@ (the holidays of %2$@ are not known: only weekends were skipped)",
                             filling: [last, unknown])
    }
}
