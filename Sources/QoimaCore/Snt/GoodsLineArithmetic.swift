import Foundation

/// The arithmetic of a goods line and of a set's totals (domain.md §5.3), and the one place
/// where money is rounded. The validator compares what was entered with these values, and the
/// editor fills them in as the user types, so both always agree.
///
/// The tiyn rule: every computed amount is rounded to 2 decimals, half away from zero, and then
/// compared exactly. An amount built on other amounts uses their rounded values.
///
/// The formulas below are written once, over `TiynArithmetic`; they run on exact integers
/// (`FixedPointDecimal`) when the values fit, which is almost always, and on `Decimal` otherwise.
public enum GoodsLineArithmetic {
    /// The tiyn rule.
    public static func money(_ value: Decimal) -> Decimal { value.roundedToTiyn() }

    /// Column 8: quantity × price.
    public static func valueWithoutTax(quantity: Decimal, price: Decimal) -> Decimal {
        amounts(quantity: quantity, price: price, exciseRate: nil, vatRate: nil).valueWithoutTax
    }

    /// Column 9: excise rate × quantity.
    public static func exciseAmount(rate: Decimal, quantity: Decimal) -> Decimal {
        fast { () throws(FixedPointOverflow) in try excise(rate: fixed(rate), quantity: fixed(quantity)) }?.decimal
            ?? excise(rate: rate, quantity: quantity)
    }

    /// Column 11: the VAT rate in percent of the value without taxes plus excise.
    public static func vatAmount(ratePercent: Int, valueWithoutTax: Decimal, exciseAmount: Decimal) -> Decimal {
        fast { () throws(FixedPointOverflow) in
            try vat(percent: ratePercent, value: fixed(valueWithoutTax), excise: fixed(exciseAmount))
        }?.decimal ?? vat(percent: ratePercent, value: valueWithoutTax, excise: exciseAmount)
    }

    /// Column 12: value without taxes + excise + VAT.
    public static func valueWithTax(valueWithoutTax: Decimal, exciseAmount: Decimal, vatAmount: Decimal) -> Decimal {
        fast { () throws(FixedPointOverflow) in
            try withTax(value: fixed(valueWithoutTax), excise: fixed(exciseAmount), vat: fixed(vatAmount))
        }?.decimal ?? withTax(value: valueWithoutTax, excise: exciseAmount, vat: vatAmount)
    }

    /// The computed columns of one line. Excise and VAT are nil when the line has neither rate nor amount.
    public struct Amounts: Hashable, Sendable {
        public let valueWithoutTax: Decimal
        public let exciseAmount: Decimal?
        public let vatAmount: Decimal?
        public let valueWithTax: Decimal
    }

    /// Columns 8, 9, 11 and 12 from the quantity, the price and the rates.
    public static func amounts(quantity: Decimal, price: Decimal, exciseRate: Decimal?, vatRate: Int?) -> Amounts {
        amounts(of: GoodsLine(quantity: quantity, price: price, exciseRate: exciseRate, ndsRate: vatRate))!
    }

    /// The line's amounts, or nil while its quantity or price is empty. An excise or VAT amount
    /// entered without its rate is taken as entered: the missing rate is the mistake to report,
    /// and the user's amount is not thrown away.
    public static func amounts(of line: GoodsLine) -> Amounts? {
        guard let quantity = line.quantity, let price = line.price else { return nil }
        let exact = fast { () throws(FixedPointOverflow) in
            try lineAmounts(quantity: fixed(quantity), price: fixed(price),
                            exciseRate: line.exciseRate.map(fixed), exciseAmount: line.exciseAmount.map(fixed),
                            vatRate: line.ndsRate, vatAmount: line.ndsAmount.map(fixed))
        }
        if let exact {
            return Amounts(valueWithoutTax: exact.value.decimal, exciseAmount: exact.excise?.decimal,
                           vatAmount: exact.vat?.decimal, valueWithTax: exact.withTax.decimal)
        }
        let slow = lineAmounts(quantity: quantity, price: price, exciseRate: line.exciseRate,
                               exciseAmount: line.exciseAmount, vatRate: line.ndsRate, vatAmount: line.ndsAmount)
        return Amounts(valueWithoutTax: slow.value, exciseAmount: slow.excise, vatAmount: slow.vat,
                       valueWithTax: slow.withTax)
    }

    /// The line with columns 8, 9, 11 and 12 filled in; unchanged while quantity or price is empty.
    public static func completed(_ line: GoodsLine) -> GoodsLine {
        guard let amounts = amounts(of: line) else { return line }
        var line = line
        line.priceWithoutTax = amounts.valueWithoutTax
        line.exciseAmount = amounts.exciseAmount
        line.ndsAmount = amounts.vatAmount
        line.priceWithTax = amounts.valueWithTax
        return line
    }

    /// Totals 52.1–52.4: the sums of the lines' amounts as entered, rounded to the tiyn. The excise
    /// and VAT totals are nil when no line has that amount, as the elements are optional.
    public static func totals(of lines: [GoodsLine]) -> GoodsTotals {
        let hasExcise = lines.contains { $0.exciseAmount != nil }
        let hasVat = lines.contains { $0.ndsAmount != nil }
        func total(_ amount: (GoodsLine) -> Decimal?) -> Decimal {
            let exact = fast { () throws(FixedPointOverflow) in
                try sum(lines.map { line throws(FixedPointOverflow) in try amount(line).map(fixed) })
            }
            return exact?.decimal ?? sum(lines.map(amount))
        }
        return GoodsTotals(totalPriceWithoutTax: total(\.priceWithoutTax),
                           totalExciseAmount: hasExcise ? total(\.exciseAmount) : nil,
                           totalNdsAmount: hasVat ? total(\.ndsAmount) : nil,
                           totalPriceWithTax: total(\.priceWithTax))
    }

    // MARK: The formulas, once for both number types

    static func excise<N: TiynArithmetic>(rate: N, quantity: N) throws(N.Failure) -> N {
        try N.product(rate, quantity).roundedToTiyn()
    }

    static func vat<N: TiynArithmetic>(percent: Int, value: N, excise: N) throws(N.Failure) -> N {
        try N.product(N(percent: percent), N.sum(value, excise)).roundedToTiyn()
    }

    static func withTax<N: TiynArithmetic>(value: N, excise: N, vat: N) throws(N.Failure) -> N {
        try N.sum(N.sum(value, excise), vat).roundedToTiyn()
    }

    static func lineAmounts<N: TiynArithmetic>(
        quantity: N, price: N, exciseRate: N?, exciseAmount: N?, vatRate: Int?, vatAmount: N?
    ) throws(N.Failure) -> (value: N, excise: N?, vat: N?, withTax: N) {
        let value = try N.product(quantity, price).roundedToTiyn()
        var excise = exciseAmount
        if let exciseRate { excise = try Self.excise(rate: exciseRate, quantity: quantity) }
        var vat = vatAmount
        if let vatRate { vat = try Self.vat(percent: vatRate, value: value, excise: excise ?? N.zero) }
        return (value, excise, vat, try withTax(value: value, excise: excise ?? N.zero, vat: vat ?? N.zero))
    }

    static func sum<N: TiynArithmetic>(_ amounts: [N?]) throws(N.Failure) -> N {
        var total = N.zero
        for amount in amounts { total = try N.sum(total, amount ?? N.zero) }
        return try total.roundedToTiyn()
    }

    // MARK: Choosing the number type

    private static func fixed(_ value: Decimal) throws(FixedPointOverflow) -> FixedPointDecimal {
        guard let fixed = FixedPointDecimal(value) else { throw FixedPointOverflow() }
        return fixed
    }

    /// The result in exact integers, or nil when a value does not fit them.
    private static func fast<Result>(_ compute: () throws(FixedPointOverflow) -> Result) -> Result? {
        try? compute()
    }
}
