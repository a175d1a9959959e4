import Foundation
import QoimaCore
import XCTest

final class TaxpayerNumberTests: XCTestCase {
    func testFictitiousNumbersOfTheDomainReferenceAreValid() {
        for number in ["000140000002", "000140000012", "000101500001"] {
            XCTAssertNil(TaxpayerNumber.defect(of: number), number)
            XCTAssertEqual(TaxpayerNumber(validating: number)?.rawValue, number)
        }
    }

    func testDefects() {
        XCTAssertEqual(TaxpayerNumber.defect(of: ""), .empty)
        XCTAssertEqual(TaxpayerNumber.defect(of: "00014000000"), .length(expected: "12", found: 11))
        XCTAssertEqual(TaxpayerNumber.defect(of: "0001400000020"), .length(expected: "12", found: 13))
        XCTAssertEqual(TaxpayerNumber.defect(of: "00014000000A"), .notDigits)
        XCTAssertEqual(TaxpayerNumber.defect(of: "000140 00002"), .notDigits)
        XCTAssertEqual(TaxpayerNumber.defect(of: "０００140000002"), .notDigits, "full-width digits are not digits")
        XCTAssertEqual(TaxpayerNumber.defect(of: "000140000003"), .checksum)
        XCTAssertNil(TaxpayerNumber(validating: "000140000003"))
        XCTAssertEqual(TaxpayerNumber("000140000003").defect, .checksum, "a wrong number is kept as typed")
        XCTAssertEqual(TaxpayerNumber("000140000003").description, "000140000003")
    }

    func testSecondWeightPassDecidesWhenTheFirstGivesTen() {
        // 1·0 + … + 10·1 + 11·0 = 10 (mod 11); then 1·2 = 2… the second pass gives 1.
        XCTAssertEqual(TaxpayerNumber.checkDigit(of: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), 1)
        XCTAssertNil(TaxpayerNumber.defect(of: "000000000101"))
        XCTAssertEqual(TaxpayerNumber.defect(of: "000000000100"), .checksum)
    }

    func testNoNumberExistsWhenBothPassesGiveTen() {
        // 9·2 + 10·8 + 11·1 = 109 ≡ 10 and 11·2 + 1·8 + 2·1 = 32 ≡ 10 (mod 11).
        XCTAssertNil(TaxpayerNumber.checkDigit(of: [0, 0, 0, 0, 0, 0, 0, 0, 2, 8, 1]))
        for last in 0...9 {
            XCTAssertEqual(TaxpayerNumber.defect(of: "00000000281\(last)"), .checksum)
        }
    }

    func testSomeSingleDigitChangesGoUnnoticed() {
        // Digit 11 weighs 11 ≡ 0 in the first pass, so the domain reference's two BINs share a check digit.
        XCTAssertTrue(TaxpayerNumber("000140000002").isValid && TaxpayerNumber("000140000012").isValid)
        // A change that moves the number into the second pass can land on the same check digit.
        XCTAssertTrue(TaxpayerNumber("000340000002").isValid)
    }

    func testCodableKeepsTheText() throws {
        let data = try JSONEncoder().encode([TaxpayerNumber("000140000003")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["000140000003"]"#)
        XCTAssertEqual(try JSONDecoder().decode([TaxpayerNumber].self, from: data), [TaxpayerNumber("000140000003")])
    }
}

final class CommodityCodeTests: XCTestCase {
    func testTnved() {
        XCTAssertNil(TnvedCode.defect(of: "2503001000"))
        XCTAssertEqual(TnvedCode.defect(of: ""), .empty)
        XCTAssertEqual(TnvedCode.defect(of: "250300100"), .length(expected: "10", found: 9))
        XCTAssertEqual(TnvedCode.defect(of: "25030010000"), .length(expected: "10", found: 11))
        XCTAssertEqual(TnvedCode.defect(of: "25030010a0"), .notDigits)
        XCTAssertEqual(TnvedCode.defect(of: "2503.00.10"), .notDigits)
    }

    func testKpved() {
        for code in ["08.91.12.01", "20.14.75.300", "08", "08.9", "08.91.1", "01.1.1.1"] {
            XCTAssertNil(KpvedCode.defect(of: code), code)
        }
        XCTAssertEqual(KpvedCode.defect(of: ""), .empty)
        let shape = IdentifierDefect.format(expected: IdentifierAssumptions.kpvedPatternText)
        for code in ["8.91", "089.1", "08.91.12.01.5", "08..12", "08.91.12.0001", "08.91.", ".08", "08,91", "08.9a", "08.123"] {
            XCTAssertEqual(KpvedCode.defect(of: code), shape, code)
        }
    }

    func testGtinOfEveryLengthWithRealCheckDigits() {
        for code in ["96385074", "036000291452", "4006381333931", "10012345678902", "4870000000012"] {
            XCTAssertNil(Gtin.defect(of: code), code)
        }
        for code in ["96385075", "036000291453", "4006381333932", "10012345678901"] {
            XCTAssertEqual(Gtin.defect(of: code), .checksum, code)
        }
        XCTAssertEqual(Gtin.defect(of: ""), .empty)
        XCTAssertEqual(Gtin.defect(of: "40063813339"), .length(expected: "8, 12, 13, 14", found: 11))
        XCTAssertEqual(Gtin.defect(of: "123456789"), .length(expected: "8, 12, 13, 14", found: 9))
        XCTAssertEqual(Gtin.defect(of: "400638133393X"), .notDigits)
        XCTAssertEqual(Gtin("96385074").gtin14, "00000096385074")
        XCTAssertNil(Gtin.defect(of: Gtin("4006381333931").gtin14), "padding keeps the check digit right")
    }

    func testNtin() {
        XCTAssertEqual(IdentifierAssumptions.ntinLength, 13)
        XCTAssertNil(Ntin.defect(of: "4870000000012"))
        XCTAssertEqual(Ntin.defect(of: "4870000000013"), .checksum)
        XCTAssertEqual(Ntin.defect(of: "96385074"), .length(expected: "13", found: 8))
        XCTAssertEqual(Ntin.defect(of: "487000000001a"), .notDigits)
        XCTAssertEqual(Ntin.defect(of: ""), .empty)
    }
}

final class GsvsCodeTests: XCTestCase {
    func testValidCodes() {
        XCTAssertNil(GsvsCode.defect(of: "08.91.12.01-2503001000"))
        XCTAssertNil(GsvsCode.defect(of: "08.91.12.01-2503001000/4006381333931"))
        let code = GsvsCode(kpved: KpvedCode("08.91.12.01"), tnved: TnvedCode("2503001000"), gtin: Gtin("96385074"))
        XCTAssertEqual(code.rawValue, "08.91.12.01-2503001000/96385074")
        XCTAssertEqual(code.parts?.kpved, KpvedCode("08.91.12.01"))
        XCTAssertEqual(code.parts?.tnved, TnvedCode("2503001000"))
        XCTAssertEqual(code.parts?.gtin, Gtin("96385074"))
        XCTAssertNil(GsvsCode("08.91.12.01-2503001000").parts?.gtin)
    }

    func testDefects() {
        let shape = IdentifierDefect.format(expected: GsvsCode.patternText)
        XCTAssertEqual(GsvsCode.defect(of: ""), .empty)
        for text in ["08.91.12.01", "-2503001000", "08.91.12.01-", "08.91.12.01-2503001000/", "08.91.12.01-/96385074"] {
            XCTAssertEqual(GsvsCode.defect(of: text), shape, text)
        }
        XCTAssertEqual(GsvsCode.defect(of: "08.91.12.01-250300100"), .length(expected: "10", found: 9), "the TN VED part")
        XCTAssertEqual(GsvsCode.defect(of: "8.91-2503001000"), .format(expected: IdentifierAssumptions.kpvedPatternText))
        XCTAssertEqual(GsvsCode.defect(of: "08.91.12.01-2503001000/4006381333932"), .checksum, "the GTIN part")
    }
}

final class VirtualProductIdTests: XCTestCase {
    func testParsesTheDomainExample() throws {
        let id = VirtualProductId("08.91.12.01-2503001000<812004>")
        XCTAssertTrue(id.isValid)
        let parts = try XCTUnwrap(id.parts)
        XCTAssertEqual(parts.gsvs, GsvsCode("08.91.12.01-2503001000"))
        XCTAssertEqual(parts.batch, 812_004)
        XCTAssertNil(parts.pin)
        XCTAssertEqual(VirtualProductId(gsvs: parts.gsvs, batch: parts.batch).rawValue, "08.91.12.01-2503001000<812004>")
    }

    func testWithGtinAndPin() throws {
        let text = "08.91.12.01-2503001000/4006381333931<812004>{0104006381333931215abc}"
        let parts = try XCTUnwrap(VirtualProductId(text).parts)
        XCTAssertEqual(parts.gsvs.parts?.gtin, Gtin("4006381333931"))
        XCTAssertEqual(parts.pin, "0104006381333931215abc")
        XCTAssertEqual(VirtualProductId(gsvs: parts.gsvs, batch: parts.batch, pin: parts.pin).rawValue, text)
        XCTAssertTrue(VirtualProductId(text).isValid)
        XCTAssertEqual(VirtualProductId("08.91.12.01-2503001000<1>{}").parts?.pin, "", "an empty PIN is still a PIN")
        XCTAssertNil(VirtualProductId("08.91.12.01-2503001000/4006381333931<812004>").parts?.pin)
    }

    func testMalformed() {
        let shape = IdentifierDefect.format(expected: VirtualProductId.patternText)
        XCTAssertEqual(VirtualProductId.defect(of: ""), .empty)
        for text in ["08.91.12.01-2503001000", "08.91.12.01-2503001000<>", "<812004>", "08.91.12.01<812004>",
                     "08.91.12.01-2503001000<81a>", "08.91.12.01-2503001000<-1>", "08.91.12.01-2503001000<812004",
                     "08.91.12.01-2503001000<1>x", "08.91.12.01-2503001000<1>{x", "08.91.12.01-2503001000<1>{a}b}",
                     "08.91.12.01-2503001000<99999999999999999999>"] {
            XCTAssertNil(VirtualProductId(text).parts, text)
            XCTAssertEqual(VirtualProductId.defect(of: text), shape, text)
        }
        XCTAssertEqual(VirtualProductId.defect(of: "08.91.12.01-2503001000/4006381333932<1>"), .checksum,
                       "well formed, but its GTIN is wrong")
    }

    func testTheLargestBatchRoundTrips() throws {
        let id = VirtualProductId(gsvs: GsvsCode("08.91.12.01-2503001000"), batch: .max)
        XCTAssertEqual(try XCTUnwrap(id.parts).batch, .max)
    }
}

final class SntRegistrationNumberTests: XCTestCase {
    func testParsesAndPrintsTheDomainExample() throws {
        let number = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260115-1")
        XCTAssertTrue(number.isValid)
        let parts = try XCTUnwrap(number.parts)
        XCTAssertEqual(parts.officeCode, "0000")
        XCTAssertEqual(parts.supplier, TaxpayerNumber("000140000002"))
        XCTAssertEqual(parts.date, CalendarDate(year: 2026, month: 1, day: 15))
        XCTAssertEqual(parts.sequence, "1")
        let printed = SntRegistrationNumber(officeCode: "0000", supplier: TaxpayerNumber("000140000002"),
                                            date: try XCTUnwrap(CalendarDate(year: 2026, month: 1, day: 15)), sequence: 1)
        XCTAssertEqual(printed, number)
    }

    func testMalformed() {
        let shape = IdentifierDefect.format(expected: SntRegistrationNumber.patternText)
        XCTAssertEqual(SntRegistrationNumber.defect(of: ""), .empty)
        for text in ["KZ-SNT-0000-000140000002-20260230-1", "KZ-SNT-0000-000140000002-20261301-1",
                     "KZ-ESF-0000-000140000002-20260115-1", "kz-snt-0000-000140000002-20260115-1",
                     "ESF-000140000002-20260115-1", "KZ-SNT-0000-00014000000-20260115-1",
                     "KZ-SNT-000-000140000002-20260115-1", "KZ-SNT-0000-000140000002-2026011-1",
                     "KZ-SNT-0000-000140000002-20260115-", "KZ-SNT-0000-000140000002-20260115",
                     "KZ-SNT-0000-000140000002-20260115-1-2", "KZ-SNT-0000-000140000002-20260115-x",
                     "KZ-SNT-0000-000140000002-00000115-1", " KZ-SNT-0000-000140000002-20260115-1"] {
            XCTAssertNil(SntRegistrationNumber(text).parts, text)
            XCTAssertEqual(SntRegistrationNumber.defect(of: text), shape, text)
        }
    }

    func testOnlyTheShapeIsChecked() {
        // IS ESF assigns these numbers, so the supplier part is taken as it comes, checksum and all.
        XCTAssertTrue(SntRegistrationNumber("KZ-SNT-0000-000140000003-20260115-1").isValid)
        XCTAssertEqual(SntRegistrationNumber("KZ-SNT-0000-000140000003-20260115-1").parts?.supplier.defect, .checksum)
    }

    func testLeapDayAndLongSequence() {
        XCTAssertTrue(SntRegistrationNumber("KZ-SNT-1234-000140000012-20240229-123456789").isValid)
        XCTAssertFalse(SntRegistrationNumber("KZ-SNT-1234-000140000012-20250229-1").isValid)
    }
}

final class CodeListTests: XCTestCase {
    func testCountryCodes() {
        XCTAssertNil(CountryCode.defect(of: "KZ"))
        XCTAssertNil(CountryCode.defect(of: "DE"))
        XCTAssertEqual(CountryCode.defect(of: ""), .empty)
        XCTAssertEqual(CountryCode.defect(of: "kz"), .format(expected: "AA"))
        XCTAssertEqual(CountryCode.defect(of: "KAZ"), .format(expected: "AA"))
        XCTAssertEqual(CountryCode.defect(of: "K1"), .format(expected: "AA"))
        XCTAssertEqual(CountryCode.defect(of: "XX"), .unknownCode)
        XCTAssertEqual(CountryCode.kazakhstan.rawValue, "KZ")
        XCTAssertEqual(Set(["AM", "BY", "KZ", "KG", "RU"].filter { CountryCode($0).isEAEU }).count, 5)
        XCTAssertFalse(CountryCode("UZ").isEAEU)
        XCTAssertFalse(CountryCode("CN").isEAEU)
        XCTAssertTrue(CountryCode.eaeuMembers.allSatisfy { CountryCode($0).isValid })
    }

    func testCurrencyCodes() {
        XCTAssertNil(CurrencyCode.defect(of: "KZT"))
        XCTAssertNil(CurrencyCode.defect(of: "USD"))
        XCTAssertNil(CurrencyCode.defect(of: "RUB"))
        XCTAssertEqual(CurrencyCode.defect(of: ""), .empty)
        XCTAssertEqual(CurrencyCode.defect(of: "kzt"), .format(expected: "AAA"))
        XCTAssertEqual(CurrencyCode.defect(of: "KZ"), .format(expected: "AAA"))
        XCTAssertEqual(CurrencyCode.defect(of: "398"), .format(expected: "AAA"))
        XCTAssertEqual(CurrencyCode.defect(of: "XXX"), .unknownCode, "ISO's 'no currency' code is no currency")
        XCTAssertEqual(CurrencyCode.defect(of: "ABC"), .unknownCode)
        XCTAssertTrue(CurrencyCode.tenge.isTenge)
        XCTAssertFalse(CurrencyCode("USD").isTenge)
    }

    func testMeasureUnitCodes() {
        XCTAssertNil(MeasureUnitCode.defect(of: "796"))
        XCTAssertEqual(MeasureUnitCode("796").knownUnit?.name.english, "piece")
        XCTAssertEqual(MeasureUnitCode("006").knownUnit?.name.russian, "метр")
        XCTAssertNil(MeasureUnitCode.defect(of: "999"), "well formed; the dictionary decides whether it exists")
        XCTAssertNil(MeasureUnitCode("999").knownUnit)
        XCTAssertEqual(MeasureUnitCode.defect(of: ""), .empty)
        XCTAssertEqual(MeasureUnitCode.defect(of: "7a"), .notDigits)
        XCTAssertEqual(MeasureUnitCode.defect(of: "12345678901"), .length(expected: "1–10", found: 11))
        for unit in MeasureUnit.known.values {
            XCTAssertTrue(MeasureUnitCode(unit.code).isValid, unit.code)
            XCTAssertFalse(unit.name.kazakh.isEmpty || unit.name.russian.isEmpty || unit.name.english.isEmpty)
        }
    }
}

final class DecimalTextTests: XCTestCase {
    func testParseAcceptsOnlyPlainDecimals() {
        XCTAssertEqual(DecimalText.parse("12.5"), Decimal(string: "12.5"))
        XCTAssertEqual(DecimalText.parse("-0.01"), Decimal(string: "-0.01"))
        XCTAssertEqual(DecimalText.parse("100"), 100)
        XCTAssertEqual(DecimalText.parse("0"), 0)
        XCTAssertEqual(DecimalText.parse("12.50"), Decimal(string: "12.5"), "parsed, though not canonical")
        XCTAssertEqual(DecimalText.parse(String(repeating: "9", count: 38)), Decimal(string: String(repeating: "9", count: 38)))
        for text in ["12abc", "1e5", "1E5", "+1", ".5", "1.", "", "-", "1.2.3", " 1", "1 ", "1,5", "٣", "0x10", "--1", "-.5",
                     String(repeating: "9", count: 39), "0." + String(repeating: "1", count: 38)] {
            XCTAssertNil(DecimalText.parse(text), text)
        }
    }

    func testFormatWritesNoTrailingZeros() throws {
        XCTAssertEqual(DecimalText.format(try XCTUnwrap(Decimal(string: "12.50"))), "12.5")
        XCTAssertEqual(DecimalText.format(100), "100")
        XCTAssertEqual(DecimalText.format(try XCTUnwrap(Decimal(string: "100.00"))), "100")
        XCTAssertEqual(DecimalText.format(0), "0")
        XCTAssertEqual(DecimalText.format(try XCTUnwrap(Decimal(string: "-0.010"))), "-0.01")
        XCTAssertEqual(DecimalText.format(Decimal(sign: .minus, exponent: 0, significand: 0)), "0")
        XCTAssertEqual(DecimalText.format(Decimal(sign: .plus, exponent: 3, significand: 12)), "12000")
        XCTAssertEqual(DecimalText.format(Decimal(sign: .plus, exponent: -6, significand: 5)), "0.000005")
    }

    func testIsCanonical() {
        for text in ["12.5", "100", "0", "-0.01", "1234567.89"] { XCTAssertTrue(DecimalText.isCanonical(text), text) }
        for text in ["12.50", "100.0", "007", "-0", "0.0", "+1", "1e2", "", "abc"] {
            XCTAssertFalse(DecimalText.isCanonical(text), text)
        }
    }

    func testRoundingIsHalfAwayFromZero() throws {
        func decimal(_ text: String) throws -> Decimal { try XCTUnwrap(Decimal(string: text)) }
        XCTAssertEqual(try decimal("2.345").rounded(scale: 2), try decimal("2.35"))
        XCTAssertEqual(try decimal("-2.345").rounded(scale: 2), try decimal("-2.35"))
        XCTAssertEqual(try decimal("2.344").rounded(scale: 2), try decimal("2.34"))
        XCTAssertEqual(try decimal("-2.344").rounded(scale: 2), try decimal("-2.34"))
        XCTAssertEqual(try decimal("2.5").rounded(scale: 0), 3)
        XCTAssertEqual(try decimal("-2.5").rounded(scale: 0), -3)
        XCTAssertEqual(try decimal("0.005").rounded(scale: 2), try decimal("0.01"))
        XCTAssertEqual(try decimal("12.5").rounded(scale: 2), try decimal("12.5"))
    }
}

final class CalendarDateTests: XCTestCase {
    func testParse() {
        XCTAssertEqual(CalendarDate(ddMMyyyy: "29.02.2024"), CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(ddMMyyyy: "29.02.2000"), "divisible by 400")
        for text in ["29.02.2026", "29.02.1900", "31.04.2026", "32.01.2026", "00.01.2026", "01.13.2026", "01.00.2026",
                     "01.01.0000", "1.02.2024", "01-02-2024", "2024.02.01", "01.02.24", "01.02.2024 ", "0a.02.2024", ""] {
            XCTAssertNil(CalendarDate(ddMMyyyy: text), text)
        }
        XCTAssertNil(CalendarDate(year: 2026, month: 4, day: 31))
    }

    func testFormats() throws {
        let date = try XCTUnwrap(CalendarDate(year: 2026, month: 1, day: 5))
        XCTAssertEqual(date.ddMMyyyy, "05.01.2026")
        XCTAssertEqual(date.yyyyMMdd, "20260105")
        XCTAssertEqual(date.description, "05.01.2026")
        XCTAssertEqual(try XCTUnwrap(CalendarDate(year: 987, month: 12, day: 31)).ddMMyyyy, "31.12.0987")
    }

    func testIsoWeekdayOfKnownDates() throws {
        let known: [(Int, Int, Int, Int)] = [
            (1970, 1, 1, 4), (1969, 12, 31, 3), (2000, 1, 1, 6), (2024, 2, 29, 4), (2026, 1, 1, 4),
            (2026, 11, 23, 1), (2026, 3, 22, 7), (1991, 12, 16, 1),
        ]
        for (year, month, day, weekday) in known {
            XCTAssertEqual(try XCTUnwrap(CalendarDate(year: year, month: month, day: day)).isoWeekday, weekday,
                           "\(day).\(month).\(year)")
        }
    }

    func testDayArithmetic() throws {
        let leapDay = try XCTUnwrap(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(leapDay.adding(days: 1), CalendarDate(year: 2024, month: 3, day: 1))
        XCTAssertEqual(leapDay.adding(days: 366), CalendarDate(year: 2025, month: 3, day: 1))
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1)?.dayNumber, 0)
        XCTAssertLessThan(leapDay, try XCTUnwrap(CalendarDate(year: 2024, month: 3, day: 1)))
    }
}
