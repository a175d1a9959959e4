import Foundation
import GRDB
import QoimaXML

/// TaxpayerStoreWebService (domain.md §9.1): the company's warehouses and another's.
struct StoreEndpoints {
    let services: SandboxServices
    private var namespace: SOAPNamespace { ESFService.taxpayerStore.namespace }

    func list(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .taxpayerStore)
        let stores = try services.transaction { db, _ in try StoreRow.all(of: session.tin, in: db) }
        return SOAPMessage(ESFOperation.listStores.response, in: namespace) {
            SOAPElement("lastBlock", true)
            SOAPElement("currPage", 1)
            SOAPElement("recordsCount", stores.count)
            SOAPElement("taxpayerStoreList", children: stores.map { Self.taxpayerStore($0) })
        }
    }

    func create(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .taxpayerStore)
        let requests = request.items("storeList", "store").map(Self.storeRequest)
        let (accepted, denied) = try services.transaction { db, _ in
            var accepted: [SOAPElement] = []
            var denied: [SOAPElement] = []
            for store in requests {
                let errors = try StoreRules.problems(store, tin: session.tin, in: db)
                let id = errors.isEmpty ? try StoreRules.insert(store, tin: session.tin, in: db) : nil
                let item = SOAPElement(errors.isEmpty ? "store" : "storeValidationResult") {
                    if !errors.isEmpty { SOAPElement.errors(errors, wrapper: "errorList") }
                    SOAPElement("name", store.name ?? "")
                    if let id { SOAPElement("id", id) }
                    if let parent = store.parentStoreId { SOAPElement("parentStoreId", parent) }
                }
                if errors.isEmpty { accepted.append(item) } else { denied.append(item) }
            }
            return (accepted, denied)
        }
        return SOAPMessage(ESFOperation.createStores.response, in: namespace) {
            SOAPElement("acceptedList", children: accepted)
            SOAPElement("deniedList", children: denied)
        }
    }

    func changeStatus(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .taxpayerStore)
        var actions: [(Int64, Bool)] = []
        for action in request.items("actionList", "action") {
            let type = try action.field("actionType")
            guard type == "ACTIVATE" || type == "DEACTIVATE" else {
                throw SandboxCallError.client("\(action.path)/actionType: \"\(type)\" is neither ACTIVATE nor DEACTIVATE")
            }
            actions.append((try action.integer("storeId"), type == "ACTIVATE"))
        }
        let summaries = try services.transaction { db, _ in
            try actions.map { id, activate in
                let result = try StoreRules.change(id, activate: activate, tin: session.tin, in: db)
                return SOAPElement("summaryList") {
                    if !result.errors.isEmpty { SOAPElement.errors(result.errors, wrapper: "errorList") }
                    SOAPElement("id", id)
                    SOAPElement("isStatusChanged", result.changed)
                    if let store = result.store { SOAPElement("status", store.status) }
                }
            }
        }
        return SOAPMessage(SOAPElement(ESFOperation.changeStoreStatus.response, children: summaries), in: namespace)
    }

    func byTin(_ request: SOAPElementView) throws -> SOAPMessage {
        _ = try services.session(of: request, on: .taxpayerStore)
        let tin = try request.field("taxpayerTin")
        let stores = try services.transaction { db, _ in try StoreRow.all(of: tin, in: db) }
        return SOAPMessage(ESFOperation.storesByTin.response, in: namespace) {
            SOAPElement("taxpayerStoreList") {
                for store in stores { SOAPElement("taxpayerStoreData") { Self.taxpayerStore(store) } }
            }
        }
    }

    /// `taxpayerStore` in its element order (domain.md §9.1).
    static func taxpayerStore(_ store: StoreRow) -> SOAPElement {
        SOAPElement("taxpayerStore") {
            SOAPElement("address", store.address)
            SOAPElement("id", store.id)
            SOAPElement("isCooperativeStore", store.isCooperativeStore)
            SOAPElement("isDefault", store.isDefault)
            SOAPElement("isInherited", store.isInherited)
            SOAPElement("isJointStore", store.isJointStore)
            SOAPElement("isPostingGoods", store.isPostingGoods)
            SOAPElement("isPublicStore", store.isPublicStore)
            SOAPElement("isRawMaterials", store.isRawMaterials)
            if let date = store.lesseeContractDate { SOAPElement("lesseeContractDate", date) }
            SOAPElement("lesseeContractNumber", store.lesseeContractNumber ?? "")
            SOAPElement("lesseeTin", store.lesseeTin ?? "")
            if let parent = store.parentId { SOAPElement("parentId", parent) }
            for tin in store.permittedTins { SOAPElement("permittedTinList", tin) }
            SOAPElement("responsiblePersonIin", store.responsiblePersonIin)
            SOAPElement("status", store.status)
            SOAPElement("storeName", store.name)
            SOAPElement("storeTypeCode", store.type)
            SOAPElement("tin", store.tin)
        }
    }

    private static func storeRequest(_ item: SOAPElementView) -> StoreRequest {
        func flag(_ name: String) -> Bool { item.optional(name) == "true" || item.optional(name) == "1" }
        return StoreRequest(
            name: item.optional("name"), parentStoreId: item.optional("parentStoreId").flatMap { Int64($0) },
            address: item.optional("address"), type: item.optional("type"),
            responsiblePersonIin: item.optional("responsiblePersonIin"), isInherited: flag("isInherited"),
            isDefault: flag("isDefault"), isJointStore: flag("isJointStore"), isPostingGoods: flag("isPostingGoods"),
            isCooperativeStore: flag("isCooperativeStore"), isRawMaterials: flag("isRawMaterials"),
            isPublicStore: flag("isPublicStore"), lesseeTin: item.optional("lesseeTin"),
            lesseeContractNumber: item.optional("lesseeContractNumber"),
            lesseeContractDate: item.optional("lesseeContractDate"),
            permittedTins: item.children("permittedTinList").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) })
    }
}
