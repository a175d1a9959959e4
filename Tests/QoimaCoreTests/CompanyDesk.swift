import Foundation
import QoimaCore
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

    /// A shipment of `quantity` from this company's first batch that has enough, to `buyer`'s
    /// priority warehouse: a valid domestic sale dated today.
    func shipment(to buyer: DemoCompany, number: String, quantity: Decimal) async throws -> (snt: Snt, batch: RemoteBalance) {
        let balances = try await client.currentBalances(after: nil, limit: 1000).balances
        let batch = try XCTUnwrap(balances.first { $0.quantity - ($0.reserveQuantity ?? 0) >= quantity * 3
            && $0.productId != nil && $0.kpvedCode != nil && $0.tnvedCode != nil && $0.measureUnitCode != nil },
            "no batch of \(demo.bin.rawValue) holds \(quantity)")
        let ownStores = try await client.stores()
        let buyerStores = try await client.stores(ofTin: buyer.bin)
        let ownStore = try XCTUnwrap(ownStores.first { $0.isDefault == true })
        let buyerStore = try XCTUnwrap(buyerStores.first { $0.isDefault == true })
        var snt = SntSamples.domesticSale()
        let today = KazakhstanClock.today()
        snt.number = number
        snt.date = today
        snt.shippingDate = today
        snt.contract?.date = today.adding(days: -30)
        snt.seller.tin = demo.bin
        snt.seller.name = demo.name
        snt.seller.storeId = ownStore.id
        snt.customer.tin = buyer.bin
        snt.customer.name = buyer.name
        snt.customer.storeId = buyerStore.id
        let tnved = TnvedCode(batch.tnvedCode!)
        SntSamples.setGoods(&snt, [
            GoodsLine(productNumber: 1, truOriginCode: 1, productName: batch.name ?? "Тауар", tnvedCode: tnved,
                      measureUnitCode: MeasureUnitCode(batch.measureUnitCode!), quantity: quantity,
                      price: batch.unitPrice.flatMap { $0 > 0 ? $0 : nil } ?? 100, ndsRate: 16,
                      productId: VirtualProductId(gsvs: GsvsCode(kpved: KpvedCode(batch.kpvedCode!), tnved: tnved),
                                                  batch: batch.productId!)),
        ])
        return (snt, batch)
    }
}
