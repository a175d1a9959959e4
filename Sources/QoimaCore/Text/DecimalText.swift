import Foundation

/// Decimals as IS ESF writes them: `.` as separator, no exponent, no trailing zeros
/// (`12.5`, `100`, never `12.50` or `1E2`), domain.md §3.
public enum DecimalText {
    /// Parses `-?digits[.digits]` and nothing else; `Decimal(string:)` alone would accept "12abc".
    public static func parse(_ text: String) -> Decimal? {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (48...57).contains(first) else { return nil }
        var seenPoint = false
        var digitsAfterPoint = 0
        var digitCount = 0
        // Up to 19 significant digits fit a UInt64 mantissa; building the Decimal from it is far
        // faster than Decimal(string:), which dominates reading an SNT on Linux.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if (48...57).contains(byte) {
                digitCount += 1
                if seenPoint { digitsAfterPoint += 1 }
                if mantissa != 0 || byte != 48 { significantDigits += 1 }
                if significantDigits <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 48) }
            } else {
                return nil
            }
        }
        // Decimal holds 38 significant digits; refuse more rather than round silently.
        guard !seenPoint || digitsAfterPoint > 0, digitCount <= 38 else { return nil }
        if significantDigits <= 19 {
            return Decimal(sign: negative && mantissa != 0 ? .minus : .plus, exponent: -digitsAfterPoint,
                           significand: Decimal(mantissa))
        }
        return Decimal(string: text, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// True when `text` is already in canonical form (no trailing zeros, no `+`, no leading zeros).
    public static func isCanonical(_ text: String) -> Bool {
        guard let value = parse(text) else { return false }
        return format(value) == text
    }

    /// For text that `parse` accepts: true when it is written canonically (no leading zeros, no
    /// trailing zeros after the point, no point without a fraction, no minus on zero). Scans the
    /// bytes instead of formatting the value again, because readers call it on every number.
    public static func hasCanonicalForm(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let integer = point.map { bytes[..<$0] } ?? bytes
        if integer.count > 1, integer.first == UInt8(ascii: "0") { return false }
        var isZero = integer.allSatisfy { $0 == UInt8(ascii: "0") }
        if let point {
            let fraction = bytes[bytes.index(after: point)...]
            if fraction.last == UInt8(ascii: "0") { return false }
            isZero = isZero && fraction.allSatisfy { $0 == UInt8(ascii: "0") }
        }
        return !(negative && isZero)
    }

    /// The canonical text of a value.
    public static func format(_ value: Decimal) -> String {
        // Decimal's description is slow on Linux, and an SNT has hundreds of numbers to write.
        if let fixed = FixedPointDecimal(value) { return fixed.canonicalText }
        var value = value
        var normalized = Decimal()
        NSDecimalCopy(&normalized, &value)
        var text = normalized.description
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

extension Decimal {
    /// Rounded to `scale` decimals, half away from zero (the tiyn rule for money, domain.md §3).
    public func rounded(scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
