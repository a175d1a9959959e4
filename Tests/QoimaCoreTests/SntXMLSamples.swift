import Foundation
import QoimaCore

/// SNTs the XML tests share: `primary` is the model of resources/samples/snt/primary-snt.xml; `rich`
/// fills every field and block the model has, realistic or not, so a round trip touches them all.
enum SntXMLSamples {
    static let samplesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("resources/samples/snt")

    static func sampleBytes(_ name: String) throws -> Data {
        try Data(contentsOf: samplesFolder.appendingPathComponent(name))
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(ddMMyyyy: text)! }
    static func number(_ text: String) -> Decimal { DecimalText.parse(text)! }

    static let sellerBIN = TaxpayerNumber("000140000002")
    static let customerBIN = TaxpayerNumber("000140000012")
    static let driverIIN = TaxpayerNumber("000101500001")
    static let carrierBIN = TaxpayerNumber("000240000026")

    /// A goods line with its sums computed by the tiyn rule (`GoodsLineArithmetic`).
    static func line(_ number: Int, origin: Int, name: String, kpved: String, tnved: String, batch: Int64,
                     unit: String, quantity: String, price: String, exciseRate: String? = nil, nds: Int = 16,
                     gtin: String? = nil, info: String? = nil) -> GoodsLine {
        GoodsLineArithmetic.completed(GoodsLine(
            productNumber: number, truOriginCode: origin, productName: name, tnvedCode: TnvedCode(tnved),
            measureUnitCode: MeasureUnitCode(unit), quantity: Self.number(quantity), price: Self.number(price),
            exciseRate: exciseRate.map(Self.number), ndsRate: nds,
            productId: VirtualProductId(gsvs: GsvsCode(kpved: KpvedCode(kpved), tnved: TnvedCode(tnved)), batch: batch),
            gtinCode: gtin.map(Gtin.init), additionalInfo: info))
    }

    static func totals(of lines: [GoodsLine]) -> GoodsTotals { GoodsLineArithmetic.totals(of: lines) }

    /// A primary SNT for building materials moved by road, sections A to K filled.
    static var primary: Snt {
        var snt = Snt(number: "SNT-2026-0001", date: day("15.01.2026"), type: .primary,
                      seller: SntParty(tin: sellerBIN, nonResident: false, name: "ТОО «Қойма Сауда»",
                                       registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                       actualAddress: "Алматы қ., Абай даңғылы, 150", storeId: 1001),
                      customer: SntParty(tin: customerBIN, nonResident: false, name: "ТОО «Құрылыс & Ко»",
                                         registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                         actualAddress: "Астана қ., Бейбітшілік к-сі, 12", storeId: 2002))
        snt.shippingDate = day("16.01.2026")
        snt.consignor = ConsignmentParty(tin: sellerBIN, nonResident: false, name: "ТОО «Қойма Сауда»",
                                         countryCode: .kazakhstan, additionalInfo: "Склад № 1, Алматы")
        snt.consignee = ConsignmentParty(tin: customerBIN, nonResident: false, name: "ТОО «Құрылыс & Ко»",
                                         countryCode: .kazakhstan, additionalInfo: "Объект «Нұрлы жол», Астана")
        snt.carriage = SntCarriage(tin: carrierBIN, nonResident: false, name: "ЖШС «Жүк Тасымал»",
                                   transportTypes: [.automobile], carStateNumber: "123ABC02",
                                   trailerStateNumber: "45XYZ02")
        snt.contract = SntContract(isContract: true, number: "Д-17/2025", date: day("10.12.2025"),
                                   termOfContractPayment: "Оплата в течение 30 дней", deliveryCondition: "DAP")
        snt.currencyCode = .tenge
        let lines = [
            line(1, origin: 1, name: "Сера техническая комовая", kpved: "08.91.12.01", tnved: "2503001000",
                 batch: 812004, unit: "168", quantity: "10", price: "45000"),
            line(2, origin: 2, name: "Цемент портландский ЦЕМ I 42,5Н", kpved: "23.51.12.100", tnved: "2523290000",
                 batch: 812017, unit: "168", quantity: "13", price: "37490.87", gtin: "4870000000012"),
            line(3, origin: 1, name: "Арматура А500С, диаметр 12 мм", kpved: "24.10.62.000", tnved: "7214200000",
                 batch: 812033, unit: "168", quantity: "3.275", price: "289990", info: "Прутки по 11,7 м"),
        ]
        snt.goods = GoodsSet(totals: totals(of: lines), lines: lines)
        snt.roadCargo = SntRoadCargo(
            cargo: [.init(cargoClass: "3", cargoCode: "2503", code: "1", documents: "Сертификат № KZ-77/2025",
                          grossWeight: "26.5", netWeight: "26.275", number: "1", packagingType: "Биг-бэг",
                          seatsNumber: "27", weightDeterminationType: "Взвешивание")],
            driverFullName: "Сейтқали Ержан Болатұлы", driverTin: driverIIN,
            loadingUnloading: [.init(arrivalDate: "16.01.2026", departureDate: "16.01.2026", downtime: "0",
                                     downtimeDate: nil, executor: "Грузоотправитель", loadingType: "Механизированная",
                                     loadingTypeCode: "1", name: "Погрузка", operation: "Погрузка",
                                     responsiblePersonSignature: "Ахметов А.", transportServices: "Нет")],
            otherInfo: [.init(driverCoefficient: "1", expeditionCode: "0", firstGroupTransportationDistance: "1210",
                              fromClient: "0", inCityTransportationDistance: "24", mainCoefficient: "1", number: "1",
                              penalty: "0", secondGroupTransportationDistance: "0", setActMarks: "Нет",
                              thirdGroupTransportationDistance: "0", toDriver: "0", totalTransportationDistance: "1234")],
            stampPrintNumber: "ПЛ-004512",
            charges: [.init(costCalculation: "Потонная", discountForDowntime: "0", forSpecialTransport: "0",
                            forTonns: "312500", forTransportServices: "0", loading: "0", loadingUnloadingWork: "0",
                            otherSurcharge: "0", tax: "37500", total: "350000", underload: "0", unloading: "0")])
        snt.taxOffices = SntTaxOffices(customerKogd: "6205", sellerKogd: "6001")
        snt.releaseGoods = SntPowerOfAttorney(date: day("14.01.2026"), number: "Д-0045")
        return snt
    }

    /// Every field and block of the model filled, with text that needs escaping.
    static var rich: Snt {
        var snt = primary
        snt.number = #"SNT <"A&B"> 'Қ' ]]> #2"#
        snt.type = .fixed
        snt.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260110-7")
        snt.datePaper = day("12.01.2026")
        snt.reasonPaper = .downTime
        snt.digitalMarkingNotificationNumber = "UV-0001"
        snt.digitalMarkingNotificationDate = day("13.01.2026")
        snt.importKind = SntImport(importType: .importInSez, sezCode: "SEZ-01")
        snt.exportKind = SntExport(exportType: .aircraftRefueling, sezCode: "SEZ-02")
        snt.transferType = .onePersonInEAEU
        snt.mptId = "MPT-17"
        snt.seller.branchTin = TaxpayerNumber("000141000058")
        snt.seller.reorganizedTin = TaxpayerNumber("000340000038")
        snt.seller.categories = [.retail, .committent]
        snt.customer.categories = [.sharingAgreementParticipant]
        snt.customer.actualAddress = "Tab\tnew\nline and CR\r, too"
        snt.carriage?.transportTypes = [.automobile, .railway, .air, .marine]
        snt.carriage?.carriageNumber = "ВГ-55"
        snt.carriage?.boardNumber = "UP-A3201"
        snt.carriage?.shipNumber = "IMO 9321483"
        snt.currencyCode = CurrencyCode("USD")
        snt.currencyRate = number("512.37")
        var lines = snt.goods!.lines
        lines[0].exciseRate = number("1.5")
        lines[0].exciseAmount = number("15")
        lines[0].declarationNumberForSnt = "50502/150126/0001234"
        lines[0].productNumberInDeclaration = "3"
        lines[1].ntin = Ntin("4870100000097")
        snt.goods = GoodsSet(totals: totals(of: lines), lines: lines)
        var oilLine = line(1, origin: 6, name: "Дизельное топливо ДТ-Л-К5", kpved: "19.20.21.300", tnved: "2710194201",
                           batch: 900001, unit: "168", quantity: "20.5", price: "410000", exciseRate: "25000")
        oilLine.pinCode = "PIN-000777"
        oilLine.ntin = Ntin("4871112223337")
        snt.oil = OilSet(totals: totals(of: [oilLine]), lines: [oilLine], kogdOfSender: "6001",
                         kogdOfRecipient: "6205", operationCode: "1", productSellerType: "PRODUCER")
        snt.roadCargo?.loadingUnloading[0].downtimeDate = "16.01.2026"
        snt.roadCargo?.cargo.append(.init(cargoClass: "9", number: "2"))
        snt.aircraftRefueling = SntAircraftRefueling(aircraftRegistrationNumber: "UP-A3201", aircraftType: "A320",
                                                     flightNumber: "KC 921", warrantNumber: "W-5")
        snt.sharingContracts = SntSharingContracts(customerDate: day("01.02.2020"), customerNumber: "СРП-1",
                                                   sellerDate: day("02.02.2020"), sellerNumber: "СРП-2")
        // In schema order, as the reader returns them.
        snt.preservedBlocks = [
            PreservedBlock(elementName: "alcoholSet", xml: #"<alcoholSet><sellerLicenseNumber code="x">L-1</sellerLicenseNumber></alcoholSet>"#),
            PreservedBlock(elementName: "biofuelSet", xml: "<biofuelSet></biofuelSet>"),
            PreservedBlock(elementName: "exportControlProductSet",
                           xml: "<exportControlProductSet><products></products></exportControlProductSet>"),
            PreservedBlock(elementName: "otherProductWithDigitalMarkSet",
                           xml: "<otherProductWithDigitalMarkSet><totalPriceWithTax>1</totalPriceWithTax></otherProductWithDigitalMarkSet>"),
            PreservedBlock(elementName: "tobaccoSet", xml: "<tobaccoSet><totalPriceWithoutTax>100</totalPriceWithoutTax>"
                + "<kogdOfRecipient>6205</kogdOfRecipient><products><product><productName>Сигареты &amp; Co</productName>"
                + "<quantity>1</quantity></product></products></tobaccoSet>"),
        ]
        return snt
    }
}
