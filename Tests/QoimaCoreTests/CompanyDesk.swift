import Foundation
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaStore
import XCTest

/// One company's side of an end-to-end test: `ExchangeDesk` on a temporary database, talking to
/// a sandbox process, with the test's unwrapping of what it returns.
struct CompanyDesk {
    let store: TemporaryDatabase
    let desk: ExchangeDesk

    init(_ demo: DemoCompany, sandbox: SandboxProcess, options: SntOutbox.Options = SntOutbox.Options()) throws {
        store = try TemporaryDatabase()
        desk = try ExchangeDesk(demo, database: store.database, client: try sandbox.client(for: demo),
                                signer: try SharedTestPKI.signer(demo, .signing), options: options)
    }

    var database: QoimaDatabase { desk.database }
    var company: OwnCompany { desk.company }
    var client: ESFClient { desk.client }
    var outbox: SntOutbox { desk.outbox }

    func draft(_ snt: Snt) throws -> Int64 { try desk.draft(snt) }
    func send(_ id: Int64) async throws -> OutboxJob { try await desk.send(id) }

    func act(_ kind: SntActionKind, on id: Int64, cause: String? = nil,
             powerOfAttorney: (String, CalendarDate)? = nil) async throws -> OutboxJob {
        try await desk.act(kind, on: id, cause: cause, powerOfAttorney: powerOfAttorney)
    }

    func sync() async throws { try await desk.sync() }
    func syncBalances() async throws -> [StoredBalance] { try await desk.syncBalances() }

    func state(_ id: Int64) throws -> (esfId: Int64?, status: SntStatus, direction: SntDirection,
                                       registrationNumber: String?, errors: [ExchangeError]) {
        try XCTUnwrap(desk.state(id))
    }

    func local(esfId: Int64) throws -> Int64 { try XCTUnwrap(desk.local(esfId: esfId)) }

    func shipment(to buyer: DemoCompany, number: String, quantity: Decimal) async throws -> (snt: Snt, batch: RemoteBalance) {
        try await desk.shipment(to: buyer, number: number, quantity: quantity)
    }
}
