/// The kind of a virtual warehouse (Order 657 item 4, domain.md §9.1): a warehouse, a point of
/// sale on a shop's trading floor, a mobile warehouse, and the two IS ESF makes by itself, the
/// unallotted warehouse and the archive.
public enum WarehouseType: CaseIterable, Hashable, Sendable {
    case storeHouse
    case pointOfSale
    case mobileStore
    case unallotted
    case archive

    /// `storeTypeCode` as IS ESF writes it.
    public var code: String {
        switch self {
        case .storeHouse: "STORE_HOUSE"
        case .pointOfSale: "POINT_OF_SALE"
        case .mobileStore: "MOBILE_STORE"
        case .unallotted: WarehouseAssumptions.unallottedTypeCode
        case .archive: WarehouseAssumptions.archiveTypeCode
        }
    }

    /// Nil for a code Qoima does not know (shown as IS ESF wrote it).
    public init?(code: String) {
        guard let type = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = type
    }

    /// The types a taxpayer creates; the unallotted warehouse and the archive come from IS ESF.
    public static let creatable: [WarehouseType] = [.storeHouse, .pointOfSale, .mobileStore]

    public var isCreatable: Bool { Self.creatable.contains(self) }

    public var name: LocalizedText {
        switch self {
        case .storeHouse: LocalizedText(kk: "Қойма", ru: "Склад", en: "Warehouse")
        case .pointOfSale: LocalizedText(kk: "Сауда нүктесі", ru: "Точка продаж", en: "Point of sale")
        case .mobileStore: LocalizedText(kk: "Жылжымалы қойма", ru: "Мобильный склад", en: "Mobile warehouse")
        case .unallotted: LocalizedText(kk: "Бөлінбеген қойма", ru: "Нераспределённый склад", en: "Unallotted warehouse")
        case .archive: LocalizedText(kk: "Мұрағат", ru: "Архив", en: "Archive")
        }
    }
}

/// A sign of a warehouse (Order 657 item 5, domain.md §9.1), named by its element of
/// `taxpayerStore` and of the create request.
public enum WarehouseSign: String, CaseIterable, Hashable, Sendable {
    /// The one warehouse goods go to by default; it cannot be deactivated.
    case priority = "isDefault"
    /// Joint activity: the permitted BINs of the participants have access.
    case jointActivity = "isJointStore"
    /// Leasing: the lessee's BIN and the contract.
    case leasing = "isCooperativeStore"
    /// Tolling (give-and-take) raw materials.
    case tollingRawMaterials = "isRawMaterials"
    case publicWarehouse = "isPublicStore"
    /// Goods received by customs declaration are posted here.
    case customsPosting = "isPostingGoods"
    /// Inherited from a reorganised person.
    case reorganised = "isInherited"

    public var name: LocalizedText {
        switch self {
        case .priority: LocalizedText(kk: "Басым қойма", ru: "Приоритетный склад", en: "Priority warehouse")
        case .jointActivity:
            LocalizedText(kk: "Бірлескен қызмет қоймасы", ru: "Склад совместной деятельности", en: "Joint activity")
        case .leasing: LocalizedText(kk: "Лизинг қоймасы", ru: "Склад лизинга", en: "Leasing")
        case .tollingRawMaterials:
            LocalizedText(kk: "Алыс-беріс шикізат қоймасы", ru: "Склад давальческого сырья", en: "Tolling raw materials")
        case .publicWarehouse: LocalizedText(kk: "Жалпыға ортақ қойма", ru: "Публичный склад", en: "Public warehouse")
        case .customsPosting:
            LocalizedText(kk: "Тауарларды декларация бойынша кірістеу", ru: "Оприходование товаров по ДТ",
                          en: "Posting by customs declaration")
        case .reorganised:
            LocalizedText(kk: "Қайта ұйымдастырылған тұлғаның қоймасы", ru: "Склад реорганизованного лица",
                          en: "Reorganised person's")
        }
    }
}
