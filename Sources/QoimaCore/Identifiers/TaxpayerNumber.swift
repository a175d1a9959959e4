/// IIN (individual) or BIN (legal entity): 12 digits, the last a mod-11 check digit (domain.md §3).
/// IS ESF calls both `tin`.
public struct TaxpayerNumber: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if let defect = DigitText.fixedDigitsDefect(rawValue, count: 12) { return defect }
        let digits = DigitText.digits(rawValue)
        guard let check = checkDigit(of: Array(digits.prefix(11))), check == digits[11] else { return .checksum }
        return nil
    }

    /// The check digit for 11 leading digits, or nil when no number can be completed from them.
    public static func checkDigit(of body: [Int]) -> Int? {
        precondition(body.count == 11, "an IIN/BIN body has 11 digits")
        let first = zip(body, 1...11).reduce(0) { $0 + $1.0 * $1.1 } % 11
        if first != 10 { return first }
        let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        let second = zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return second == 10 ? nil : second
    }
}
