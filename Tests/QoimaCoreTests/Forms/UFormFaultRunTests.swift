import Foundation
import QoimaCore
import QoimaESF
import QoimaStore
import XCTest

/// Forty forms sent through a sandbox that drops connections after doing the work, answers
/// HTTP 500 and expires sessions: every one ends processed, and IS ESF holds each exactly once.
final class UFormFaultRunTests: XCTestCase {
    func testFortyFormsUnderFaultsAreProcessedExactlyOnce() async throws {
        let sandbox = try SandboxProcess(faults: "drop=0.2,http500=0.05,latency=20ms,expire-sessions=5s")
        defer { XCTAssertEqual(sandbox.stop(), 0) }
        let desk = try FormDesk(sandbox: sandbox)
        // The warehouses, for the drafts' sending warehouse; the faults may spoil a sync or two.
        for _ in 1...20 where (try? await desk.syncBalances()) == nil {}
        XCTAssertFalse(try WarehouseStore(database: desk.desk.database).warehouses(companyId: desk.company.id).isEmpty)
        var ids: [Int64] = []
        for index in 1...40 {
            let id = try desk.draft(.balance) { form in
                form.products = [FormSamples.line("Кірпіш \(index)", tnved: "6904100000", kpved: "23.32.11.100", unit: "796",
                                                  quantity: Decimal(index), price: 90)]
            }
            try desk.sender.queue(id: id)
            ids.append(id)
        }
        let finished = try await desk.sender.run(only: Set(ids), until: .now + .seconds(300))
        let statuses = Dictionary(grouping: finished, by: \.status).mapValues(\.count)
        XCTAssertEqual(statuses[.processed], 40, "\(statuses); \(finished.filter { $0.status != .processed }.prefix(2))")
        XCTAssertGreaterThan(finished.map(\.exchange.attempts).reduce(0, +), 40, "the faults made some uploads go again")
        XCTAssertEqual(Set(finished.compactMap(\.exchange.esfId)).count, 40)

        var cursor = UFormUpdateCursor(lastEventDate: Date().addingTimeInterval(-3600))
        var numbers: [String: Int] = [:]
        let mine = Set(finished.map(\.form.number))
        while true {
            // The faults hit these reads as well: a failed read is simply read again.
            guard let page = try? await desk.client.uFormUpdates(after: cursor, limit: 100) else { continue }
            for form in page.uForms {
                if let number = mine.first(where: { form.body.contains("<number>\($0)</number>") }) {
                    numbers[number, default: 0] += 1
                }
            }
            if page.lastBlock || page.uForms.isEmpty { break }
            cursor = page.next
        }
        XCTAssertEqual(numbers.count, 40, "none lost")
        XCTAssertEqual(numbers.filter { $0.value > 1 }, [:], "none twice")
    }
}
