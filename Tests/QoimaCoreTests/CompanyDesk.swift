import Foundation
import QoimaCore
import QoimaDemo
import QoimaESF
@testable import QoimaStore
import QoimaXML
import XCTest

/// One company's side of an end-to-end test: its own database, client and outbox, talking to a
/// sandbox process as the app and the CLI do.
struct CompanyDesk {
    let demo: DemoCompany
    let store: TemporaryDatabase
    let company: OwnCompany
    let client: ESFClient
    let outbox: SntOutbox

    init(_ demo: DemoCompany, sandbox: SandboxProcess, options: SntOutbox.Options = SntOutbox.Options()) throws {
        self.demo = demo
        store = try TemporaryDatabase()
        let id = try CompanyStore(database: store.database).findOrAdd(bin: demo.bin.rawValue, name: demo.name)
        company = try XCTUnwrap(CompanyStore(database: store.database).all().first { $0.id == id })
        client = try sandbox.client(for: demo)
        outbox = SntOutbox(client: client, database: store.database, signer: try SharedTestPKI.signer(demo, .signing),
                           company: company, options: options)
    }

    var database: QoimaDatabase { store.database }

    /// Stores `snt` as a draft and returns its local id.
    func draft(_ snt: Snt) throws -> Int64 {
        try SntDraftStore(database: database).createDraft(companyId: company.id, snt)
    }

    /// Sends draft `id` and waits for IS ESF's verdict.
    func send(_ id: Int64) async throws -> OutboxJob {
        let job = try outbox.queueSend(draft: id)
        let jobs = try await outbox.run(only: [job.id], until: .now + .seconds(60))
        return try XCTUnwrap(jobs.first)
    }

    func act(_ kind: SntActionKind, on id: Int64, cause: String? = nil,
             powerOfAttorney: (String, CalendarDate)? = nil) async throws -> OutboxJob {
        let job = try outbox.queueAction(kind, document: id, cause: cause, powerOfAttorney: powerOfAttorney)
        let jobs = try await outbox.run(only: [job.id], until: .now + .seconds(60))
        return try XCTUnwrap(jobs.first)
    }

    func sync() async throws {
        _ = try await SntSync(client: client, database: database, company: company).run()
    }

    func syncBalances() async throws -> [StoredBalance] {
        _ = try await VirtualWarehouseSync(client: client, database: database, company: company).run()
        return try BalanceStore(database: database).balances(companyId: company.id)
    }

    func state(_ id: Int64) throws -> (esfId: Int64?, status: SntStatus, direction: SntDirection,
                                       registrationNumber: String?, errors: [ExchangeError]) {
        try XCTUnwrap(SntExchangeStore(database: database).exchangeState(id: id))
    }

    /// The local id of the SNT IS ESF knows as `esfId`.
    func local(esfId: Int64) throws -> Int64 {
        try XCTUnwrap(SntExchangeStore(database: database).document(esfId: esfId, companyId: company.id)).id
    }

    // MARK: Documents

    /// A shipment of `quantity` to `buyer`'s priority warehouse from this company's first batch
    /// that holds enough: a valid domestic sale dated today.
    func shipment(to buyer: DemoCompany, number: String, quantity: Decimal) async throws -> (snt: Snt, batch: RemoteBalance) {
        try await DemoShipment.make(client: client, seller: demo, buyer: buyer, number: number, quantity: quantity)
    }
}
