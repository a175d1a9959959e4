/// What is wrong with an identifier's text. Validation rules turn these into messages.
public enum IdentifierDefect: Hashable, Sendable {
    case empty
    /// Wrong number of characters; `expected` is a human description such as "12" or "8, 12, 13 or 14".
    case length(expected: String, found: Int)
    case notDigits
    case checksum
    /// The text does not have the expected shape; `expected` shows it, e.g. `KPVED-TNVED[/GTIN]`.
    case format(expected: String)
    /// Well-formed, but not a code of the list it belongs to (ISO 3166-1, ISO 4217…).
    case unknownCode
}

/// An identifier that keeps the text exactly as it was typed or received, so a wrong value can
/// be shown back to the user and reported, and checks itself on demand.
public protocol CheckedIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    var rawValue: String { get }
    init(_ rawValue: String)
    /// Nil when `rawValue` is a valid identifier of this kind.
    static func defect(of rawValue: String) -> IdentifierDefect?
}

extension CheckedIdentifier {
    public var defect: IdentifierDefect? { Self.defect(of: rawValue) }
    public var isValid: Bool { defect == nil }
    public var description: String { rawValue }

    /// Nil unless `rawValue` is valid.
    public init?(validating rawValue: String) {
        guard Self.defect(of: rawValue) == nil else { return nil }
        self.init(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Small helpers shared by the identifier checks.
enum DigitText {
    static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    static func digits(_ text: some StringProtocol) -> [Int] { text.utf8.map { Int($0) - 48 } }

    /// The defect of a string that must be exactly `count` digits, if any.
    static func fixedDigitsDefect(_ text: String, count: Int) -> IdentifierDefect? {
        if text.isEmpty { return .empty }
        if !isDigits(text) { return .notDigits }
        if text.utf8.count != count { return .length(expected: String(count), found: text.count) }
        return nil
    }

    /// True when the last digit of `text` (all digits) is the GS1 check digit of the ones before
    /// it. Weighting the check digit 1 and the others 3, 1, 3… from the right, the sum of a valid
    /// code is a multiple of 10; no arrays, as goods lines check this for every line.
    static func hasGs1CheckDigit(_ text: String) -> Bool {
        var sum = 0
        var weight = 1
        for byte in text.utf8.reversed() {
            sum += Int(byte &- 48) * weight
            weight = 4 - weight
        }
        return sum % 10 == 0
    }
}
