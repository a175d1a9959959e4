/// What the bookkeeper knows about a shipment, as far as Order 657 item 14 cares.
///
/// Nil means "not given". A fact left out never turns the answer into "not required": when it
/// could change the answer, the answer is "cannot decide" and names it. The three plain flags
/// can only add an obligation's ground or an exemption that makes the answer "cannot decide",
/// so false is a safe default for them.
public struct ShipmentFacts: Hashable, Sendable, Codable {
    /// The lines of Appendix 1 the goods belong to; empty when none of them is on the list.
    public var goods: Set<GoodsGroup>?
    public var direction: ShipmentDirection?
    public var operation: ShipmentOperation?
    public var transport: TransportType?
    /// The vehicle's permitted maximum mass in kilograms (road transport; items 14.3, 14.5).
    public var vehicleMaximumMassKilograms: Int?
    /// The goods go to an individual (item 14.7).
    public var toIndividual: Bool?
    /// A sale of property turned into state ownership (item 14.6).
    public var statePropertySale: Bool
    /// A sale in retail trade (item 15).
    public var retail: Bool

    public init(goods: Set<GoodsGroup>? = nil, direction: ShipmentDirection? = nil,
                operation: ShipmentOperation? = nil, transport: TransportType? = nil,
                vehicleMaximumMassKilograms: Int? = nil, toIndividual: Bool? = nil,
                statePropertySale: Bool = false, retail: Bool = false) {
        self.goods = goods
        self.direction = direction
        self.operation = operation
        self.transport = transport
        self.vehicleMaximumMassKilograms = vehicleMaximumMassKilograms
        self.toIndividual = toIndividual
        self.statePropertySale = statePropertySale
        self.retail = retail
    }
}

/// Where the goods go. Raw values are the stable command-line names.
public enum ShipmentDirection: String, CaseIterable, Sendable, Codable {
    /// Inside Kazakhstan.
    case domestic
    case importFromEAEU = "import-eaeu"
    case importFromOutsideEAEU = "import-other"
    case exportToEAEU = "export-eaeu"
    case exportToOutsideEAEU = "export-other"
    /// Through Kazakhstan.
    case transit

    public var isImport: Bool { self == .importFromEAEU || self == .importFromOutsideEAEU }
    public var isEAEUBorder: Bool { self == .importFromEAEU || self == .exportToEAEU }

    public var name: LocalizedText {
        switch self {
        case .domestic:
            LocalizedText(kk: "Қазақстан Республикасының ішінде", ru: "по Республике Казахстан", en: "inside Kazakhstan")
        case .importFromEAEU:
            LocalizedText(kk: "ЕАЭО-ға мүше мемлекеттен әкелу", ru: "ввоз из государства — члена ЕАЭС",
                          en: "import from an EAEU state")
        case .importFromOutsideEAEU:
            LocalizedText(kk: "ЕАЭО-ға мүше емес мемлекеттен әкелу", ru: "ввоз из государства, не входящего в ЕАЭС",
                          en: "import from a state outside the EAEU")
        case .exportToEAEU:
            LocalizedText(kk: "ЕАЭО-ға мүше мемлекетке әкету", ru: "вывоз в государство — член ЕАЭС",
                          en: "export to an EAEU state")
        case .exportToOutsideEAEU:
            LocalizedText(kk: "ЕАЭО-ға мүше емес мемлекетке әкету", ru: "вывоз в государство, не входящее в ЕАЭС",
                          en: "export to a state outside the EAEU")
        case .transit:
            LocalizedText(kk: "Қазақстан Республикасы арқылы транзит", ru: "транзит через Республику Казахстан",
                          en: "transit through Kazakhstan")
        }
    }
}

/// What happens between the parties. Raw values are the stable command-line names.
public enum ShipmentOperation: String, CaseIterable, Sendable, Codable {
    /// A sale (realisation) to another person.
    case sale
    /// Movement within one person or between its structural subdivisions (Rules item 3.6).
    case ownMovement = "own-movement"
    /// A shipment to another person that is not a sale (a gift, a return, goods for processing…).
    case shipment

    public var name: LocalizedText {
        switch self {
        case .sale:
            LocalizedText(kk: "өткізу", ru: "реализация", en: "sale")
        case .ownMovement:
            LocalizedText(kk: "бір тұлғаның ішінде орын ауыстыру", ru: "перемещение в рамках одного лица",
                          en: "movement within one person")
        case .shipment:
            LocalizedText(kk: "өткізу емес тиеп-жөнелту", ru: "отгрузка без реализации", en: "shipment that is not a sale")
        }
    }
}

extension TransportType {
    /// Stable command-line names; the raw values are the SNT wire values.
    public var commandLineName: String {
        switch self {
        case .automobile: "road"
        case .railway: "rail"
        case .air: "air"
        case .marine: "sea"
        case .pipeline: "pipeline"
        case .multimodal: "multimodal"
        }
    }

    public init?(commandLineName: String) {
        guard let found = Self.allCases.first(where: { $0.commandLineName == commandLineName }) else { return nil }
        self = found
    }

    public var name: LocalizedText {
        switch self {
        case .automobile: LocalizedText(kk: "автомобиль көлігі", ru: "автомобильный транспорт", en: "road")
        case .railway: LocalizedText(kk: "темір жол көлігі", ru: "железнодорожный транспорт", en: "rail")
        case .air: LocalizedText(kk: "әуе көлігі", ru: "воздушный транспорт", en: "air")
        case .marine: LocalizedText(kk: "теңіз көлігі", ru: "морской транспорт", en: "sea")
        case .pipeline: LocalizedText(kk: "құбыр көлігі", ru: "трубопроводный транспорт", en: "pipeline")
        case .multimodal: LocalizedText(kk: "аралас тасымал", ru: "смешанная перевозка", en: "multimodal")
        }
    }
}
