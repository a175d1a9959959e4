import Foundation

extension GoodsLineArithmetic {
    /// For one line: the value each computed column should have, where the line says otherwise.
    struct Corrections {
        var valueWithoutTax: Decimal?
        var exciseAmount: Decimal?
        var vatAmount: Decimal?
        var valueWithTax: Decimal?
    }

    /// Every line of a table against its arithmetic, and the sums for its totals, converting each
    /// number of the table once: what `SntValidator` needs, at a fraction of the cost of
    /// `amounts(of:)` per line plus `totals(of:)`.
    static func review(_ lines: [GoodsLine]) -> (corrections: [Corrections], sums: GoodsTotals) {
        if let exact = try? reviewExactly(lines) { return exact }
        let corrections = lines.map { line in
            var corrections = Corrections()
            guard let expected = amounts(of: line) else { return corrections }
            if expected.valueWithoutTax != line.priceWithoutTax { corrections.valueWithoutTax = expected.valueWithoutTax }
            if let excise = expected.exciseAmount, excise != line.exciseAmount { corrections.exciseAmount = excise }
            if let vat = expected.vatAmount, vat != line.ndsAmount { corrections.vatAmount = vat }
            if expected.valueWithTax != line.priceWithTax { corrections.valueWithTax = expected.valueWithTax }
            return corrections
        }
        return (corrections, totals(of: lines))
    }

    private static func reviewExactly(_ lines: [GoodsLine]) throws(FixedPointOverflow)
        -> (corrections: [Corrections], sums: GoodsTotals) {
        func exact(_ value: Decimal?) throws(FixedPointOverflow) -> FixedPointDecimal? {
            guard let value else { return nil }
            guard let exact = FixedPointDecimal(value) else { throw FixedPointOverflow() }
            return exact
        }
        var corrections: [Corrections] = []
        corrections.reserveCapacity(lines.count)
        var totalValue = [FixedPointDecimal?](), totalExcise = [FixedPointDecimal?](),
            totalVat = [FixedPointDecimal?](), totalWithTax = [FixedPointDecimal?]()
        for line in lines {
            let value = try exact(line.priceWithoutTax), excise = try exact(line.exciseAmount),
                vat = try exact(line.ndsAmount), withTax = try exact(line.priceWithTax)
            totalValue.append(value)
            totalExcise.append(excise)
            totalVat.append(vat)
            totalWithTax.append(withTax)

            var correction = Corrections()
            if let quantity = try exact(line.quantity), let price = try exact(line.price) {
                let expected = try lineAmounts(quantity: quantity, price: price, exciseRate: exact(line.exciseRate),
                                               exciseAmount: excise, vatRate: line.ndsRate, vatAmount: vat)
                if expected.value != value { correction.valueWithoutTax = expected.value.decimal }
                if let amount = expected.excise, amount != excise { correction.exciseAmount = amount.decimal }
                if let amount = expected.vat, amount != vat { correction.vatAmount = amount.decimal }
                if expected.withTax != withTax { correction.valueWithTax = expected.withTax.decimal }
            }
            corrections.append(correction)
        }
        let hasExcise = totalExcise.contains { $0 != nil }, hasVat = totalVat.contains { $0 != nil }
        let sums = GoodsTotals(totalPriceWithoutTax: try sum(totalValue).decimal,
                               totalExciseAmount: hasExcise ? try sum(totalExcise).decimal : nil,
                               totalNdsAmount: hasVat ? try sum(totalVat).decimal : nil,
                               totalPriceWithTax: try sum(totalWithTax).decimal)
        return (corrections, sums)
    }
}
