import Foundation

/// Kazakhstan's working days for a five-day week: weekends, public holidays, the weekdays off
/// that replace holidays falling on a weekend, and the days the government moved. The data is
/// `resources/calendar/kz-working-days.json`, embedded by `scripts/embed-calendar.sh` so the
/// installed executables carry it. A year the file does not list is unknown: there only
/// weekends are skipped, and every count says which unknown years it ran through.
public struct WorkingCalendar: Sendable {
    /// What a day is.
    public enum Day: Hashable, Sendable {
        case working
        case weekend
        /// A public holiday.
        case holiday(LocalizedText)
        /// A weekday off because `holiday`, on `date`, fell on a Saturday or Sunday.
        case movedDayOff(date: CalendarDate, holiday: LocalizedText)
        /// A weekday off by a government transfer; `workingDay` is worked instead.
        case transferredDayOff(workingDay: CalendarDate)
        /// A Saturday or Sunday worked by a government transfer, in exchange for `dayOff`.
        case transferredWorkingDay(dayOff: CalendarDate)

        public var isWorking: Bool {
            switch self {
            case .working, .transferredWorkingDay: true
            case .weekend, .holiday, .movedDayOff, .transferredDayOff: false
            }
        }

        /// What the day is, as a calendar or a deadline's explanation says it.
        public var text: LocalizedText {
            switch self {
            case .working:
                LocalizedText(kk: "жұмыс күні", ru: "рабочий день", en: "working day")
            case .weekend:
                LocalizedText(kk: "демалыс күні", ru: "выходной", en: "weekend")
            case let .holiday(name):
                name
            case let .movedDayOff(date, holiday):
                LocalizedText(kk: "%2$@ (%1$@) үшін демалыс", ru: "выходной за %2$@ (%1$@)", en: "day off for %2$@ (%1$@)",
                              filling: [.date(date), holiday])
            case let .transferredDayOff(workingDay):
                LocalizedText(kk: "ауыстырылған демалыс (оның орнына %1$@ — жұмыс күні)",
                              ru: "перенесённый выходной (вместо него рабочий день %1$@)",
                              en: "moved day off (%1$@ is worked instead)", filling: [.date(workingDay)])
            case let .transferredWorkingDay(dayOff):
                LocalizedText(kk: "ауыстыру бойынша жұмыс күні (%1$@ орнына)",
                              ru: "рабочий день по переносу (за %1$@)",
                              en: "working day by a transfer (for %1$@)", filling: [.date(dayOff)])
            }
        }
    }

    /// Where a year's days come from, and what in them is assumed.
    public struct YearSource: Hashable, Sendable {
        public let year: Int
        public let sources: [String]
        /// What the year's data does not know for sure (no transfer order seen, an estimated
        /// Kurban ait); nil when everything is from published sources.
        public let assumed: String?
    }

    /// The years the calendar knows, with their sources, oldest first.
    public let years: [YearSource]
    /// Every day that is not an ordinary weekday or weekend.
    private let exceptions: [CalendarDate: Day]
    /// Each year's holidays, with whether a holiday on a weekend gives a weekday off.
    private let holidays: [Int: [(date: CalendarDate, moves: Bool)]]

    /// Kazakhstan's calendar for the years of `resources/calendar/kz-working-days.json`.
    public static let kazakhstan: WorkingCalendar = {
        do {
            return try WorkingCalendar(json: Data(kazakhstanJSON.utf8))
        } catch {
            // The embedded copy is checked by WorkingCalendarTests; reaching this is a build defect.
            preconditionFailure("the embedded working-day calendar is unreadable: \(error)")
        }
    }()

    /// Whether the calendar has `year`'s holidays and transfers.
    public func knows(_ year: Int) -> Bool { years.contains { $0.year == year } }

    public func day(_ date: CalendarDate) -> Day {
        if let day = exceptions[date] { return day }
        return date.isoWeekday >= 6 ? .weekend : .working
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool { day(date).isWorking }

    /// The `count`th working day after `date` (`date` itself is not counted), with the years the
    /// count passed through that the calendar does not know (weekends alone were skipped there).
    public func workingDay(_ count: Int, after date: CalendarDate) -> (day: CalendarDate, unknownYears: [Int]) {
        var day = date
        var counted = 0
        var unknown: Set<Int> = []
        while counted < count {
            day = day.adding(days: 1)
            if !knows(day.year) { unknown.insert(day.year) }
            if isWorkingDay(day) { counted += 1 }
        }
        return (day, unknown.sorted())
    }

    /// The working days in `start` exclusive to `end` inclusive; negative, counted the other
    /// way, when `end` is before `start`.
    public func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        guard start != end else { return 0 }
        let (low, high) = start < end ? (start, end) : (end, start)
        var count = 0
        var day = low
        while day < high {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return start < end ? count : -count
    }

    /// The weekdays off that the Labour Code's rule (art. 84) gives for `year`'s holidays: each
    /// holiday that moves and falls on a weekend gives the next weekday that is neither a
    /// holiday nor already given. The data lists them too; tests hold the two together.
    public func movedDaysOffByRule(in year: Int) -> [(dayOff: CalendarDate, holiday: CalendarDate)] {
        let list = holidays[year] ?? []
        let holidayDates = Set(list.map(\.date))
        var given: Set<CalendarDate> = []
        var result: [(CalendarDate, CalendarDate)] = []
        for holiday in list.sorted(by: { $0.date < $1.date }) where holiday.moves && holiday.date.isoWeekday >= 6 {
            var day = holiday.date.adding(days: 1)
            while day.isoWeekday >= 6 || holidayDates.contains(day) || given.contains(day) { day = day.adding(days: 1) }
            given.insert(day)
            result.append((day, holiday.date))
        }
        return result
    }
}

// MARK: Reading the data file

extension WorkingCalendar {
    /// A defect of the calendar file, naming the year and date.
    public struct DataError: Error, CustomStringConvertible {
        public let description: String
    }

    private struct File: Decodable {
        struct Kind: Decodable {
            let kk: String, ru: String, en: String
            let movesOffWeekend: Bool
        }
        struct Holiday: Decodable { let date: String, kind: String }
        struct Moved: Decodable { let date: String, `for`: String }
        struct Transfer: Decodable { let dayOff: String, workingDay: String, source: String }
        struct Year: Decodable {
            let year: Int
            let sources: [String]
            let assumed: String?
            let holidays: [Holiday]
            let movedDaysOff: [Moved]
            let transfers: [Transfer]
        }
        let holidayKinds: [String: Kind]
        let years: [Year]
    }

    /// Reads and checks a calendar in the shape of `kz-working-days.json`: every date real and in
    /// its year, holidays of known kinds, moved days off on weekdays for a holiday on a weekend,
    /// transfers from a weekday to a weekend day, and no day listed twice.
    public init(json: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw DataError(description: "the calendar is not in the expected shape: \(error)")
        }
        var exceptions: [CalendarDate: Day] = [:]
        var holidays: [Int: [(date: CalendarDate, moves: Bool)]] = [:]
        var names: [CalendarDate: LocalizedText] = [:]

        func date(_ text: String, in year: Int) throws -> CalendarDate {
            let parts = text.split(separator: "-").map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
                  let date = CalendarDate(year: y, month: m, day: d), y == year
            else { throw DataError(description: "\(year): \"\(text)\" is not a yyyy-MM-dd date of that year") }
            return date
        }
        func add(_ day: Day, on date: CalendarDate, year: Int) throws {
            guard exceptions[date] == nil else {
                throw DataError(description: "\(year): \(date.ddMMyyyy) is listed twice")
            }
            exceptions[date] = day
        }

        for year in file.years {
            guard !holidays.keys.contains(year.year) else { throw DataError(description: "\(year.year) is listed twice") }
            holidays[year.year] = []
            for holiday in year.holidays {
                guard let kind = file.holidayKinds[holiday.kind] else {
                    throw DataError(description: "\(year.year): \(holiday.date) has the unknown kind \"\(holiday.kind)\"")
                }
                let day = try date(holiday.date, in: year.year)
                let name = LocalizedText(kk: kind.kk, ru: kind.ru, en: kind.en)
                try add(.holiday(name), on: day, year: year.year)
                names[day] = name
                holidays[year.year]?.append((day, kind.movesOffWeekend))
            }
            for moved in year.movedDaysOff {
                let day = try date(moved.date, in: year.year)
                let holiday = try date(moved.for, in: year.year)
                guard let name = names[holiday], holiday.isoWeekday >= 6, day.isoWeekday <= 5, holiday < day else {
                    throw DataError(description: "\(year.year): \(moved.date) cannot be the day off for \(moved.for), "
                                    + "which is not a holiday on a weekend before it")
                }
                try add(.movedDayOff(date: holiday, holiday: name), on: day, year: year.year)
            }
            for transfer in year.transfers {
                let dayOff = try date(transfer.dayOff, in: year.year)
                let workingDay = try date(transfer.workingDay, in: year.year)
                guard dayOff.isoWeekday <= 5, workingDay.isoWeekday >= 6 else {
                    throw DataError(description: "\(year.year): a transfer moves a weekday off (\(transfer.dayOff)) "
                                    + "and makes a weekend day (\(transfer.workingDay)) a working day")
                }
                try add(.transferredDayOff(workingDay: workingDay), on: dayOff, year: year.year)
                try add(.transferredWorkingDay(dayOff: dayOff), on: workingDay, year: year.year)
            }
        }
        self.exceptions = exceptions
        self.holidays = holidays
        years = file.years.map { YearSource(year: $0.year, sources: $0.sources, assumed: $0.assumed) }
            .sorted { $0.year < $1.year }
    }
}
