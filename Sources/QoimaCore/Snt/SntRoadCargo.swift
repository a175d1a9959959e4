/// Section K, road cargo (`carCargoInfo`). The schema's value types for the row fields are not
/// known (U19), so they are kept as the text that was entered or received.
public struct SntRoadCargo: Hashable, Sendable, Codable {
    public var cargo: [CargoRow]
    public var driverFullName: String?
    public var driverTin: TaxpayerNumber?
    public var loadingUnloading: [LoadingUnloadingRow]
    public var otherInfo: [CarriageExtrasRow]
    /// Seal imprint number.
    public var stampPrintNumber: String?
    public var charges: [CarriageChargesRow]

    public init(cargo: [CargoRow] = [], driverFullName: String? = nil, driverTin: TaxpayerNumber? = nil,
                loadingUnloading: [LoadingUnloadingRow] = [], otherInfo: [CarriageExtrasRow] = [],
                stampPrintNumber: String? = nil, charges: [CarriageChargesRow] = []) {
        self.cargo = cargo
        self.driverFullName = driverFullName
        self.driverTin = driverTin
        self.loadingUnloading = loadingUnloading
        self.otherInfo = otherInfo
        self.stampPrintNumber = stampPrintNumber
        self.charges = charges
    }

    /// `cargoInfo`: one cargo row.
    public struct CargoRow: Hashable, Sendable, Codable {
        public var cargoClass, cargoCode, code, documents, grossWeight, netWeight, number, packagingType,
            seatsNumber, weightDeterminationType: String?
        public init(cargoClass: String? = nil, cargoCode: String? = nil, code: String? = nil,
                    documents: String? = nil, grossWeight: String? = nil, netWeight: String? = nil,
                    number: String? = nil, packagingType: String? = nil, seatsNumber: String? = nil,
                    weightDeterminationType: String? = nil) {
            self.cargoClass = cargoClass
            self.cargoCode = cargoCode
            self.code = code
            self.documents = documents
            self.grossWeight = grossWeight
            self.netWeight = netWeight
            self.number = number
            self.packagingType = packagingType
            self.seatsNumber = seatsNumber
            self.weightDeterminationType = weightDeterminationType
        }
    }

    /// `loadingUnloadingInfo`: one loading or unloading operation.
    public struct LoadingUnloadingRow: Hashable, Sendable, Codable {
        public var arrivalDate, departureDate, downtime, downtimeDate, executor, loadingType, loadingTypeCode,
            name, operation, responsiblePersonSignature, transportServices: String?
        public init(arrivalDate: String? = nil, departureDate: String? = nil, downtime: String? = nil,
                    downtimeDate: String? = nil, executor: String? = nil, loadingType: String? = nil,
                    loadingTypeCode: String? = nil, name: String? = nil, operation: String? = nil,
                    responsiblePersonSignature: String? = nil, transportServices: String? = nil) {
            self.arrivalDate = arrivalDate
            self.departureDate = departureDate
            self.downtime = downtime
            self.downtimeDate = downtimeDate
            self.executor = executor
            self.loadingType = loadingType
            self.loadingTypeCode = loadingTypeCode
            self.name = name
            self.operation = operation
            self.responsiblePersonSignature = responsiblePersonSignature
            self.transportServices = transportServices
        }
    }

    /// `otherInfo`: waybill extras (distances, coefficients, marks).
    public struct CarriageExtrasRow: Hashable, Sendable, Codable {
        public var driverCoefficient, expeditionCode, firstGroupTransportationDistance, fromClient,
            inCityTransportationDistance, mainCoefficient, number, penalty, secondGroupTransportationDistance,
            setActMarks, thirdGroupTransportationDistance, toDriver, totalTransportationDistance: String?
        public init(driverCoefficient: String? = nil, expeditionCode: String? = nil,
                    firstGroupTransportationDistance: String? = nil, fromClient: String? = nil,
                    inCityTransportationDistance: String? = nil, mainCoefficient: String? = nil,
                    number: String? = nil, penalty: String? = nil, secondGroupTransportationDistance: String? = nil,
                    setActMarks: String? = nil, thirdGroupTransportationDistance: String? = nil,
                    toDriver: String? = nil, totalTransportationDistance: String? = nil) {
            self.driverCoefficient = driverCoefficient
            self.expeditionCode = expeditionCode
            self.firstGroupTransportationDistance = firstGroupTransportationDistance
            self.fromClient = fromClient
            self.inCityTransportationDistance = inCityTransportationDistance
            self.mainCoefficient = mainCoefficient
            self.number = number
            self.penalty = penalty
            self.secondGroupTransportationDistance = secondGroupTransportationDistance
            self.setActMarks = setActMarks
            self.thirdGroupTransportationDistance = thirdGroupTransportationDistance
            self.toDriver = toDriver
            self.totalTransportationDistance = totalTransportationDistance
        }
    }

    /// `taxInfo`: carriage charges.
    public struct CarriageChargesRow: Hashable, Sendable, Codable {
        public var costCalculation, discountForDowntime, forSpecialTransport, forTonns, forTransportServices,
            loading, loadingUnloadingWork, otherSurcharge, tax, total, underload, unloading: String?
        public init(costCalculation: String? = nil, discountForDowntime: String? = nil,
                    forSpecialTransport: String? = nil, forTonns: String? = nil, forTransportServices: String? = nil,
                    loading: String? = nil, loadingUnloadingWork: String? = nil, otherSurcharge: String? = nil,
                    tax: String? = nil, total: String? = nil, underload: String? = nil, unloading: String? = nil) {
            self.costCalculation = costCalculation
            self.discountForDowntime = discountForDowntime
            self.forSpecialTransport = forSpecialTransport
            self.forTonns = forTonns
            self.forTransportServices = forTransportServices
            self.loading = loading
            self.loadingUnloadingWork = loadingUnloadingWork
            self.otherSurcharge = otherSurcharge
            self.tax = tax
            self.total = total
            self.underload = underload
            self.unloading = unloading
        }
    }
}
