import Foundation
import QoimaCore
import QoimaStore

/// What the balances table shows, without GTK: the query its search and filters make, the count,
/// the rows read by page from the store, and, grouped by product, a header row with subtotals
/// before each product's batches. Grouping reads every batch of the query (hundreds of
/// milliseconds at 200,000 batches), so it runs off the main thread and the table waits for it.
@MainActor
public final class BalancesModel {
    /// A row of the table: a product's header (grouped) or a batch.
    public enum Row: Hashable, Sendable {
        case product(BalanceProductGroup)
        case batch(BalanceListRow)

        public var batch: BalanceListRow? { if case let .batch(row) = self { row } else { nil } }
    }

    private enum Entry: Sendable {
        case product(Int)
        case batch(Int64)
    }

    public let companyId: Int64
    public private(set) var query: BalanceListQuery
    public private(set) var grouped = false
    /// Whether a grouping is being read off the main thread (the table is empty until it is in).
    public private(set) var grouping = false
    /// Rows the table has (product headers included when grouped).
    public private(set) var count = 0
    /// Whether `count` is exact, or only says "more than `countCap`" until `settle` counts.
    public private(set) var countIsExact = true
    /// Counts stop here while the user types or switches filters, so the first rows show at once;
    /// the exact count follows off the main thread (`settle`), as in the SNT lists.
    public static let countCap = 1_000
    /// The first rows, read with the count.
    public private(set) var head: [Row] = []
    /// Whether the company has no batch at all (nothing synced yet).
    public private(set) var cacheIsEmpty = true
    /// How many pages were read (the benchmark and the tests watch it).
    public private(set) var pagesRead = 0
    public static let headSize = 100

    private let list: BalanceList
    private let reservations: BalanceReservations
    private var groups: [BalanceProductGroup] = []
    private var entries: [Entry] = []

    public init(companyId: Int64, database: QoimaDatabase) {
        self.companyId = companyId
        list = BalanceList(database: database)
        reservations = BalanceReservations(database: database)
        query = BalanceListQuery(companyId: companyId)
    }

    // MARK: Search, filters, order

    public func setSearch(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        query.search = trimmed.isEmpty ? nil : trimmed
    }

    /// Whether the search text has words but none of two characters or more.
    public var searchTooShort: Bool { query.search != nil && query.searchExpression == nil }

    public func setWarehouse(_ storeId: Int64?) { query.storeId = storeId }
    public func setReservedOnly(_ on: Bool) { query.reservedOnly = on }
    public func setNonZeroOnly(_ on: Bool) { query.nonZeroOnly = on }
    public func setOrder(_ order: BalanceListOrder) { query.order = order }
    public func setGrouped(_ on: Bool) { grouped = on }

    public var isNarrowed: Bool {
        query.searchExpression != nil || query.storeId != nil || query.reservedOnly || query.nonZeroOnly
    }

    // MARK: Reading

    /// Reads the count and the first rows of the current query; call after changing it. Grouped,
    /// the products and their batches' ids (with subtotals) are read off the main thread and
    /// `grouped` runs once they are in, unless the query changed meanwhile; until then the
    /// table has no rows and `grouping` is true; a grouping that could not be read leaves
    /// `groupingFailure`.
    public func recount(grouped done: (@MainActor () -> Void)? = nil) throws {
        generation += 1
        groups = []
        entries = []
        groupingFailure = nil
        guard grouped else {
            grouping = false
            let first = try list.head(query, limit: Self.headSize, countUpTo: Self.countCap + 1)
            head = first.rows.map(Row.batch)
            count = first.count
            countIsExact = count <= Self.countCap
            noteWhetherEmpty()
            return
        }
        grouping = true
        count = 0
        head = []
        countIsExact = true
        let token = generation, query = query, list = list
        Task.detached(priority: .userInitiated) {
            let read = Result { () throws -> ([BalanceProductGroup], [Entry]) in
                let groups = try list.groups(query)
                var entries: [Entry] = []
                entries.reserveCapacity(groups.reduce(0) { $0 + $1.rowIds.count + 1 })
                for (index, group) in groups.enumerated() {
                    entries.append(.product(index))
                    entries += group.rowIds.map(Entry.batch)
                }
                return (groups, entries)
            }
            await MainActor.run { [weak self] in
                guard let self, self.generation == token else { return }
                self.grouping = false
                switch read {
                case let .success((groups, entries)):
                    self.groups = groups
                    self.entries = entries
                    self.count = entries.count
                    self.head = self.rows(from: 0, limit: Self.headSize)
                case let .failure(error):
                    self.groupingFailure = error
                }
                self.noteWhetherEmpty()
                done?()
            }
        }
    }

    /// Why the last grouping could not be read.
    public private(set) var groupingFailure: (any Error)?

    private func noteWhetherEmpty() {
        cacheIsEmpty = count > 0 ? false : (try? list.isEmpty(companyId: companyId)) ?? true
    }

    /// Bumped by every recount: an exact count of an older query is dropped when it comes back.
    private var generation = 0

    /// Counts the current query exactly off the main thread; `done` runs when the count is in,
    /// unless the query changed meanwhile.
    public func settle(_ done: @escaping @MainActor () -> Void) {
        guard !countIsExact else { return }
        let token = generation, query = query, list = list
        Task.detached(priority: .utility) {
            let exact = try? list.count(query)
            await MainActor.run { [weak self] in
                guard let self, let exact, self.generation == token else { return }
                self.count = exact
                self.countIsExact = true
                done()
            }
        }
    }

    /// Rows `offset ..< offset + limit`; none when the store cannot be read.
    public func page(offset: Int, limit: Int) -> [Row] {
        pagesRead += 1
        if grouped { return rows(from: offset, limit: limit) }
        return ((try? list.page(query, offset: offset, limit: limit)) ?? []).map(Row.batch)
    }

    private func rows(from offset: Int, limit: Int) -> [Row] {
        guard offset < entries.count else { return [] }
        let slice = entries[offset..<min(entries.count, offset + limit)]
        let ids = slice.compactMap { if case let .batch(id) = $0 { id } else { nil } }
        let batches = Dictionary(((try? list.rows(ids: ids)) ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return slice.compactMap { entry in
            switch entry {
            case let .product(index): .product(groups[index])
            case let .batch(id): batches[id].map(Row.batch)
            }
        }
    }

    /// The products of the grouped table (with their subtotals).
    public var productGroups: [BalanceProductGroup] { groups }

    /// Which SNTs and forms hold the batch.
    public func holds(of row: BalanceListRow) throws -> [BatchHold] {
        guard let batch = row.batch else { return [] }
        return try reservations.holds(companyId: companyId, storeId: row.storeId, batch: batch)
    }
}
