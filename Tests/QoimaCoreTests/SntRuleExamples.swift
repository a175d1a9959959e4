import Foundation
import QoimaCore

/// For one rule: an SNT that passes every check, and one that breaks the rule at `location`.
struct SntRuleExample: Sendable {
    let valid: Snt
    let validContext: SntCheckContext
    let violating: Snt
    let violatingContext: SntCheckContext
    let location: String
}

/// One example per content rule, keyed by rule id. `SntRuleExampleTests` fails when a rule of
/// `SntContentRules.all` has none.
enum SntRuleExamples {
    typealias S = SntSamples

    /// `valid`, edited by `edit` so that it breaks the rule at `location`.
    static func breaking(_ valid: Snt = S.domesticSale(), context: SntCheckContext = S.context,
                         violatingContext: SntCheckContext? = nil, at location: String,
                         _ edit: (inout Snt) -> Void = { _ in }) -> SntRuleExample {
        var violating = valid
        edit(&violating)
        return SntRuleExample(valid: valid, validContext: context, violating: violating,
                              violatingContext: violatingContext ?? context, location: location)
    }

    static func with(_ snt: Snt, _ edit: (inout Snt) -> Void) -> Snt {
        var snt = snt
        edit(&snt)
        return snt
    }

    static let paperSnt = with(S.domesticSale()) {
        $0.datePaper = S.day(14, 1, 2026)
        $0.reasonPaper = .downTime
    }
    static let returnSnt = with(S.domesticSale()) {
        $0.type = .returned
        $0.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-0000-000140000012-20260110-7")
    }
    static let importInSez = with(S.eaeuImport()) { $0.importKind = SntImport(importType: .importInSez, sezCode: "07") }
    static let importInRoubles = with(S.eaeuImport()) {
        $0.currencyCode = CurrencyCode("RUB")
        $0.currencyRate = S.decimal("6.52")
    }
    static let withConsignee = with(S.domesticSale()) {
        $0.consignee = ConsignmentParty(tin: S.consigneeBin, nonResident: false, name: "ТОО «Элеватор Жер»",
                                        countryCode: .kazakhstan)
    }
    static func transport(_ type: TransportType, _ edit: (inout SntCarriage) -> Void) -> Snt {
        with(S.domesticSale()) {
            $0.carriage?.transportTypes = [type]
            $0.carriage?.carStateNumber = nil
            $0.carriage?.trailerStateNumber = nil
            edit(&$0.carriage!)
        }
    }
    static func amount(_ text: String) -> Decimal { S.decimal(text) }

    static let all: [(id: String, example: SntRuleExample)] = [
        // Section A
        ("A1-REQUIRED", breaking(at: "A1") { $0.number = "" }),
        ("A1-LENGTH", breaking(at: "A1") { $0.number = String(repeating: "7", count: 51) }),
        ("A2-REQUIRED", breaking(at: "A2") { $0.date = nil }),
        ("A2-IN-FUTURE", breaking(at: "A2") { $0.date = S.day(21, 1, 2026) }),
        ("PAPER-DATE-AND-REASON", breaking(paperSnt, at: "A2.1.1") { $0.reasonPaper = nil }),
        ("PAPER-DATE-AFTER-ISSUE", breaking(paperSnt, at: "A2.1") { $0.datePaper = S.day(16, 1, 2026) }),
        ("A3-REQUIRED", breaking(at: "A3") { $0.shippingDate = nil }),
        ("A3-BEFORE-ISSUE", breaking(at: "A3") { $0.shippingDate = S.day(14, 1, 2026) }),
        ("A3-FAR-AHEAD", breaking(at: "A3") { $0.shippingDate = S.day(15, 1, 2062) }),
        ("MARKING-NOTICE-PAIR", breaking(with(S.domesticSale()) {
            $0.digitalMarkingNotificationNumber = "УВ-000123"
            $0.digitalMarkingNotificationDate = S.day(14, 1, 2026)
        }, at: "A4.2.1") { $0.digitalMarkingNotificationDate = nil }),
        ("RELATED-NUMBER-REQUIRED", breaking(returnSnt, at: "A6.1") { $0.relatedRegistrationNumber = nil }),
        ("RELATED-NUMBER-ON-PRIMARY", breaking(at: "A6.1") { $0.relatedRegistrationNumber = S.originalNumber }),
        ("REGISTRATION-NUMBER-FORMAT", breaking(returnSnt, at: "A6.1") {
            $0.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-0000-00014000001-20260110-7")
        }),
        ("IMPORT-AND-EXPORT", breaking(S.eaeuImport(), at: "A8") { $0.exportKind = SntExport(exportType: .export) }),
        ("SEZ-CODE-REQUIRED", breaking(importInSez, at: "A7.5.1") { $0.importKind?.sezCode = " " }),
        ("SEZ-CODE-NOT-ALLOWED", breaking(S.eaeuExport(), at: "A8.5.1") { $0.exportKind?.sezCode = "07" }),
        ("AIRCRAFT-DETAILS-REQUIRED", breaking(S.aircraftRefueling(), at: "fillingOfAircraft.flightNumber") {
            $0.aircraftRefueling?.flightNumber = nil
        }),
        ("AIRCRAFT-DETAILS-UNEXPECTED", breaking(at: "fillingOfAircraft") {
            $0.aircraftRefueling = S.aircraftRefueling().aircraftRefueling
        }),
        ("TRANSFER-SAME-TIN", breaking(S.transferInKazakhstan(), at: "C22") { $0.customer.tin = S.customerBin }),
        ("TRANSFER-IN-KZ-BORDER", breaking(S.transferInKazakhstan(), at: "A9") {
            $0.customer.countryCode = CountryCode("KG")
        }),
        ("TRANSFER-EAEU-KIND", breaking(S.transferInEAEU(), at: "A9") { $0.exportKind = nil }),
        ("TRANSFER-EAEU-COUNTRY", breaking(S.transferInEAEU(), at: "C28") { $0.customer.countryCode = CountryCode("CN") }),
        ("DOMESTIC-FOREIGN-COUNTRY", breaking(at: "C28") { $0.customer.countryCode = CountryCode("RU") }),
        ("IMPORT-FROM-KZ", breaking(S.eaeuImport(), at: "B19") { $0.seller.countryCode = .kazakhstan }),
        ("EXPORT-TO-KZ", breaking(S.eaeuExport(), at: "C28") { $0.customer.countryCode = .kazakhstan }),

        // Correction against the original
        ("FIXED-ORIGINAL-MISSING", breaking(S.correction(), context: S.correctionContext,
                                            violatingContext: S.context, at: "A5.1")),
        ("FIXED-RELATED-NUMBER", breaking(S.correction(), context: S.correctionContext, at: "A5.1") {
            $0.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260115-2")
        }),
        ("FIXED-ORIGINAL-STATUS", breaking(S.correction(), context: S.correctionContext, violatingContext: {
            var context = S.correctionContext
            context.original?.registration?.status = .confirmed
            return context
        }(), at: "A5.1")),
        ("FIXED-SHIPPING-DATE", breaking(S.correction(), context: S.correctionContext, at: "A3") {
            $0.shippingDate = S.day(15, 1, 2026)
        }),
        ("FIXED-KEEPS-FIELD", breaking(S.correction(), context: S.correctionContext, at: "C23") {
            $0.customer.name = "ТОО «Алтын Дән Астана»"
        }),

        // Parties
        ("PARTY-NAME-REQUIRED", breaking(at: "B14") { $0.seller.name = "  " }),
        ("PARTY-TIN-REQUIRED", breaking(at: "C22") { $0.customer.tin = nil }),
        ("TIN-FORMAT", breaking(at: "B13") { $0.seller.tin = TaxpayerNumber("00014000000") }),
        ("TIN-CHECKSUM", breaking(at: "B13") { $0.seller.tin = TaxpayerNumber("000140000003") }),
        ("REGISTER-COUNTRY-REQUIRED", breaking(at: "C27") { $0.customer.registerCountryCode = nil }),
        ("COUNTRY-REQUIRED", breaking(at: "B19") { $0.seller.countryCode = nil }),
        ("COUNTRY-CODE-INVALID", breaking(at: "B19") { $0.seller.countryCode = CountryCode("XX") }),
        ("RESIDENT-REGISTER-COUNTRY", breaking(at: "C27") { $0.customer.registerCountryCode = CountryCode("RU") }),
        ("NON-RESIDENT-IN-KZ", breaking(at: "C27") { $0.customer.nonResident = true }),
        ("BRANCH-TIN-SAME", breaking(at: "B15") { $0.seller.branchTin = S.sellerBin }),
        ("STORE-ID-INVALID", breaking(at: "C30") { $0.customer.storeId = 0 }),
        ("SELLER-STORE-EXPECTED", breaking(at: "B21") { $0.seller.storeId = nil }),
        ("CONSIGNMENT-TIN-EXPECTED", breaking(withConsignee, at: "D34") { $0.consignee?.tin = nil }),

        // Transport
        ("CARRIER-NAME-REQUIRED", breaking(at: "E38") { $0.carriage?.name = "" }),
        ("TRANSPORT-TYPE-REQUIRED", breaking(at: "E39") { $0.carriage?.transportTypes = [] }),
        ("CAR-PLATE-REQUIRED", breaking(at: "E.a1.1") { $0.carriage?.carStateNumber = nil }),
        ("WAGON-NUMBER-REQUIRED", breaking(transport(.railway) { $0.carriageNumber = "58213476" }, at: "E.b1") {
            $0.carriage?.carriageNumber = nil
        }),
        ("BOARD-NUMBER-REQUIRED", breaking(transport(.air) { $0.boardNumber = "UP-A2001" }, at: "E.c1") {
            $0.carriage?.boardNumber = ""
        }),
        ("SHIP-NUMBER-REQUIRED", breaking(transport(.marine) { $0.shipNumber = "IMO 9321483" }, at: "E.d1") {
            $0.carriage?.shipNumber = nil
        }),
        ("TRANSPORT-NUMBER-UNUSED", breaking(at: "E.b1") { $0.carriage?.carriageNumber = "58213476" }),
        ("ROAD-TRANSPORT-EXPECTED", breaking(S.eaeuImport(), at: "E") { $0.carriage = nil }),

        // Contract
        ("CONTRACT-NUMBER-REQUIRED", breaking(at: "F44.1") { $0.contract?.number = nil }),
        ("CONTRACT-DATE-REQUIRED", breaking(at: "F44.2") { $0.contract?.date = nil }),
        ("CONTRACT-DATE-AFTER-ISSUE", breaking(at: "F44.2") { $0.contract?.date = S.day(16, 1, 2026) }),
        ("CONTRACT-DETAILS-WITHOUT-CONTRACT", breaking(at: "F44.1") { $0.contract?.isContract = false }),

        // Currency
        ("CURRENCY-REQUIRED", breaking(at: "50") { $0.currencyCode = nil }),
        ("CURRENCY-CODE-INVALID", breaking(at: "50") { $0.currencyCode = CurrencyCode("KZ") }),
        ("CURRENCY-FOREIGN-NOT-ALLOWED", breaking(importInRoubles, at: "50") { $0.importKind = nil
            $0.seller = S.domesticSale().seller
        }),
        ("CURRENCY-RATE-REQUIRED", breaking(importInRoubles, at: "51") { $0.currencyRate = nil }),
        ("CURRENCY-RATE-FOR-TENGE", breaking(at: "51") { $0.currencyRate = 2 }),

        // Goods
        ("GOODS-REQUIRED", breaking(at: "G1") { $0.goods = nil }),
        ("GOODS-TABLE-EMPTY", breaking(S.withOil(), at: "G1") { $0.goods = GoodsSet() }),
        ("LINE-NUMBER-REQUIRED", breaking(at: "G1.1[2]") { $0.goods?.lines[1].productNumber = nil }),
        ("LINE-NUMBER-DUPLICATE", breaking(at: "G1.1[3]") { $0.goods?.lines[2].productNumber = 2 }),
        ("LINE-NUMBER-SEQUENCE", breaking(at: "G1.1[3]") { $0.goods?.lines[2].productNumber = 4 }),
        ("LINE-ORIGIN-REQUIRED", breaking(at: "G1.2[1]") { $0.goods?.lines[0].truOriginCode = nil }),
        ("LINE-ORIGIN-RANGE", breaking(at: "G1.2[1]") { $0.goods?.lines[0].truOriginCode = 7 }),
        ("LINE-NAME-REQUIRED", breaking(at: "G1.3[1]") { $0.goods?.lines[0].productName = "" }),
        ("LINE-TNVED-REQUIRED", breaking(at: "G1.4[1]") { $0.goods?.lines[0].tnvedCode = nil }),
        ("TNVED-FORMAT", breaking(at: "G1.4[1]") { $0.goods?.lines[0].tnvedCode = TnvedCode("25030010") }),
        ("LINE-UNIT-REQUIRED", breaking(at: "G1.5[1]") { $0.goods?.lines[0].measureUnitCode = nil }),
        ("UNIT-CODE-FORMAT", breaking(at: "G1.5[1]") { $0.goods?.lines[0].measureUnitCode = MeasureUnitCode("кг") }),
        ("UNIT-CODE-UNKNOWN", breaking(at: "G1.5[1]") { $0.goods?.lines[0].measureUnitCode = MeasureUnitCode("999") }),
        ("LINE-QUANTITY-REQUIRED", breaking(at: "G1.6[1]") { $0.goods?.lines[0].quantity = nil }),
        ("LINE-QUANTITY-POSITIVE", breaking(at: "G1.6[1]") { S.editLine(&$0, 1) { $0.quantity = 0 } }),
        ("LINE-PRICE-REQUIRED", breaking(at: "G1.7[1]") { $0.goods?.lines[0].price = nil }),
        ("LINE-PRICE-NEGATIVE", breaking(at: "G1.7[1]") { S.editLine(&$0, 1) { $0.price = -100 } }),
        ("LINE-PRODUCT-ID-EXPECTED", breaking(at: "G1.13[1]") { $0.goods?.lines[0].productId = nil }),
        ("PRODUCT-ID-FORMAT", breaking(at: "G1.13[1]") {
            $0.goods?.lines[0].productId = VirtualProductId("2503001000<812004>")
        }),
        ("PRODUCT-ID-TNVED", breaking(at: "G1.13[1]") {
            $0.goods?.lines[0].productId = VirtualProductId("08.91.12.01-2503009000<812004>")
        }),
        ("PRODUCT-ID-GTIN", breaking(at: "G1.13[2]") { $0.goods?.lines[1].gtinCode = Gtin("4871234567890") }),
        ("GTIN-FORMAT", breaking(at: "G1.16[2]") { $0.goods?.lines[1].gtinCode = Gtin("487000123456X") }),
        ("GTIN-CHECKSUM", breaking(at: "G1.16[2]") { $0.goods?.lines[1].gtinCode = Gtin("4870001234561") }),
        ("NTIN-FORMAT", breaking(at: "G1.ntin[1]") { $0.goods?.lines[0].ntin = Ntin("200000000001") }),
        ("NTIN-CHECKSUM", breaking(at: "G1.ntin[1]") { $0.goods?.lines[0].ntin = Ntin("2000000000016") }),
        ("OIL-SET-FIELD-REQUIRED", breaking(S.withOil(), at: "G7.71") { $0.oil?.operationCode = nil }),
        ("OIL-PIN-REQUIRED", breaking(S.withOil(), at: "G6.pinCode[1]") { $0.oil?.lines[0].pinCode = nil }),
        ("KOGD-FORMAT", breaking(S.withOil(), at: "G7.69") { $0.oil?.kogdOfSender = "3O20" }),

        // Rates and arithmetic
        ("LINE-EXCISE-RATE-NEGATIVE", breaking(at: "G1.9.1[2]") { S.editLine(&$0, 2) { $0.exciseRate = -150 } }),
        ("LINE-EXCISE-RATE-REQUIRED", breaking(at: "G1.9.1[2]") { $0.goods?.lines[1].exciseRate = nil }),
        ("LINE-VAT-RATE-REQUIRED", breaking(at: "G1.10[1]") { $0.goods?.lines[0].ndsRate = nil }),
        ("LINE-VAT-RATE-ALLOWED", breaking(at: "G1.10[1]") { S.editLine(&$0, 1) { $0.ndsRate = 15 } }),
        ("LINE-VAT-RATE-FOR-DATE", breaking(at: "G1.10[1]") { S.editLine(&$0, 1) { $0.ndsRate = 12 } }),
        ("LINE-VALUE-WITHOUT-TAX", breaking(at: "G1.8[1]") { $0.goods?.lines[0].priceWithoutTax! += amount("0.01") }),
        ("LINE-EXCISE-AMOUNT", breaking(at: "G1.9[2]") { $0.goods?.lines[1].exciseAmount! -= amount("0.01") }),
        ("LINE-VAT-AMOUNT", breaking(at: "G1.11[1]") { $0.goods?.lines[0].ndsAmount! += amount("0.01") }),
        ("LINE-VALUE-WITH-TAX", breaking(at: "G1.12[3]") { $0.goods?.lines[2].priceWithTax = nil }),
        ("TOTAL-VALUE-WITHOUT-TAX", breaking(at: "52.1") { $0.goods?.totals.totalPriceWithoutTax! += 1 }),
        ("TOTAL-EXCISE-AMOUNT", breaking(at: "52.2") { $0.goods?.totals.totalExciseAmount = nil }),
        ("TOTAL-VAT-AMOUNT", breaking(at: "52.3") { $0.goods?.totals.totalNdsAmount! -= amount("0.01") }),
        ("TOTAL-VALUE-WITH-TAX", breaking(S.withOil(), at: "G7.52.4") { $0.oil?.totals.totalPriceWithTax = 0 }),
    ]
}
