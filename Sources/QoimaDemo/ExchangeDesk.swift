import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// One company at work against IS ESF (or the sandbox): its database, client and outbox, with
/// the steps a user takes — draft, send, answer, sync. Demo mode builds its world with it, and
/// the end-to-end tests play both sides of a trade with it.
public struct ExchangeDesk: Sendable {
    public let demo: DemoCompany
    public let database: QoimaDatabase
    public let company: OwnCompany
    public let client: ESFClient
    public let outbox: SntOutbox

    public init(_ demo: DemoCompany, database: QoimaDatabase, client: ESFClient, signer: any Signer,
                options: SntOutbox.Options = SntOutbox.Options()) throws {
        self.demo = demo
        self.database = database
        let id = try CompanyStore(database: database).findOrAdd(bin: demo.bin.rawValue, name: demo.name)
        company = try CompanyStore(database: database).all().first { $0.id == id }!
        self.client = client
        outbox = SntOutbox(client: client, database: database, signer: signer, company: company, options: options)
    }

    /// A valid sale of `quantity` to `buyer` from the first batch that holds enough (`DemoShipment`).
    public func shipment(to buyer: DemoCompany, number: String, quantity: Decimal) async throws
        -> (snt: Snt, batch: RemoteBalance) {
        try await DemoShipment.make(client: client, seller: demo, buyer: buyer, number: number, quantity: quantity)
    }

    /// Stores `snt` as a draft and returns its local id.
    public func draft(_ snt: Snt) throws -> Int64 {
        try SntDraftStore(database: database).createDraft(companyId: company.id, snt)
    }

    /// Sends draft `id` and waits for IS ESF's verdict.
    public func send(_ id: Int64, waiting: Duration = .seconds(60)) async throws -> OutboxJob {
        let job = try outbox.queueSend(draft: id)
        return try await outbox.run(only: [job.id], until: .now + waiting).first!
    }

    /// Confirms, declines or revokes the local SNT `id` and waits for IS ESF's answer.
    public func act(_ kind: SntActionKind, on id: Int64, cause: String? = nil,
                    powerOfAttorney: (number: String, date: CalendarDate)? = nil,
                    waiting: Duration = .seconds(60)) async throws -> OutboxJob {
        let job = try outbox.queueAction(kind, document: id, cause: cause, powerOfAttorney: powerOfAttorney)
        return try await outbox.run(only: [job.id], until: .now + waiting).first!
    }

    /// Incoming and outgoing SNT updates, from a day back on the first sync.
    public func sync() async throws {
        _ = try await SntSync(client: client, database: database, company: company,
                              firstSyncSince: Date().addingTimeInterval(-86_400)).run()
    }

    /// Warehouses and balances; returns the balances as stored.
    public func syncBalances() async throws -> [StoredBalance] {
        _ = try await VirtualWarehouseSync(client: client, database: database, company: company).run()
        return try BalanceStore(database: database).balances(companyId: company.id)
    }

    /// What IS ESF last said of the local SNT `id`.
    public func state(_ id: Int64) throws -> (esfId: Int64?, status: SntStatus, direction: SntDirection,
                                              registrationNumber: String?, errors: [ExchangeError])? {
        try SntExchangeStore(database: database).exchangeState(id: id)
    }

    /// The local id of the SNT IS ESF knows as `esfId`.
    public func local(esfId: Int64) throws -> Int64? {
        try SntExchangeStore(database: database).document(esfId: esfId, companyId: company.id)?.id
    }
}
