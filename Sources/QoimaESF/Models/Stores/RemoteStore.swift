import QoimaCore
import QoimaXML

/// A virtual warehouse as IS ESF lists it (`taxpayerStore`, domain.md §9.1). Enumerations stay
/// as IS ESF writes them, so a value added later is shown rather than lost.
public struct RemoteStore: Hashable, Sendable {
    /// The store id that SNTs (B 21, C 30) and forms refer to.
    public var id: Int64
    public var storeName: String?
    /// `POINT_OF_SALE`, `STORE_HOUSE` or `MOBILE_STORE`.
    public var storeTypeCode: String?
    /// `VALID` or `INVALID`.
    public var status: String?
    public var tin: String?
    public var address: String?
    public var responsiblePersonIin: String?
    public var parentId: Int64?
    /// Priority warehouse: exactly one, never deactivated.
    public var isDefault: Bool?
    public var isInherited: Bool?
    public var isJointStore: Bool?
    public var isPostingGoods: Bool?
    public var isCooperativeStore: Bool?
    public var isRawMaterials: Bool?
    public var isPublicStore: Bool?
    public var lesseeTin: String?
    public var lesseeContractNumber: String?
    /// As IS ESF writes it (its form in answers is not documented).
    public var lesseeContractDate: String?
    /// The BINs that may use a joint-activity warehouse.
    public var permittedTins: [String]
    public var alcoholLicenseId: Int64?
    public var oilOvdId: Int64?
    public var tobaccoOvdId: Int64?
    public var documentId: Int64?

    public init(id: Int64, storeName: String? = nil, storeTypeCode: String? = nil, status: String? = nil,
                tin: String? = nil, address: String? = nil, responsiblePersonIin: String? = nil,
                parentId: Int64? = nil, isDefault: Bool? = nil, isInherited: Bool? = nil, isJointStore: Bool? = nil,
                isPostingGoods: Bool? = nil, isCooperativeStore: Bool? = nil, isRawMaterials: Bool? = nil,
                isPublicStore: Bool? = nil, lesseeTin: String? = nil, lesseeContractNumber: String? = nil,
                lesseeContractDate: String? = nil, permittedTins: [String] = [], alcoholLicenseId: Int64? = nil,
                oilOvdId: Int64? = nil, tobaccoOvdId: Int64? = nil, documentId: Int64? = nil) {
        self.id = id
        self.storeName = storeName
        self.storeTypeCode = storeTypeCode
        self.status = status
        self.tin = tin
        self.address = address
        self.responsiblePersonIin = responsiblePersonIin
        self.parentId = parentId
        self.isDefault = isDefault
        self.isInherited = isInherited
        self.isJointStore = isJointStore
        self.isPostingGoods = isPostingGoods
        self.isCooperativeStore = isCooperativeStore
        self.isRawMaterials = isRawMaterials
        self.isPublicStore = isPublicStore
        self.lesseeTin = lesseeTin
        self.lesseeContractNumber = lesseeContractNumber
        self.lesseeContractDate = lesseeContractDate
        self.permittedTins = permittedTins
        self.alcoholLicenseId = alcoholLicenseId
        self.oilOvdId = oilOvdId
        self.tobaccoOvdId = tobaccoOvdId
        self.documentId = documentId
    }

    public var isValid: Bool? { status.map { $0 == "VALID" } }

    /// Required: `id`. `permittedTinList` may repeat with a BIN in each, or wrap items.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        let permitted = view.children("permittedTinList").flatMap { list in
            list.element.hasChildElements ? list.children().map(\.text) : [list.text]
        }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        self.init(id: try view.requiredInt64("id"), storeName: view.string("storeName"),
                  storeTypeCode: view.string("storeTypeCode"), status: view.string("status"), tin: view.string("tin"),
                  address: view.string("address"), responsiblePersonIin: view.string("responsiblePersonIin"),
                  parentId: try view.int64("parentId"), isDefault: try view.bool("isDefault"),
                  isInherited: try view.bool("isInherited"), isJointStore: try view.bool("isJointStore"),
                  isPostingGoods: try view.bool("isPostingGoods"), isCooperativeStore: try view.bool("isCooperativeStore"),
                  isRawMaterials: try view.bool("isRawMaterials"), isPublicStore: try view.bool("isPublicStore"),
                  lesseeTin: view.string("lesseeTin"), lesseeContractNumber: view.string("lesseeContractNumber"),
                  lesseeContractDate: view.string("lesseeContractDate"), permittedTins: permitted,
                  alcoholLicenseId: try view.int64("alcoholLicenseId"), oilOvdId: try view.int64("oilOvdId"),
                  tobaccoOvdId: try view.int64("tobaccoOvdId"), documentId: try view.int64("documentId"))
    }
}
