import GRDB
import QoimaCore

/// Which entries of a company's Magazine a list shows (the Magazine page, `magazine list`, and
/// the printed Magazine of a period). Entries come in Magazine order: year, then number.
public struct MagazineQuery: Hashable, Sendable {
    public var companyId: Int64
    /// The Magazine's year (numbers restart each year).
    public var year: Int?
    /// Paper dates from `from` to `to`, inclusive.
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Empty for every state.
    public var states: Set<MagazineEntry.State>
    /// Only issued entries whose deadline has passed on `today`.
    public var overdueOnly: Bool
    /// Words to find in the entry's number, the SNT's number or registration number, or a
    /// party's name or IIN/BIN.
    public var search: String
    /// The day "overdue" is judged on.
    public var today: CalendarDate

    public init(companyId: Int64, year: Int? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                states: Set<MagazineEntry.State> = [], overdueOnly: Bool = false, search: String = "",
                today: CalendarDate = KazakhstanClock.today()) {
        self.companyId = companyId
        self.year = year
        self.from = from
        self.to = to
        self.states = states
        self.overdueOnly = overdueOnly
        self.search = search
        self.today = today
    }

    /// The part SQL selects; the deadline and the search are judged on the rows (a Magazine has
    /// hundreds of entries a year, not millions).
    var sql: (condition: String, arguments: StatementArguments) {
        var terms = ["m.companyId = ?"]
        var arguments: StatementArguments = [companyId]
        if let year {
            terms.append("m.year = ?")
            _ = arguments.append(contentsOf: [year])
        }
        if let from {
            terms.append("m.paperDate >= ?")
            _ = arguments.append(contentsOf: [StoredDate.text(from)])
        }
        if let to {
            terms.append("m.paperDate <= ?")
            _ = arguments.append(contentsOf: [StoredDate.text(to)])
        }
        let states = overdueOnly ? [.issued] : self.states
        if !states.isEmpty {
            terms.append("m.state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
            _ = arguments.append(contentsOf: StatementArguments(states.map(\.rawValue).sorted()))
        }
        return (terms.joined(separator: " AND "), arguments)
    }
}
