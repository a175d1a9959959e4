import Foundation
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaStore
import XCTest

/// One company drawing up and sending forms against a sandbox process: its database, form
/// store and sender, with the test's unwrapping of what they return.
struct FormDesk {
    let desk: CompanyDesk
    let sender: UFormSender

    init(_ demo: DemoCompany = .koimaSauda, sandbox: SandboxProcess) throws {
        desk = try CompanyDesk(demo, sandbox: sandbox)
        var options = UFormSender.Options()
        options.pause = .milliseconds(50)
        options.longestPause = .milliseconds(500)
        sender = UFormSender(client: desk.client, database: desk.database, signer: try SharedTestPKI.signer(demo, .signing),
                             company: desk.company, options: options)
    }

    var forms: UFormStore { UFormStore(database: desk.database) }
    var company: OwnCompany { desk.company }
    var client: ESFClient { desk.client }

    /// Warehouses and balances from IS ESF, by (store, batch).
    func syncBalances() async throws -> [BalanceKey: StoredBalance] {
        let rows = try await desk.syncBalances()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.batch.map { (BalanceKey(row.storeId, $0), row) } })
    }

    /// A new draft of `type` with `fill` applied and its totals computed; fails the test when the
    /// complete check finds errors.
    func draft(_ type: UFormType, file: StaticString = #filePath, line: UInt = #line,
               _ fill: (inout UForm) -> Void) throws -> Int64 {
        let id = try forms.createDraft(companyId: company.id, type: type)
        var form = try XCTUnwrap(forms.form(id: id)).form
        form.number = "\(UFormNumbering.prefix(of: type))-\(UUID().uuidString.prefix(8))"
        fill(&form)
        form.computeTotals()
        try forms.save(id: id, form)
        let problems = try XCTUnwrap(forms.form(id: id)).problems.filter { $0.severity == .error }
        XCTAssertEqual(problems.map { "\($0.location) \($0.message(in: .english))" }, [], file: file, line: line)
        return id
    }

    /// Queues and sends form `id`, waiting for IS ESF's last word.
    func send(_ id: Int64) async throws -> StoredUForm {
        try sender.queue(id: id)
        let finished = try await sender.run(only: [id], until: .now + .seconds(60))
        return try XCTUnwrap(finished.first)
    }

    /// How many forms IS ESF's feed holds with `number`.
    func inFeed(_ number: String) async throws -> [RemoteUForm] {
        var cursor = UFormUpdateCursor(lastEventDate: Date().addingTimeInterval(-3600))
        var found: [RemoteUForm] = []
        while true {
            let page = try await client.uFormUpdates(after: cursor, limit: 100)
            found += page.uForms.filter { $0.body.contains("<number>\(number)</number>") }
            if page.lastBlock || page.uForms.isEmpty { break }
            cursor = page.next
        }
        return found
    }
}

struct BalanceKey: Hashable, CustomStringConvertible {
    let store: Int64
    let batch: Int64
    init(_ store: Int64, _ batch: Int64) {
        self.store = store
        self.batch = batch
    }

    var description: String { "\(store)/\(batch)" }
}

/// Checks that IS ESF's balances changed exactly as the preview said, and nothing else did.
func assertBalances(_ after: [BalanceKey: StoredBalance], changedFrom before: [BalanceKey: StoredBalance],
                    as preview: UFormBalancePreview, file: StaticString = #filePath, line: UInt = #line) {
    var expected = before.mapValues(\.quantity)
    for row in preview.rows {
        if let batch = row.batch { expected[BalanceKey(row.storeId, batch)] = row.after }
    }
    let newRows = preview.rows.filter(\.isNew).map { "\($0.storeId) \($0.name) \($0.change)" }.sorted()
    var appeared: [String] = []
    for (key, row) in after where expected[key] == nil {
        appeared.append("\(key.store) \(row.name) \(row.quantity)")
    }
    XCTAssertEqual(appeared.sorted(), newRows, "new batches", file: file, line: line)
    for (key, quantity) in expected {
        XCTAssertEqual(after[key]?.quantity ?? 0, quantity, "\(key)", file: file, line: line)
    }
    for (key, row) in before {
        XCTAssertEqual(after[key]?.reserveQuantity ?? 0, row.reserveQuantity ?? 0, "reserve of \(key)", file: file, line: line)
    }
}
