import Foundation
import GRDB

/// Calls back after every committed transaction that changed SNTs or their goods lines, on
/// `queue`. A list that shows any window of any query re-reads what it shows then; unlike
/// `SntListObservation` it reads nothing itself, so it costs nothing while the user scrolls.
public final class SntTableObservation: Sendable {
    private let cancellable: AnyDatabaseCancellable

    public init(database: QoimaDatabase, queue: DispatchQueue = .main, onError: @escaping @Sendable (Error) -> Void = { _ in },
                onChange: @escaping @Sendable () -> Void) {
        cancellable = DatabaseRegionObservation(tracking: Table("snt"), Table("sntLine"))
            .start(in: database.pool, onError: onError) { _ in queue.async(execute: onChange) }
    }

    public func cancel() { cancellable.cancel() }

    deinit { cancellable.cancel() }
}
