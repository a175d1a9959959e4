/// What the complete checks know besides the form: today, the company and its warehouses.
/// Whatever is unknown (nil) is not checked.
public struct UFormCheckContext: Hashable, Sendable {
    /// One of the company's warehouses as the last sync reported it.
    public struct Warehouse: Hashable, Sendable {
        public var storeId: Int64
        public var name: String
        public var isActive: Bool

        public init(storeId: Int64, name: String, isActive: Bool) {
            self.storeId = storeId
            self.name = name
            self.isActive = isActive
        }
    }

    /// Today in Kazakhstan.
    public var today: CalendarDate?
    public var companyTin: TaxpayerNumber?
    /// The company's warehouses; nil when they have never been synced.
    public var warehouses: [Warehouse]?

    public init(today: CalendarDate? = nil, companyTin: TaxpayerNumber? = nil, warehouses: [Warehouse]? = nil) {
        self.today = today
        self.companyTin = companyTin
        self.warehouses = warehouses
    }
}
