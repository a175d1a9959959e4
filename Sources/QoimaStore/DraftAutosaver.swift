import Foundation
import QoimaCore
import Synchronization

/// Saves a draft as it is edited, with no Save button: the first edit after a save starts a
/// clock, and when it runs out (one second by default) the latest state is written in one
/// transaction (`SntDraftStore.saveDraft`). Edits made meanwhile are folded into that save, so a
/// burst of typing costs one write, and no edit waits longer than `delay` to reach the disk.
public final class DraftAutosaver: Sendable {
    public let draftId: Int64
    public let delay: Double
    private let store: SntDraftStore
    private let scheduler: any AutosaveScheduler
    private let onEvent: @Sendable (AutosaveEvent) -> Void
    private let state = Mutex(State())
    /// Held while writing, so saves reach the database in the order of their edits.
    private let writing = Mutex(())

    private struct State {
        var pending: (snt: Snt, problems: [SntProblem], edit: Int)?
        var scheduled = false
        var edits = 0
    }

    public init(store: SntDraftStore, draftId: Int64, delay: Double = 1,
                scheduler: any AutosaveScheduler = DispatchAutosaveScheduler(),
                onEvent: @escaping @Sendable (AutosaveEvent) -> Void = { _ in }) {
        self.store = store
        self.draftId = draftId
        self.delay = delay
        self.scheduler = scheduler
        self.onEvent = onEvent
    }

    /// Records the draft as it now is; returns the edit's number.
    @discardableResult
    public func edit(_ snt: Snt, problems: [SntProblem] = []) -> Int {
        let (edit, startClock) = state.withLock { state in
            state.edits += 1
            state.pending = (snt, problems, state.edits)
            defer { state.scheduled = true }
            return (state.edits, !state.scheduled)
        }
        if startClock { scheduler.schedule(after: delay) { [self] in saveNow() } }
        return edit
    }

    /// Whether an edit is waiting for its save.
    public var hasUnsavedEdits: Bool { state.withLock { $0.pending != nil } }

    /// Writes the pending edit now (when the editor closes, or the app quits).
    public func flush() { saveNow() }

    private func saveNow() {
        writing.withLock { _ in
            let taken = state.withLock { state in
                defer { state.pending = nil; state.scheduled = false }
                return state.pending
            }
            guard let taken else { return }
            do {
                let revision = try store.saveDraft(id: draftId, taken.snt, problems: taken.problems)
                onEvent(.saved(edit: taken.edit, revision: revision))
            } catch {
                // Nothing was written: keep the edit (unless a newer one came) and try again later.
                let retry = state.withLock { state in
                    if state.pending == nil { state.pending = taken }
                    defer { state.scheduled = true }
                    return !state.scheduled
                }
                onEvent(.failed(edit: taken.edit, error))
                if retry { scheduler.schedule(after: delay) { [self] in saveNow() } }
            }
        }
    }
}

/// What happened to the edits: saved up to edit N, or a save failed and will be tried again.
public enum AutosaveEvent: Sendable {
    case saved(edit: Int, revision: Int)
    case failed(edit: Int, any Error)
}

/// Runs work later; the autosaver's clock. Tests drive it by hand.
public protocol AutosaveScheduler: Sendable {
    func schedule(after seconds: Double, _ work: @escaping @Sendable () -> Void)
}

/// Runs saves on a serial background queue, off the UI thread.
public struct DispatchAutosaveScheduler: AutosaveScheduler {
    private let queue: DispatchQueue

    public init(queue: DispatchQueue = DispatchQueue(label: "kz.qoima.autosave", qos: .userInitiated)) {
        self.queue = queue
    }

    public func schedule(after seconds: Double, _ work: @escaping @Sendable () -> Void) {
        queue.asyncAfter(deadline: .now() + seconds, execute: work)
    }
}
