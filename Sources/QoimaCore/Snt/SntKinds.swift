// The enumerations of the SntV1 schema (domain.md §4, §5). Raw values are the wire values.

/// `sntType`.
public enum SntType: String, CaseIterable, Sendable, Codable {
    case primary = "PRIMARY_SNT"
    /// A correction: `relatedRegistrationNumber` names the original (A 5.1).
    case fixed = "FIXED_SNT"
    /// A return of goods: `relatedRegistrationNumber` names the SNT returned (A 6.1).
    case returned = "RETURNED_SNT"
}

/// `SntStatus`; `isFinal` is the set one client enforces, with FAILED final as assumed (U5).
public enum SntStatus: String, CaseIterable, Sendable, Codable {
    case draft = "DRAFT"
    case imported = "IMPORTED"
    case created = "CREATED"
    case failed = "FAILED"
    case notViewed = "NOT_VIEWED"
    case delivered = "DELIVERED"
    case confirmed = "CONFIRMED"
    case declined = "DECLINED"
    case confirmedByOgd = "CONFIRMED_BY_OGD"
    case declinedByOgd = "DECLINED_BY_OGD"
    case canceled = "CANCELED"
    case revoked = "REVOKED"

    public var isFinal: Bool {
        switch self {
        case .failed, .confirmed, .declined, .confirmedByOgd, .declinedByOgd, .canceled, .revoked: true
        case .draft, .imported, .created, .notViewed, .delivered: false
        }
    }

    /// Only drafts are edited; everything else is what IS ESF holds.
    public var isEditable: Bool { self == .draft || self == .imported }
}

/// A 2.1.1 `reasonPaper`: why the SNT was first issued on paper.
public enum PaperReason: String, CaseIterable, Sendable, Codable {
    /// IS ESF was down or under planned works.
    case downTime = "DOWN_TIME"
    /// Registration was blocked by the authorised body.
    case unlawfulRemovalRegistration = "UNLAWFUL_REMOVAL_REGISTRATION"
    /// No obligation to issue an SNT existed at the time.
    case missingRequirement = "MISSING_REQUIREMENT"
}

/// A 7 `importType`.
public enum ImportType: String, CaseIterable, Sendable, Codable {
    case `import` = "IMPORT"
    case importForProcessing = "IMPORT_FOR_PROCESSING"
    case temporaryImport = "TEMPORARY_IMPORT"
    case importOfTemporaryExportedProduct = "IMPORT_OF_TEMPORARY_EXPORTED_PRODUCT"
    /// Needs `sezCode` (A 7.5.1).
    case importInSez = "IMPORT_IN_SEZ"
}

/// A 8 `exportType`.
public enum ExportType: String, CaseIterable, Sendable, Codable {
    case export = "EXPORT"
    case exportForProcessing = "EXPORT_FOR_PROCESSING"
    case temporaryExport = "TEMPORARY_EXPORT"
    case exportOfTemporaryImportedProduct = "EXPORT_OF_TEMPORARY_IMPORTED_PRODUCT"
    /// Needs `sezCode` (A 8.5.1).
    case exportFromSez = "EXPORT_FROM_SEZ"
    /// Needs `fillingOfAircraft`.
    case aircraftRefueling = "AIRCRAFT_REFUELING"
}

/// A 9 `transferType`: movement within one person.
public enum TransferType: String, CaseIterable, Sendable, Codable {
    case onePersonInKazakhstan = "ONE_PERSON_IN_KZ"
    case onePersonInEAEU = "ONE_PERSON_IN_EAEU"
    case other = "OTHER"
}

/// B 17 / C 26 party categories (`statuses/status`).
public enum PartyCategory: String, CaseIterable, Sendable, Codable {
    case lawyer = "LAWYER"
    case notary = "NOTARY"
    case mediator = "MEDIATOR"
    case bailiff = "BAILIFF"
    case individual = "INDIVIDUAL"
    case retail = "RETAIL"
    case retailer = "RETAILER"
    case pharmaceuticProducer = "PHARMACEUTIC_PRODUCER"
    case lessee = "LESSEE"
    case lessor = "LESSOR"
    case principal = "PRINCIPAL"
    case committent = "COMMITTENT"
    case broker = "BROKER"
    case sharingAgreementParticipant = "SHARING_AGREEMENT_PARTICIPANT"
    case jointActivityParticipant = "JOINT_ACTIVITY_PARTICIPANT"
}

/// E `transportType`; each kind has its own number field.
public enum TransportType: String, CaseIterable, Sendable, Codable {
    /// Vehicle plate (a1.1) and trailer plate (a2.1).
    case automobile = "AUTOMOBILE"
    /// Wagon number (b1).
    case railway = "RAILWAY"
    /// Board number (c1).
    case air = "AIR"
    /// Vessel number (d1).
    case marine = "MARINE"
    case pipeline = "PIPELINE"
    case multimodal = "MULTIMODAL"
}

/// `SntActionType` as it appears in history records.
public enum SntHistoryAction: String, CaseIterable, Sendable, Codable {
    case create = "CREATE", view = "VIEW", delete = "DELETE", confirm = "CONFIRM", decline = "DECLINE"
    case confirmByOgd = "CONFIRM_BY_OGD", declineByOgd = "DECLINE_BY_OGD", cancel = "CANCEL", revoke = "REVOKE"
}

/// The actions a client sends through `changeStatus`.
public enum SntActionKind: String, CaseIterable, Sendable, Codable {
    /// The receiver accepts the goods.
    case confirm = "CONFIRM"
    /// The receiver refuses them; needs a cause.
    case decline = "DECLINE"
    /// The supplier withdraws the SNT; needs a cause.
    case revoke = "REVOKE"
}
