import Foundation
import QoimaCore
import QoimaXML
import XCTest

final class SntXMLWriterTests: XCTestCase {
    /// The element orders of domain.md §5, copied here by hand so the schema tables in the code
    /// are checked against the reference rather than against themselves.
    static let domainOrders: [String: [String]] = [
        "snt": ["date", "number", "relatedRegistrationNumber", "shippingDate", "sntType",
                "alcoholSet", "biofuelSet", "carCargoInfo", "consignee", "consignor", "contract", "currencyCode",
                "currencyRate", "customer", "datePaper", "digitalMarkingNotificationDate",
                "digitalMarkingNotificationNumber", "directoryInfo", "exportControlProductSet", "fillingOfAircraft",
                "mptId", "oilSet", "otherProductWithDigitalMarkSet", "productSet", "reasonPaper", "releaseGoodsInfo",
                "seller", "sharingParticipantContract", "shippingInfo", "sntExport", "sntImport", "tobaccoSet",
                "transferType"],
        "seller": ["branchTin", "name", "tin", "actualAddress", "countryCode", "nonResident", "registerCountryCode",
                   "reorganizedTin", "statuses", "storeId"],
        "consignor": ["additionalInfo", "countryCode", "name", "nonResident", "tin"],
        "shippingInfo": ["boardNumber", "carStateNumber", "carriageNumber", "name", "nonResident", "shipNumber", "tin",
                         "trailerStateNumber", "transportTypes"],
        "contract": ["date", "deliveryCondition", "isContract", "number", "termOfContractPayment"],
        "productSet": ["totalExciseAmount", "totalNdsAmount", "totalPriceWithTax", "totalPriceWithoutTax", "products"],
        "oilSet": ["totalExciseAmount", "totalNdsAmount", "totalPriceWithTax", "totalPriceWithoutTax",
                   "kogdOfRecipient", "kogdOfSender", "operationCode", "productSellerType", "products"],
        "product": ["additionalInfo", "declarationNumberForSnt", "exciseAmount", "exciseRate", "ndsAmount", "ndsRate",
                    "priceWithTax", "priceWithoutTax", "productId", "productNumber", "productNumberInDeclaration",
                    "tnvedCode", "truOriginCode", "gtinCode", "measureUnitCode", "ntinCode", "price", "productName",
                    "quantity"],
        "oilProduct": ["additionalInfo", "declarationNumberForSnt", "exciseAmount", "exciseRate", "ndsAmount",
                       "ndsRate", "priceWithTax", "priceWithoutTax", "productId", "productNumber",
                       "productNumberInDeclaration", "tnvedCode", "truOriginCode", "measureUnitCode", "ntinCode",
                       "pinCode", "price", "productName", "quantity"],
        "carCargoInfo": ["cargoInfo", "driverFIO", "driverTin", "loadingUnloadingInfo", "otherInfo",
                         "stampPrintNumber", "taxInfo"],
        "cargoInfo": ["cargoClass", "cargoCode", "code", "documents", "grossWeight", "netWeight", "number",
                      "packagingType", "seatsNumber", "weightDeterminationType"],
        "loadingUnloadingInfo": ["arrivalDate", "departureDate", "downtime", "downtimeDate", "executor",
                                 "loadingType", "loadingTypeCode", "name", "operation", "responsiblePersonSignature",
                                 "transportServices"],
        "otherInfo": ["driverCoefficient", "expeditionCode", "firstGroupTransportationDistance", "fromClient",
                      "inCityTransportationDistance", "mainCoefficient", "number", "penalty",
                      "secondGroupTransportationDistance", "setActMarks", "thirdGroupTransportationDistance",
                      "toDriver", "totalTransportationDistance"],
        "taxInfo": ["costCalculation", "discountForDowntime", "forSpecialTransport", "forTonns",
                    "forTransportServices", "loading", "loadingUnloadingWork", "otherSurcharge", "tax", "total",
                    "underload", "unloading"],
        "directoryInfo": ["customerKogd", "sellerKogd"],
        "releaseGoodsInfo": ["powerOfAttorneyDate", "powerOfAttorneyNumber"],
        "fillingOfAircraft": ["aircraftRegistrationNumber", "aircraftType", "flightNumber", "warrantNumber"],
        "sharingParticipantContract": ["customerDate", "customerNumber", "sellerDate", "sellerNumber"],
        "sntImport": ["importType", "sezCode"],
        "sntExport": ["exportType", "sezCode"],
        "sntAction": ["sntId", "actionType", "originalDocumentSignature", "powerOfAttorneyDate",
                      "powerOfAttorneyNumber", "cause"],
    ]

    private func names(_ element: XMLTree.Element) -> [String] { element.children.map(\.localName) }

    private func block(_ root: XMLTree.Element, _ path: String...) -> XMLTree.Element {
        path.reduce(root) { $0.child(named: $1)! }
    }

    func testTheRichSntWritesEveryBlockCompleteAndInDomainOrder() throws {
        let root = try XMLTree(parsing: SntXMLWriter.body(of: SntXMLSamples.rich)).root
        let orders = Self.domainOrders
        XCTAssertEqual(names(root), orders["snt"])
        XCTAssertEqual(names(block(root, "seller")), orders["seller"])
        XCTAssertEqual(names(block(root, "consignor")), orders["consignor"])
        XCTAssertEqual(names(block(root, "consignee")), orders["consignor"])
        XCTAssertEqual(names(block(root, "shippingInfo")), orders["shippingInfo"])
        XCTAssertEqual(names(block(root, "contract")), orders["contract"])
        XCTAssertEqual(names(block(root, "productSet")), orders["productSet"])
        XCTAssertEqual(names(block(root, "oilSet")), orders["oilSet"])
        XCTAssertEqual(names(block(root, "carCargoInfo")), orders["carCargoInfo"])
        for list in ["cargoInfo", "loadingUnloadingInfo", "otherInfo", "taxInfo"] {
            XCTAssertEqual(names(block(root, "carCargoInfo", list, list)), orders[list], list)
        }
        for name in ["directoryInfo", "releaseGoodsInfo", "fillingOfAircraft", "sharingParticipantContract",
                     "sntImport", "sntExport"] {
            XCTAssertEqual(names(block(root, name)), orders[name], name)
        }
        // Goods lines: each in order; together they use every element except the other table's code.
        for (set, order, absent) in [("productSet", "product", "pinCode"), ("oilSet", "oilProduct", "gtinCode")] {
            let lines = block(root, set, "products").children
            var used = Set<String>()
            for line in lines {
                let lineNames = names(line)
                let expected = orders[order]!.filter(lineNames.contains)
                XCTAssertEqual(lineNames, expected, "\(set) line")
                used.formUnion(lineNames)
            }
            XCTAssertFalse(used.contains(absent))
            XCTAssertEqual(orders[order]!.filter { !used.contains($0) }, set == "productSet" ? [] : ["additionalInfo",
                           "declarationNumberForSnt", "productNumberInDeclaration"], set)
        }
    }

    func testSchemaTablesAgreeWithDomainReference() {
        let orders = Self.domainOrders
        XCTAssertEqual(SntSchema.snt, orders["snt"])
        XCTAssertEqual(SntSchema.party, orders["seller"])
        XCTAssertEqual(SntSchema.consignmentParty, orders["consignor"])
        XCTAssertEqual(SntSchema.shippingInfo, orders["shippingInfo"])
        XCTAssertEqual(SntSchema.contract, orders["contract"])
        XCTAssertEqual(SntSchema.productSet, orders["productSet"])
        XCTAssertEqual(SntSchema.oilSet, orders["oilSet"])
        XCTAssertEqual(SntSchema.product, orders["product"])
        XCTAssertEqual(SntSchema.oilProduct, orders["oilProduct"])
        XCTAssertEqual(SntSchema.carCargoInfo, orders["carCargoInfo"])
        XCTAssertEqual(SntSchema.cargoRow, orders["cargoInfo"])
        XCTAssertEqual(SntSchema.loadingUnloadingRow, orders["loadingUnloadingInfo"])
        XCTAssertEqual(SntSchema.otherInfoRow, orders["otherInfo"])
        XCTAssertEqual(SntSchema.taxInfoRow, orders["taxInfo"])
        XCTAssertEqual(SntSchema.directoryInfo, orders["directoryInfo"])
        XCTAssertEqual(SntSchema.releaseGoodsInfo, orders["releaseGoodsInfo"])
        XCTAssertEqual(SntSchema.fillingOfAircraft, orders["fillingOfAircraft"])
        XCTAssertEqual(SntSchema.sharingParticipantContract, orders["sharingParticipantContract"])
        XCTAssertEqual(SntSchema.sntImport, orders["sntImport"])
        XCTAssertEqual(SntSchema.sntExport, orders["sntExport"])
        XCTAssertEqual(SntSchema.action, orders["sntAction"])
        // Each base and extension group is sorted by code point, the rule the schema follows.
        func isSorted(_ names: ArraySlice<String>) -> Bool {
            zip(names, names.dropFirst()).allSatisfy { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }
        XCTAssertTrue(isSorted(SntSchema.sntBase[...]) && isSorted(SntSchema.sntExtension[...]))
        XCTAssertTrue(isSorted(SntSchema.productBase[...]) && isSorted(SntSchema.product.dropFirst(13)))
        XCTAssertTrue(isSorted(SntSchema.oilSet.dropFirst(4)) && isSorted(SntSchema.oilProduct.dropFirst(13)))
    }

    func testThePrimarySampleIsExactlyWhatTheWriterProduces() throws {
        let written = SntXMLWriter.body(of: SntXMLSamples.primary)
        if ProcessInfo.processInfo.environment["QOIMA_UPDATE_SAMPLES"] == "1" {
            try Data(written.utf8).write(to: SntXMLSamples.samplesFolder.appendingPathComponent("primary-snt.xml"))
        }
        let file = String(decoding: try SntXMLSamples.sampleBytes("primary-snt.xml"), as: UTF8.self)
        XCTAssertTrue(SntXMLWriter.body(of: SntXMLSamples.primary) == file, "the writer no longer produces primary-snt.xml (QOIMA_UPDATE_SAMPLES=1 rewrites it)")
    }

    func testThePrimarySampleAddsUp() {
        let snt = SntXMLSamples.primary
        let lines = snt.goods!.lines
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(snt.currencyCode, .tenge)
        for line in lines {
            let withoutTax = line.quantity! * line.price!
            XCTAssertEqual(line.priceWithoutTax, withoutTax, "priceWithoutTax = quantity × price, exactly")
            let base = withoutTax + (line.exciseAmount ?? 0)
            XCTAssertEqual(line.ndsAmount, (Decimal(line.ndsRate!) * base / 100).rounded(scale: 2))
            XCTAssertEqual(line.priceWithTax, base + line.ndsAmount!)
            XCTAssertTrue((1...6).contains(line.truOriginCode!))
            XCTAssertEqual(line.productId?.parts?.gsvs.parts?.tnved, line.tnvedCode)
            XCTAssertTrue(line.productId!.isValid && line.tnvedCode!.isValid && line.measureUnitCode!.isValid)
        }
        let totals = snt.goods!.totals
        XCTAssertEqual(totals.totalPriceWithoutTax, lines.map { $0.priceWithoutTax! }.reduce(0, +))
        XCTAssertEqual(totals.totalNdsAmount, lines.map { $0.ndsAmount! }.reduce(0, +))
        XCTAssertEqual(totals.totalPriceWithTax, lines.map { $0.priceWithTax! }.reduce(0, +))
        XCTAssertEqual(DecimalText.format(totals.totalPriceWithTax!), "2189034.33")
        XCTAssertEqual(SntValidator(context: SntCheckContext(today: snt.date!)).check(snt).map(\.rule.id), [],
                       "the sample passes every content rule")
        for tin in [snt.seller.tin, snt.customer.tin, snt.carriage?.tin, snt.roadCargo?.driverTin] {
            XCTAssertTrue(tin?.isValid ?? false, "\(String(describing: tin))")
        }
    }

    func testCanonicalBodyIsItsOwnCanonicalization() throws {
        // libxml2's C14N refuses the relative namespace URI `v1.snt`, so the check swaps in an
        // absolute one; the namespace's value plays no part in how the rest is written.
        XCTAssertNil(try XMLTree(parsing: SntXMLWriter.body(of: Snt())).canonicalized())
        for snt in [SntXMLSamples.primary, SntXMLSamples.rich] {
            let body = SntXMLWriter.body(of: snt)
                .replacingOccurrences(of: #"xmlns:v1="v1.snt""#, with: #"xmlns:v1="urn:v1.snt""#)
            let tree = try XMLTree(parsing: body)
            XCTAssertTrue(tree.canonicalized(.exclusive) == body, "exclusive C14N changed the body")
            XCTAssertTrue(tree.canonicalized(.inclusive) == body, "inclusive C14N changed the body")
        }
    }

    func testAnEmptySntWritesOnlyWhatCannotBeEmpty() {
        XCTAssertEqual(SntXMLWriter.body(of: Snt()),
                       #"<v1:snt xmlns:v1="v1.snt"><sntType>PRIMARY_SNT</sntType><customer></customer><seller></seller></v1:snt>"#)
        var snt = Snt(number: "")
        snt.mptId = ""
        snt.customer.actualAddress = ""
        snt.customer.tin = TaxpayerNumber("")
        snt.goods = GoodsSet()
        XCTAssertEqual(SntXMLWriter.body(of: snt), #"<v1:snt xmlns:v1="v1.snt"><sntType>PRIMARY_SNT</sntType>"#
            + "<customer></customer><productSet></productSet><seller></seller></v1:snt>")
    }

    func testValueFormats() throws {
        var snt = Snt(number: "1", date: CalendarDate(year: 2026, month: 3, day: 5))
        snt.currencyRate = Decimal(string: "512.3700")!
        snt.seller.nonResident = true
        snt.customer.nonResident = false
        snt.contract = SntContract(isContract: false)
        snt.goods = GoodsSet(lines: [GoodsLine(quantity: Decimal(string: "100.00")!, price: Decimal(string: "0.50")!,
                                               ndsRate: 0, ndsAmount: 0)])
        let body = SntXMLWriter.body(of: snt)
        XCTAssertTrue(body.contains("<date>05.03.2026</date>"))
        XCTAssertTrue(body.contains("<currencyRate>512.37</currencyRate>"))
        XCTAssertTrue(body.contains("<seller><nonResident>true</nonResident>"))
        XCTAssertTrue(body.contains("<customer><nonResident>false</nonResident>"))
        XCTAssertTrue(body.contains("<contract><isContract>false</isContract></contract>"))
        XCTAssertTrue(body.contains("<ndsAmount>0</ndsAmount><ndsRate>0</ndsRate>"))
        XCTAssertTrue(body.contains("<price>0.5</price>") && body.contains("<quantity>100</quantity>"), body)
    }

    func testDecimalsAreWrittenExactlyAsDecimalTextFormatsThem() {
        var values = ["0", "-0", "1", "-1", "100", "12.5", "12.50", "0.001", "-0.000001", "1000000", "0.1",
                      "18446744073709551615", "18446744073709551616", "1844674407370955161.5", "0.00000000000000000001",
                      "99999999999999999999999999999999999999", "-123456789012345678901234567.89", "120.0000"]
            .map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let significand = UInt64.random(in: 0...(Bool.random(using: &random) ? .max : 10_000_000), using: &random)
            values.append(Decimal(sign: Bool.random(using: &random) ? .minus : .plus,
                                  exponent: Int.random(in: -20...20, using: &random), significand: Decimal(significand)))
        }
        values.append(Decimal(UInt64.max) * 1000 + 1)
        for value in values {
            var snt = Snt()
            snt.currencyRate = value
            let body = SntXMLWriter.body(of: snt)
            let written = body.components(separatedBy: "<currencyRate>")[1].components(separatedBy: "<")[0]
            XCTAssertEqual(written, DecimalText.format(value))
        }
    }

    func testTextIsEscapedAndCharactersXMLCannotCarryAreLeftOut() {
        var snt = Snt(number: "a&b<c>d\"e'f\u{1}g\u{FFFF}h\u{7}")
        snt.seller.name = "ТОО «Ақ & Қара»\r\n"
        let body = SntXMLWriter.body(of: snt)
        XCTAssertTrue(body.contains("<number>a&amp;b&lt;c&gt;d\"e'fgh</number>"), body)
        XCTAssertTrue(body.contains("<name>ТОО «Ақ &amp; Қара»&#xD;\n</name>"), body)
    }

    func testGoodsLinesCarryTheCodeOfTheirTable() throws {
        let line = GoodsLine(productName: "x", gtinCode: Gtin("4870000000012"), pinCode: "PIN-1")
        var snt = Snt()
        snt.goods = GoodsSet(lines: [line])
        snt.oil = OilSet(lines: [line])
        let root = try XMLTree(parsing: SntXMLWriter.body(of: snt)).root
        let g1 = root.child(named: "productSet")!.child(named: "products")!.child(named: "product")!
        let g6 = root.child(named: "oilSet")!.child(named: "products")!.child(named: "product")!
        XCTAssertEqual(g1.children.map(\.localName), ["gtinCode", "productName"])
        XCTAssertEqual(g6.children.map(\.localName), ["pinCode", "productName"])
    }

    func testNtinIsWrittenOnlyWhenPresentUnderItsAssumedName() throws {
        var snt = Snt()
        snt.goods = GoodsSet(lines: [GoodsLine(productName: "a"), GoodsLine(productName: "b", ntin: Ntin("4870100000097"))])
        let body = SntXMLWriter.body(of: snt)
        XCTAssertEqual(AssumedNames.ntinElement, "ntinCode")
        XCTAssertTrue(body.contains("<product><productName>a</productName></product>"), body)
        XCTAssertTrue(body.contains("<product><ntinCode>4870100000097</ntinCode><productName>b</productName></product>"),
                      body)
    }

    func testPreservedBlocksGoToTheirSchemaPlaceWhateverTheirOrderInTheModel() throws {
        var snt = Snt()
        snt.currencyCode = .tenge
        snt.transferType = .other
        snt.preservedBlocks = [
            PreservedBlock(elementName: "tobaccoSet", xml: "<tobaccoSet></tobaccoSet>"),
            PreservedBlock(elementName: "alcoholSet", xml: "<alcoholSet><a>1</a></alcoholSet>"),
            PreservedBlock(elementName: "otherProductWithDigitalMarkSet", xml: "<otherProductWithDigitalMarkSet></otherProductWithDigitalMarkSet>"),
        ]
        let root = try XMLTree(parsing: SntXMLWriter.body(of: snt)).root
        XCTAssertEqual(names(root), ["sntType", "alcoholSet", "currencyCode", "customer",
                                     "otherProductWithDigitalMarkSet", "seller", "tobaccoSet", "transferType"])
        XCTAssertEqual(root.child(named: "alcoholSet")?.child(named: "a")?.text, "1")
    }

    func testActionBody() {
        let action = SntAction(sntId: 918_273, kind: .decline, originalDocumentSignature: "MIIB+/=",
                               powerOfAttorneyDate: CalendarDate(year: 2026, month: 1, day: 17),
                               powerOfAttorneyNumber: "Д-9", cause: "Товар <не> соответствует & повреждён")
        XCTAssertEqual(SntActionXML.body(of: action), #"<v1:sntAction xmlns:v1="v1.snt"><sntId>918273</sntId>"#
            + "<actionType>DECLINE</actionType><originalDocumentSignature>MIIB+/=</originalDocumentSignature>"
            + "<powerOfAttorneyDate>17.01.2026</powerOfAttorneyDate><powerOfAttorneyNumber>Д-9</powerOfAttorneyNumber>"
            + "<cause>Товар &lt;не&gt; соответствует &amp; повреждён</cause></v1:sntAction>")
        XCTAssertEqual(SntActionXML.body(of: SntAction(sntId: 5, kind: .confirm)),
                       #"<v1:sntAction xmlns:v1="v1.snt"><sntId>5</sntId><actionType>CONFIRM</actionType></v1:sntAction>"#)
    }
}
