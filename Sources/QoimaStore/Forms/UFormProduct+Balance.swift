import Foundation
import QoimaCore

extension UFormProduct {
    /// A line taking `quantity` of a cached batch: its name, GSVS and TN VED codes, unit, price
    /// and batch, the sum computed (price × quantity to the tiyn). What a line picked from the
    /// balances is.
    public init(taking quantity: Decimal, from batch: StoredBalance) {
        let tnved = batch.tnvedCode.map(TnvedCode.init)
        let gsvs = batch.kpvedCode.flatMap { kpved in
            tnved.map { GsvsCode(kpved: KpvedCode(kpved), tnved: $0, gtin: batch.gtin.map(Gtin.init)) }
        }
        let price = batch.unitPrice.flatMap { $0 > 0 ? $0 : nil }
        self.init(gsvsCode: gsvs, measureUnitCode: batch.measureUnitCode.map(MeasureUnitCode.init), price: price,
                  quantity: quantity, sum: price.map { ($0 * quantity).rounded(scale: 2) }, name: batch.name,
                  productId: batch.batch, tnvedCode: tnved)
    }
}

extension UForm {
    /// Sets `totalSum` and `sourceTotalSum` to the sums of their lines (nil for a table without lines).
    public mutating func computeTotals() {
        totalSum = products.isEmpty ? nil : products.compactMap(\.sum).reduce(0, +)
        sourceTotalSum = sourceProducts.isEmpty ? nil : sourceProducts.compactMap(\.sum).reduce(0, +)
    }
}
