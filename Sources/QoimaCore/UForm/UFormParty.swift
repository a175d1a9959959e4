/// `sender` or `recipient` of a universal form. Wire order: `address`, `agentDocDate`,
/// `agentDocNum`, `name`, `storeId`, `storeName`, `tin`.
public struct UFormParty: Hashable, Sendable, Codable {
    public var address: String?
    /// Date of the operator's contract, when an agent files the form (`dd.MM.yyyy` assumed, U12).
    public var agentDocDate: CalendarDate?
    public var agentDocNumber: String?
    public var name: String?
    /// The virtual-warehouse store; required.
    public var storeId: Int64?
    public var storeName: String?
    public var tin: TaxpayerNumber?

    public init(address: String? = nil, agentDocDate: CalendarDate? = nil, agentDocNumber: String? = nil,
                name: String? = nil, storeId: Int64? = nil, storeName: String? = nil, tin: TaxpayerNumber? = nil) {
        self.address = address
        self.agentDocDate = agentDocDate
        self.agentDocNumber = agentDocNumber
        self.name = name
        self.storeId = storeId
        self.storeName = storeName
        self.tin = tin
    }
}
