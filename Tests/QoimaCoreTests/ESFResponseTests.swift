import Foundation
import QoimaCore
import QoimaESF
import QoimaXML
import XCTest

/// Every operation's answer read from hand-written XML (domain.md §8–§10): elements out of the
/// schema's order, optional ones left out, unknown ones ignored, and a missing required element
/// or a malformed value reported with its path.
final class ESFResponseTests: XCTestCase {
    /// A client whose every business call is answered with `inner` inside `wrapper`.
    private func client(_ wrapper: String, in namespace: String = "v1.snt", _ inner: String,
                        transport: inout ScriptedTransport?) throws -> ESFClient {
        let reply = ESFReplies.envelope(wrapper, namespace, inner)
        let scripted = ScriptedTransport(ESFReplies.script { _, _ in .xml(reply) })
        transport = scripted
        return try ESFTestSetup.client(scripted)
    }

    private func client(_ wrapper: String, in namespace: String = "v1.snt", _ inner: String) throws -> ESFClient {
        var transport: ScriptedTransport?
        return try client(wrapper, in: namespace, inner, transport: &transport)
    }

    private func vstoreClient(_ wrapper: String, _ inner: String) throws -> ESFClient {
        try client(wrapper, in: Self.vstore, inner)
    }

    private static let vstore = "namespace.vstore"

    private func instant(_ text: String) -> Date { ESFDateTime.instant(text)! }

    // MARK: SNT

    func testUploadResultsInAnyOrder() async throws {
        let outcome = try await client("sntUploadResponse", """
            <declinedList><sntUploadResult><errorList><error><text>Неверный код ТН ВЭД</text>\
            <property>productSet.products.product[2].tnvedCode</property><errorCode>LINE-TNVED-FORMAT</errorCode></error>\
            <error><text>Дата в будущем</text></error></errorList><number>SNT-2</number><date>15.01.2026</date>\
            </sntUploadResult></declinedList>\
            <acceptedList><sntUploadResult><date>15.01.2026</date><sntId>4711</sntId><number>SNT-1</number>\
            <somethingNew>ignored</somethingNew></sntUploadResult></acceptedList>
            """).uploadSnts([SignedDocument(body: "<x/>", signature: "s", certificate: "c")])
        XCTAssertEqual(outcome.accepted, [UploadResult(id: 4711, number: "SNT-1", date: "15.01.2026")])
        XCTAssertEqual(outcome.declined, [UploadResult(number: "SNT-2", date: "15.01.2026", errors: [
            ESFDocumentError(property: "productSet.products.product[2].tnvedCode", code: "LINE-TNVED-FORMAT",
                             text: "Неверный код ТН ВЭД"),
            ESFDocumentError(text: "Дата в будущем"),
        ])])
    }

    static let body = #"<v1:snt xmlns:v1="v1.snt"><number>SNT-1</number><productName>Қант &amp; ұн</productName></v1:snt>"#

    /// A full `sntInfo`, its fields in an order of their own, the body as escaped text.
    static let fullInfo = """
        <sntInfo><status>DELIVERED</status><documentInfo><signatureValid>true</signatureValid>\
        <sntBody>\(body.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</sntBody>\
        <certificate>Y2VydA==</certificate><signatureType>COMPANY</signatureType><signature>c2ln</signature>\
        <creatorTin>000140000002</creatorTin><creatorLogin>800101300016</creatorLogin>\
        <senderSignerName>АХМЕТОВ АСХАТ</senderSignerName><sntId>4711</sntId>\
        <errors><error><property>seller.tin</property><errorCode>X</errorCode><text>t</text></error></errors></documentInfo>\
        <registrationNumber>KZ-SNT-0000-000140000002-20260115-1</registrationNumber>\
        <lastUpdateDate>2026-01-15T12:00:01.250+05:00</lastUpdateDate><inputDate>2026-01-15T11:59:00</inputDate>\
        <version>SntV1</version><cancelReason></cancelReason><sntId>4711</sntId>\
        <acceptanceGoodsInfo><acceptanceOrRejectionDate>2026-01-16T09:00:00+05:00</acceptanceOrRejectionDate>\
        <acceptanceOrRejectionName>СЕРІКОВА ДИНАРА</acceptanceOrRejectionName><powerOfAttorneyDate>14.01.2026</powerOfAttorneyDate>\
        <powerOfAttorneyNumber>Д-5</powerOfAttorneyNumber></acceptanceGoodsInfo>\
        <ogdMarksInfo><ogdEmployeeFullName>ИНСПЕКТОР</ogdEmployeeFullName><signDate>2026-01-17T10:00:00Z</signDate></ogdMarksInfo>\
        </sntInfo>
        """

    func testWholeSntInfo() async throws {
        let snts = try await client("sntQueryByIdResponse", """
            <rsCount>1</rsCount><sntInfoList>\(Self.fullInfo)</sntInfoList><lastBlock>true</lastBlock><currPage>1</currPage>
            """).snts(ids: [4711])
        let snt = try XCTUnwrap(snts.first)
        XCTAssertEqual(snts.count, 1)
        XCTAssertEqual(snt.sntId, 4711)
        XCTAssertEqual(snt.status, .delivered)
        XCTAssertEqual(snt.body, Self.body, "the body comes back character for character")
        XCTAssertEqual(snt.registrationNumber, "KZ-SNT-0000-000140000002-20260115-1")
        XCTAssertEqual(snt.inputDate, instant("2026-01-15T11:59:00+05:00"), "no offset: Kazakhstan time")
        XCTAssertEqual(snt.lastUpdateDate, instant("2026-01-15T07:00:01.250Z"))
        XCTAssertNil(snt.cancelReason, "an empty element is absent")
        XCTAssertEqual(snt.signature, "c2ln")
        XCTAssertEqual(snt.certificate, "Y2VydA==")
        XCTAssertEqual(snt.signatureValid, true)
        XCTAssertEqual(snt.creatorTin, "000140000002")
        XCTAssertEqual(snt.senderSignerName, "АХМЕТОВ АСХАТ")
        XCTAssertEqual(snt.errors, [ESFDocumentError(property: "seller.tin", code: "X", text: "t")])
        XCTAssertEqual(snt.acceptance?.acceptorName, "СЕРІКОВА ДИНАРА")
        XCTAssertEqual(snt.acceptance?.powerOfAttorneyDate, CalendarDate(year: 2026, month: 1, day: 14))
        XCTAssertEqual(snt.acceptance?.date, instant("2026-01-16T09:00:00+05:00"))
        XCTAssertNil(snt.acceptance?.producer)
        XCTAssertEqual(snt.ogdMarks?.inspectorFullName, "ИНСПЕКТОР")
        XCTAssertEqual(snt.registration?.status, .delivered)
        XCTAssertEqual(snt.registration?.registrationNumber?.rawValue, snt.registrationNumber)
        XCTAssertEqual(snt.registration?.acceptance, snt.acceptance)
    }

    func testMinimalSntInfoAndAnUnknownStatus() async throws {
        let snts = try await client("sntQueryByIdResponse", """
            <sntInfoList><sntInfo><documentInfo><sntBody><![CDATA[\(Self.body)]]></sntBody></documentInfo>\
            <sntId>9</sntId><status>NEW_STATUS_2027</status></sntInfo></sntInfoList>
            """).snts(ids: [9])
        let snt = try XCTUnwrap(snts.first)
        XCTAssertEqual(snt.body, Self.body, "CDATA reads the same as escaped text")
        XCTAssertNil(snt.status)
        XCTAssertEqual(snt.statusText, "NEW_STATUS_2027", "an unknown status is kept as text")
        XCTAssertNil(snt.registration)
        XCTAssertNil(snt.registrationNumber)
        XCTAssertNil(snt.acceptance)
        XCTAssertEqual(snt.errors, [])
    }

    func testMissingRequiredElementIsNamedByItsPath() async throws {
        let client = try client("sntQueryByIdResponse", """
            <sntInfoList>\(Self.fullInfo)<sntInfo><status>CREATED</status><documentInfo><sntBody>x</sntBody></documentInfo>\
            </sntInfo></sntInfoList>
            """)
        let error = await esfError { () async throws(ESFError) in try await client.snts(ids: [1]) }
        XCTAssertEqual(error, .unreadableAnswer(.soap(.invalid(XMLInputError(
            .missingElement("sntQueryByIdResponse/sntInfoList/sntInfo[2]/sntId"), line: 1))), operation: .querySntById))
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, true, "IS ESF answered; it may have acted")
        XCTAssertEqual(error?.isTransient, false, "a well-formed answer without a field will not improve")
        XCTAssertTrue(error?.message(in: .english).contains("sntInfo[2]/sntId") == true, error?.message(in: .english) ?? "")

        let noBody = try self.client("sntQueryByIdResponse", "<sntInfoList><sntInfo><sntId>1</sntId><status>CREATED</status></sntInfo></sntInfoList>")
        let missingBody = await esfError { () async throws(ESFError) in try await noBody.snts(ids: [1]) }
        XCTAssertEqual(missingBody, .unreadableAnswer(.soap(.invalid(XMLInputError(
            .missingElement("sntQueryByIdResponse/sntInfoList/sntInfo[1]/documentInfo"), line: 1))), operation: .querySntById))
    }

    func testMalformedValueIsNamedByItsPath() async throws {
        let client = try client("sntQueryStatusByIdResponse", """
            <sntSummaryList><sntSummary><sntId>12x</sntId><status>CREATED</status></sntSummary></sntSummaryList>
            """)
        let error = await esfError { () async throws(ESFError) in try await client.sntStatuses(ids: [12]) }
        guard case let .unreadableAnswer(.badValue(path, value, _), operation)? = error else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(path, "sntQueryStatusByIdResponse/sntSummaryList/sntSummary[1]/sntId")
        XCTAssertEqual(value, "12x")
        XCTAssertEqual(operation, .querySntStatusById)
        XCTAssertEqual(error?.message(in: .russian).contains("целое число"), true)
    }

    func testUpdatesPageAndItsCursor() async throws {
        let start = SntUpdateCursor(lastEventDate: instant("2026-01-01T00:00:00+05:00"))
        let page = try await client("sntQueryUpdatesResponse", """
            <sntInfoList>\(Self.fullInfo)</sntInfoList><lastBlock>false</lastBlock>\
            <lastSntId>4711</lastSntId><lastEventDate>2026-01-15T12:00:01.250+05:00</lastEventDate>
            """).sntUpdates(direction: .outbound, after: start, limit: 1)
        XCTAssertEqual(page.snts.map(\.sntId), [4711])
        XCTAssertEqual(page.next, SntUpdateCursor(lastEventDate: instant("2026-01-15T12:00:01.250+05:00"), lastSntId: 4711))
        XCTAssertFalse(page.lastBlock)

        let empty = try await client("sntQueryUpdatesResponse", "<lastBlock>1</lastBlock>")
            .sntUpdates(direction: nil, after: start, limit: 1)
        XCTAssertEqual(empty.snts, [])
        XCTAssertEqual(empty.next, start, "an empty page keeps the cursor")
        XCTAssertTrue(empty.lastBlock)

        let noBlock = try client("sntQueryUpdatesResponse", "<sntInfoList/>")
        let error = await esfError { () async throws(ESFError) in
            try await noBlock.sntUpdates(direction: nil, after: start, limit: 1)
        }
        XCTAssertEqual(error, .unreadableAnswer(.soap(.invalid(XMLInputError(
            .missingElement("sntQueryUpdatesResponse/lastBlock"), line: 1))), operation: .querySntUpdates))
    }

    func testSummariesErrorsAndHistory() async throws {
        let summaries = try await client("sntQueryStatusByIdResponse", """
            <sntSummaryList><sntSummary><recipientTin>000140000012</recipientTin><status>CONFIRMED</status>\
            <matchingNotification>false</matchingNotification><sntId>1</sntId><senderTin>000140000002</senderTin>\
            </sntSummary><sntSummary><sntId>2</sntId><status>FAILED</status><cancelReason>ФЛК</cancelReason></sntSummary>\
            </sntSummaryList>
            """).sntStatuses(ids: [1, 2])
        XCTAssertEqual(summaries, [
            RemoteSntSummary(sntId: 1, status: .confirmed, statusText: "CONFIRMED", senderTin: "000140000002",
                             recipientTin: "000140000012", matchingNotification: false),
            RemoteSntSummary(sntId: 2, status: .failed, statusText: "FAILED", cancelReason: "ФЛК"),
        ])

        let errors = try await client("sntQueryErrorByIdResponse", """
            <sntErrorList><sntError><errors><error><errorCode>A</errorCode><text>a</text></error>\
            <error><text>b</text></error></errors><sntId>1</sntId></sntError><sntError><sntId>2</sntId></sntError></sntErrorList>
            """).sntErrors(ids: [1, 2])
        XCTAssertEqual(errors, [1: [ESFDocumentError(code: "A", text: "a"), ESFDocumentError(text: "b")], 2: []])

        let history = try await client("sntHistoryQueryByIdResponse", """
            <resultList><sntHistory><action>CONFIRM</action><statusDescription>Подтвержден</statusDescription>\
            <status>CONFIRMED</status><userId>u1</userId><clientType>API</clientType><tin>000140000012</tin>\
            <date>2026-01-16T09:00:00+05:00</date><sntId>1</sntId></sntHistory><sntHistory><sntId>1</sntId></sntHistory></resultList>
            """).sntHistory(ids: [1])
        XCTAssertEqual(history, [
            RemoteSntHistoryEntry(sntId: 1, date: instant("2026-01-16T09:00:00+05:00"), tin: "000140000012",
                                  clientType: "API", userId: "u1", statusText: "CONFIRMED",
                                  statusDescription: "Подтвержден", action: "CONFIRM"),
            RemoteSntHistoryEntry(sntId: 1),
        ])
        XCTAssertEqual(history.first?.status, .confirmed)
    }

    func testChangeStatusAndViewResults() async throws {
        let results = """
            <resultList><changeStatusResult><errors/><isChanged>true</isChanged>\
            <canceledInvoiceRegNumbers><regNumber>ESF-000140000002-20260115-1</regNumber>\
            <regNumber>ESF-000140000002-20260115-2</regNumber></canceledInvoiceRegNumbers>\
            <sntSummary><status>REVOKED</status><sntId>7</sntId></sntSummary></changeStatusResult>\
            <changeStatusResult><isChanged>false</isChanged><errors><error><errorCode>SNT_DECLINE_CAUSE_IS_NULL</errorCode>\
            <text>cause</text></error></errors></changeStatusResult></resultList>
            """
        let action = SignedSntAction(sntId: 7, body: "<a/>", signature: "s", certificate: "c")
        let changed = try await client("sntChangeStatusResponse", results).changeSntStatus([action])
        XCTAssertEqual(changed.count, 2)
        XCTAssertEqual(changed[0].sntId, 7)
        XCTAssertEqual(changed[0].status, .revoked)
        XCTAssertTrue(changed[0].isChanged)
        XCTAssertEqual(changed[0].canceledInvoiceRegNumbers, ["ESF-000140000002-20260115-1", "ESF-000140000002-20260115-2"])
        XCTAssertEqual(changed[0].errors, [])
        XCTAssertNil(changed[1].sntId, "a result without a summary still reads")
        XCTAssertFalse(changed[1].isChanged)
        XCTAssertEqual(changed[1].errors, [ESFDocumentError(code: "SNT_DECLINE_CAUSE_IS_NULL", text: "cause")])

        let viewed = try await client("sntViewResponse", results).viewSnts(ids: [7])
        XCTAssertEqual(viewed, changed)
    }

    func testXsdTexts() async throws {
        let xsd = try await client("querySntXsdResponse", in: "snt", """
            <xsdList><xsd>&lt;xs:schema a="1"/&gt;</xsd><xsd><![CDATA[<xs:schema b="2"/>]]></xsd></xsdList>
            """).sntXsd()
        XCTAssertEqual(xsd, [#"<xs:schema a="1"/>"#, #"<xs:schema b="2"/>"#])
    }

    // MARK: Virtual warehouse

    static let store = """
        <taxpayerStore><tin>000140000002</tin><storeTypeCode>STORE_HOUSE</storeTypeCode><storeName>Склад №1</storeName>\
        <status>VALID</status><responsiblePersonIin>800101300016</responsiblePersonIin>\
        <permittedTinList>000140000012</permittedTinList><permittedTinList>000140000022</permittedTinList>\
        <parentId>1000</parentId><lesseeTin></lesseeTin><lesseeContractNumber/><isDefault>true</isDefault>\
        <isJointStore>true</isJointStore><id>1001</id><address>Алматы, Абай 1</address><documentId>55</documentId></taxpayerStore>
        """

    func testStoreList() async throws {
        let stores = try await vstoreClient("listTaxpayerStoreResponse", """
            <taxpayerStoreList>\(Self.store)<taxpayerStore><id>1002</id></taxpayerStore></taxpayerStoreList>\
            <recordsCount>2</recordsCount><currPage>1</currPage><lastBlock>true</lastBlock>
            """).stores()
        XCTAssertEqual(stores, [
            RemoteStore(id: 1001, storeName: "Склад №1", storeTypeCode: "STORE_HOUSE", status: "VALID", tin: "000140000002",
                        address: "Алматы, Абай 1", responsiblePersonIin: "800101300016", parentId: 1000, isDefault: true,
                        isJointStore: true, permittedTins: ["000140000012", "000140000022"], documentId: 55),
            RemoteStore(id: 1002),
        ])
        XCTAssertEqual(stores.first?.isValid, true)
        XCTAssertNil(stores.last?.isValid)
    }

    func testStoresOfAnotherTaxpayer() async throws {
        let stores = try await vstoreClient("taxpayerStoreListByTinResponse", """
            <taxpayerStoreList><taxpayerStoreData><oilOvd><carNumber>A1</carNumber></oilOvd>\(Self.store)</taxpayerStoreData>\
            </taxpayerStoreList>
            """).stores(ofTin: TaxpayerNumber("000140000002"))
        XCTAssertEqual(stores.map(\.id), [1001])
        XCTAssertEqual(stores.first?.permittedTins, ["000140000012", "000140000022"])
    }

    func testStoreCreateAndStatusChange() async throws {
        let outcome = try await vstoreClient("taxpayerStoreCreateResponse", """
            <deniedList><storeValidationResult><name>Дубль</name><errorList><errorCode>STORE_NAME_EXISTS</errorCode>\
            <text>Склад с таким именем есть</text></errorList></storeValidationResult></deniedList>\
            <acceptedList><store><name>Склад №2</name><id>1003</id><parentStoreId>1001</parentStoreId><errorList/></store></acceptedList>
            """).createStores([NewStore(name: "Склад №2", address: "a", type: "STORE_HOUSE", responsiblePersonIin: "1")])
        XCTAssertEqual(outcome, StoreCreateOutcome(
            accepted: [StoreCreateResult(id: 1003, name: "Склад №2", parentStoreId: 1001)],
            denied: [StoreCreateResult(name: "Дубль", errors: [ESFDocumentError(code: "STORE_NAME_EXISTS",
                                                                                text: "Склад с таким именем есть")])]))

        let action = [StoreStatusAction(storeId: 1001, activate: false)]
        let repeated = try await vstoreClient("taxpayerStoreChangeStatusResponse", """
            <summaryList><status>VALID</status><isStatusChanged>false</isStatusChanged><id>1001</id>\
            <errorList><error><text>Приоритетный склад нельзя деактивировать</text></error></errorList></summaryList>\
            <summaryList><id>1002</id><isStatusChanged>true</isStatusChanged><status>INVALID</status></summaryList>
            """).changeStoreStatus(action)
        let wrapped = try await vstoreClient("taxpayerStoreChangeStatusResponse", """
            <summaryList><summary><status>VALID</status><isStatusChanged>false</isStatusChanged><id>1001</id>\
            <errorList><error><text>Приоритетный склад нельзя деактивировать</text></error></errorList></summary>\
            <summary><id>1002</id><isStatusChanged>true</isStatusChanged><status>INVALID</status></summary></summaryList>
            """).changeStoreStatus(action)
        let expected = [
            StoreStatusChange(storeId: 1001, isStatusChanged: false, status: "VALID",
                              errors: [ESFDocumentError(text: "Приоритетный склад нельзя деактивировать")]),
            StoreStatusChange(storeId: 1002, isStatusChanged: true, status: "INVALID"),
        ]
        XCTAssertEqual(repeated, expected, "summaryList repeated, each one a summary")
        XCTAssertEqual(wrapped, expected, "summaryList wrapping its summaries")
    }

    func testBalancePageWithDecimals() async throws {
        let page = try await vstoreClient("queryCurrentStatusResponse", """
            <balances><balance><quantity>12.5</quantity><unitPrice>1000.25</unitPrice><taxpayerStoreId>1001</taxpayerStoreId>\
            <balanceId>1</balanceId><tin>000140000002</tin><name>Күкірт</name><kpvedCode>08.91.12.01</kpvedCode>\
            <tnvedCode>2503001000</tnvedCode><productId>812004</productId><measureUnitCode>166</measureUnitCode>\
            <reserveQuantity>2</reserveQuantity><canExport>true</canExport><dutyType>EAEU</dutyType><countryCode>KZ</countryCode>\
            <spiritPercent>40.5</spiritPercent><pinCode>P1</pinCode><physicalLabel>L1</physicalLabel>\
            <manufactureOrImportDocNumber>DT-1</manufactureOrImportDocNumber><productNumberInImportDoc>3</productNumberInImportDoc>\
            <productNameInImportDoc>Sulphur</productNameInImportDoc><gtinCode>4870001234567</gtinCode><projectCode>P</projectCode>\
            </balance><balance><balanceId>2</balanceId><taxpayerStoreId>1001</taxpayerStoreId><quantity>-3</quantity>\
            <productId>0</productId></balance></balances><lastBlock>false</lastBlock><lastBalanceId>2</lastBalanceId>
            """).currentBalances(after: nil, limit: 2)
        XCTAssertEqual(page.lastBalanceId, 2)
        XCTAssertFalse(page.lastBlock)
        XCTAssertEqual(page.balances, [
            RemoteBalance(balanceId: 1, tin: "000140000002", taxpayerStoreId: 1001, projectCode: "P", name: "Күкірт",
                          kpvedCode: "08.91.12.01", tnvedCode: "2503001000", gtinCode: "4870001234567", productId: 812004,
                          measureUnitCode: "166", unitPrice: Decimal(string: "1000.25", locale: Locale(identifier: "en_US_POSIX")),
                          manufactureOrImportDocNumber: "DT-1", productNumberInImportDoc: "3",
                          productNameInImportDoc: "Sulphur", physicalLabel: "L1", pinCode: "P1",
                          spiritPercent: Decimal(string: "40.5", locale: Locale(identifier: "en_US_POSIX")), canExport: true,
                          quantity: Decimal(string: "12.5", locale: Locale(identifier: "en_US_POSIX"))!, reserveQuantity: 2,
                          dutyType: "EAEU", countryCode: "KZ"),
            RemoteBalance(balanceId: 2, taxpayerStoreId: 1001, productId: 0, quantity: -3),
        ])

        let noQuantity = try vstoreClient("queryCurrentStatusResponse",
                                    "<balances><balance><balanceId>3</balanceId><taxpayerStoreId>1</taxpayerStoreId></balance></balances>")
        let error = await esfError { () async throws(ESFError) in try await noQuantity.currentBalances(after: 2, limit: 2) }
        XCTAssertEqual(error, .unreadableAnswer(.soap(.invalid(XMLInputError(
            .missingElement("queryCurrentStatusResponse/balances/balance[1]/quantity"), line: 1))),
                                                operation: .queryCurrentBalances))
        let comma = try vstoreClient("queryCurrentStatusResponse",
                               "<lastBlock>true</lastBlock><balances><balance><balanceId>3</balanceId><taxpayerStoreId>1</taxpayerStoreId><quantity>1,5</quantity></balance></balances>")
        let commaError = await esfError { () async throws(ESFError) in try await comma.currentBalances(after: 2, limit: 2) }
        guard case let .unreadableAnswer(.badValue(path, "1,5", _), _)? = commaError else {
            return XCTFail("\(String(describing: commaError))")
        }
        XCTAssertEqual(path, "queryCurrentStatusResponse/balances/balance[1]/quantity")
    }

    // MARK: Forms

    static func form(_ id: Int64, updated: String) -> String {
        "<uFormInfo><lastUpdateDate>\(updated)</lastUpdateDate><status>PROCESSED</status><uFormId>\(id)</uFormId>"
            + "<uFormBody>&lt;v1:uForm xmlns:v1=\"namespace.v1\"/&gt;</uFormBody></uFormInfo>"
    }

    func testUFormUploadWithNotifications() async throws {
        let outcome = try await vstoreClient("uploadUFormResponse", """
            <acceptedList><uploadUFormResult><notificationList><notification><notificationCode>N1</notificationCode>\
            <property>products.product[1].price</property><text>Цена выше обычной</text></notification></notificationList>\
            <id>501</id><number>F-1</number><date>20.01.2026</date></uploadUFormResult></acceptedList>
            """).uploadUForms([SignedDocument(body: "<f/>", signature: "s", certificate: "c")])
        XCTAssertEqual(outcome.accepted, [UploadResult(id: 501, number: "F-1", date: "20.01.2026", notifications: [
            ESFDocumentError(property: "products.product[1].price", code: "N1", text: "Цена выше обычной"),
        ])])
        XCTAssertEqual(outcome.declined, [])
    }

    /// Feeding back `lastUFormId` loses forms, so pages go by `lastEventDate` alone and repeat
    /// the forms of that instant; the cursor drops them (domain.md §11).
    func testUFormUpdatesDropTheFormsAnEarlierPageReturned() async throws {
        let boundary = "2026-01-20T10:00:00.500+05:00"
        let first = try await vstoreClient("uFormQueryUpdatesResponse", """
            <uFormInfoList>\(Self.form(1, updated: "2026-01-20T09:00:00+05:00"))\(Self.form(2, updated: boundary))\
            \(Self.form(3, updated: boundary))</uFormInfoList><lastUFormId>3</lastUFormId>\
            <lastEventDate>\(boundary)</lastEventDate><lastBlock>false</lastBlock>
            """).uFormUpdates(after: UFormUpdateCursor(lastEventDate: instant("2026-01-01T00:00:00+05:00")), limit: 3)
        XCTAssertEqual(first.uForms.map(\.uFormId), [1, 2, 3])
        XCTAssertEqual(first.next, UFormUpdateCursor(lastEventDate: instant(boundary), seenAtLastEventDate: [2, 3]))

        let second = try await vstoreClient("uFormQueryUpdatesResponse", """
            <uFormInfoList>\(Self.form(2, updated: boundary))\(Self.form(3, updated: boundary))\
            \(Self.form(4, updated: boundary))</uFormInfoList><lastEventDate>\(boundary)</lastEventDate><lastBlock>false</lastBlock>
            """).uFormUpdates(after: first.next, limit: 3)
        XCTAssertEqual(second.uForms.map(\.uFormId), [4], "2 and 3 came already")
        XCTAssertEqual(second.next.seenAtLastEventDate, [2, 3, 4], "the same instant: the ids add up")

        let third = try await vstoreClient("uFormQueryUpdatesResponse", """
            <uFormInfoList>\(Self.form(4, updated: boundary))\(Self.form(5, updated: "2026-01-20T11:00:00+05:00"))\
            \(Self.form(5, updated: "2026-01-20T11:00:00+05:00"))</uFormInfoList>\
            <lastEventDate>2026-01-20T11:00:00+05:00</lastEventDate><lastBlock>true</lastBlock>
            """).uFormUpdates(after: second.next, limit: 3)
        XCTAssertEqual(third.uForms.map(\.uFormId), [5], "a form listed twice on a page comes once")
        XCTAssertEqual(third.next, UFormUpdateCursor(lastEventDate: instant("2026-01-20T11:00:00+05:00"),
                                                     seenAtLastEventDate: [5]))
        XCTAssertTrue(third.lastBlock)
        XCTAssertEqual(ESFClient.uFormUpdatesLastId, 1)
    }

    func testUFormByIdStatusesAndErrors() async throws {
        let form = try await vstoreClient("queryUFormByIdResponse", """
            <recordsCount>1</recordsCount><uFormInfoList><uFormInfo><creatorLogin>800101300016</creatorLogin>\
            <signatureValid>true</signatureValid><signatureType>COMPANY</signatureType><signature>c2ln</signature>\
            <version>UFormV1</version><cancelReason/><registrationNumber>R-1</registrationNumber>\
            <inputDate>2026-01-20T09:00:00+05:00</inputDate><status>WAIT_INSTOCK</status><uFormId>77</uFormId>\
            <uFormBody>&lt;f/&gt;</uFormBody></uFormInfo></uFormInfoList><lastBlock>true</lastBlock>
            """).uForm(id: 77)
        XCTAssertEqual(form, RemoteUForm(uFormId: 77, status: "WAIT_INSTOCK", registrationNumber: "R-1",
                                         inputDate: instant("2026-01-20T09:00:00+05:00"), version: "UFormV1", body: "<f/>",
                                         signature: "c2ln", signatureType: "COMPANY", signatureValid: true,
                                         creatorLogin: "800101300016"))
        let none = try await vstoreClient("queryUFormByIdResponse", "<lastBlock>true</lastBlock>").uForm(id: 77)
        XCTAssertNil(none)

        let statuses = try await vstoreClient("queryUFormStatusByIdResponse", """
            <uFormSummaryList><uFormSummary><status>FAILED</status><cancelReason>Нет остатка</cancelReason>\
            <number>F-1</number><date>20.01.2026</date><uFormId>77</uFormId></uFormSummary></uFormSummaryList>
            """).uFormStatuses(ids: [77])
        XCTAssertEqual(statuses, [RemoteUFormSummary(uFormId: 77, date: "20.01.2026", number: "F-1", status: "FAILED",
                                                     cancelReason: "Нет остатка")])

        let errors = try await vstoreClient("uFormErrorByIdResponse", """
            <uFormErrorInfoList><uFormError><uFormId>77</uFormId><errors><error><property>products.product[1].quantity</property>\
            <errorCode>NOT_ENOUGH</errorCode><text>Недостаточно товара</text></error></errors></uFormError></uFormErrorInfoList>
            """).uFormErrors(ids: [77])
        XCTAssertEqual(errors, [77: [ESFDocumentError(property: "products.product[1].quantity", code: "NOT_ENOUGH",
                                                      text: "Недостаточно товара")]])
    }

    // MARK: Dictionaries

    func testMeasureUnitsUnderIsEsfsOwnSpelling() async throws {
        let updates = try await vstoreClient("measureUtitUpdatesResponse", """
            <measureUnitList><measureUnitUpdatesResult><nameRu>Килограмм</nameRu><code>166</code><nameKz>Килограмм</nameKz>\
            <codeOkei>166</codeOkei><lastUpdateDate>2025-12-01T00:00:00+05:00</lastUpdateDate></measureUnitUpdatesResult>\
            <measureUnitUpdatesResult><code>796</code></measureUnitUpdatesResult></measureUnitList>\
            <lastUpdateDate>2025-12-01T00:00:00+05:00</lastUpdateDate>
            """).measureUnits(updatedAfter: nil)
        XCTAssertEqual(updates.units, [
            RemoteMeasureUnit(code: "166", nameKz: "Килограмм", nameRu: "Килограмм", codeOkei: "166",
                              lastUpdateDate: instant("2025-12-01T00:00:00+05:00")),
            RemoteMeasureUnit(code: "796"),
        ])
        XCTAssertEqual(updates.lastUpdateDate, instant("2025-12-01T00:00:00+05:00"))
    }

    func testGsvsPage() async throws {
        let page = try await vstoreClient("gsvsUpdatesResponse", """
            <requestLastChangeId>0</requestLastChangeId><requestBlockSize>2</requestBlockSize><maxChangeId>31</maxChangeId>\
            <gsvsUpdateList><gsvsUpdatesResult><operation>ADD</operation><changeId>30</changeId>\
            <changeDate>2025-11-01T10:00:00+05:00</changeDate><gsvs><nameRu>Сера</nameRu><isUseInVstore>true</isUseInVstore>\
            <gsvsCode>08.91.12.01-2503001000</gsvsCode><gsvsTypeCode>TNVED</gsvsTypeCode><id>900</id><fixedId>90</fixedId>\
            <fixedParentId>89</fixedParentId><kpvedTypeCode>PRODUCT</kpvedTypeCode><code>2503001000</code>\
            <startDate>01.01.2020</startDate><endDate>2030-12-31</endDate><isDeleted>false</isDeleted>\
            <isExcisable>false</isExcisable><isTwofoldPurpose>0</isTwofoldPurpose><nameKz>Күкірт</nameKz><nameEn>Sulphur</nameEn>\
            <description>d</description><isCanSelect>1</isCanSelect><isSociallySignificant>false</isSociallySignificant>\
            <isUnique>false</isUnique><isWithdrawal>false</isWithdrawal><lastUpdateDate>2025-11-01T10:00:00+05:00</lastUpdateDate>\
            </gsvs></gsvsUpdatesResult><gsvsUpdatesResult><changeId>31</changeId><operation>DELETE</operation></gsvsUpdatesResult>\
            </gsvsUpdateList><lastBlock>true</lastBlock>
            """).gsvsUpdates(afterChangeId: 0, blockSize: 2)
        XCTAssertEqual(page.maxChangeId, 31)
        XCTAssertTrue(page.lastBlock)
        XCTAssertEqual(page.entries.map(\.changeId), [30, 31])
        XCTAssertNil(page.entries[1].entry)
        let entry = try XCTUnwrap(page.entries[0].entry)
        XCTAssertEqual(page.entries[0].operation, "ADD")
        XCTAssertEqual(entry, GsvsEntry(id: 900, fixedId: 90, fixedParentId: 89, code: "2503001000",
                                        gsvsCode: "08.91.12.01-2503001000", gsvsTypeCode: "TNVED", kpvedTypeCode: "PRODUCT",
                                        description: "d", nameKz: "Күкірт", nameRu: "Сера", nameEn: "Sulphur",
                                        startDate: instant("2020-01-01T00:00:00+05:00"),
                                        endDate: instant("2030-12-31T00:00:00+05:00"),
                                        lastUpdateDate: instant("2025-11-01T10:00:00+05:00"), isDeleted: false,
                                        isCanSelect: true, isExcisable: false, isSociallySignificant: false,
                                        isTwofoldPurpose: false, isUnique: false, isUseInVstore: true, isWithdrawal: false))
    }

    // MARK: Answers that are not the answer

    func testAnotherOperationsWrapperIsRefused() async throws {
        var transport: ScriptedTransport?
        let client = try client("sntQueryByIdResponse", "<lastBlock>true</lastBlock>", transport: &transport)
        let error = await esfError { () async throws(ESFError) in try await client.sntStatuses(ids: [1]) }
        XCTAssertEqual(error, .unreadableAnswer(.soap(.unexpectedOperation(found: "sntQueryByIdResponse",
                                                                           expected: "sntQueryStatusByIdResponse", line: 1)),
                                                operation: .querySntStatusById))
        XCTAssertEqual(error?.isTransient, false)
        XCTAssertEqual(transport?.requests("sntQueryStatusByIdRequest").count, 1, "not worth asking again")
    }
}
