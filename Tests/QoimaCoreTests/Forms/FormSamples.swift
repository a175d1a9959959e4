import Foundation
import QoimaCore

/// Forms for the form tests: the first demo company, its two warehouses, lines from its batches.
enum FormSamples {
    static let tin = TaxpayerNumber("000140000002")
    static let today = CalendarDate(year: 2026, month: 3, day: 12)!

    static func party(_ store: Int64) -> UFormParty {
        UFormParty(name: "ТОО «Қойма Сауда»", storeId: store, tin: tin)
    }

    /// A line of `quantity` at `price`, its sum computed.
    static func line(_ name: String, tnved: String = "2523290000", kpved: String = "23.51.12.100", unit: String = "168",
                     quantity: Decimal, price: Decimal = 100, batch: Int64? = nil) -> UFormProduct {
        UFormProduct(gsvsCode: GsvsCode("\(kpved)-\(tnved)"), measureUnitCode: MeasureUnitCode(unit), price: price,
                     quantity: quantity, sum: (price * quantity).rounded(scale: 2), name: name, productId: batch,
                     tnvedCode: TnvedCode(tnved))
    }

    /// A complete form of `type` from store 1001, totals computed.
    static func form(_ type: UFormType, _ products: [UFormProduct], sources: [UFormProduct] = [],
                     to recipient: Int64? = nil, number: String = "F-1") -> UForm {
        var form = UForm(number: number, date: today, type: type, sender: party(1001),
                         recipient: recipient.map(party), comment: nil, products: products, sourceProducts: sources)
        form.totalSum = products.compactMap(\.sum).reduce(0, +)
        if !sources.isEmpty { form.sourceTotalSum = sources.compactMap(\.sum).reduce(0, +) }
        return form
    }

    static let context = UFormCheckContext(today: today, companyTin: tin, warehouses: [
        .init(storeId: 1001, name: "Негізгі қойма", isActive: true),
        .init(storeId: 1002, name: "Сауда нүктесі", isActive: true),
        .init(storeId: 1003, name: "Ескі қойма", isActive: false),
    ])

    static let balances = [
        BalanceBatch(storeId: 1001, batch: 812_017, name: "Цемент", measureUnitCode: "168", unitPrice: 100,
                     quantity: 800, reserved: 30),
        BalanceBatch(storeId: 1001, batch: 812_063, name: "Сахар", measureUnitCode: "166", unitPrice: 420,
                     quantity: 12, reserved: 0),
        BalanceBatch(storeId: 1002, batch: 812_017, name: "Цемент", measureUnitCode: "168", unitPrice: 100,
                     quantity: 5, reserved: 0),
    ]
}
