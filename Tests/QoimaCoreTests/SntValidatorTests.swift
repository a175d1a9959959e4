import Foundation
import QoimaCore
import XCTest

final class SntValidatorTests: XCTestCase {
    typealias S = SntSamples
    let validator = SntValidator(context: SntSamples.context)

    func testRealisticSntsPassEveryCheck() {
        let samples: [(String, Snt, SntCheckContext)] = [
            ("domestic sale", S.domesticSale(), S.context),
            ("EAEU import", S.eaeuImport(), S.context),
            ("EAEU export", S.eaeuExport(), S.context),
            ("aircraft refuelling", S.aircraftRefueling(), S.context),
            ("transfer in Kazakhstan", S.transferInKazakhstan(), S.context),
            ("transfer in the EAEU", S.transferInEAEU(), S.context),
            ("with oil", S.withOil(), S.context),
            ("correction", S.correction(), S.correctionContext),
        ]
        for (name, snt, context) in samples {
            XCTAssertEqual(SntValidator(context: context).check(snt).map(\.summary), [], name)
        }
    }

    func testABadlyBrokenSntReportsEveryProblemAtOnceInFormOrder() {
        var snt = S.domesticSale()
        S.editLine(&snt, 2) { $0.quantity = -1 }
        snt.number = ""
        snt.date = S.day(21, 1, 2026)
        snt.roadCargo?.driverTin = TaxpayerNumber("85071540001")
        snt.seller.tin = TaxpayerNumber("000140000003")
        snt.customer.name = ""
        snt.customer.registerCountryCode = CountryCode("XX")
        snt.carriage?.carStateNumber = nil
        snt.contract?.number = nil
        snt.currencyCode = CurrencyCode("USD")
        snt.goods?.lines[0].productNumber = 2
        snt.goods?.lines[2].tnvedCode = TnvedCode("2520")
        snt.goods?.lines[2].measureUnitCode = nil
        snt.goods?.totals.totalPriceWithoutTax = 100

        let problems = validator.check(snt)

        XCTAssertEqual(problems.map(\.summary), [
            "A1 A1-REQUIRED",
            "A2 A2-IN-FUTURE 21.01.2026 20.01.2026",
            "A3 A3-BEFORE-ISSUE 16.01.2026 21.01.2026",
            "B13 TIN-CHECKSUM 000140000003",
            "C23 PARTY-NAME-REQUIRED",
            "C27 COUNTRY-CODE-INVALID XX",
            "E.a1.1 CAR-PLATE-REQUIRED",
            "F44.1 CONTRACT-NUMBER-REQUIRED",
            "50 CURRENCY-FOREIGN-NOT-ALLOWED USD",
            "51 CURRENCY-RATE-REQUIRED USD",
            "G1.1[2] LINE-NUMBER-DUPLICATE 2",
            "G1.6[2] LINE-QUANTITY-POSITIVE -1",
            "G1.4[3] TNVED-FORMAT 2520",
            "G1.5[3] LINE-UNIT-REQUIRED",
            "52.1 TOTAL-VALUE-WITHOUT-TAX -134.56 100",
            "K.driverTin TIN-FORMAT 85071540001",
        ])
        let quantity = problems.first { $0.rule.id == "LINE-QUANTITY-POSITIVE" }
        XCTAssertEqual(quantity?.table, .g1)
        XCTAssertEqual(quantity?.lineNumber, 2)
        XCTAssertEqual(quantity?.field, SntField.line(.quantity, in: .g1))
        XCTAssertEqual(problems.filter { $0.severity == .error }.count, problems.count)
        XCTAssertEqual(validator.check(snt), problems, "the same SNT gives the same list")
    }

    func testMessagesCarryTheValuesFound() {
        var snt = S.domesticSale()
        snt.goods?.lines[0].ndsAmount = 161
        let problem = validator.check(snt).first { $0.rule.id == "LINE-VAT-AMOUNT" }
        XCTAssertEqual(problem?.message(in: .russian),
                       "Сумма НДС должна быть 160 (16 % от стоимости без косвенных налогов и акциза), а указано 161.")
        XCTAssertEqual(problem?.message(in: .english),
                       "The VAT amount should be 160 (16 % of the value without taxes plus excise); it is 161.")
        XCTAssertEqual(problem?.location, "G1.11[1]")
    }

    func testAShippingDateIsComparedWithThePaperDateAndNotForImports() {
        var paper = S.domesticSale()
        paper.datePaper = S.day(10, 1, 2026)
        paper.reasonPaper = .downTime
        paper.shippingDate = S.day(12, 1, 2026)
        XCTAssertEqual(validator.check(paper).map(\.summary), [])
        paper.shippingDate = S.day(9, 1, 2026)
        XCTAssertEqual(validator.check(paper).map(\.summary), ["A3 A3-BEFORE-ISSUE 09.01.2026 10.01.2026"])

        var imported = S.eaeuImport()
        imported.shippingDate = S.day(2, 1, 2026)
        XCTAssertEqual(validator.check(imported).map(\.summary), [])
    }

    func testVatRatesFollowTheTurnoverDate() {
        var old = S.domesticSale()
        old.date = S.day(29, 12, 2025)
        old.shippingDate = S.day(30, 12, 2025)
        old.contract?.date = S.day(1, 12, 2025)
        var lines = old.goods!.lines
        for index in lines.indices { lines[index].ndsRate = 12 }
        S.setGoods(&old, lines)
        XCTAssertEqual(validator.check(old).map(\.summary), [])

        S.editLine(&old, 3) { $0.ndsRate = 16 }
        XCTAssertEqual(validator.check(old).map(\.summary),
                       ["G1.10[3] LINE-VAT-RATE-FOR-DATE 16 30.12.2025 0, 12"])
    }

    func testAnAmountWithoutItsRateIsReportedOnce() {
        var snt = S.domesticSale()
        snt.goods?.lines[1].exciseRate = nil
        XCTAssertEqual(validator.check(snt).map(\.summary), ["G1.9.1[2] LINE-EXCISE-RATE-REQUIRED"])
    }

    func testACorrectionReportsEveryFieldItChanged() {
        var snt = S.correction()
        snt.seller.storeId = 1003
        snt.customer.categories = [.retailer]
        snt.transferType = .other
        XCTAssertEqual(SntValidator(context: S.correctionContext).check(snt).map(\.summary), [
            "A9 FIXED-KEEPS-FIELD — OTHER",
            "B21 FIXED-KEEPS-FIELD 1001 1003",
            "C26 FIXED-KEEPS-FIELD — RETAILER",
        ])
    }

    func testUnitCodesFromTheSyncedDictionaryAreKnown() {
        var snt = S.domesticSale()
        snt.goods?.lines[0].measureUnitCode = MeasureUnitCode("5114")
        XCTAssertEqual(validator.check(snt).map(\.summary), ["G1.5[1] UNIT-CODE-UNKNOWN 5114"])
        let synced = SntCheckContext(today: S.today, knownUnitCodes: SntCheckContext.builtInUnitCodes.union(["5114"]))
        XCTAssertEqual(SntValidator(context: synced).check(snt).map(\.summary), [])
    }
}

final class SntCurrencyCaseTests: XCTestCase {
    typealias S = SntSamples

    func testEachCaseStandsForItsFacts() {
        XCTAssertNil(SntCurrencyCase.foreignCurrencyCase(of: S.domesticSale()))
        XCTAssertEqual(SntCurrencyCase.foreignCurrencyCase(of: S.eaeuImport()), .import)
        XCTAssertEqual(SntCurrencyCase.foreignCurrencyCase(of: S.eaeuExport()), .zeroRatedExport)

        var sharing = S.domesticSale()
        sharing.customer.categories = [.sharingAgreementParticipant]
        XCTAssertEqual(SntCurrencyCase.foreignCurrencyCase(of: sharing), .productionSharing)
        sharing.customer.categories = []
        sharing.sharingContracts = SntSharingContracts(sellerNumber: "PSA-1")
        XCTAssertEqual(SntCurrencyCase.foreignCurrencyCase(of: sharing), .productionSharing)

        var zeroRated = S.eaeuExport()
        zeroRated.exportKind = nil
        zeroRated.customer = S.domesticSale().customer
        XCTAssertEqual(SntCurrencyCase.foreignCurrencyCase(of: zeroRated), .zeroRatedTurnover)

        var exportWithVat = S.eaeuExport()
        S.editLine(&exportWithVat, 1) { $0.ndsRate = 16 }
        XCTAssertNil(SntCurrencyCase.foreignCurrencyCase(of: exportWithVat), "one line is not zero-rated")
        var exportWithoutVat = S.eaeuExport()
        S.editLine(&exportWithoutVat, 1) { $0.ndsRate = nil }
        XCTAssertNil(SntCurrencyCase.foreignCurrencyCase(of: exportWithoutVat), "no rate is not the zero rate")
    }

    func testAZeroRatedExportMayBeInDollars() {
        var snt = S.eaeuExport()
        snt.currencyCode = CurrencyCode("USD")
        snt.currencyRate = SntSamples.decimal("512.34")
        XCTAssertEqual(SntValidator(context: S.context).check(snt).map(\.summary), [])
        snt.currencyRate = 0
        XCTAssertEqual(SntValidator(context: S.context).check(snt).map(\.summary), ["51 CURRENCY-RATE-REQUIRED USD"])
    }
}

extension SntProblem {
    /// `location rule-id arguments…`, for comparing lists of problems.
    var summary: String { ([location, rule.id] + arguments).joined(separator: " ") }
}
