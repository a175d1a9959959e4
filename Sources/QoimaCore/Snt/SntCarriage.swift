/// Section E, the carrier and the transport (`shippingInfo`). Wire order: `boardNumber`,
/// `carStateNumber`, `carriageNumber`, `name`, `nonResident`, `shipNumber`, `tin`,
/// `trailerStateNumber`, `transportTypes`. One road SNT describes one vehicle (Order 657 item 14).
public struct SntCarriage: Hashable, Sendable, Codable {
    /// E 37: carrier's IIN/BIN.
    public var tin: TaxpayerNumber?
    public var nonResident: Bool?
    /// E 38: carrier's name.
    public var name: String
    /// E 39: one or more kinds of transport.
    public var transportTypes: [TransportType]
    /// E a1.1: vehicle plate, for AUTOMOBILE.
    public var carStateNumber: String?
    /// E a2.1: trailer plate.
    public var trailerStateNumber: String?
    /// E b1: wagon number, for RAILWAY.
    public var carriageNumber: String?
    /// E c1: board number, for AIR.
    public var boardNumber: String?
    /// E d1: vessel number, for MARINE.
    public var shipNumber: String?

    public init(tin: TaxpayerNumber? = nil, nonResident: Bool? = nil, name: String = "",
                transportTypes: [TransportType] = [], carStateNumber: String? = nil,
                trailerStateNumber: String? = nil, carriageNumber: String? = nil,
                boardNumber: String? = nil, shipNumber: String? = nil) {
        self.tin = tin
        self.nonResident = nonResident
        self.name = name
        self.transportTypes = transportTypes
        self.carStateNumber = carStateNumber
        self.trailerStateNumber = trailerStateNumber
        self.carriageNumber = carriageNumber
        self.boardNumber = boardNumber
        self.shipNumber = shipNumber
    }
}

/// Section F, the contract. Wire order: `date`, `deliveryCondition`, `isContract`, `number`,
/// `termOfContractPayment`.
public struct SntContract: Hashable, Sendable, Codable {
    /// F 44 a/b: with a contract or without (a string `true`/`false` on the wire).
    public var isContract: Bool
    /// F 44.1.
    public var number: String?
    /// F 44.2.
    public var date: CalendarDate?
    /// F 45: terms of payment.
    public var termOfContractPayment: String?
    /// F 45.1: delivery condition (Incoterms).
    public var deliveryCondition: String?

    public init(isContract: Bool = false, number: String? = nil, date: CalendarDate? = nil,
                termOfContractPayment: String? = nil, deliveryCondition: String? = nil) {
        self.isContract = isContract
        self.number = number
        self.date = date
        self.termOfContractPayment = termOfContractPayment
        self.deliveryCondition = deliveryCondition
    }
}
