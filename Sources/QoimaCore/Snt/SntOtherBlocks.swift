/// A 7: import kind, with the SEZ code for IMPORT_IN_SEZ (A 7.5.1).
public struct SntImport: Hashable, Sendable, Codable {
    public var importType: ImportType
    public var sezCode: String?
    public init(importType: ImportType, sezCode: String? = nil) {
        self.importType = importType
        self.sezCode = sezCode
    }
}

/// A 8: export kind, with the SEZ code for EXPORT_FROM_SEZ (A 8.5.1).
public struct SntExport: Hashable, Sendable, Codable {
    public var exportType: ExportType
    public var sezCode: String?
    public init(exportType: ExportType, sezCode: String? = nil) {
        self.exportType = exportType
        self.sezCode = sezCode
    }
}

/// `directoryInfo`: the parties' tax-office codes.
public struct SntTaxOffices: Hashable, Sendable, Codable {
    public var customerKogd: String?
    public var sellerKogd: String?
    public init(customerKogd: String? = nil, sellerKogd: String? = nil) {
        self.customerKogd = customerKogd
        self.sellerKogd = sellerKogd
    }
}

/// `releaseGoodsInfo`: power of attorney for releasing the goods.
public struct SntPowerOfAttorney: Hashable, Sendable, Codable {
    public var date: CalendarDate?
    public var number: String?
    public init(date: CalendarDate? = nil, number: String? = nil) {
        self.date = date
        self.number = number
    }
}

/// `fillingOfAircraft`, for AIRCRAFT_REFUELING exports.
public struct SntAircraftRefueling: Hashable, Sendable, Codable {
    public var aircraftRegistrationNumber, aircraftType, flightNumber, warrantNumber: String?
    public init(aircraftRegistrationNumber: String? = nil, aircraftType: String? = nil,
                flightNumber: String? = nil, warrantNumber: String? = nil) {
        self.aircraftRegistrationNumber = aircraftRegistrationNumber
        self.aircraftType = aircraftType
        self.flightNumber = flightNumber
        self.warrantNumber = warrantNumber
    }
}

/// `sharingParticipantContract`: production-sharing agreement (СРП) contracts.
public struct SntSharingContracts: Hashable, Sendable, Codable {
    public var customerDate: CalendarDate?
    public var customerNumber: String?
    public var sellerDate: CalendarDate?
    public var sellerNumber: String?
    public init(customerDate: CalendarDate? = nil, customerNumber: String? = nil,
                sellerDate: CalendarDate? = nil, sellerNumber: String? = nil) {
        self.customerDate = customerDate
        self.customerNumber = customerNumber
        self.sellerDate = sellerDate
        self.sellerNumber = sellerNumber
    }
}

/// A block of the SNT that Qoima does not model field by field yet (the alcohol, tobacco,
/// biofuel, export-control and digital-mark sets). It is kept as received, so reading and
/// writing an SNT never drops what another program put in it.
public struct PreservedBlock: Hashable, Sendable, Codable {
    /// The element's local name, e.g. `tobaccoSet`.
    public var elementName: String
    /// The element's complete XML, as serialised by the reader.
    public var xml: String
    public init(elementName: String, xml: String) {
        self.elementName = elementName
        self.xml = xml
    }
}
