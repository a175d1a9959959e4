import Foundation
import QoimaCore
import QoimaXML
import XCTest

final class SntXMLReaderTests: XCTestCase {
    /// A body with `inner` between the root tags (prefix `v1`), for short inputs.
    private func body(_ inner: String) -> String { #"<v1:snt xmlns:v1="v1.snt">"# + inner + "</v1:snt>" }

    private func summary(_ problems: [SntProblem]) -> [String] {
        problems.map { "\($0.rule.id) \($0.location) \($0.arguments.joined(separator: " | "))" }
    }

    func testRichSntRoundTripsThroughXML() throws {
        let rich = SntXMLSamples.rich
        let decoded = try SntXMLReader.read(SntXMLWriter.body(of: rich))
        XCTAssertEqual(decoded.problems, [])
        XCTAssertTrue(decoded.snt == rich, "model → XML → model changed the SNT")
        // Spot checks, so a failure says where.
        XCTAssertEqual(decoded.snt.number, rich.number)
        XCTAssertEqual(decoded.snt.customer.actualAddress, "Tab\tnew\nline and CR\r, too")
        XCTAssertEqual(decoded.snt.goods?.lines[1].ntin, Ntin("4870100000097"))
        XCTAssertEqual(decoded.snt.oil?.lines[0].pinCode, "PIN-000777")
        XCTAssertEqual(decoded.snt.preservedBlocks, rich.preservedBlocks)
        XCTAssertEqual(decoded.snt.roadCargo, rich.roadCargo)
        XCTAssertEqual(decoded.snt.seller, rich.seller)
        XCTAssertEqual(decoded.snt.carriage, rich.carriage)
    }

    func testCanonicalSampleReadsAndWritesBackByteForByte() throws {
        let bytes = try SntXMLSamples.sampleBytes("primary-snt.xml")
        let decoded = try SntXMLReader.read(bytes)
        XCTAssertEqual(decoded.problems, [])
        XCTAssertTrue(decoded.snt == SntXMLSamples.primary)
        XCTAssertTrue(SntXMLWriter.body(of: decoded.snt) == String(decoding: bytes, as: UTF8.self))
        let rich = SntXMLWriter.body(of: SntXMLSamples.rich)
        XCTAssertTrue(SntXMLWriter.body(of: try SntXMLReader.read(rich).snt) == rich)
    }

    func testOrderDoesNotMatterForReadingButIsReported() throws {
        let xml = #"<ns0:snt xmlns:ns0="v1.snt">"#
            + "<sntType>PRIMARY_SNT</sntType><number>N-1</number><date>15.01.2026</date>"
            + "<seller><tin>000140000002</tin><name>A</name></seller><customer><name>B</name></customer></ns0:snt>"
        let decoded = try SntXMLReader.read(xml)
        XCTAssertEqual(decoded.snt.number, "N-1")
        XCTAssertEqual(decoded.snt.date, CalendarDate(year: 2026, month: 1, day: 15))
        XCTAssertEqual(decoded.snt.seller.tin, SntXMLSamples.sellerBIN)
        XCTAssertEqual(summary(decoded.problems), [
            "XML-ORDER A1 number | 1 | sntType",
            "XML-ORDER A2 date | 1 | sntType",
            "XML-ORDER B14 seller/name | 1 | tin",
            "XML-ORDER SNT customer | 1 | seller",
        ])
        XCTAssertTrue(decoded.problems.allSatisfy { $0.severity == .warning })
        // Written back in schema order.
        XCTAssertTrue(SntXMLWriter.body(of: decoded.snt).hasPrefix(
            #"<v1:snt xmlns:v1="v1.snt"><date>15.01.2026</date><number>N-1</number><sntType>PRIMARY_SNT</sntType>"#
                + "<customer><name>B</name></customer><seller><name>A</name><tin>000140000002</tin></seller>"))
    }

    func testEachDecodingRuleAtItsFieldAndLine() throws {
        let xml = """
            <v1:snt xmlns:v1="v1.snt">
            <date>2026-01-15</date><number>N</number><shippingDate>32.01.2026</shippingDate>
            <sntType>FIXED</sntType>
            <contract><isContract>yes</isContract></contract>
            <currencyRate>1,5</currencyRate>
            <customer><nonResident>TRUE</nonResident><statuses><status>RETAIL</status><status>SHOP</status></statuses><storeId>12.0</storeId></customer>
            <oilSet><products><product><gtinCode>4870000000012</gtinCode><exciseRate>-0</exciseRate></product></products></oilSet>
            <productSet><totalNdsAmount>120.50</totalNdsAmount><totalPriceWithoutTax>007</totalPriceWithoutTax><products>
            <product><productNumber>1</productNumber><productName>ok</productName></product>
            <product><ndsRate>12.5</ndsRate><productNumber>two</productNumber><truOriginCode>1e0</truOriginCode>
            <pinCode>P</pinCode><price>ten</price><quantity> 10</quantity></product>
            </products></productSet>
            <reasonPaper></reasonPaper>
            <seller><name>S</name><name>T</name><storeId>99999999999999999999</storeId></seller>
            <shippingInfo><transportTypes><transportType>TRUCK</transportType></transportTypes></shippingInfo>
            <sntImport><sezCode>1</sezCode></sntImport>
            <transferType>ONE_PERSON</transferType>
            <bonus>1</bonus>
            </v1:snt>
            """
        let decoded = try SntXMLReader.read(xml)
        XCTAssertEqual(summary(decoded.problems), [
            "XML-DATE A2 date | 2 | 2026-01-15",
            "XML-DATE A3 shippingDate | 2 | 32.01.2026",
            "XML-ENUM A5/A6 sntType | 3 | FIXED | PRIMARY_SNT, FIXED_SNT, RETURNED_SNT",
            "XML-BOOLEAN F44 contract/isContract | 4 | yes",
            "XML-DECIMAL 51 currencyRate | 5 | 1,5",
            "XML-BOOLEAN C22.1 customer/nonResident | 6 | TRUE",
            "XML-ENUM C26 customer/statuses/status[2] | 6 | SHOP | " + PartyCategory.allCases.map(\.rawValue).joined(separator: ", "),
            "XML-INTEGER C30 customer/storeId | 6 | 12.0",
            "XML-UNKNOWN-ELEMENT G6.16[1] oilSet/products/product[1]/gtinCode | 7",
            "XML-DECIMAL-FORM G6.9.1[1] oilSet/products/product[1]/exciseRate | 7 | -0 | 0",
            "XML-DECIMAL-FORM 52.3 productSet/totalNdsAmount | 8 | 120.50 | 120.5",
            "XML-DECIMAL-FORM 52.1 productSet/totalPriceWithoutTax | 8 | 007 | 7",
            "XML-INTEGER G1.10[2] productSet/products/product[2]/ndsRate | 10 | 12.5",
            "XML-INTEGER G1.1[2] productSet/products/product[2]/productNumber | 10 | two",
            "XML-INTEGER G1.2[2] productSet/products/product[2]/truOriginCode | 10 | 1e0",
            "XML-UNKNOWN-ELEMENT G1.pinCode[2] productSet/products/product[2]/pinCode | 11",
            "XML-DECIMAL G1.7[2] productSet/products/product[2]/price | 11 | ten",
            "XML-DECIMAL-FORM G1.6[2] productSet/products/product[2]/quantity | 11 |  10 | 10",
            "XML-ENUM A2.1.1 reasonPaper | 13 |  | DOWN_TIME, UNLAWFUL_REMOVAL_REGISTRATION, MISSING_REQUIREMENT",
            "XML-DUPLICATE B14 seller/name | 14",
            "XML-INTEGER B21 seller/storeId | 14 | 99999999999999999999",
            "XML-ENUM E39 shippingInfo/transportTypes/transportType[1] | 15 | TRUCK | "
                + TransportType.allCases.map(\.rawValue).joined(separator: ", "),
            "XML-MISSING A7 sntImport/importType | 16",
            "XML-ENUM A9 transferType | 17 | ONE_PERSON | ONE_PERSON_IN_KZ, ONE_PERSON_IN_EAEU, OTHER",
            "XML-UNKNOWN-ELEMENT SNT bonus | 18",
        ])
        // The lines point at the table and the 1-based position, not at productNumber.
        let lineProblem = decoded.problems.first { $0.rule == SntDecodingRules.integer && $0.lineNumber == 2 }
        XCTAssertEqual(lineProblem?.table, .g1)
        XCTAssertEqual(lineProblem?.field, SntField.line(.ndsRate, in: .g1))
        // What did not decode is left out; non-canonical decimals keep their value.
        let snt = decoded.snt
        XCTAssertNil(snt.date)
        XCTAssertEqual(snt.type, .primary)
        XCTAssertEqual(snt.contract?.isContract, false)
        XCTAssertNil(snt.customer.nonResident)
        XCTAssertEqual(snt.customer.categories, [.retail])
        XCTAssertNil(snt.customer.storeId)
        XCTAssertEqual(snt.goods?.totals.totalNdsAmount, Decimal(string: "120.5"))
        XCTAssertEqual(snt.goods?.totals.totalPriceWithoutTax, 7)
        XCTAssertEqual(snt.goods?.lines.count, 2)
        XCTAssertEqual(snt.goods?.lines[1].quantity, 10)
        XCTAssertNil(snt.goods?.lines[1].price)
        XCTAssertNil(snt.goods?.lines[1].pinCode)
        XCTAssertNil(snt.oil?.lines[0].gtinCode)
        XCTAssertEqual(snt.seller.name, "S")
        XCTAssertNil(snt.importKind)
        XCTAssertNil(snt.transferType)
        XCTAssertEqual(SntDecodingRules.decimalForm.severity, .warning)
        XCTAssertEqual(decoded.problems.filter { $0.severity == .warning }.map(\.rule.id),
                       ["XML-DECIMAL-FORM", "XML-DECIMAL-FORM", "XML-DECIMAL-FORM", "XML-DECIMAL-FORM"])
    }

    func testMissingRequiredElementsThatTheModelCannotLeaveEmpty() throws {
        let decoded = try SntXMLReader.read(body("<contract><number>1</number></contract><sntExport></sntExport>"))
        XCTAssertEqual(summary(decoded.problems), [
            "XML-MISSING F44 contract/isContract | 1",
            "XML-MISSING A8 sntExport/exportType | 1",
            "XML-MISSING A5/A6 sntType | 1",
        ])
    }

    func testRelatedRegistrationNumberIsA51ForACorrectionAndA61ForAReturn() throws {
        for (type, code) in [("FIXED_SNT", "A5.1"), ("RETURNED_SNT", "A6.1")] {
            let decoded = try SntXMLReader.read(body("<relatedRegistrationNumber>x</relatedRegistrationNumber>"
                + "<relatedRegistrationNumber>y</relatedRegistrationNumber><sntType>\(type)</sntType>"))
            XCTAssertEqual(decoded.problems.map(\.location), [code])
            XCTAssertEqual(decoded.snt.relatedRegistrationNumber?.rawValue, "x")
        }
    }

    func testTheDecodingProblemsSample() throws {
        let decoded = try SntXMLReader.read(try SntXMLSamples.sampleBytes("decoding-problems.xml"))
        XCTAssertEqual(summary(decoded.problems), [
            "XML-DATE A2 date | 4 | 31.02.2026",
            "XML-ENUM A5/A6 sntType | 6 | PRIMARY | PRIMARY_SNT, FIXED_SNT, RETURNED_SNT",
            "XML-ORDER A3 shippingDate | 7 | sntType",
            "XML-DUPLICATE 50 currencyCode | 9",
            "XML-BOOLEAN C22.1 customer/nonResident | 14 | no",
            "XML-INTEGER C30 customer/storeId | 16 | 2002A",
            "XML-DECIMAL-FORM 52.3 productSet/totalNdsAmount | 19 | 5400.00 | 5400",
            "XML-INTEGER G1.10[1] productSet/products/product[1]/ndsRate | 25 | 12%",
            "XML-DECIMAL G1.7[1] productSet/products/product[1]/price | 33 | 45 000",
            "XML-UNKNOWN-ELEMENT G1[1] productSet/products/product[1]/weight | 36",
            "XML-MISSING A7 sntImport/importType | 48",
        ])
        XCTAssertEqual(decoded.snt.currencyCode, .tenge)
        // The unmodelled block is kept, in canonical form (comment and indentation gone).
        XCTAssertEqual(decoded.snt.preservedBlocks, [PreservedBlock(
            elementName: "tobaccoSet", xml: "<tobaccoSet><totalPriceWithoutTax>100</totalPriceWithoutTax></tobaccoSet>")])
        XCTAssertTrue(SntXMLWriter.body(of: decoded.snt).contains(
            "</seller><tobaccoSet><totalPriceWithoutTax>100</totalPriceWithoutTax></tobaccoSet></v1:snt>"))
        // Every message is filled in all three languages.
        for problem in decoded.problems {
            for language in Language.allCases {
                let message = problem.message(in: language)
                XCTAssertNil(message.range(of: #"%[0-9]+\$@"#, options: .regularExpression), message)
            }
        }
        XCTAssertEqual(decoded.problems[0].message(in: .english),
                       "Line 4, date: “31.02.2026” is not a date in the form dd.MM.yyyy.")
    }

    func testPreservedBlocksKeepEverythingButFormatting() throws {
        let xml = body("""
            <alcoholSet b="2" a="1&amp;&quot;">
              <!-- note --><?pi x?>
              <sellerLicenseNumber>L &lt;1&gt;</sellerLicenseNumber>
              <wineMaterialProductSet><products><product><![CDATA[raw <text> & more]]></product></products></wineMaterialProductSet>
            </alcoholSet>
            """)
        let block = try SntXMLReader.read(xml).snt.preservedBlocks
        XCTAssertEqual(block, [PreservedBlock(elementName: "alcoholSet", xml: #"<alcoholSet a="1&amp;&quot;" b="2">"#
            + "<sellerLicenseNumber>L &lt;1&gt;</sellerLicenseNumber><wineMaterialProductSet><products><product>"
            + "raw &lt;text&gt; &amp; more</product></products></wineMaterialProductSet></alcoholSet>")])
    }

    func testTextInsideAValueElementIsAllItHolds() throws {
        let decoded = try SntXMLReader.read(body("<number>A<b>x</b>B</number>"))
        XCTAssertEqual(decoded.snt.number, "AB")
        XCTAssertEqual(decoded.problems.map(\.rule.id), ["XML-UNKNOWN-ELEMENT", "XML-MISSING"])
        XCTAssertEqual(decoded.problems.first?.arguments.first, "number/b")
    }

    func testActionRoundTripAndProblems() throws {
        let action = SntAction(sntId: 918_273, kind: .revoke, originalDocumentSignature: "MIIB",
                               powerOfAttorneyDate: CalendarDate(year: 2026, month: 1, day: 17),
                               powerOfAttorneyNumber: "Д-9", cause: "Ошибка в <количестве> & цене")
        let decoded = try SntActionXML.read(SntActionXML.body(of: action))
        XCTAssertEqual(decoded.action, action)
        XCTAssertEqual(decoded.problems, [])
        XCTAssertEqual(try SntActionXML.read(SntActionXML.body(of: SntAction(sntId: 1, kind: .confirm))).action,
                       SntAction(sntId: 1, kind: .confirm))

        let bad = try SntActionXML.read(#"<a:sntAction xmlns:a="v1.snt"><sntId>x1</sntId><actionType>ACCEPT</actionType>"#
            + "<powerOfAttorneyDate>1.1.2026</powerOfAttorneyDate></a:sntAction>")
        XCTAssertNil(bad.action)
        XCTAssertEqual(summary(bad.problems), [
            "XML-INTEGER sntId sntId | 1 | x1",
            "XML-ENUM actionType actionType | 1 | ACCEPT | CONFIRM, DECLINE, REVOKE",
            "XML-DATE powerOfAttorneyDate powerOfAttorneyDate | 1 | 1.1.2026",
        ])
        XCTAssertEqual(bad.problems.first?.field, SntActionXML.Fields.sntId)
        let missing = try SntActionXML.read(#"<v1:sntAction xmlns:v1="v1.snt"><cause>c</cause></v1:sntAction>"#)
        XCTAssertNil(missing.action)
        XCTAssertEqual(missing.problems.map(\.rule.id), ["XML-MISSING", "XML-MISSING"])
        XCTAssertThrowsError(try SntActionXML.read(body("")))
    }

    func testDecodingRuleCatalogue() {
        let ids = SntDecodingRules.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids, ["XML-DATE", "XML-DECIMAL", "XML-DECIMAL-FORM", "XML-ENUM", "XML-BOOLEAN", "XML-INTEGER",
                             "XML-UNKNOWN-ELEMENT", "XML-ORDER", "XML-DUPLICATE", "XML-MISSING"])
        for rule in SntDecodingRules.all {
            XCTAssertFalse(rule.fields.isEmpty, rule.id)
            for language in Language.allCases {
                let text = rule.message.template(in: language)
                XCTAssertTrue(text.contains("%1$@") && text.contains("%2$@"), "\(rule.id) \(language)")
            }
        }
    }
}
