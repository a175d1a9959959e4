/// A field of the SNT form: its number on the form (Order 657 App. 3, as domain.md §5 gives it,
/// written without spaces so it stays one word on a command line) and its path in the SntV1 body.
/// Where the form gives no number, `code` is the element's name.
public struct SntField: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: String
    public let path: String

    public init(_ code: String, _ path: String) {
        self.code = code
        self.path = path
    }

    public var description: String { code }
    public static func < (lhs: SntField, rhs: SntField) -> Bool { (lhs.code, lhs.path) < (rhs.code, rhs.path) }
}

// Section A
extension SntField {
    public static let number = SntField("A1", "number")
    public static let date = SntField("A2", "date")
    public static let datePaper = SntField("A2.1", "datePaper")
    public static let reasonPaper = SntField("A2.1.1", "reasonPaper")
    public static let shippingDate = SntField("A3", "shippingDate")
    public static let registrationNumber = SntField("A4", "registrationNumber")
    public static let digitalMarkingNotificationNumber = SntField("A4.2", "digitalMarkingNotificationNumber")
    public static let digitalMarkingNotificationDate = SntField("A4.2.1", "digitalMarkingNotificationDate")
    /// The form marks a correction in A 5 and a return in A 6.
    public static let sntType = SntField("A5/A6", "sntType")
    public static let relatedRegistrationNumberFixed = SntField("A5.1", "relatedRegistrationNumber")
    public static let relatedRegistrationNumberReturned = SntField("A6.1", "relatedRegistrationNumber")
    public static let importType = SntField("A7", "sntImport.importType")
    public static let importSezCode = SntField("A7.5.1", "sntImport.sezCode")
    public static let exportType = SntField("A8", "sntExport.exportType")
    public static let exportSezCode = SntField("A8.5.1", "sntExport.sezCode")
    public static let transferType = SntField("A9", "transferType")
    public static let mptId = SntField("mptId", "mptId")

    /// A 5.1 for a correction, A 6.1 otherwise.
    public static func relatedRegistrationNumber(for type: SntType) -> SntField {
        type == .fixed ? relatedRegistrationNumberFixed : relatedRegistrationNumberReturned
    }
}

/// The role of a party, which decides its fields' numbers.
public enum SntPartyRole: String, CaseIterable, Sendable {
    case seller, customer
    case consignor, consignee
}

// Sections B and C
extension SntField {
    /// The fields of the seller (B 13–21) or the customer (C 22–30).
    public struct PartyFields: Sendable {
        public let tin, nonResident, name, branchTin, reorganizedTin, categories,
            registerCountryCode, countryCode, actualAddress, storeId: SntField

        init(section: String, first: Int, element: String) {
            func field(_ offset: Int, _ suffix: String = "", _ child: String) -> SntField {
                SntField("\(section)\(first + offset)\(suffix)", "\(element).\(child)")
            }
            tin = field(0, "", "tin")
            nonResident = field(0, ".1", "nonResident")
            name = field(1, "", "name")
            branchTin = field(2, "", "branchTin")
            reorganizedTin = field(3, "", "reorganizedTin")
            categories = field(4, "", "statuses")
            registerCountryCode = field(5, "", "registerCountryCode")
            countryCode = field(6, "", "countryCode")
            actualAddress = field(7, "", "actualAddress")
            storeId = field(8, "", "storeId")
        }

        public var all: [SntField] {
            [tin, nonResident, name, branchTin, reorganizedTin, categories, registerCountryCode, countryCode,
             actualAddress, storeId]
        }
    }

    public static let seller = PartyFields(section: "B", first: 13, element: "seller")
    public static let customer = PartyFields(section: "C", first: 22, element: "customer")

    public static func party(_ role: SntPartyRole) -> PartyFields {
        role == .customer ? customer : seller
    }
}

// Section D. Which of 31–33 is the IIN/BIN, the name and the country is assumed from their order.
extension SntField {
    public struct ConsignmentFields: Sendable {
        public let tin, name, countryCode, nonResident, additionalInfo: SntField
        init(first: Int, info: String, element: String) {
            tin = SntField("D\(first)", "\(element).tin")
            name = SntField("D\(first + 1)", "\(element).name")
            countryCode = SntField("D\(first + 2)", "\(element).countryCode")
            nonResident = SntField("D\(first).1", "\(element).nonResident")
            additionalInfo = SntField("D1\(info)", "\(element).additionalInfo")
        }
        public var all: [SntField] { [tin, name, countryCode, nonResident, additionalInfo] }
    }

    public static let consignor = ConsignmentFields(first: 31, info: "a", element: "consignor")
    public static let consignee = ConsignmentFields(first: 34, info: "b", element: "consignee")
}

// Section E
extension SntField {
    /// The whole section, for problems about its absence.
    public static let carriage = SntField("E", "shippingInfo")
    public static let carrierTin = SntField("E37", "shippingInfo.tin")
    public static let carrierNonResident = SntField("E37.1", "shippingInfo.nonResident")
    public static let carrierName = SntField("E38", "shippingInfo.name")
    public static let transportTypes = SntField("E39", "shippingInfo.transportTypes")
    public static let carStateNumber = SntField("E.a1.1", "shippingInfo.carStateNumber")
    public static let trailerStateNumber = SntField("E.a2.1", "shippingInfo.trailerStateNumber")
    public static let carriageNumber = SntField("E.b1", "shippingInfo.carriageNumber")
    public static let boardNumber = SntField("E.c1", "shippingInfo.boardNumber")
    public static let shipNumber = SntField("E.d1", "shippingInfo.shipNumber")
}

// Section F
extension SntField {
    public static let isContract = SntField("F44", "contract.isContract")
    public static let contractNumber = SntField("F44.1", "contract.number")
    public static let contractDate = SntField("F44.2", "contract.date")
    public static let termOfContractPayment = SntField("F45", "contract.termOfContractPayment")
    public static let deliveryCondition = SntField("F45.1", "contract.deliveryCondition")
}

// Section G: currency and the goods tables
extension SntField {
    public static let currencyCode = SntField("50", "currencyCode")
    public static let currencyRate = SntField("51", "currencyRate")
    public static let goods = SntField("G1", "productSet")
    public static let oil = SntField("G6", "oilSet")
    public static let oilKogdOfSender = SntField("G7.69", "oilSet.kogdOfSender")
    public static let oilKogdOfRecipient = SntField("G7.70", "oilSet.kogdOfRecipient")
    public static let oilOperationCode = SntField("G7.71", "oilSet.operationCode")
    public static let oilProductSellerType = SntField("G7.72", "oilSet.productSellerType")

    public static func table(_ table: GoodsTable) -> SntField { table == .g1 ? goods : oil }

    /// The set totals 52.1–52.4 (the oil table's are numbered the same way, under G7: assumed).
    public static func total(_ total: GoodsTotalField, in table: GoodsTable) -> SntField {
        let element = table == .g1 ? "productSet" : "oilSet"
        let prefix = table == .g1 ? "" : "G7."
        return SntField(prefix + total.number, "\(element).\(total.rawValue)")
    }

    /// A column of a goods table; the problem says which line.
    public static func line(_ column: GoodsLineField, in table: GoodsTable) -> SntField {
        let element = table == .g1 ? "productSet" : "oilSet"
        return SntField("\(table.rawValue).\(column.number)", "\(element).products.product.\(column.rawValue)")
    }
}

/// The set totals; raw values are the element names.
public enum GoodsTotalField: String, CaseIterable, Sendable {
    case totalPriceWithoutTax, totalExciseAmount, totalNdsAmount, totalPriceWithTax
    public var number: String {
        switch self {
        case .totalPriceWithoutTax: "52.1"
        case .totalExciseAmount: "52.2"
        case .totalNdsAmount: "52.3"
        case .totalPriceWithTax: "52.4"
        }
    }
}

/// The columns of a goods line; raw values are the element names, `number` the G1 column.
public enum GoodsLineField: String, CaseIterable, Sendable {
    case productNumber, truOriginCode, productName, tnvedCode, measureUnitCode, quantity, price
    case priceWithoutTax, exciseAmount, exciseRate, ndsRate, ndsAmount, priceWithTax, productId
    case declarationNumberForSnt, productNumberInDeclaration, gtinCode, additionalInfo, ntin, pinCode

    public var number: String {
        switch self {
        case .productNumber: "1"
        case .truOriginCode: "2"
        case .productName: "3"
        case .tnvedCode: "4"
        case .measureUnitCode: "5"
        case .quantity: "6"
        case .price: "7"
        case .priceWithoutTax: "8"
        case .exciseAmount: "9"
        case .exciseRate: "9.1"
        case .ndsRate: "10"
        case .ndsAmount: "11"
        case .priceWithTax: "12"
        case .productId: "13"
        case .declarationNumberForSnt: "14"
        case .productNumberInDeclaration: "15"
        case .gtinCode: "16"
        case .additionalInfo: "17"
        case .ntin: "ntin"
        case .pinCode: "pinCode"
        }
    }
}

// Section K and the smaller blocks
extension SntField {
    public static let roadCargo = SntField("K", "carCargoInfo")
    public static let driverFullName = SntField("K.driverFIO", "carCargoInfo.driverFIO")
    public static let driverTin = SntField("K.driverTin", "carCargoInfo.driverTin")
    public static let stampPrintNumber = SntField("K.stampPrintNumber", "carCargoInfo.stampPrintNumber")
    public static let sellerKogd = SntField("sellerKogd", "directoryInfo.sellerKogd")
    public static let customerKogd = SntField("customerKogd", "directoryInfo.customerKogd")
    public static let releasePowerOfAttorneyNumber = SntField("releaseGoodsInfo.number", "releaseGoodsInfo.powerOfAttorneyNumber")
    public static let releasePowerOfAttorneyDate = SntField("releaseGoodsInfo.date", "releaseGoodsInfo.powerOfAttorneyDate")
    public static let aircraftRefueling = SntField("fillingOfAircraft", "fillingOfAircraft")
    public static let aircraftRegistrationNumber = SntField("fillingOfAircraft.aircraftRegistrationNumber",
                                                            "fillingOfAircraft.aircraftRegistrationNumber")
    public static let aircraftType = SntField("fillingOfAircraft.aircraftType", "fillingOfAircraft.aircraftType")
    public static let flightNumber = SntField("fillingOfAircraft.flightNumber", "fillingOfAircraft.flightNumber")
    public static let warrantNumber = SntField("fillingOfAircraft.warrantNumber", "fillingOfAircraft.warrantNumber")
    public static let sharingContracts = SntField("sharingParticipantContract", "sharingParticipantContract")
    /// The whole document, for problems that concern no single field.
    public static let document = SntField("SNT", "snt")
}
