import Foundation
import QoimaCore
import QoimaStore

/// Brings the company's warehouses and balances in step with IS ESF. Balances come as a full
/// snapshot in pages; a snapshot interrupted mid-way resumes after the last page staged.
public struct VirtualWarehouseSync: Sendable {
    public struct Report: Hashable, Sendable {
        public var warehouses = 0
        public var balances = 0
        public var pages = 0
        public var resumedAfter: Int64?
    }

    let client: ESFClient
    let database: QoimaDatabase
    let company: OwnCompany
    public var pageSize: Int

    public init(client: ESFClient, database: QoimaDatabase, company: OwnCompany, pageSize: Int = 1000) {
        self.client = client
        self.database = database
        self.company = company
        self.pageSize = pageSize
    }

    public func syncWarehouses() async throws -> Int {
        let stores = try await client.stores()
        try WarehouseStore(database: database).replace(companyId: company.id, with: stores.map(StoredWarehouse.init))
        return stores.count
    }

    /// Pages through `queryCurrentStatus`, resuming a snapshot left unfinished.
    public func syncBalances(progress: @Sendable (Report) -> Void = { _ in }) async throws -> Report {
        let store = BalanceStore(database: database)
        var report = Report()
        var last = try store.snapshotInProgress(companyId: company.id)
        report.resumedAfter = last
        while true {
            let page = try await client.currentBalances(after: last, limit: pageSize)
            let done = page.lastBlock || page.balances.isEmpty
            try store.stage(page.balances.map(StoredBalance.init), companyId: company.id,
                            lastBalanceId: page.lastBalanceId, last: done)
            report.pages += 1
            report.balances += page.balances.count
            progress(report)
            if done { break }
            last = page.lastBalanceId ?? page.balances.last?.balanceId
        }
        return report
    }

    public func run(progress: @Sendable (Report) -> Void = { _ in }) async throws -> Report {
        let warehouses = try await syncWarehouses()
        var report = try await syncBalances(progress: progress)
        report.warehouses = warehouses
        return report
    }
}
