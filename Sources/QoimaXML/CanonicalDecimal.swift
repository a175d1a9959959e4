import Foundation
import QoimaCore

/// `DecimalText.format`, without the detour through `Decimal.description`, which costs about a
/// microsecond a value and was two thirds of writing a 50-line SNT (seven decimals a line; the
/// SNT must be checked and written in under a millisecond). Values whose significand does not
/// fit in 64 bits (over 19 digits) take the general path.
enum CanonicalDecimal {
    private static let largestFast = Decimal(UInt64.max)

    static func text(_ value: Decimal) -> String {
        let significandValue = value.significand
        guard value.isFinite, significandValue <= largestFast else { return DecimalText.format(value) }
        var significand = NSDecimalNumber(decimal: significandValue).uint64Value
        guard significand != 0 else { return "0" }
        var exponent = value.exponent
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        var digits = String(significand)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let point = digits.utf8.count + exponent
            digits = point > 0
                ? String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
                : "0." + String(repeating: "0", count: -point) + digits
        }
        return value.sign == .minus ? "-" + digits : digits
    }
}
