import Foundation
import QoimaCore
import QoimaESF
@testable import QoimaStore
import QoimaXML
import XCTest

/// 200 SNTs sent through a sandbox that drops connections after doing the work, answers HTTP
/// 500, is slow, and expires every session every five seconds: every one ends registered,
/// exactly once.
final class ExchangeFaultRunTests: XCTestCase {
    func testTwoHundredSNTsUnderFaultsAreRegisteredExactlyOnce() async throws {
        let sandbox = try SandboxProcess(faults: "drop=0.1,http500=0.05,latency=50ms,expire-sessions=5s")
        defer { XCTAssertEqual(sandbox.stop(), 0) }
        var options = SntOutbox.Options()
        options.pause = .milliseconds(50)
        options.longestPause = .milliseconds(500)
        let seller = try CompanyDesk(.koimaSauda, sandbox: sandbox, options: options)

        let run = UUID().uuidString.prefix(6)
        let (template, _) = try await seller.shipment(to: .qurylys, number: "F", quantity: 1)
        var jobs: [Int64] = []
        for index in 1...200 {
            var snt = template
            snt.number = "FAULT-\(run)-\(index)"
            jobs.append(try seller.outbox.queueSend(draft: try seller.draft(snt)).id)
        }
        let finished = try await seller.outbox.run(only: Set(jobs), until: .now + .seconds(600))

        let states = Dictionary(grouping: finished, by: \.state).mapValues(\.count)
        XCTAssertEqual(states[.done], 200, "\(states); \(finished.filter { $0.state != .done }.prefix(3))")
        let attempts = finished.map(\.attempts).reduce(0, +)
        XCTAssertGreaterThan(attempts, 200, "the faults made some sends go again")

        // What IS ESF holds: each number exactly once, all registered.
        var cursor = SntUpdateCursor(lastEventDate: Date().addingTimeInterval(-3600))
        var numbers: [String: Int] = [:]
        var registered = 0
        while true {
            let page = try await seller.client.sntUpdates(direction: .outbound, after: cursor, limit: 100)
            for snt in page.snts {
                guard let decoded = try? SntXMLReader.read(snt.body).snt, decoded.number.hasPrefix("FAULT-\(run)-")
                else { continue }
                numbers[decoded.number, default: 0] += 1
                if snt.registrationNumber != nil, snt.status == .notViewed { registered += 1 }
            }
            if page.lastBlock || page.snts.isEmpty { break }
            cursor = page.next
        }
        XCTAssertEqual(numbers.count, 200, "none lost")
        XCTAssertEqual(numbers.values.filter { $0 > 1 }.count, 0, "none twice: \(numbers.filter { $0.value > 1 })")
        XCTAssertEqual(registered, 200)
        // And locally: each draft holds its own IS ESF id and registration number.
        let database = seller.database
        let ids = try await database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT esfId FROM snt WHERE number LIKE ? AND registrationNumber IS NOT NULL",
                               arguments: ["FAULT-\(run)-%"])
        }
        XCTAssertEqual(Set(ids).count, 200)
    }
}
