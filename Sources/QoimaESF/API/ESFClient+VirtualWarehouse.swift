import Foundation
import QoimaCore
import QoimaXML

/// TaxpayerStoreWebService and VstoreBalanceWebService (domain.md §9.1, §9.2), on the
/// virtual-warehouse session.
extension ESFClient {
    /// `list`: the taxpayer's own warehouses.
    public func stores() async throws(ESFError) -> [RemoteStore] {
        try await call(.listStores, scope: .vstore, on: .taxpayerStore) {
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("taxpayerStoreList", "taxpayerStore"), RemoteStore.init)
        }
    }

    /// `create`. Never repeated automatically.
    public func createStores(_ stores: [NewStore]) async throws(ESFError) -> StoreCreateOutcome {
        guard !stores.isEmpty else { return StoreCreateOutcome() }
        return try await call(.createStores, scope: .vstore, on: .taxpayerStore) {
            SOAPElement("storeList") {
                for store in stores { store.element }
            }
        } decode: { response throws(ESFAnswerProblem) in
            try StoreCreateOutcome(response)
        }
    }

    /// `changeStatus`: activate or deactivate warehouses. Never repeated automatically.
    public func changeStoreStatus(_ changes: [StoreStatusAction]) async throws(ESFError) -> [StoreStatusChange] {
        guard !changes.isEmpty else { return [] }
        return try await call(.changeStoreStatus, scope: .vstore, on: .taxpayerStore) {
            SOAPElement("actionList") {
                for change in changes { change.element }
            }
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.listItems("summaryList", itemField: "id"), StoreStatusChange.init)
        }
    }

    /// `getTaxpayerStoreByTin`: another taxpayer's warehouses, to find a counterparty's `storeId`.
    public func stores(ofTin tin: TaxpayerNumber) async throws(ESFError) -> [RemoteStore] {
        try await call(.storesByTin, scope: .vstore, on: .taxpayerStore) {
            SOAPElement("taxpayerTin", tin.rawValue)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("taxpayerStoreList", "taxpayerStoreData")) { data throws(ESFAnswerProblem) in
                try RemoteStore(data.child("taxpayerStore") ?? data)
            }
        }
    }

    /// `queryCurrentStatus`: one page of the full balance snapshot, after `lastBalanceId` (nil:
    /// from the start). Loop until `lastBlock`.
    public func currentBalances(after lastBalanceId: Int64?, limit: Int) async throws(ESFError) -> BalancePage {
        try await call(.queryCurrentBalances, scope: .vstore, on: .vstoreBalance) {
            if let lastBalanceId { SOAPElement("lastBalanceId", String(lastBalanceId)) }
            SOAPElement("limit", String(limit))
        } decode: { response throws(ESFAnswerProblem) in
            try BalancePage(response)
        }
    }
}
