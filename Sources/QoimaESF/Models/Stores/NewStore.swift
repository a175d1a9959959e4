import QoimaCore
import QoimaXML

/// A warehouse to create (`store` of `taxpayerStoreCreateRequest`, domain.md §9.1).
public struct NewStore: Hashable, Sendable {
    public var name: String
    public var parentStoreId: Int64?
    public var address: String
    /// `POINT_OF_SALE`, `STORE_HOUSE` or `MOBILE_STORE`.
    public var type: String
    public var responsiblePersonIin: String
    public var isInherited: Bool
    public var isDefault: Bool
    public var isJointStore: Bool
    public var isPostingGoods: Bool
    public var isCooperativeStore: Bool
    public var isRawMaterials: Bool
    public var isPublicStore: Bool
    /// Leasing warehouses only.
    public var lesseeTin: String?
    public var lesseeContractNumber: String?
    /// Sent as `dd.MM.yyyy` (assumed, domain.md U12).
    public var lesseeContractDate: CalendarDate?
    /// Joint-activity warehouses only: the participants' BINs (`WarehouseAssumptions.permittedTinsElement`).
    public var permittedTins: [String] = []

    public init(name: String, parentStoreId: Int64? = nil, address: String, type: String,
                responsiblePersonIin: String, isInherited: Bool = false, isDefault: Bool = false,
                isJointStore: Bool = false, isPostingGoods: Bool = false, isCooperativeStore: Bool = false,
                isRawMaterials: Bool = false, isPublicStore: Bool = false, lesseeTin: String? = nil,
                lesseeContractNumber: String? = nil, lesseeContractDate: CalendarDate? = nil) {
        self.name = name
        self.parentStoreId = parentStoreId
        self.address = address
        self.type = type
        self.responsiblePersonIin = responsiblePersonIin
        self.isInherited = isInherited
        self.isDefault = isDefault
        self.isJointStore = isJointStore
        self.isPostingGoods = isPostingGoods
        self.isCooperativeStore = isCooperativeStore
        self.isRawMaterials = isRawMaterials
        self.isPublicStore = isPublicStore
        self.lesseeTin = lesseeTin
        self.lesseeContractNumber = lesseeContractNumber
        self.lesseeContractDate = lesseeContractDate
    }

    /// In domain.md §9.1's order; the lessee fields only when given.
    var element: SOAPElement {
        SOAPElement("store") {
            SOAPElement("name", name)
            if let parentStoreId { SOAPElement("parentStoreId", String(parentStoreId)) }
            SOAPElement("address", address)
            SOAPElement("type", type)
            SOAPElement("responsiblePersonIin", responsiblePersonIin)
            SOAPElement("isInherited", String(isInherited))
            SOAPElement("isDefault", String(isDefault))
            SOAPElement("isJointStore", String(isJointStore))
            SOAPElement("isPostingGoods", String(isPostingGoods))
            SOAPElement("isCooperativeStore", String(isCooperativeStore))
            SOAPElement("isRawMaterials", String(isRawMaterials))
            SOAPElement("isPublicStore", String(isPublicStore))
            if let lesseeTin { SOAPElement("lesseeTin", lesseeTin) }
            if let lesseeContractNumber { SOAPElement("lesseeContractNumber", lesseeContractNumber) }
            if let lesseeContractDate { SOAPElement("lesseeContractDate", lesseeContractDate.ddMMyyyy) }
            for tin in permittedTins { SOAPElement(WarehouseAssumptions.permittedTinsElement, tin) }
        }
    }
}
