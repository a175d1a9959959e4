import Foundation
import GtkKit
import QoimaCore
import QoimaPrint
import QoimaStore

/// What the Magazine page shows, without widgets: the filters as a `MagazineQuery`, the rows,
/// each row's status and cells (the columns of `MagazineLayout`, read nowhere else), and the
/// banner about entries overdue or due.
@MainActor
public final class MagazineModel {
    /// The state filter's choices.
    public enum StateFilter: Int, CaseIterable, Sendable {
        case all, open, overdue, entered, spoiled

        public var title: String {
            switch self {
            case .all: tr("All entries")
            case .open: tr("Not entered yet")
            case .overdue: tr("Overdue")
            case .entered: tr("Entered")
            case .spoiled: tr("Spoiled blanks")
            }
        }
    }

    public let companyId: Int64
    public let store: MagazineStore
    private let database: QoimaDatabase
    /// The Magazine's year; nil for every year.
    public var year: Int?
    /// Paper dates from `from` to `to`, inclusive.
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var state: StateFilter = .all
    public var search = ""
    public private(set) var rows: [MagazineRow] = []
    /// The years the Magazine has entries in, newest first.
    public private(set) var years: [Int] = []
    /// Entries of every state and year: zero shows the empty page.
    public private(set) var totalCount = 0
    /// Every issued entry, whatever the filters: the banner counts them.
    private var open: [MagazineEntry] = []
    private let today: @MainActor () -> CalendarDate
    let language: Language

    public init(companyId: Int64, database: QoimaDatabase, language: Language = Language.fromEnvironment(ProcessInfo.processInfo.environment),
                today: @escaping @MainActor () -> CalendarDate) {
        self.companyId = companyId
        store = MagazineStore(database: database)
        self.database = database
        self.language = language
        self.today = today
    }

    /// What the filters select.
    public var query: MagazineQuery {
        var query = MagazineQuery(companyId: companyId, year: year, from: from, to: to, search: search, today: today())
        switch state {
        case .all: break
        case .open: query.states = [.issued]
        case .overdue: query.overdueOnly = true
        case .entered: query.states = [.entered]
        case .spoiled: query.states = [.spoiled]
        }
        return query
    }

    public var isFiltered: Bool { year != nil || from != nil || to != nil || state != .all || !search.isEmpty }

    /// Reads the rows the filters select, the years and the open entries again.
    public func reload() throws {
        rows = try store.list(query)
        years = try store.years(companyId: companyId)
        let all = try store.list(MagazineQuery(companyId: companyId, today: today()))
        totalCount = all.count
        open = all.map(\.entry).filter { $0.state == .issued }
    }

    public func status(of entry: MagazineEntry) -> MagazineEntryStatus { entry.status(on: today(), calendar: store.calendar) }

    public func statusText(of entry: MagazineEntry) -> String { status(of: entry).text.text(in: language) }

    public func isOverdue(_ entry: MagazineEntry) -> Bool { entry.isOverdue(on: today(), calendar: store.calendar) }

    /// How the status column colours an entry (the CSS classes of cell text).
    public func statusStyle(of entry: MagazineEntry) -> String {
        switch status(of: entry) {
        case .overdue: "error"
        case .open, .waitingForRestore, .entered(inTime: false): "warning"
        case .entered: "success"
        case .spoiled: "dim-label"
        }
    }

    /// "2 paper SNTs are overdue", else "3 must be entered by 26.03.2026", else how many wait for
    /// the restore date; nil when nothing is open.
    public var bannerText: String? {
        let overdue = open.filter(isOverdue)
        if !overdue.isEmpty {
            let since = overdue.compactMap { $0.deadline(calendar: store.calendar)?.lastDay }.min()?.ddMMyyyy ?? ""
            return trn("%1$@ paper SNT is overdue: it was due by %2$@. Enter it into IS ESF now.",
                       "%1$@ paper SNTs are overdue: the earliest was due by %2$@. Enter them into IS ESF now.",
                       overdue.count, overdue.count, since)
        }
        let due = open.compactMap { $0.deadline(calendar: store.calendar)?.lastDay }
        if let first = due.min() {
            return trn("%1$@ paper SNT must be entered into IS ESF by %2$@.",
                       "%1$@ paper SNTs must be entered into IS ESF, the first by %2$@.", due.count, due.count, first.ddMMyyyy)
        }
        guard !open.isEmpty else { return nil }
        return trn("%1$@ paper SNT waits for the day IS ESF was restored: set it to start its deadline.",
                   "%1$@ paper SNTs wait for the day IS ESF was restored: set it to start their deadline.", open.count, open.count)
    }

    /// Whether the banner is about overdue entries (it stands out then).
    public var bannerIsUrgent: Bool { open.contains(where: isOverdue) }

    // MARK: Printing

    /// The period the Magazine is printed for: the year chosen (narrowed by the paper dates, if
    /// given); else the paper dates, a missing start being 1 January of the end's year and a missing
    /// end today; else every year, from 1 January of the first to today.
    public var printedPeriod: (from: CalendarDate, to: CalendarDate) {
        let now = today()
        func january(_ year: Int) -> CalendarDate { CalendarDate(year: year, month: 1, day: 1)! }
        let first: CalendarDate, last: CalendarDate
        if let year {
            first = from ?? january(year)
            last = to ?? CalendarDate(year: year, month: 12, day: 31)!
        } else {
            first = from ?? january(to?.year ?? years.last ?? now.year)
            last = to ?? max(now, first)
        }
        return (first, max(first, last))
    }

    /// The Magazine of `printedPeriod` as it is printed: every entry of those paper dates, spoiled
    /// blanks included, whatever the state and search filters (the printed Magazine is the whole register).
    public func report(of company: OwnCompany) throws -> MagazineReport {
        let period = printedPeriod
        return try MagazineReport.read(from: database, company: company, from: period.from, to: period.to,
                                       language: language)
    }

    // MARK: Columns

    /// The columns the page shows: the current layout's, then the status.
    public static var layout: MagazineLayout { MagazineLayout.current }

    /// A column's text for a row. An entry of another layout version is read with its own
    /// layout's column of the same id, and left blank when that layout has none, so a value is
    /// never shown under another column's title.
    public func text(ofColumn column: MagazineColumn, in row: MagazineRow) -> String {
        let layout = Self.layout
        guard row.entry.layoutVersion != layout.version else { return column.text(of: row, in: language) }
        guard let own = MagazineLayout.version(row.entry.layoutVersion)?.columns.first(where: { $0.id == column.id }) else {
            return ""
        }
        return own.text(of: row, in: language)
    }

    /// The paper entry of a draft, as its editor's banner says it.
    public static func paperBanner(_ entry: MagazineEntry, today: CalendarDate, language: Language = Language.fromEnvironment(ProcessInfo.processInfo.environment))
        -> String {
        let reason = entry.reason?.name.text(in: language) ?? ""
        switch entry.status(on: today) {
        case .waitingForRestore:
            return tr("Issued on paper: Magazine No. %1$@, %2$@, %3$@. Waiting for the day IS ESF was restored to count the deadline.",
                      entry.label, entry.paperDate.ddMMyyyy, reason)
        case let .overdue(deadline):
            return tr("Issued on paper: Magazine No. %1$@, %2$@, %3$@. It was due in IS ESF by %4$@: send it now.",
                      entry.label, entry.paperDate.ddMMyyyy, reason, deadline.lastDay.ddMMyyyy)
        case let .open(deadline, _):
            return tr("Issued on paper: Magazine No. %1$@, %2$@, %3$@. Enter it into IS ESF by %4$@.",
                      entry.label, entry.paperDate.ddMMyyyy, reason, deadline.lastDay.ddMMyyyy)
        case .entered, .spoiled:
            return tr("Issued on paper: Magazine No. %1$@, %2$@, %3$@.", entry.label, entry.paperDate.ddMMyyyy, reason)
        }
    }

    /// A refusal in the user's language.
    static func message(of error: any Error) -> String {
        (error as? MagazineError)?.message(in: DeskExchange.language) ?? String(describing: error)
    }
}
