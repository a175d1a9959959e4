import QoimaCore

/// A flat record of text fields, written and read element by element in one fixed order. The
/// road-cargo rows of section K are such records; their element names live only here, and the
/// schema order, the writer and the reader all take them from `fields`.
protocol TextRecord {
    init()
    /// Element name and field, in schema order.
    static var fields: [(name: String, field: WritableKeyPath<Self, String?>)] { get }
}

extension TextRecord {
    static var elementNames: [String] { fields.map(\.name) }
}

extension SntRoadCargo.CargoRow: TextRecord {
    init() { self.init(cargoClass: nil) }

    static var fields: [(name: String, field: WritableKeyPath<Self, String?>)] {
        [("cargoClass", \.cargoClass), ("cargoCode", \.cargoCode), ("code", \.code), ("documents", \.documents),
         ("grossWeight", \.grossWeight), ("netWeight", \.netWeight), ("number", \.number),
         ("packagingType", \.packagingType), ("seatsNumber", \.seatsNumber),
         ("weightDeterminationType", \.weightDeterminationType)]
    }
}

extension SntRoadCargo.LoadingUnloadingRow: TextRecord {
    init() { self.init(arrivalDate: nil) }

    static var fields: [(name: String, field: WritableKeyPath<Self, String?>)] {
        [("arrivalDate", \.arrivalDate), ("departureDate", \.departureDate), ("downtime", \.downtime),
         ("downtimeDate", \.downtimeDate), ("executor", \.executor), ("loadingType", \.loadingType),
         ("loadingTypeCode", \.loadingTypeCode), ("name", \.name), ("operation", \.operation),
         ("responsiblePersonSignature", \.responsiblePersonSignature), ("transportServices", \.transportServices)]
    }
}

extension SntRoadCargo.CarriageExtrasRow: TextRecord {
    init() { self.init(driverCoefficient: nil) }

    static var fields: [(name: String, field: WritableKeyPath<Self, String?>)] {
        [("driverCoefficient", \.driverCoefficient), ("expeditionCode", \.expeditionCode),
         ("firstGroupTransportationDistance", \.firstGroupTransportationDistance), ("fromClient", \.fromClient),
         ("inCityTransportationDistance", \.inCityTransportationDistance), ("mainCoefficient", \.mainCoefficient),
         ("number", \.number), ("penalty", \.penalty),
         ("secondGroupTransportationDistance", \.secondGroupTransportationDistance), ("setActMarks", \.setActMarks),
         ("thirdGroupTransportationDistance", \.thirdGroupTransportationDistance), ("toDriver", \.toDriver),
         ("totalTransportationDistance", \.totalTransportationDistance)]
    }
}

extension SntRoadCargo.CarriageChargesRow: TextRecord {
    init() { self.init(costCalculation: nil) }

    static var fields: [(name: String, field: WritableKeyPath<Self, String?>)] {
        [("costCalculation", \.costCalculation), ("discountForDowntime", \.discountForDowntime),
         ("forSpecialTransport", \.forSpecialTransport), ("forTonns", \.forTonns),
         ("forTransportServices", \.forTransportServices), ("loading", \.loading),
         ("loadingUnloadingWork", \.loadingUnloadingWork), ("otherSurcharge", \.otherSurcharge), ("tax", \.tax),
         ("total", \.total), ("underload", \.underload), ("unloading", \.unloading)]
    }
}
