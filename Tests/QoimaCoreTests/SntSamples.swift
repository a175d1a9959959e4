import Foundation
import QoimaCore

/// Realistic SNTs that pass every check, for the validator's tests to start from. All identifiers
/// are fictitious with valid check digits (domain.md §3).
enum SntSamples {
    static let today = day(20, 1, 2026)
    static let context = SntCheckContext(today: today)

    static let sellerBin = TaxpayerNumber("000140000002")
    static let customerBin = TaxpayerNumber("000140000012")
    static let carrierBin = TaxpayerNumber("000140000022")
    static let branchBin = TaxpayerNumber("000140000032")
    static let consigneeBin = TaxpayerNumber("000140000042")
    static let driverIin = TaxpayerNumber("000101500001")
    static let gtin = Gtin("4870001234560")
    static let ntin = Ntin("2000000000015")
    static let originalNumber = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260115-1")

    static func day(_ day: Int, _ month: Int, _ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    static func decimal(_ text: String) -> Decimal { DecimalText.parse(text)! }

    /// A sale inside Kazakhstan: three G1 lines (one with excise, one with a GTIN), by road, under
    /// a contract, in tenge.
    static func domesticSale() -> Snt {
        var snt = Snt(
            number: "СНТ-2026/0042", date: day(15, 1, 2026), type: .primary,
            seller: SntParty(tin: sellerBin, nonResident: false, name: "ТОО «Кен Тау»",
                             registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                             actualAddress: "Қарағанды қ., Бұқар жырау даңғ., 1", storeId: 1001),
            customer: SntParty(tin: customerBin, nonResident: false, name: "ТОО «Алтын Дән»",
                               registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                               actualAddress: "Астана қ., Сарыарқа даңғ., 12", storeId: 2002))
        snt.shippingDate = day(16, 1, 2026)
        snt.currencyCode = .tenge
        snt.carriage = SntCarriage(tin: carrierBin, nonResident: false, name: "ИП Жумабеков Н.",
                                   transportTypes: [.automobile], carStateNumber: "123ABC09",
                                   trailerStateNumber: "45AB09")
        snt.contract = SntContract(isContract: true, number: "Д-17/2025", date: day(10, 12, 2025),
                                   deliveryCondition: "DAP")
        snt.roadCargo = SntRoadCargo(driverFullName: "Сейтқали Б. А.", driverTin: driverIin)
        snt.taxOffices = SntTaxOffices(customerKogd: "6205", sellerKogd: "3020")
        setGoods(&snt, [
            GoodsLine(productNumber: 1, truOriginCode: 1, productName: "Сера комовая", tnvedCode: TnvedCode("2503001000"),
                      measureUnitCode: MeasureUnitCode("166"), quantity: 10, price: 100, ndsRate: 16,
                      productId: VirtualProductId("08.91.12.01-2503001000<812004>"), ntin: ntin),
            GoodsLine(productNumber: 2, truOriginCode: 2, productName: "Коньяк «Бақыт» 0,5 л",
                      tnvedCode: TnvedCode("2208201200"), measureUnitCode: MeasureUnitCode("868"),
                      quantity: decimal("2.5"), price: decimal("1234.56"), exciseRate: 150, ndsRate: 16,
                      productId: VirtualProductId("11.01.10.10-2208201200/4870001234560<5001>"), gtinCode: gtin),
            GoodsLine(productNumber: 3, truOriginCode: 1, productName: "Гипс строительный",
                      tnvedCode: TnvedCode("2520100000"), measureUnitCode: MeasureUnitCode("166"),
                      quantity: 3, price: decimal("33.333"), ndsRate: 16,
                      productId: VirtualProductId("08.11.20.00-2520100000<812005>")),
        ])
        return snt
    }

    /// The lines with their amounts computed, and the totals summed.
    static func setGoods(_ snt: inout Snt, _ lines: [GoodsLine]) {
        let lines = lines.map(GoodsLineArithmetic.completed)
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
    }

    /// Edits one G1 line (1-based) and recomputes the amounts and totals, so only the edit is wrong.
    static func editLine(_ snt: inout Snt, _ position: Int, _ edit: (inout GoodsLine) -> Void) {
        var lines = snt.goods!.lines
        edit(&lines[position - 1])
        setGoods(&snt, lines)
    }

    /// An import from Russia by road, drawn up by the Kazakh recipient the day after shipment.
    static func eaeuImport() -> Snt {
        var snt = domesticSale()
        snt.importKind = SntImport(importType: .import)
        snt.seller = SntParty(nonResident: true, name: "ООО «Уралхим-Трейд»", registerCountryCode: CountryCode("RU"),
                              countryCode: CountryCode("RU"), actualAddress: "г. Оренбург, ул. Терешковой, 10")
        snt.shippingDate = day(14, 1, 2026)
        editLinesForImport(&snt)
        return snt
    }

    private static func editLinesForImport(_ snt: inout Snt) {
        setGoods(&snt, snt.goods!.lines.map { line in
            var line = line
            line.productId = nil
            return line
        })
    }

    /// An export to Russia at the zero VAT rate.
    static func eaeuExport() -> Snt {
        var snt = domesticSale()
        snt.exportKind = SntExport(exportType: .export)
        snt.customer = SntParty(nonResident: true, name: "ООО «СибАгро»", registerCountryCode: CountryCode("RU"),
                                countryCode: CountryCode("RU"), actualAddress: "г. Омск, ул. Ленина, 5")
        setGoods(&snt, snt.goods!.lines.map { line in
            var line = line
            line.ndsRate = 0
            return line
        })
        return snt
    }

    /// Fuel to a foreign airline's aircraft at Almaty airport.
    static func aircraftRefueling() -> Snt {
        var snt = eaeuExport()
        snt.exportKind = SntExport(exportType: .aircraftRefueling)
        snt.carriage = nil
        snt.aircraftRefueling = SntAircraftRefueling(aircraftRegistrationNumber: "RA-73412", aircraftType: "A320",
                                                     flightNumber: "SU1941", warrantNumber: "ТР-0087")
        return snt
    }

    /// A movement between two warehouses of one company inside Kazakhstan.
    static func transferInKazakhstan() -> Snt {
        var snt = domesticSale()
        snt.transferType = .onePersonInKazakhstan
        snt.customer = SntParty(tin: sellerBin, nonResident: false, name: "ТОО «Кен Тау»", branchTin: branchBin,
                                registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                actualAddress: "Павлодар қ., Естай к-сі, 40", storeId: 1002)
        snt.contract = nil
        return snt
    }

    /// A company moving its own goods to its Russian site.
    static func transferInEAEU() -> Snt {
        var snt = transferInKazakhstan()
        snt.transferType = .onePersonInEAEU
        snt.exportKind = SntExport(exportType: .export)
        snt.customer.countryCode = CountryCode("RU")
        return snt
    }

    /// The domestic sale with an oil products table G6 besides G1.
    static func withOil() -> Snt {
        var snt = domesticSale()
        let line = GoodsLineArithmetic.completed(GoodsLine(
            productNumber: 1, truOriginCode: 1, productName: "Дизельное топливо ДТ-Л-К5", tnvedCode: TnvedCode("2710194201"),
            measureUnitCode: MeasureUnitCode("168"), quantity: decimal("20.5"), price: 350_000, ndsRate: 16,
            productId: VirtualProductId("19.20.21.00-2710194201<77001>{1234-AB}"), pinCode: "1234-AB"))
        snt.oil = OilSet(totals: GoodsLineArithmetic.totals(of: [line]), lines: [line], kogdOfSender: "3020",
                         kogdOfRecipient: "6205", operationCode: "1", productSellerType: "1")
        return snt
    }

    /// The domestic sale, registered and delivered: the original of `correction()`.
    static func original() -> SntRecord {
        SntRecord(snt: domesticSale(),
                  registration: SntRegistration(sntId: 90_001, registrationNumber: originalNumber, status: .delivered))
    }

    /// A correction of `original()`, issued after the goods left: a smaller quantity on line 1.
    static func correction() -> Snt {
        var snt = domesticSale()
        snt.type = .fixed
        snt.number = "СНТ-2026/0042-И"
        snt.date = day(17, 1, 2026)
        snt.relatedRegistrationNumber = originalNumber
        editLine(&snt, 1) { $0.quantity = 8 }
        return snt
    }

    static var correctionContext: SntCheckContext { SntCheckContext(today: today, original: original()) }
}
