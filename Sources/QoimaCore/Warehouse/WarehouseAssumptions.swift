/// What Qoima assumes about virtual warehouses where domain.md does not confirm it, in one place
/// with the §15 item it depends on, so it can be corrected once the current XSD or the Virtual
/// Warehouse user guide is read.
public enum WarehouseAssumptions {
    /// `storeTypeCode` of the unallotted warehouse (Order 657 item 4), which IS ESF makes by
    /// itself; the 2021 schema has no value for it (domain.md U17). Assumed.
    public static let unallottedTypeCode = "UNALLOTTED_STORE"
    /// `storeTypeCode` of the archive warehouse, where goods of a "small outlet" SNT are written
    /// off automatically (Order 657 item 4; domain.md U17). Assumed.
    public static let archiveTypeCode = "ARCHIVE_STORE"
    /// A create request names the BINs of a joint-activity warehouse in repeated
    /// `permittedTinList`, as `taxpayerStore` writes them (domain.md U17). Assumed.
    public static let permittedTinsElement = "permittedTinList"
    /// An IIN begins with the birth date (YYMMDD), so its 5th and 6th digits are a day of the
    /// month; a BIN's 5th digit is its kind (4, 5 or 6), which no day begins with (domain.md U14).
    /// Used to tell a person's IIN from a BIN for the responsible person. Assumed.
    public static func looksLikeIndividual(_ number: TaxpayerNumber) -> Bool {
        let digits = Array(number.rawValue.utf8).map { Int($0) - 48 }
        guard digits.count == 12 else { return false }
        let month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
        return (1...12).contains(month) && (1...31).contains(day)
    }
    /// The longest lessee contract number IS ESF takes (unknown; the SNT contract number's limit).
    public static let contractNumberMaxLength = 50
    /// The longest warehouse name and address (unknown; the portal's fields). Assumed.
    public static let nameMaxLength = 200
    public static let addressMaxLength = 500
}
