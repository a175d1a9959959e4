import Foundation
import QoimaCore
import QoimaXML
import XCTest

final class UFormXMLTests: XCTestCase {
    static let movement = UForm(
        number: "ВП-0001", date: CalendarDate(year: 2026, month: 11, day: 20), type: .movement,
        sender: UFormParty(address: "Алматы қ., Абай даңғылы, 150", name: "ТОО «Қойма Сауда»", storeId: 1001,
                           storeName: "Негізгі қойма", tin: TaxpayerNumber("000140000002")),
        recipient: UFormParty(name: "ТОО «Қойма Сауда»", storeId: 1002, tin: TaxpayerNumber("000140000002")),
        totalSum: 1_125_000, comment: " ",
        products: [
            UFormProduct(gsvsCode: GsvsCode("23.51.12.100-2523290000"), measureUnitCode: MeasureUnitCode("168"),
                         price: 37500, quantity: 30, sum: 1_125_000, canExport: false, dutyType: .eaeu,
                         manufactureOrImportCountry: CountryCode("KZ"), name: "Цемент & «ЦЕМ I 42,5Н»",
                         productId: 812017, spiritPercent: nil, tnvedCode: TnvedCode("2523290000")),
        ])

    func testAWrittenFormReadsBackTheSame() throws {
        var form = Self.movement
        form.products.append(UFormProduct(gsvsCode: GsvsCode("11.01.10.100-2208601100"), measureUnitCode: MeasureUnitCode("796"),
                                          price: 4200.5, quantity: 12, sum: 50406, name: "Водка 0,5 л",
                                          originCertificateDate: CalendarDate(year: 2026, month: 1, day: 5),
                                          productId: 812052, spiritPercent: 40, tnvedCode: TnvedCode("2208601100")))
        form.sourceProducts = [UFormProduct(gsvsCode: GsvsCode("24.10.62.000-7214200000"), quantity: 1)]
        form.writeOffReason = .damage
        form.detailingType = .packing
        let xml = UFormXMLWriter.body(of: form)
        let decoded = try UFormXMLReader.read(xml)
        XCTAssertEqual(decoded.problems, [])
        XCTAssertEqual(decoded.form, form)
        XCTAssertTrue(xml.hasPrefix(#"<v1:uForm xmlns:v1="namespace.v1"><date>20.11.2026</date><number>"#), xml)
        XCTAssertTrue(xml.contains("<comment> </comment>"), "a one-space comment is kept")
        XCTAssertTrue(xml.contains("Цемент &amp; «ЦЕМ I 42,5Н»"))
    }

    func testTheWriterFollowsTheSchemaOrder() throws {
        let xml = UFormXMLWriter.body(of: Self.movement)
        let root = try XMLTree(parsing: xml).root
        let top = root.children.map(\.localName)
        XCTAssertEqual(top, ["date", "number", "recipient", "sender", "totalSum", "type", "comment", "products"])
        XCTAssertEqual(top, UFormSchema.form.filter(top.contains))
        let line = try XCTUnwrap(root.child(named: "products")?.child(named: "product")).children.map(\.localName)
        XCTAssertEqual(line, UFormSchema.product.filter(line.contains))
        XCTAssertEqual(line.first, "gsvsCode")
        XCTAssertEqual(line.last, "tnvedCode")
    }

    func testProblemsNameTheElementPathAndLine() throws {
        let xml = """
            <ns:uForm xmlns:ns="namespace.v1">
              <number>BAL-1</number>
              <date>31.02.2026</date>
              <sender><storeId>10x</storeId><tin>000140000002</tin></sender>
              <totalSum>100</totalSum>
              <type>BALANCE</type>
              <comment>ввод остатков</comment>
              <products>
                <product><gsvsCode>10.81.12.000-1701991000</gsvsCode><measureUnitCode>166</measureUnitCode><quantity>5</quantity><name>Сахар</name><tnvedCode>1701991000</tnvedCode></product>
                <product><gsvsCode>10.81.12.000-1701991000</gsvsCode><quantity>много</quantity><colour>white</colour><tnvedCode>1701991000</tnvedCode></product>
              </products>
            </ns:uForm>
            """
        let decoded = try UFormXMLReader.read(xml)
        func problem(_ id: String) -> UFormProblem? { decoded.problems.first { $0.rule.id == id } }
        XCTAssertEqual(problem("UF-XML-ORDER")?.path, "date")
        XCTAssertEqual(problem("UF-XML-ORDER")?.line, 3)
        XCTAssertEqual(problem("UF-XML-DATE")?.path, "date")
        XCTAssertEqual(problem("UF-XML-INTEGER")?.path, "sender/storeId")
        XCTAssertEqual(problem("UF-XML-INTEGER")?.line, 4)
        XCTAssertEqual(problem("UF-XML-DECIMAL")?.path, "products/product[2]/quantity")
        XCTAssertEqual(problem("UF-XML-DECIMAL")?.line, 10)
        XCTAssertEqual(problem("UF-XML-UNKNOWN-ELEMENT")?.path, "products/product[2]/colour")
        XCTAssertEqual(problem("UF-XML-DECIMAL")?.message(in: .russian),
                       "Строка 10, products/product[2]/quantity: «много» не является числом.")

        let all = UFormCheck.problems(in: decoded)
        let paths = Set(all.filter { $0.severity == .error }.map { "\($0.rule.id) \($0.path)" })
        XCTAssertTrue(paths.contains("UF-UNIT-REQUIRED products/product[2]/measureUnitCode"), "\(paths)")
        XCTAssertTrue(paths.contains("UF-NAME-REQUIRED products/product[2]/name"), "\(paths)")
        XCTAssertFalse(paths.contains("UF-QUANTITY-POSITIVE products/product[2]/quantity"),
                       "the decoding problem already says what is wrong there")
        XCTAssertFalse(paths.contains("UF-STORE-REQUIRED sender/storeId"))
    }

    func testTheContentRulesOfEachType() {
        func ids(_ form: UForm) -> Set<String> { Set(UFormValidator.problems(in: form).map(\.rule.id)) }
        XCTAssertEqual(ids(Self.movement), [])

        var noComment = Self.movement
        noComment.comment = nil
        noComment.totalSum = 0
        XCTAssertEqual(ids(noComment), ["UF-COMMENT-REQUIRED", "UF-TOTAL-SUM-POSITIVE"])

        var sameStore = Self.movement
        sameStore.recipient?.storeId = 1001
        XCTAssertEqual(ids(sameStore), ["UF-SAME-STORE"])
        sameStore.recipient = nil
        XCTAssertEqual(ids(sameStore), ["UF-RECIPIENT-REQUIRED"])

        var writeOff = Self.movement
        writeOff.type = .writeOff
        writeOff.products[0].productId = nil
        XCTAssertEqual(ids(writeOff), ["UF-WRITE-OFF-REASON-REQUIRED", "UF-PRODUCT-ID-REQUIRED"])

        var manufacture = Self.movement
        manufacture.type = .manufacture
        XCTAssertEqual(ids(manufacture), ["UF-SOURCES-REQUIRED"])
        manufacture.type = .detailing
        manufacture.sourceProducts = [UFormProduct(quantity: -1)]
        XCTAssertEqual(ids(manufacture), ["UF-DETAILING-TYPE-REQUIRED", "UF-GSVS-REQUIRED", "UF-UNIT-REQUIRED",
                                          "UF-NAME-REQUIRED", "UF-TNVED-REQUIRED", "UF-QUANTITY-POSITIVE",
                                          "UF-PRODUCT-ID-REQUIRED"])

        var system = Self.movement
        system.type = .kkm
        XCTAssertEqual(ids(system), ["UF-SYSTEM-TYPE"])

        var long = Self.movement
        long.number = String(repeating: "7", count: 31)
        long.sender?.tin = TaxpayerNumber("000140000003")
        long.products[0].price = 0
        XCTAssertEqual(ids(long), ["UF-NUMBER-LENGTH", "UF-TIN-INVALID", "UF-PRICE-POSITIVE"])
    }

    func testOnlyAUFormV1BodyIsRead() {
        XCTAssertThrowsError(try UFormXMLReader.read(#"<v1:snt xmlns:v1="v1.snt"/>"#))
        XCTAssertThrowsError(try UFormXMLReader.read(#"<uForm/>"#))
    }
}
