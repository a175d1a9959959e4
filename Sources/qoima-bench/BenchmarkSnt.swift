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
        let lines = (0..<lineCount).map { index in
            GoodsLineArithmetic.completed(GoodsLine(
                productNumber: index + 1, truOriginCode: 1, productName: "Сұйытылған газ, марка \(index + 1)",
                tnvedCode: TnvedCode("2711129400"), measureUnitCode: MeasureUnitCode("166"),
                quantity: Decimal(index % 17 + 1) + Decimal(string: "0.125")!,
                price: Decimal(1000 + index * 7) + Decimal(string: "0.5")!, ndsRate: 16,
                productId: VirtualProductId("19.20.31.000-2711129400<\(812_000 + index)>")))
        }
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        return snt
    }
}
