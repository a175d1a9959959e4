import Foundation
import QoimaCore
import QoimaStore

/// What one SNT list page shows, without GTK: the query its search, filters and sort make, the
/// count, and rows read by page from the store. The page reads pages through `page(offset:limit:)`.
@MainActor
public final class SntListModel {
    public typealias Kind = SntListPage.Kind

    /// Counts stop here at first, so a broad search shows its first page at once; the exact
    /// count follows off the main thread (`exactCount`).
    public static let countCap = 10_000

    public let kind: Kind
    public let companyId: Int64
    /// What the page's filters and search ask for, in the store's terms.
    public private(set) var query: SntListQuery
    /// Rows the list has, up to `countCap + 1` until the exact count is known.
    public private(set) var count = 0
    /// Whether `count` is exact, or only says "more than `countCap`".
    public private(set) var countIsExact = true
    /// Whether the list without search and filters has any SNT (empty state vs. no results).
    public private(set) var listIsEmpty = true
    /// How many pages were read from the store (the scrolling test and the benchmark watch it).
    public private(set) var pagesRead = 0

    private let list: SntList
    private var generation = 0

    public init(kind: Kind, companyId: Int64, database: QoimaDatabase) {
        self.kind = kind
        self.companyId = companyId
        list = SntList(database: database)
        query = SntListQuery(companyId: companyId, direction: kind == .incoming ? .incoming : .outgoing,
                             statuses: Self.statuses(of: kind))
    }

    // MARK: What the list holds

    /// The statuses of each list: drafts are the local ones not sent yet (`isEditable`:
    /// created in Qoima or imported from a file); the outgoing list holds the rest.
    public static func statuses(of kind: Kind) -> Set<SntStatus> {
        switch kind {
        case .drafts: Set(SntStatus.allCases.filter(\.isEditable))
        case .outgoing: Set(SntStatus.allCases.filter { !$0.isEditable })
        case .incoming: []
        }
    }

    /// The statuses the status filter offers.
    public var filterableStatuses: [SntStatus] {
        switch kind {
        case .drafts: SntStatus.allCases.filter(\.isEditable)
        case .outgoing: SntStatus.allCases.filter { !$0.isEditable }
        case .incoming: SntStatus.allCases.filter { !$0.isEditable && $0 != .created && $0 != .failed }
        }
    }

    // MARK: Search, filters, order

    public var search: String { query.search ?? "" }
    /// The statuses chosen in the filter; empty for all of the list's.
    public private(set) var chosenStatuses: Set<SntStatus> = []

    public func setSearch(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        query.search = trimmed.isEmpty ? nil : trimmed
    }

    public func setStatuses(_ statuses: Set<SntStatus>) {
        chosenStatuses = statuses.intersection(filterableStatuses)
        query.statuses = chosenStatuses.isEmpty ? Self.statuses(of: kind) : chosenStatuses
    }

    public func setDates(from: CalendarDate?, to: CalendarDate?) {
        query.from = from
        query.to = to
    }

    public func setCounterparty(_ tin: String?) { query.counterpartyTin = tin }

    public func setWarehouse(_ storeId: Int64?) { query.storeId = storeId }

    public func setOrder(_ order: SntListOrder) { query.order = order }

    /// Whether search or a filter narrows the list now.
    public var isNarrowed: Bool {
        query.search != nil || !chosenStatuses.isEmpty || query.from != nil || query.to != nil
            || query.counterpartyTin != nil || query.storeId != nil
    }

    // MARK: Reading

    /// Counts the rows of the current query (up to `countCap + 1`); call after changing it.
    @discardableResult
    public func recount() throws -> Int {
        generation += 1
        let capped = try list.count(query, upTo: Self.countCap + 1)
        count = capped
        countIsExact = capped <= Self.countCap
        if !isNarrowed {
            listIsEmpty = capped == 0
        } else if capped > 0 {
            listIsEmpty = false
        } else {
            var whole = SntListQuery(companyId: companyId, direction: query.direction, statuses: Self.statuses(of: kind))
            whole.order = query.order
            listIsEmpty = try list.count(whole, upTo: 1) == 0
        }
        return count
    }

    /// Counts the whole list off the main thread when `recount` stopped at the cap; `done` runs
    /// on the main actor with the exact count, unless the query changed meanwhile.
    public func exactCount(_ done: @escaping @MainActor (Int) -> Void) {
        guard !countIsExact else { return }
        let token = generation
        let query = query, list = list
        Task.detached(priority: .userInitiated) {
            guard let total = try? list.count(query) else { return }
            await MainActor.run { [weak self] in
                guard let self, self.generation == token else { return }
                self.count = total
                self.countIsExact = true
                done(total)
            }
        }
    }

    /// Rows `offset ..< offset + limit` of the current query; none when the store cannot be read.
    public func page(offset: Int, limit: Int) -> [SntListRow] {
        pagesRead += 1
        return (try? list.page(query, offset: offset, limit: limit)) ?? []
    }

    /// The counterparties the list has, for the counterparty filter (read off the main thread).
    public func loadCounterparties(_ done: @escaping @MainActor ([SntCounterparty]) -> Void) {
        let query = query, list = list
        Task.detached(priority: .utility) {
            let found = (try? list.counterparties(query)) ?? []
            await MainActor.run { done(found) }
        }
    }
}
