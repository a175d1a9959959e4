import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// The autosaver's clock, run by hand: what is due, and when.
final class ManualScheduler: AutosaveScheduler, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [(delay: Double, work: @Sendable () -> Void)] = []

    func schedule(after seconds: Double, _ work: @escaping @Sendable () -> Void) {
        lock.withLock { queue.append((seconds, work)) }
    }

    var delays: [Double] { lock.withLock { queue.map(\.delay) } }

    /// Runs what is due, as the clock running out would.
    func fire() {
        let due = lock.withLock { () -> [(delay: Double, work: @Sendable () -> Void)] in
            defer { queue.removeAll() }
            return queue
        }
        due.forEach { $0.work() }
    }
}

final class DraftAutosaverTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var drafts: SntDraftStore!
    private var id: Int64!

    override func setUpWithError() throws {
        store = try TemporaryDatabase()
        drafts = SntDraftStore(database: store.database)
        id = try drafts.createDraft(companyId: try store.company(), draft("0"))
    }

    private func draft(_ number: String) -> Snt {
        StoreSamples.snt(number: number, date: StoreSamples.date("01.02.2026"), customer: ("000140000012", "ТОО"))
    }

    private func stored() throws -> (number: String, revision: Int) {
        let draft = try XCTUnwrap(try drafts.draft(id: id))
        return (draft.snt.number, draft.revision)
    }

    func testABurstOfEditsIsOneSaveWithinASecond() throws {
        let clock = ManualScheduler()
        let events = EventLog()
        let autosaver = DraftAutosaver(store: drafts, draftId: id, scheduler: clock) { events.add($0) }
        for number in 1...5 { autosaver.edit(draft("\(number)")) }
        XCTAssertEqual(clock.delays, [1], "one save is scheduled, no later than a second after the first edit")
        XCTAssertTrue(autosaver.hasUnsavedEdits)
        XCTAssertEqual(try stored().number, "0", "nothing is written before the clock runs out")
        clock.fire()
        XCTAssertEqual(try stored().number, "5")
        XCTAssertEqual(try stored().revision, 2, "the five edits were one transaction")
        XCTAssertEqual(events.saved, [5])
        XCTAssertFalse(autosaver.hasUnsavedEdits)

        autosaver.edit(draft("6"))
        XCTAssertEqual(clock.delays, [1], "the next edit starts the clock again")
        clock.fire()
        XCTAssertEqual(try stored().number, "6")
    }

    func testFlushWritesAtOnceAndTheClockThenHasNothingToDo() throws {
        let clock = ManualScheduler()
        let autosaver = DraftAutosaver(store: drafts, draftId: id, scheduler: clock)
        autosaver.edit(draft("7"))
        autosaver.flush()
        XCTAssertEqual(try stored().number, "7")
        clock.fire()
        XCTAssertEqual(try stored().revision, 2, "no second save of the same edit")
    }

    func testAFailedSaveKeepsTheEditAndTriesAgain() throws {
        let clock = ManualScheduler()
        let events = EventLog()
        let autosaver = DraftAutosaver(store: drafts, draftId: id, scheduler: clock) { events.add($0) }
        // The draft was sent meanwhile: it is no longer editable, so the save is refused.
        try SntRegistrationStore(database: store.database).record(id: id, registrationNumber: nil, esfId: nil, status: .created)
        autosaver.edit(draft("8"))
        clock.fire()
        XCTAssertEqual(events.failed, [1])
        XCTAssertTrue(autosaver.hasUnsavedEdits, "the edit is kept, not dropped")
        XCTAssertEqual(clock.delays, [1], "and tried again later")
        try store.database.execute("UPDATE snt SET status = 'DRAFT' WHERE id = \(id!)")
        clock.fire()
        XCTAssertEqual(try stored().number, "8")
        XCTAssertEqual(events.saved, [1])
    }

    func testTheRealClockSavesOffTheCallingThread() throws {
        let saved = expectation(description: "saved")
        let autosaver = DraftAutosaver(store: drafts, draftId: id, delay: 0.05) { event in
            if case .saved = event {
                XCTAssertFalse(Thread.isMainThread)
                saved.fulfill()
            }
        }
        autosaver.edit(draft("9"))
        wait(for: [saved], timeout: 10)
        XCTAssertEqual(try stored().number, "9")
    }
}

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AutosaveEvent] = []

    func add(_ event: AutosaveEvent) { lock.withLock { events.append(event) } }

    var saved: [Int] {
        lock.withLock { events.compactMap { if case let .saved(edit, _) = $0 { edit } else { nil } } }
    }

    var failed: [Int] {
        lock.withLock { events.compactMap { if case let .failed(edit, _) = $0 { edit } else { nil } } }
    }
}
