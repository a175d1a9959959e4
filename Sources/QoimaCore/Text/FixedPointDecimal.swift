import Foundation

/// A number `GoodsLineArithmetic` can compute with: exact, and able to round to the tiyn. The
/// formulas are written once over this protocol, for `Decimal` and for `FixedPointDecimal`.
protocol TiynArithmetic {
    associatedtype Failure: Error
    static var zero: Self { get }
    /// `percent` / 100, exactly.
    init(percent: Int)
    static func product(_ lhs: Self, _ rhs: Self) throws(Failure) -> Self
    static func sum(_ lhs: Self, _ rhs: Self) throws(Failure) -> Self
    /// Rounded to 2 decimals, half away from zero.
    func roundedToTiyn() throws(Failure) -> Self
}

extension Decimal: TiynArithmetic {
    typealias Failure = Never
    init(percent: Int) {
        self.init(sign: percent < 0 ? .minus : .plus, exponent: -2, significand: Decimal(percent.magnitude))
    }
    static func product(_ lhs: Decimal, _ rhs: Decimal) -> Decimal { lhs * rhs }
    static func sum(_ lhs: Decimal, _ rhs: Decimal) -> Decimal { lhs + rhs }
    func roundedToTiyn() -> Decimal { rounded(scale: 2) }
}

/// The value does not fit a `FixedPointDecimal`; compute with `Decimal` instead.
struct FixedPointOverflow: Error {}

/// An exact decimal held as `units` × 10^-`scale` in an `Int64`. Foundation's `Decimal` is exact
/// but slow on Linux (half a microsecond to multiply, several to divide), and a 50-line SNT has
/// hundreds of amounts to check; values that do not fit here fall back to `Decimal`.
struct FixedPointDecimal: TiynArithmetic, Equatable {
    typealias Failure = FixedPointOverflow
    let units: Int64
    /// 0...18.
    let scale: Int

    static let zero = FixedPointDecimal(units: 0, scale: 0)
    private static let powersOfTen: [Int64] = (0...18).map { (0..<$0).reduce(Int64(1)) { value, _ in value * 10 } }
    private static let largestSignificand = Decimal(Int64.max)

    init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    init(percent: Int) {
        self.init(units: Int64(percent), scale: 2)
    }

    /// The same value, or nil when it does not fit.
    init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        let significand = value.significand
        // NSDecimalNumber's int64Value wraps silently above Int64.max.
        guard significand <= Self.largestSignificand else { return nil }
        let magnitude = NSDecimalNumber(decimal: significand).int64Value
        let units = value.sign == .minus ? -magnitude : magnitude
        let exponent = value.exponent
        if exponent >= 0 {
            guard exponent <= 18 else { return nil }
            let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.powersOfTen[exponent])
            guard !overflow else { return nil }
            self.init(units: scaled, scale: 0)
        } else {
            guard -exponent <= 18 else { return nil }
            self.init(units: units, scale: -exponent)
        }
    }

    /// `-12.5`, `100`, `0.05`: the form of `DecimalText.format`, without trailing zeros.
    var canonicalText: String {
        var units = units.magnitude
        var scale = scale
        while scale > 0 && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        var text = self.units < 0 && units != 0 ? "-" : ""
        guard scale > 0 else { return text + String(units) }
        let divisor = UInt64(Self.powersOfTen[scale])
        let fraction = String(units % divisor)
        text += String(units / divisor)
        text += "."
        text += String(repeating: "0", count: scale - fraction.utf8.count)
        return text + fraction
    }

    var decimal: Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(units.magnitude))
    }

    /// The same value with `scale` decimals; `scale` must not be below the current one.
    private func units(atScale scale: Int) throws(FixedPointOverflow) -> Int64 {
        guard scale <= 18 else { throw FixedPointOverflow() }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.powersOfTen[scale - self.scale])
        guard !overflow else { throw FixedPointOverflow() }
        return scaled
    }

    static func product(_ lhs: Self, _ rhs: Self) throws(FixedPointOverflow) -> Self {
        let (units, overflow) = lhs.units.multipliedReportingOverflow(by: rhs.units)
        guard !overflow, lhs.scale + rhs.scale <= 18 else { throw FixedPointOverflow() }
        return FixedPointDecimal(units: units, scale: lhs.scale + rhs.scale)
    }

    static func sum(_ lhs: Self, _ rhs: Self) throws(FixedPointOverflow) -> Self {
        let scale = max(lhs.scale, rhs.scale)
        let (units, overflow) = try lhs.units(atScale: scale).addingReportingOverflow(rhs.units(atScale: scale))
        guard !overflow else { throw FixedPointOverflow() }
        return FixedPointDecimal(units: units, scale: scale)
    }

    func roundedToTiyn() throws(FixedPointOverflow) -> Self {
        guard scale > 2 else { return FixedPointDecimal(units: try units(atScale: 2), scale: 2) }
        let divisor = Self.powersOfTen[scale - 2]
        var (quotient, remainder) = units.quotientAndRemainder(dividingBy: divisor)
        // Half away from zero: the remainder has the sign of `units`. divisor ≤ 10^16, so × 2 fits.
        if remainder.magnitude * 2 >= divisor.magnitude { quotient += units < 0 ? -1 : 1 }
        return FixedPointDecimal(units: quotient, scale: 2)
    }

    /// Equal in value, whatever the scales.
    static func == (lhs: Self, rhs: Self) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        // A side that overflows at the common scale is larger than the other, which fits.
        guard let left = try? lhs.units(atScale: scale), let right = try? rhs.units(atScale: scale) else { return false }
        return left == right
    }
}
