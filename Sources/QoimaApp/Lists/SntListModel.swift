import Foundation
import QoimaCore
import QoimaStore

/// What one SNT list page shows, without GTK: the query its search, filters and sort make, the
/// count, and rows read by page from the store. The page reads pages through `page(offset:limit:)`.
@MainActor
public final class SntListModel {
    public typealias Kind = SntListPage.Kind

    /// Counts stop here while the user types, so a broad search shows its first page at once;
    /// the exact count follows off the main thread once the query settles (`settle`).
    public static let countCap = 1_000

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

    /// Whether the search text has no word of two characters or more (nothing was searched for).
    public private(set) var searchTooShort = false

    private let list: SntList
    /// Bumped by every recount: work for an older query is dropped when it comes back.
    private var generation = 0
    /// The ids of the whole list in order, once settled: pages deep in it are read by id.
    private var ids: [Int64]?
    /// The first page of the list, read with the count.
    public private(set) var head: [SntListRow] = []
    static let headSize = 100
    private var settling = false
    private var settleAgain = false
    private var onSettled: (@MainActor () -> Void)?

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

    /// Words of one character are not searched for: they match most of the index (every number
    /// starting with 0) and say little, and FTS5 would merge a million prefixes to find them.
    public func setSearch(_ text: String) {
        let words = text.split { !($0.isLetter || $0.isNumber) }
        let searched = words.filter { $0.count >= 2 }
        searchTooShort = !words.isEmpty && searched.isEmpty
        query.search = searched.isEmpty ? nil : searched.joined(separator: " ")
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

    /// Whether `count` is only "more than `countCap`" (shown as "1 000+").
    public var countIsCapped: Bool { !countIsExact && count == Self.countCap + 1 }

    /// Counts the rows of the current query (up to `countCap + 1`); call after changing it.
    /// For the same query read again (a store change), a long list keeps its last exact count
    /// until the new one is in, rather than showing "1 000+" for a moment.
    @discardableResult
    public func recount(sameQuery: Bool = false) throws -> Int {
        generation += 1
        ids = nil
        let previous = countIsExact ? count : nil
        // The first page and the capped count are read side by side, on two of the pool's
        // readers: a broad prefix (the first digits of a BIN) costs FTS5 its expansion in each.
        // Reading the rows up to the cap instead of counting them was measured: a row's last
        // columns sit behind its body's overflow pages, 0.3 ms each.
        let counted = CountResult()
        let done = DispatchSemaphore(value: 0)
        let list = list, query = query, cap = Self.countCap + 1
        DispatchQueue.global(qos: .userInitiated).async {
            counted.value = Result { try list.count(query, upTo: cap) }
            done.signal()
        }
        let firstPage = Result { try list.page(query, offset: 0, limit: Self.headSize) }
        done.wait()
        head = try firstPage.get()
        let capped = head.count < Self.headSize ? head.count : try counted.value!.get()
        countIsExact = capped <= Self.countCap
        count = sameQuery && !countIsExact ? previous.map { max($0, capped) } ?? capped : capped
        if !isNarrowed {
            listIsEmpty = capped == 0
        } else if capped > 0 {
            listIsEmpty = false
        } else {
            let whole = SntListQuery(companyId: companyId, direction: query.direction, statuses: Self.statuses(of: kind))
            listIsEmpty = try list.count(whole, upTo: 1) == 0
        }
        return count
    }

    /// Whether the settled work (exact count, ids) is still to do for the current query.
    public var needsSettling: Bool { !countIsExact }

    /// Reads the ids of the whole list off the main thread, which also counts it exactly; `done`
    /// runs when they are in, unless the query changed meanwhile. One read at a time: asked
    /// again while one runs, the newest query is read after it.
    public func settle(_ done: @escaping @MainActor () -> Void) {
        onSettled = done
        guard needsSettling, ids == nil else { return }
        guard !settling else {
            settleAgain = true
            return
        }
        settling = true
        settleAgain = false
        let token = generation, query = query, list = list
        Task.detached(priority: .utility) {
            let found = try? list.ids(query)
            await MainActor.run { [weak self] in
                guard let self else { return }
                self.settling = false
                if let found, self.generation == token {
                    self.ids = found
                    self.count = found.count
                    self.countIsExact = true
                    self.onSettled?()
                } else if self.settleAgain, let done = self.onSettled {
                    self.settle(done)
                }
            }
        }
    }

    /// Rows `offset ..< offset + limit` of the current query: by id once the list settled, else by
    /// `OFFSET`, cheap near the top. None when the store cannot be read.
    public func page(offset: Int, limit: Int) -> [SntListRow] {
        pagesRead += 1
        if let ids {
            guard offset < ids.count else { return [] }
            return (try? list.rows(ids: Array(ids[offset..<min(ids.count, offset + limit)]))) ?? []
        }
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

/// The count read beside the first page; written before the semaphore is signalled and read
/// after it is waited for.
private final class CountResult: @unchecked Sendable {
    var value: Result<Int, Error>?
}
