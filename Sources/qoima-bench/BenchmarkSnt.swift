import Foundation
import QoimaCore

/// A realistic domestic SNT with `lineCount` goods lines, every amount computed by the tiyn rule.
enum BenchmarkSnt {
    static func make(lineCount: Int) -> Snt {
        var snt = Snt(number: "SNT-BENCH-\(lineCount)", date: CalendarDate(year: 2026, month: 11, day: 20), type: .primary)
        snt.shippingDate = CalendarDate(year: 2026, month: 11, day: 21)
        snt.currencyCode = .tenge
        snt.seller = SntParty(tin: TaxpayerNumber("000140000002"), nonResident: false, name: "ТОО «Қойма Сауда»",
                              registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                              actualAddress: "Алматы қ., Абай даңғылы, 10", storeId: 1001)
        snt.customer = SntParty(tin: TaxpayerNumber("000140000012"), nonResident: false, name: "ТОО «Покупатель»",
                                registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                actualAddress: "Астана қ., Республика даңғылы, 5", storeId: 2002)
        snt.carriage = SntCarriage(tin: TaxpayerNumber("000140000012"), nonResident: false, name: "ТОО «Тасымал»",
                                   transportTypes: [.automobile], carStateNumber: "123ABC02")
        snt.contract = SntContract(isContract: true, number: "Д-17", date: CalendarDate(year: 2026, month: 1, day: 10))
        var lines: [GoodsLine] = []
        var totals = (without: Decimal(0), nds: Decimal(0), with: Decimal(0))
        for index in 0..<lineCount {
            let quantity = Decimal(index % 17 + 1) + Decimal(string: "0.125")!
            let price = Decimal(1000 + index * 7) + Decimal(string: "0.5")!
            let withoutTax = (quantity * price).rounded(scale: 2)
            let nds = (withoutTax * 12 / 100).rounded(scale: 2)
            lines.append(GoodsLine(
                productNumber: index + 1, truOriginCode: 1, productName: "Сұйытылған газ, марка \(index + 1)",
                tnvedCode: TnvedCode("2711129400"), measureUnitCode: MeasureUnitCode("166"),
                quantity: quantity, price: price, priceWithoutTax: withoutTax, ndsRate: 12, ndsAmount: nds,
                priceWithTax: withoutTax + nds,
                productId: VirtualProductId("19.20.31.000-2711129400<\(812_000 + index)>")))
            totals.without += withoutTax
            totals.nds += nds
            totals.with += withoutTax + nds
        }
        snt.goods = GoodsSet(totals: GoodsTotals(totalPriceWithoutTax: totals.without, totalNdsAmount: totals.nds,
                                                 totalPriceWithTax: totals.with), lines: lines)
        return snt
    }
}
