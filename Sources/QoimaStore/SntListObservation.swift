import Foundation
import GRDB
import Synchronization

/// Keeps one window of an SNT list current: whenever a transaction changes the tables the list
/// reads, the window and the count are read again (a page, not the list) and, when they
/// differ, handed over with what changed, so a view updates only the rows that did.
public final class SntListObservation: Sendable {
    private let cancellable: AnyDatabaseCancellable

    /// Starts observing rows `offset ..< offset + limit` of `query`. `onChange` runs on `queue`,
    /// first with the current window, then after every change to it.
    public init(database: QoimaDatabase, query: SntListQuery, offset: Int = 0, limit: Int = 50,
                queue: DispatchQueue = .main, onError: @escaping @Sendable (Error) -> Void = { _ in },
                onChange: @escaping @Sendable (SntListSnapshot) -> Void) {
        let previous = Mutex<[SntListRow]?>(nil)
        let observation = ValueObservation.tracking { db in
            (rows: try SntList.page(query, offset: offset, limit: limit, db), total: try SntList.count(query, db))
        }.removeDuplicates { $0.rows == $1.rows && $0.total == $1.total }
        cancellable = observation.start(in: database.pool, scheduling: .async(onQueue: queue), onError: onError) {
            window in
            let changes = previous.withLock { old in
                defer { old = window.rows }
                return old.map { SntListChanges(from: $0, to: window.rows) }
            }
            onChange(SntListSnapshot(rows: window.rows, total: window.total, changes: changes))
        }
    }

    public func cancel() { cancellable.cancel() }

    deinit { cancellable.cancel() }
}

/// A window of a list as it is now.
public struct SntListSnapshot: Hashable, Sendable {
    public var rows: [SntListRow]
    /// How many SNTs the whole list has.
    public var total: Int
    /// What changed since the previous snapshot; nil for the first.
    public var changes: SntListChanges?
}

/// The rows that appeared in a window, left it, or changed in place, by local id.
public struct SntListChanges: Hashable, Sendable {
    public var inserted: [Int64]
    public var removed: [Int64]
    public var updated: [Int64]

    public init(inserted: [Int64] = [], removed: [Int64] = [], updated: [Int64] = []) {
        self.inserted = inserted
        self.removed = removed
        self.updated = updated
    }

    init(from old: [SntListRow], to new: [SntListRow]) {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.id))
        inserted = new.filter { before[$0.id] == nil }.map(\.id)
        removed = old.filter { !after.contains($0.id) }.map(\.id)
        updated = new.filter { row in before[row.id].map { $0 != row } ?? false }.map(\.id)
    }
}
