import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// Magazine numbers under concurrent writers: processes (`qoima-cli magazine …` run side by
/// side) and threads with pools of their own on one file. Every company's year must come out
/// 1…N, each number once, with spoiled blanks keeping theirs.
final class MagazineNumberingTests: XCTestCase {
    private var desk: MagazineDesk!

    override func setUpWithError() throws {
        desk = try MagazineDesk()
    }

    /// Runs each job on a thread of its own, all at once, and waits for them.
    private func simultaneously(_ jobs: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for job in jobs {
            group.enter()
            Thread {
                job()
                group.leave()
            }.start()
        }
        group.wait()
    }

    func testThreadsWithPoolsOfTheirOwn() throws {
        let threads = 4
        let perThread = 15
        let drafts = try (0..<threads * perThread).map { try desk.draft("СНТ-\($0)") }
        let path = desk.path
        let company = desk.company
        let failures = Gathered<String>()
        simultaneously((0..<threads).map { thread in
            {
                do {
                    // A pool of its own, as another window or process would have.
                    let store = MagazineStore(database: try QoimaDatabase(location: DatabaseLocation(explicitPath: path)))
                    for index in stride(from: thread, to: drafts.count, by: threads) {
                        let entry = try store.issue(sntId: drafts[index], companyId: company, reason: .downTime,
                                                    paperDate: StoreSamples.date("02.03.2026"), today: MagazineDesk.today)
                        // Every third blank is spoiled at once; its number must stay used.
                        if index % 3 == 0 { _ = try store.spoil(id: entry.id, reason: "бланк жыртылды") }
                        if index % 5 == 0 {
                            _ = try store.recordSpoiledBlank(companyId: company, date: StoreSamples.date("03.03.2026"),
                                                             reason: "бос бланк бүлінді", today: MagazineDesk.today)
                        }
                    }
                } catch {
                    failures.add("thread \(thread): \(error)")
                }
            }
        })
        XCTAssertEqual(failures.all, [])
        let rows = try desk.store.list(MagazineQuery(companyId: company, year: 2026))
        let blanks = drafts.indices.filter { $0 % 5 == 0 }.count
        XCTAssertEqual(rows.map(\.entry.number), Array(1...(drafts.count + blanks)), "gapless, each number once")
        XCTAssertEqual(Set(rows.compactMap(\.entry.sntId)), Set(drafts), "each draft issued once")
        XCTAssertEqual(rows.filter { $0.entry.state == .spoiled }.count, drafts.indices.filter { $0 % 3 == 0 }.count + blanks)

        // Issued again after spoiling: new numbers after the last, none reused.
        let spoiledSnt = try XCTUnwrap(rows.first { $0.entry.state == .spoiled && $0.entry.sntId != nil }?.entry.sntId)
        XCTAssertEqual(try desk.issue(spoiledSnt, on: "04.03.2026").number, rows.count + 1)
    }

    func testProcessesSideBySide() throws {
        let adds = 10
        let own = try (0..<adds).map { try desk.draft("А-\($0)") }
        let others = try (0..<4).map { try desk.draft("Б-\($0)", company: desk.otherCompany) }
        let database = desk.path
        func cli(_ arguments: [String]) -> @Sendable () -> CLIRunner.Result? {
            { try? CLIRunner.run(arguments + ["--database", database]) }
        }
        var runs: [@Sendable () -> CLIRunner.Result?] = own.map { id in
            cli(["magazine", "add", "--company", "000140000002", "--snt", String(id), "--reason", "DOWN_TIME",
                 "--paper-date", "02.03.2026", "--responsible", "Айгүл Серікова"])
        }
        runs += others.map { id in
            cli(["magazine", "add", "--company", "000140000012", "--snt", String(id), "--reason", "MISSING_REQUIREMENT",
                 "--paper-date", "05.03.2026"])
        }
        runs += (0..<4).map { _ in
            cli(["magazine", "spoil", "--company", "000140000002", "--blank", "--date", "29.12.2025",
                 "--reason", "бланк бүлінді"])
        }
        let results = Gathered<CLIRunner.Result?>()
        simultaneously(runs.map { run in { results.add(run()) } })
        XCTAssertEqual(results.all.count, runs.count)
        for result in results.all {
            XCTAssertEqual(result?.status, 0, "\(result?.output ?? "not run") \(result?.error ?? "")")
        }
        XCTAssertEqual(try desk.numbers(year: 2026), Array(1...adds))
        XCTAssertEqual(try desk.numbers(year: 2025), [1, 2, 3, 4], "the 2025 Magazine has its own numbers")
        XCTAssertEqual(try desk.numbers(company: desk.otherCompany, year: 2026), [1, 2, 3, 4])
        let issued = try desk.store.list(MagazineQuery(companyId: desk.company, year: 2026))
        XCTAssertEqual(Set(issued.compactMap(\.entry.sntId)), Set(own))
        XCTAssertEqual(Set(issued.map(\.entry.responsible)), ["Айгүл Серікова"])
    }
}

/// What concurrent jobs report, gathered under a lock.
private final class Gathered<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []

    func add(_ item: Item) { lock.withLock { items.append(item) } }
    var all: [Item] { lock.withLock { items } }
}
