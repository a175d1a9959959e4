/// IS ESF's SNT registration number `KZ-SNT-<code>-<supplier BIN>-<YYYYMMDD>-<sequence>`
/// (domain.md §3; that `code` is the tax office is assumed, U14).
public struct SntRegistrationNumber: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let patternText = "KZ-SNT-NNNN-<BIN>-<YYYYMMDD>-<N>"

    public init(officeCode: String, supplier: TaxpayerNumber, date: CalendarDate, sequence: Int) {
        rawValue = "KZ-SNT-\(officeCode)-\(supplier.rawValue)-\(date.yyyyMMdd)-\(sequence)"
    }

    public struct Parts: Hashable, Sendable {
        public let officeCode: String
        public let supplier: TaxpayerNumber
        public let date: CalendarDate
        public let sequence: String
    }

    public var parts: Parts? {
        let fields = rawValue.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "KZ", fields[1] == "SNT",
              fields[2].count == 4, DigitText.isDigits(fields[2]),
              fields[3].count == 12, DigitText.isDigits(fields[3]),
              fields[4].count == 8, DigitText.isDigits(fields[4]),
              DigitText.isDigits(fields[5]) else { return nil }
        let ymd = fields[4]
        guard let date = CalendarDate(year: Int(ymd.prefix(4))!, month: Int(ymd.dropFirst(4).prefix(2))!,
                                      day: Int(ymd.suffix(2))!) else { return nil }
        return Parts(officeCode: String(fields[2]), supplier: TaxpayerNumber(String(fields[3])),
                     date: date, sequence: String(fields[5]))
    }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        return SntRegistrationNumber(rawValue).parts == nil ? .format(expected: patternText) : nil
    }
}
