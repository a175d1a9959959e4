import Foundation
import GRDB

/// Runs the processing that is due: IS ESF checks and registers uploads asynchronously (assumed,
/// U5, U8). Every request first processes what became due before it, oldest upload first, so
/// with no processing delay an upload is processed before any later request can observe it, and
/// with one it is observed as CREATED until the delay has passed: deterministic either way.
enum SandboxProcessing {
    static func processDue(in db: Database, now: Date) throws {
        let due = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        for row in try SntRow.fetchAll(db, sql: """
            SELECT * FROM snt WHERE processAfter IS NOT NULL AND processAfter <= ? ORDER BY processAfter, sntId
            """, arguments: [due]) {
            try SntProcessor.process(row, in: db, now: now)
        }
        for row in try UFormRow.fetchAll(db, sql: """
            SELECT * FROM uform WHERE processAfter IS NOT NULL AND processAfter <= ? ORDER BY processAfter, id
            """, arguments: [due]) {
            try UFormProcessor.process(row, in: db, now: now)
        }
    }

    /// When an upload made at `now` becomes due: at once (0, always due) with no delay, so the
    /// event clock running a few milliseconds ahead can never hold it back.
    static func processAfter(_ now: Date, delay: Duration) -> Int64 {
        guard delay > .zero else { return 0 }
        let (seconds, attoseconds) = delay.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) + milliseconds
    }
}
