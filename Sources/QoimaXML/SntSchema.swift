import QoimaCore

/// Element names and orders of the SntV1 body (domain.md §5, confirmed unless noted). Each order
/// is the schema sequence: base-type elements first, then the extension's, each group sorted by
/// code point (so `priceWithTax` precedes `priceWithoutTax`). The reader checks input against
/// these lists; the writer follows them, and a test holds the two together.
public enum SntSchema {
    public static let namespace = "v1.snt"
    /// The prefix Qoima writes; readers accept any.
    public static let prefix = "v1"
    public static let root = "snt"
    public static let actionRoot = "sntAction"

    public static let sntBase = ["date", "number", "relatedRegistrationNumber", "shippingDate", "sntType"]
    public static let sntExtension = [
        "alcoholSet", "biofuelSet", "carCargoInfo", "consignee", "consignor", "contract", "currencyCode",
        "currencyRate", "customer", "datePaper", "digitalMarkingNotificationDate", "digitalMarkingNotificationNumber",
        "directoryInfo", "exportControlProductSet", "fillingOfAircraft", "mptId", "oilSet",
        "otherProductWithDigitalMarkSet", "productSet", "reasonPaper", "releaseGoodsInfo", "seller",
        "sharingParticipantContract", "shippingInfo", "sntExport", "sntImport", "tobaccoSet", "transferType",
    ]
    public static let snt = sntBase + sntExtension

    /// Blocks of the schema that Qoima keeps verbatim as `PreservedBlock` (domain.md §5.4).
    public static let preservedBlocks: Set<String> = [
        "alcoholSet", "biofuelSet", "exportControlProductSet", "otherProductWithDigitalMarkSet", "tobaccoSet",
    ]

    /// `seller` and `customer`.
    public static let party = [
        "branchTin", "name", "tin", "actualAddress", "countryCode", "nonResident", "registerCountryCode",
        "reorganizedTin", "statuses", "storeId",
    ]
    /// `consignor` and `consignee`.
    public static let consignmentParty = ["additionalInfo", "countryCode", "name", "nonResident", "tin"]
    public static let shippingInfo = [
        "boardNumber", "carStateNumber", "carriageNumber", "name", "nonResident", "shipNumber", "tin",
        "trailerStateNumber", "transportTypes",
    ]
    public static let contract = ["date", "deliveryCondition", "isContract", "number", "termOfContractPayment"]
    public static let sntImport = ["importType", "sezCode"]
    public static let sntExport = ["exportType", "sezCode"]

    public static let totals = ["totalExciseAmount", "totalNdsAmount", "totalPriceWithTax", "totalPriceWithoutTax"]
    public static let productSet = totals + ["products"]
    /// `products` sorts after the set fields in the extension group. domain.md lists the oil set's
    /// fields but not this position, which follows from the ordering rule (U19).
    public static let oilSet = totals + ["kogdOfRecipient", "kogdOfSender", "operationCode", "productSellerType", "products"]

    public static let productBase = [
        "additionalInfo", "declarationNumberForSnt", "exciseAmount", "exciseRate", "ndsAmount", "ndsRate",
        "priceWithTax", "priceWithoutTax", "productId", "productNumber", "productNumberInDeclaration", "tnvedCode",
        "truOriginCode",
    ]
    /// A G1 line (`productSet`); the assumed NTIN element sits at its alphabetical place.
    public static let product = productBase
        + ["gtinCode", "measureUnitCode", AssumedNames.ntinElement, "price", "productName", "quantity"]
    /// A G6 line (`oilSet`).
    public static let oilProduct = productBase
        + ["measureUnitCode", AssumedNames.ntinElement, "pinCode", "price", "productName", "quantity"]

    public static let carCargoInfo = [
        "cargoInfo", "driverFIO", "driverTin", "loadingUnloadingInfo", "otherInfo", "stampPrintNumber", "taxInfo",
    ]
    public static var cargoRow: [String] { SntRoadCargo.CargoRow.elementNames }
    public static var loadingUnloadingRow: [String] { SntRoadCargo.LoadingUnloadingRow.elementNames }
    public static var otherInfoRow: [String] { SntRoadCargo.CarriageExtrasRow.elementNames }
    public static var taxInfoRow: [String] { SntRoadCargo.CarriageChargesRow.elementNames }
    public static let directoryInfo = ["customerKogd", "sellerKogd"]
    public static let releaseGoodsInfo = ["powerOfAttorneyDate", "powerOfAttorneyNumber"]
    public static let fillingOfAircraft = ["aircraftRegistrationNumber", "aircraftType", "flightNumber", "warrantNumber"]
    public static let sharingParticipantContract = ["customerDate", "customerNumber", "sellerDate", "sellerNumber"]

    /// `sntAction` (domain.md §5.6).
    public static let action = [
        "sntId", "actionType", "originalDocumentSignature", "powerOfAttorneyDate", "powerOfAttorneyNumber", "cause",
    ]
}
