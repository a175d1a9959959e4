import Foundation
import GRDB
import QoimaCore

/// A warehouse a `create` request asks for (domain.md §9.1).
struct StoreRequest {
    var name: String?
    var parentStoreId: Int64?
    var address: String?
    var type: String?
    var responsiblePersonIin: String?
    var isInherited = false
    var isDefault = false
    var isJointStore = false
    var isPostingGoods = false
    var isCooperativeStore = false
    var isRawMaterials = false
    var isPublicStore = false
    var lesseeTin: String?
    var lesseeContractNumber: String?
    var lesseeContractDate: String?
    /// Who may use a joint-activity store. The create request's element for it is not known; the
    /// sandbox takes repeated `permittedTinList`, as `taxpayerStore` writes it (assumed, U17).
    var permittedTins: [String] = []
}

/// What IS ESF requires of a new warehouse and of status changes (domain.md §9.1): a name, an
/// address, a known type, a valid responsible IIN; permitted TINs for a joint store; lessee and
/// contract for a leasing store; one priority store, which cannot be deactivated.
enum StoreRules {
    static let types: Set<String> = ["POINT_OF_SALE", "STORE_HOUSE", "MOBILE_STORE"]

    static func problems(_ request: StoreRequest, tin: String, in db: Database) throws -> [SandboxWireError] {
        var errors: [SandboxWireError] = []
        func add(_ property: String, _ code: String, _ text: String) {
            errors.append(SandboxWireError(property: property, errorCode: code, text: text))
        }
        if (request.name ?? "").isEmpty { add("name", "STORE_NAME_REQUIRED", "Не указано наименование склада") }
        if (request.address ?? "").isEmpty { add("address", "STORE_ADDRESS_REQUIRED", "Не указан адрес склада") }
        if !types.contains(request.type ?? "") {
            add("type", "STORE_TYPE_INVALID",
                "Тип склада «\(request.type ?? "")» не входит в допустимые: \(types.sorted().joined(separator: ", "))")
        }
        if TaxpayerNumber(validating: request.responsiblePersonIin ?? "") == nil {
            add("responsiblePersonIin", "IIN_INVALID", "ИИН ответственного лица «\(request.responsiblePersonIin ?? "")» неверен")
        }
        if request.isJointStore {
            if request.permittedTins.isEmpty {
                add("permittedTinList", "JOINT_STORE_TINS_REQUIRED", "Для склада совместной деятельности укажите ИИН/БИН участников")
            }
            for tin in request.permittedTins where TaxpayerNumber(validating: tin) == nil {
                add("permittedTinList", "TIN_INVALID", "ИИН/БИН участника «\(tin)» неверен")
            }
        }
        if request.isCooperativeStore {
            if TaxpayerNumber(validating: request.lesseeTin ?? "") == nil {
                add("lesseeTin", "LESSEE_TIN_INVALID", "Для склада лизинга укажите верный ИИН/БИН лизингополучателя")
            }
            if (request.lesseeContractNumber ?? "").isEmpty {
                add("lesseeContractNumber", "LESSEE_CONTRACT_REQUIRED", "Для склада лизинга укажите номер договора")
            }
            if CalendarDate(ddMMyyyy: request.lesseeContractDate ?? "") == nil {
                add("lesseeContractDate", "LESSEE_CONTRACT_DATE_INVALID", "Для склада лизинга укажите дату договора (дд.ММ.гггг)")
            }
        }
        if request.isDefault, try StoreRow.priority(of: tin, in: db) != nil {
            add("isDefault", "DEFAULT_STORE_EXISTS", "У налогоплательщика уже есть приоритетный склад")
        }
        if let parent = request.parentStoreId, try StoreRow.find(parent, in: db)?.tin != tin {
            add("parentStoreId", "PARENT_STORE_NOT_FOUND", "Родительский склад \(parent) не найден")
        }
        return errors
    }

    static func insert(_ request: StoreRequest, tin: String, in db: Database) throws -> Int64 {
        let id = try SandboxCounter.next("store", in: db, after: SandboxCounter.firstStore)
        try db.execute(sql: """
            INSERT INTO store (id, tin, name, address, type, responsiblePersonIin, parentId, isDefault, isInherited,
                isJointStore, isPostingGoods, isCooperativeStore, isRawMaterials, isPublicStore, lesseeTin,
                lesseeContractNumber, lesseeContractDate, permittedTins)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, tin, request.name, request.address, request.type, request.responsiblePersonIin,
                             request.parentStoreId, request.isDefault, request.isInherited, request.isJointStore,
                             request.isPostingGoods, request.isCooperativeStore, request.isRawMaterials,
                             request.isPublicStore, request.lesseeTin, request.lesseeContractNumber,
                             request.lesseeContractDate, request.permittedTins.joined(separator: ",")])
        return id
    }

    /// ACTIVATE / DEACTIVATE; returns whether the status changed, or the error.
    static func change(_ storeId: Int64, activate: Bool, tin: String,
                       in db: Database) throws -> (store: StoreRow?, changed: Bool, errors: [SandboxWireError]) {
        guard let store = try StoreRow.find(storeId, in: db), store.tin == tin else {
            return (nil, false, [SandboxWireError(property: "storeId", errorCode: "STORE_NOT_FOUND",
                                                  text: "Склад \(storeId) не найден у налогоплательщика \(tin)")])
        }
        if !activate, store.isDefault {
            return (store, false, [SandboxWireError(property: "storeId", errorCode: "DEFAULT_STORE_DEACTIVATION",
                                                    text: "Приоритетный склад нельзя деактивировать")])
        }
        let status = activate ? StoreRow.valid : StoreRow.invalid
        guard store.status != status else { return (store, false, []) }
        try db.execute(sql: "UPDATE store SET status = ? WHERE id = ?", arguments: [status, storeId])
        return (try StoreRow.find(storeId, in: db), true, [])
    }
}
