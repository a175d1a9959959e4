// The enumerations of the UFormV1 schema (domain.md §10). Raw values are the wire values.

/// `type`: what a universal form does to the virtual warehouse.
public enum UFormType: String, CaseIterable, Sendable, Codable {
    /// Opening balances.
    case balance = "BALANCE"
    /// `sourceProducts` are used up to make `products`.
    case manufacture = "MANUFACTURE"
    /// Between the taxpayer's own warehouses.
    case movement = "MOVEMENT"
    /// Needs `writeOffReason`.
    case writeOff = "WRITE_OFF"
    case balanceCorrection = "BALANCE_CORRECTION"
    /// Needs `detailingType`.
    case detailing = "DETAILING"
    case physicalLabel = "PHYSICAL_LABEL"
    /// Needs `reorganizationType` and `orderNumber`.
    case reorganization = "REORGANIZATION"
    case importDetailing = "IMPORT_DETAILING"
    // Made by IS ESF itself from other documents, never by a user.
    case esf = "ESF"
    case kkm = "KKM"
    case dt = "DT"
    case fno = "FNO"

    /// Forms IS ESF generates from invoices, receipts and declarations; nobody uploads them.
    public var isSystemGenerated: Bool {
        switch self {
        case .esf, .kkm, .dt, .fno: true
        default: false
        }
    }

    /// Forms that take goods from `sourceProducts` and put `products` in their place.
    public var hasSources: Bool { self == .manufacture || self == .detailing }
}

/// A form's status. That CREATED leads to PROCESSED or FAILED, and what the `WAIT_` states mean,
/// are (assumed, domain.md U7, U8).
public enum UFormStatus: String, CaseIterable, Sendable, Codable {
    case draft = "DRAFT"
    case created = "CREATED"
    case inProcessing = "IN_PROCESSING"
    case processed = "PROCESSED"
    case waitInStock = "WAIT_INSTOCK"
    case waitDocument = "WAIT_DOCUMENT"
    case canceled = "CANCELED"
    case failed = "FAILED"
}

/// `writeOffReason` of a WRITE_OFF form.
public enum WriteOffReason: String, CaseIterable, Sendable, Codable {
    case manufacture = "MANUFACTURE"
    case soldInRetailOrCoupons = "SOLD_IN_RETAIL_OR_COUPONS"
    case couponsOrCardsPayments = "COUPONS_OR_CARDS_PAYMENTS"
    case damage = "DAMAGE"
    case recycling = "RECYCLING"
    case reclamation = "RECLAMATION"
    case loss = "LOSS"
    case theft = "THEFT"
    case writeOffByGuilty = "WRITE_OFF_BY_GUILTY"
    case isNotVstore = "IS_NOT_VSTORE"
    case medicalNeeds = "MEDICAL_NEEDS"
    case technicalNeeds = "TECHNICAL_NEEDS"
    case naturalDecreaseInNorm = "NATURAL_DECREASE_IN_NORM"
    case naturalDecreaseOverNorm = "NATURAL_DECREASE_OVER_NORM"
    case socialPackage = "SOCIAL_PACKAGE"
    case noRequirementsForSnt = "NO_REQUIREMENTS_FOR_SNT"
    case conversion = "CONVERSION"
    case service = "SERVICE"
    case mistake = "MISTAKE"
    case accountingFixedAssets = "ACCOUNTING_FIXED_ASSETS"
    case other = "OTHER"
}

/// `detailingType` of a DETAILING form.
public enum DetailingType: String, CaseIterable, Sendable, Codable {
    /// Between units of measure.
    case conversion = "CONVERSION"
    /// Assembling a set (комплектация).
    case packing = "PACKING"
    /// Taking a set apart (разукомплектация).
    case unpacking = "UNPACKING"
    /// Re-sorting (пересортица).
    case reSorting = "RE_SORTING"
    /// Editing the batch's data.
    case editing = "EDITING"
}

/// `reorganizationType` of a REORGANIZATION form.
public enum ReorganizationType: String, CaseIterable, Sendable, Codable {
    case merger = "MERGER"
    case division = "DIVISION"
    case spinOff = "SPIN_OFF"
    case takeover = "TAKEOVER"
}

/// `dutyTypeCode` of a form line, `dutyType` of a balance row.
public enum DutyType: String, CaseIterable, Sendable, Codable {
    /// The EAEU Common Customs Tariff.
    case cct = "CCT"
    case wto = "WTO"
    case eaeu = "EAEU"
    case notInstalled = "NOT_INSTALLED"
}
