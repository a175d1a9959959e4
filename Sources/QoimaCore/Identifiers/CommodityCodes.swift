/// TN VED EAEU commodity code: exactly 10 digits, required on every SNT line.
public struct TnvedCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        DigitText.fixedDigitsDefect(rawValue, count: 10)
    }
}

private let kpvedFormat = IdentifierDefect.format(expected: IdentifierAssumptions.kpvedPatternText)

/// KPVED product classifier code, groups of digits joined by dots, e.g. `08.91.12.01`.
/// The exact shape is assumed (domain.md §1 example); it lives in `IdentifierAssumptions`.
public struct KpvedCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        // Groups of digits between dots, each of the length its position allows.
        let shape = IdentifierAssumptions.kpvedGroupLengths
        var group = 0
        var length = 0
        for byte in rawValue.utf8 {
            if byte == UInt8(ascii: ".") {
                guard group < shape.count, shape[group].contains(length) else { return kpvedFormat }
                group += 1
                length = 0
            } else if (48...57).contains(byte) {
                length += 1
            } else {
                return kpvedFormat
            }
        }
        return group < shape.count && shape[group].contains(length) ? nil : kpvedFormat
    }
}

/// GS1 GTIN: 8, 12, 13 or 14 digits ending in the GS1 check digit.
public struct Gtin: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static let lengths = [8, 12, 13, 14]

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        if !DigitText.isDigits(rawValue) { return .notDigits }
        guard lengths.contains(rawValue.utf8.count) else {
            return .length(expected: "8, 12, 13, 14", found: rawValue.count)
        }
        return DigitText.hasGs1CheckDigit(rawValue) ? nil : .checksum
    }

    /// The same product as a 14-digit GTIN (left-padded with zeros), for comparing scans.
    public var gtin14: String { String(repeating: "0", count: max(0, 14 - rawValue.count)) + rawValue }
}

/// NTIN, the National Catalogue of Goods (NKT) identification code. Its shape is assumed:
/// see `IdentifierAssumptions.ntinLength` (domain.md §13, U22).
public struct Ntin: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if let defect = DigitText.fixedDigitsDefect(rawValue, count: IdentifierAssumptions.ntinLength) { return defect }
        return DigitText.hasGs1CheckDigit(rawValue) ? nil : .checksum
    }
}

/// Unit-of-measure code from IS ESF's dictionary (§9.3): digits. Whether a code exists is a
/// separate question (`MeasureUnit.known`), answered with a warning, as the dictionary changes.
public struct MeasureUnitCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        if !DigitText.isDigits(rawValue) { return .notDigits }
        return rawValue.count <= 10 ? nil : .length(expected: "1–10", found: rawValue.count)
    }

    public var knownUnit: MeasureUnit? { MeasureUnit.known[rawValue] }
}
