import Foundation

/// The arithmetic of a goods line and of a set's totals (domain.md §5.3), and the one place
/// where money is rounded. The validator compares what was entered with these values, and the
/// editor fills them in as the user types, so both always agree.
///
/// The tiyn rule: every computed amount is rounded to 2 decimals, half away from zero, and then
/// compared exactly. An amount built on other amounts uses their rounded values.
public enum GoodsLineArithmetic {
    /// The tiyn rule.
    public static func money(_ value: Decimal) -> Decimal { value.rounded(scale: 2) }

    /// Column 8: quantity × price.
    public static func valueWithoutTax(quantity: Decimal, price: Decimal) -> Decimal {
        money(quantity * price)
    }

    /// Column 9: excise rate × quantity.
    public static func exciseAmount(rate: Decimal, quantity: Decimal) -> Decimal {
        money(rate * quantity)
    }

    /// Column 11: the VAT rate in percent of the value without taxes plus excise.
    public static func vatAmount(ratePercent: Int, valueWithoutTax: Decimal, exciseAmount: Decimal) -> Decimal {
        money(Decimal(ratePercent) * (valueWithoutTax + exciseAmount) / 100)
    }

    /// Column 12: value without taxes + excise + VAT.
    public static func valueWithTax(valueWithoutTax: Decimal, exciseAmount: Decimal, vatAmount: Decimal) -> Decimal {
        money(valueWithoutTax + exciseAmount + vatAmount)
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
        let value = valueWithoutTax(quantity: quantity, price: price)
        let excise = line.exciseRate.map { exciseAmount(rate: $0, quantity: quantity) } ?? line.exciseAmount
        let vat = line.ndsRate.map { vatAmount(ratePercent: $0, valueWithoutTax: value, exciseAmount: excise ?? 0) }
            ?? line.ndsAmount
        return Amounts(valueWithoutTax: value, exciseAmount: excise, vatAmount: vat,
                       valueWithTax: valueWithTax(valueWithoutTax: value, exciseAmount: excise ?? 0,
                                                  vatAmount: vat ?? 0))
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

    /// Totals 52.1–52.4: the sums of the lines' amounts as entered. The excise and VAT totals are
    /// nil when no line has that amount, as the elements are optional.
    public static func totals(of lines: [GoodsLine]) -> GoodsTotals {
        var value = Decimal(0), excise = Decimal(0), vat = Decimal(0), withTax = Decimal(0)
        var hasExcise = false, hasVat = false
        for line in lines {
            value += line.priceWithoutTax ?? 0
            withTax += line.priceWithTax ?? 0
            if let amount = line.exciseAmount {
                excise += amount
                hasExcise = true
            }
            if let amount = line.ndsAmount {
                vat += amount
                hasVat = true
            }
        }
        return GoodsTotals(totalPriceWithoutTax: money(value), totalExciseAmount: hasExcise ? money(excise) : nil,
                           totalNdsAmount: hasVat ? money(vat) : nil, totalPriceWithTax: money(withTax))
    }
}
