/// Seller (section B) or customer (section C). Element order on the wire:
/// `branchTin`, `name`, `tin`, `actualAddress`, `countryCode`, `nonResident`,
/// `registerCountryCode`, `reorganizedTin`, `statuses`, `storeId`.
public struct SntParty: Hashable, Sendable, Codable {
    /// B 13 / C 22. May be absent for a non-resident.
    public var tin: TaxpayerNumber?
    /// B 13.1 / C 22.1.
    public var nonResident: Bool?
    /// B 14 / C 23.
    public var name: String
    /// B 15 / C 24: BIN of the structural subdivision.
    public var branchTin: TaxpayerNumber?
    /// B 16 / C 25: BIN of the reorganised person.
    public var reorganizedTin: TaxpayerNumber?
    /// B 17 / C 26.
    public var categories: [PartyCategory]
    /// B 18 / C 27: country of registration.
    public var registerCountryCode: CountryCode?
    /// B 19 / C 28: country of dispatch (seller) or delivery (customer).
    public var countryCode: CountryCode?
    /// B 20 / C 29.
    public var actualAddress: String?
    /// B 21 / C 30: the virtual-warehouse store id.
    public var storeId: Int64?

    public init(tin: TaxpayerNumber? = nil, nonResident: Bool? = nil, name: String = "",
                branchTin: TaxpayerNumber? = nil, reorganizedTin: TaxpayerNumber? = nil,
                categories: [PartyCategory] = [], registerCountryCode: CountryCode? = nil,
                countryCode: CountryCode? = nil, actualAddress: String? = nil, storeId: Int64? = nil) {
        self.tin = tin
        self.nonResident = nonResident
        self.name = name
        self.branchTin = branchTin
        self.reorganizedTin = reorganizedTin
        self.categories = categories
        self.registerCountryCode = registerCountryCode
        self.countryCode = countryCode
        self.actualAddress = actualAddress
        self.storeId = storeId
    }

    /// True unless the party is marked as a non-resident.
    public var isResident: Bool { nonResident != true }
}

/// Consignor or consignee (section D). Wire order: `additionalInfo`, `countryCode`, `name`,
/// `nonResident`, `tin`.
public struct ConsignmentParty: Hashable, Sendable, Codable {
    /// D 31 / D 34.
    public var tin: TaxpayerNumber?
    public var nonResident: Bool?
    /// D 32 / D 35.
    public var name: String
    /// D 33 / D 36.
    public var countryCode: CountryCode?
    /// D1 a / D1 b.
    public var additionalInfo: String?

    public init(tin: TaxpayerNumber? = nil, nonResident: Bool? = nil, name: String = "",
                countryCode: CountryCode? = nil, additionalInfo: String? = nil) {
        self.tin = tin
        self.nonResident = nonResident
        self.name = name
        self.countryCode = countryCode
        self.additionalInfo = additionalInfo
    }
}
