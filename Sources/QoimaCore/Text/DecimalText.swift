import Foundation

/// Decimals as IS ESF writes them: `.` as separator, no exponent, no trailing zeros
/// (`12.5`, `100`, never `12.50` or `1E2`), domain.md §3.
public enum DecimalText {
    /// Parses `-?digits[.digits]` and nothing else; `Decimal(string:)` alone would accept "12abc".
    public static func parse(_ text: String) -> Decimal? {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (48...57).contains(first) else { return nil }
        var seenPoint = false
        var digitsAfterPoint = 0
        var digitCount = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if (48...57).contains(byte) {
                digitCount += 1
                if seenPoint { digitsAfterPoint += 1 }
            } else {
                return nil
            }
        }
        // Decimal holds 38 significant digits; refuse more rather than round silently.
        guard !seenPoint || digitsAfterPoint > 0, digitCount <= 38 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// True when `text` is already in canonical form (no trailing zeros, no `+`, no leading zeros).
    public static func isCanonical(_ text: String) -> Bool {
        guard let value = parse(text) else { return false }
        return format(value) == text
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
