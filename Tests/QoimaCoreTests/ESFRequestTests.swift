import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaXML
import XCTest

/// The request of every operation Qoima sends, element by element: the wrapper's name and
/// namespace, the children in domain.md's order with `sessionId` first, unqualified descendants,
/// the service's path, the HTTP headers, and the WS-Security header only on session calls.
final class ESFRequestTests: XCTestCase {
    private let sid = ESFReplies.sessionId
    private let document = SignedDocument(body: #"<v1:snt xmlns:v1="v1.snt"><number>1 & 2</number></v1:snt>"#,
                                          signature: "c2lnbmF0dXJl", certificate: "Y2VydA==")

    /// Runs `body` against a script that answers every business call with its bare response.
    private func sent(_ operation: String, _ body: (ESFClient) async throws -> Void) async throws -> SentRequest {
        let transport = ScriptedTransport(ESFReplies.script { request, _ in Self.minimalReply(to: request.operation) })
        try await body(try ESFTestSetup.client(transport))
        let requests = transport.requests(operation)
        XCTAssertEqual(requests.count, 1, "\(operation) sent once")
        return try XCTUnwrap(requests.first)
    }

    /// Checks the wrapper and returns its outline.
    private func check(_ request: SentRequest, namespace: String, service: ESFService,
                       file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let wrapper = try request.wrapper()
        XCTAssertEqual(wrapper.namespaceURI, namespace, file: file, line: line)
        XCTAssertEqual(qualifiedDescendants(wrapper), [], "descendants are unqualified", file: file, line: line)
        XCTAssertEqual(request.url, ESFServerProfile.sandbox(port: 8443).url(of: service), file: file, line: line)
        XCTAssertEqual(request.headers, [HTTPHeader("Content-Type", "text/xml; charset=UTF-8"), HTTPHeader("SOAPAction", "")],
                       file: file, line: line)
        XCTAssertNil(try request.envelope().header, "business calls carry no WS-Security header", file: file, line: line)
        XCTAssertFalse(request.text.contains(ESFTestSetup.cabinetPassword), file: file, line: line)
        return outline(wrapper)
    }

    // MARK: SNT

    func testUploadSnt() async throws {
        let request = try await sent("sntUploadRequest") { _ = try await $0.uploadSnts([self.document, self.document]) }
        let info = "sntInfo(sntBody=\(document.body), version=SntV1, signature=c2lnbmF0dXJl, signatureType=COMPANY)"
        XCTAssertEqual(try check(request, namespace: "v1.snt", service: .snt),
                       "sntUploadRequest(sessionId=\(sid), sntInfoList(\(info), \(info)), x509Certificate=Y2VydA==)")
        XCTAssertTrue(request.text.contains("&lt;number&gt;1 &amp; 2&lt;/number&gt;"), "the body travels as escaped text")
    }

    func testQueryUpdateWithAndWithoutOptionalFields() async throws {
        let cursor = SntUpdateCursor(lastEventDate: Date(timeIntervalSince1970: 1_768_880_000.123), lastSntId: 4711)
        let full = try await sent("sntQueryUpdatesRequest") {
            _ = try await $0.sntUpdates(direction: .inbound, after: cursor, limit: 50)
        }
        XCTAssertEqual(try check(full, namespace: "v1.snt", service: .snt),
                       "sntQueryUpdatesRequest(sessionId=\(sid), direction=INBOUND, "
                           + "lastEventDate=2026-01-20T08:33:20.123+05:00, lastSntId=4711, limit=50)")
        let bare = try await sent("sntQueryUpdatesRequest") {
            _ = try await $0.sntUpdates(direction: nil, after: SntUpdateCursor(lastEventDate: cursor.lastEventDate), limit: 10)
        }
        XCTAssertEqual(try check(bare, namespace: "v1.snt", service: .snt),
                       "sntQueryUpdatesRequest(sessionId=\(sid), lastEventDate=2026-01-20T08:33:20.123+05:00, limit=10)")
    }

    func testQueriesByIdList() async throws {
        let cases: [(String, (ESFClient) async throws -> Void)] = [
            ("sntQueryByIdRequest", { _ = try await $0.snts(ids: [11, 12]) }),
            ("sntQueryStatusByIdRequest", { _ = try await $0.sntStatuses(ids: [11, 12]) }),
            ("sntQueryErrorByIdRequest", { _ = try await $0.sntErrors(ids: [11, 12]) }),
            ("sntHistoryQueryByIdRequest", { _ = try await $0.sntHistory(ids: [11, 12]) }),
            ("sntViewRequest", { _ = try await $0.viewSnts(ids: [11, 12]) }),
        ]
        for (operation, call) in cases {
            let request = try await sent(operation, call)
            XCTAssertEqual(try check(request, namespace: "v1.snt", service: .snt),
                           "\(operation)(sessionId=\(sid), idList(id=11, id=12))")
        }
    }

    func testEmptyIdListsAreNotSent() async throws {
        let transport = ScriptedTransport(ESFReplies.script())
        let client = try ESFTestSetup.client(transport)
        let snts = try await client.snts(ids: [])
        let errors = try await client.sntErrors(ids: [])
        let upload = try await client.uploadSnts([])
        XCTAssertEqual(snts, [])
        XCTAssertEqual(errors, [:])
        XCTAssertEqual(upload, UploadOutcome())
        XCTAssertEqual(transport.requests.count, 0, "not even a login")
    }

    func testChangeStatus() async throws {
        let action = SignedSntAction(sntId: 4711, body: #"<v1:sntAction xmlns:v1="v1.snt"/>"#, signature: "c2ln",
                                     certificate: "Y2VydA==", signatureType: "OPERATOR")
        let request = try await sent("sntChangeStatusRequest") { _ = try await $0.changeSntStatus([action]) }
        XCTAssertEqual(try check(request, namespace: "v1.snt", service: .snt),
                       "sntChangeStatusRequest(sessionId=\(sid), sntActionInfoList(sntActionInfo(sntActionBody=\(action.body), "
                           + "sntVersion=SntV1, sntId=4711, signature=c2ln, signatureType=OPERATOR, certificate=Y2VydA==)))")
    }

    func testSntXsdNeedsNoSession() async throws {
        let transport = ScriptedTransport(ESFReplies.script { request, _ in Self.minimalReply(to: request.operation) })
        _ = try await ESFTestSetup.client(transport).sntXsd()
        XCTAssertEqual(transport.operations, ["SntXsdRequest"])
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(try check(request, namespace: "snt", service: .sntXsd), "SntXsdRequest(version=SntV1)")
    }

    // MARK: Virtual warehouse

    func testStoreCalls() async throws {
        let list = try await sent("taxpayerStoreListRequest") { _ = try await $0.stores() }
        XCTAssertEqual(try check(list, namespace: "namespace.vstore", service: .taxpayerStore),
                       "taxpayerStoreListRequest(sessionId=\(sid))")

        let byTin = try await sent("taxpayerStoreListByTinRequest") {
            _ = try await $0.stores(ofTin: TaxpayerNumber("000140000012"))
        }
        XCTAssertEqual(try check(byTin, namespace: "namespace.vstore", service: .taxpayerStore),
                       "taxpayerStoreListByTinRequest(sessionId=\(sid), taxpayerTin=000140000012)")

        let status = try await sent("taxpayerStoreChangeStatusRequest") {
            _ = try await $0.changeStoreStatus([StoreStatusAction(storeId: 1001, activate: true),
                                                StoreStatusAction(storeId: 1002, activate: false)])
        }
        XCTAssertEqual(try check(status, namespace: "namespace.vstore", service: .taxpayerStore),
                       "taxpayerStoreChangeStatusRequest(sessionId=\(sid), actionList(action(actionType=ACTIVATE, storeId=1001), "
                           + "action(actionType=DEACTIVATE, storeId=1002)))")
    }

    func testCreateStores() async throws {
        let plain = NewStore(name: "Склад №1", address: "Алматы, Абай 1", type: "STORE_HOUSE",
                             responsiblePersonIin: "800101300016", isDefault: true)
        let leased = NewStore(name: "Лизинг", parentStoreId: 1001, address: "Астана", type: "MOBILE_STORE",
                              responsiblePersonIin: "800101300016", isCooperativeStore: true, lesseeTin: "000140000012",
                              lesseeContractNumber: "L-7", lesseeContractDate: CalendarDate(year: 2026, month: 1, day: 5))
        let request = try await sent("taxpayerStoreCreateRequest") { _ = try await $0.createStores([plain, leased]) }
        let flags = { (defaultStore: Bool, cooperative: Bool) in
            "isInherited=false, isDefault=\(defaultStore), isJointStore=false, isPostingGoods=false, "
                + "isCooperativeStore=\(cooperative), isRawMaterials=false, isPublicStore=false"
        }
        XCTAssertEqual(try check(request, namespace: "namespace.vstore", service: .taxpayerStore),
                       "taxpayerStoreCreateRequest(sessionId=\(sid), storeList("
                           + "store(name=Склад №1, address=Алматы, Абай 1, type=STORE_HOUSE, responsiblePersonIin=800101300016, "
                           + flags(true, false) + "), "
                           + "store(name=Лизинг, parentStoreId=1001, address=Астана, type=MOBILE_STORE, "
                           + "responsiblePersonIin=800101300016, " + flags(false, true)
                           + ", lesseeTin=000140000012, lesseeContractNumber=L-7, lesseeContractDate=05.01.2026)))")
    }

    func testCurrentBalances() async throws {
        let first = try await sent("queryCurrentStatusRequest") { _ = try await $0.currentBalances(after: nil, limit: 500) }
        XCTAssertEqual(try check(first, namespace: "namespace.vstore", service: .vstoreBalance),
                       "queryCurrentStatusRequest(sessionId=\(sid), limit=500)")
        let next = try await sent("queryCurrentStatusRequest") { _ = try await $0.currentBalances(after: 9001, limit: 500) }
        XCTAssertEqual(try check(next, namespace: "namespace.vstore", service: .vstoreBalance),
                       "queryCurrentStatusRequest(sessionId=\(sid), lastBalanceId=9001, limit=500)")
    }

    func testUFormCalls() async throws {
        let form = SignedDocument(body: #"<v1:uForm xmlns:v1="namespace.v1"/>"#, signature: "c2ln", certificate: "Y2VydA==")
        let upload = try await sent("uploadUFormRequest") { _ = try await $0.uploadUForms([form]) }
        XCTAssertEqual(try check(upload, namespace: "namespace.vstore", service: .uForm),
                       "uploadUFormRequest(sessionId=\(sid), uFormInfoList(uFormInfo(uFormBody=\(form.body), version=UFormV1, "
                           + "signature=c2ln, signatureType=COMPANY)), x509Certificate=Y2VydA==)")

        // Whatever the cursor, lastUFormId is always 1 (domain.md §11).
        let cursor = UFormUpdateCursor(lastEventDate: Date(timeIntervalSince1970: 1_768_880_000), seenAtLastEventDate: [77])
        let updates = try await sent("queryUpdatesRequest") { _ = try await $0.uFormUpdates(after: cursor, limit: 100) }
        XCTAssertEqual(try check(updates, namespace: "namespace.vstore", service: .uForm),
                       "queryUpdatesRequest(sessionId=\(sid), lastEventDate=2026-01-20T08:33:20.000+05:00, "
                           + "lastUFormId=1, limit=100)")

        let byId = try await sent("queryUFormByIdRequest") { _ = try await $0.uForm(id: 77) }
        XCTAssertEqual(try check(byId, namespace: "namespace.vstore", service: .uForm),
                       "queryUFormByIdRequest(sessionId=\(sid), idList(id=77))")
        let statuses = try await sent("queryUFormStatusByIdRequest") { _ = try await $0.uFormStatuses(ids: [77, 78]) }
        XCTAssertEqual(try check(statuses, namespace: "namespace.vstore", service: .uForm),
                       "queryUFormStatusByIdRequest(sessionId=\(sid), idList(id=77, id=78))")
        let errors = try await sent("uFormErrorByIdRequest") { _ = try await $0.uFormErrors(ids: [77]) }
        XCTAssertEqual(try check(errors, namespace: "namespace.vstore", service: .uForm),
                       "uFormErrorByIdRequest(sessionId=\(sid), idList(id=77))")
    }

    func testDictionaryCalls() async throws {
        let units = try await sent("queryMeasureUnitUpdatesRequest") {
            _ = try await $0.measureUnits(updatedAfter: Date(timeIntervalSince1970: 1_768_880_000))
        }
        XCTAssertEqual(try check(units, namespace: "namespace.vstore", service: .dictionary),
                       "queryMeasureUnitUpdatesRequest(sessionId=\(sid), lastUpdateDate=2026-01-20T08:33:20.000+05:00)")
        let all = try await sent("queryMeasureUnitUpdatesRequest") { _ = try await $0.measureUnits(updatedAfter: nil) }
        XCTAssertEqual(try check(all, namespace: "namespace.vstore", service: .dictionary),
                       "queryMeasureUnitUpdatesRequest(sessionId=\(sid), lastUpdateDate=1970-01-01T05:00:00.000+05:00)")
        let gsvs = try await sent("queryGsvsUpdatesRequest") { _ = try await $0.gsvsUpdates(afterChangeId: 120, blockSize: 1000) }
        XCTAssertEqual(try check(gsvs, namespace: "namespace.vstore", service: .dictionary),
                       "queryGsvsUpdatesRequest(sessionId=\(sid), lastChangeId=120, blockSize=1000)")
    }

    // MARK: Sessions

    func testLoginRequestsAndTheSecurityHeader() async throws {
        let transport = ScriptedTransport(ESFReplies.script())
        let sessions = try ESFTestSetup.sessions(transport)
        _ = try await sessions.sessionId(.vstore)
        await sessions.close()
        XCTAssertEqual(transport.operations, ["createAuthTicketRequest", "createSessionSignedRequest", "closeSessionRequest"])
        let iin = ESFTestSetup.company.director.iin.rawValue

        let ticket = transport.requests[0]
        XCTAssertEqual(ticket.url, ESFServerProfile.sandbox(port: 8443).url(of: .auth))
        XCTAssertEqual(try ticket.wrapper().namespaceURI, "esf")
        XCTAssertEqual(outline(try ticket.wrapper()), "createAuthTicketRequest(iin=\(iin), ttlInMinutes=10)")
        XCTAssertNil(try ticket.envelope().header)

        let login = transport.requests[1]
        XCTAssertEqual(login.url, ESFServerProfile.sandbox(port: 8443).url(of: .vstoreSession))
        let wrapper = try login.wrapper()
        XCTAssertEqual(wrapper.namespaceURI, "namespace.vstore")
        XCTAssertEqual(wrapper.children().map(\.name), ["tin", "signedAuthTicket", "businessProfileType", "sourceType"])
        XCTAssertEqual(wrapper.text("tin"), ESFTestSetup.company.bin.rawValue)
        XCTAssertEqual(wrapper.text("businessProfileType"), "ADMIN_ENTERPRISE")
        XCTAssertEqual(wrapper.text("sourceType"), "DESKTOP")
        let signed = try XCTUnwrap(wrapper.text("signedAuthTicket"))
        XCTAssertTrue(signed.contains("<state>9a8b7c</state>") && signed.contains("Signature"), "the ticket, signed")
        let token = try XCTUnwrap(try login.envelope().usernameToken)
        XCTAssertEqual(token.username, iin)
        XCTAssertEqual(token.password, Array(ESFTestSetup.cabinetPassword.utf8))
        XCTAssertEqual(token.passwordType, SOAPNamespace.passwordTextType)
        XCTAssertTrue(login.buffer.allSatisfy { $0 == 0 }, "the sent envelope, which held the password, is wiped")

        let close = transport.requests[2]
        XCTAssertEqual(outline(try close.wrapper()), "closeSessionRequest(sessionId=\(sid))")
        XCTAssertEqual(try close.envelope().usernameToken?.username, iin)
        XCTAssertTrue(close.buffer.allSatisfy { $0 == 0 })
    }

    func testStatusCheckAndCloseByCredentials() async throws {
        let clock = TestClock()
        let transport = ScriptedTransport(ESFReplies.script(sessionIds: [sid, ESFReplies.secondSessionId]) { request, _ in
            Self.minimalReply(to: request.operation)
        })
        let client = try ESFTestSetup.client(transport, clock: clock)
        _ = try await client.sntStatuses(ids: [1])
        clock.advance(minutes: 6)
        _ = try await client.sntStatuses(ids: [1])
        let check = try XCTUnwrap(transport.requests("currentSessionStatusRequest").first)
        XCTAssertEqual(outline(try check.wrapper()), "currentSessionStatusRequest(sessionId=\(sid))")
        XCTAssertNil(try check.envelope().header, "a status check is not a create or close call")
        XCTAssertEqual(check.url, ESFServerProfile.sandbox(port: 8443).url(of: .session))

        let certificate = try SharedTestPKI.signer(.koimaSauda, .authentication).certificate.base64
        let already = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest" && count == 0
                ? .status(500, ESFReplies.alreadyOpenFault) : ESFReplies.script()(request, count)
        }
        _ = try await ESFTestSetup.sessions(already).sessionId(.esf)
        let close = try XCTUnwrap(already.requests("closeSessionByCredentialsRequest").first)
        XCTAssertEqual(outline(try close.wrapper()),
                       "closeSessionByCredentialsRequest(tin=\(ESFTestSetup.company.bin.rawValue), "
                           + "businessProfileType=ADMIN_ENTERPRISE, x509Certificate=\(certificate))")
        XCTAssertEqual(try close.envelope().usernameToken?.password, Array(ESFTestSetup.cabinetPassword.utf8))
    }

    /// The bare answer of each business operation.
    static func minimalReply(to request: String) -> ScriptedReply {
        let snt = "v1.snt", vstore = "namespace.vstore"
        let (wrapper, namespace, inner): (String, String, String) = switch request {
        case "sntUploadRequest": ("sntUploadResponse", snt, "")
        case "sntQueryUpdatesRequest": ("sntQueryUpdatesResponse", snt, "<lastBlock>true</lastBlock>")
        case "sntQueryByIdRequest": ("sntQueryByIdResponse", snt, "<lastBlock>true</lastBlock>")
        case "sntQueryStatusByIdRequest": ("sntQueryStatusByIdResponse", snt, "")
        case "sntQueryErrorByIdRequest": ("sntQueryErrorByIdResponse", snt, "")
        case "sntHistoryQueryByIdRequest": ("sntHistoryQueryByIdResponse", snt, "")
        case "sntViewRequest": ("sntViewResponse", snt, "")
        case "sntChangeStatusRequest": ("sntChangeStatusResponse", snt, "")
        case "SntXsdRequest": ("querySntXsdResponse", "snt", "<xsdList><xsd>&lt;xs:schema/&gt;</xsd></xsdList>")
        case "taxpayerStoreListRequest": ("listTaxpayerStoreResponse", vstore, "<lastBlock>true</lastBlock>")
        case "taxpayerStoreCreateRequest": ("taxpayerStoreCreateResponse", vstore, "")
        case "taxpayerStoreChangeStatusRequest": ("taxpayerStoreChangeStatusResponse", vstore, "")
        case "taxpayerStoreListByTinRequest": ("taxpayerStoreListByTinResponse", vstore, "")
        case "queryCurrentStatusRequest": ("queryCurrentStatusResponse", vstore, "<lastBlock>true</lastBlock>")
        case "uploadUFormRequest": ("uploadUFormResponse", vstore, "")
        case "queryUpdatesRequest": ("uFormQueryUpdatesResponse", vstore, "<lastBlock>true</lastBlock>")
        case "queryUFormByIdRequest": ("queryUFormByIdResponse", vstore, "<lastBlock>true</lastBlock>")
        case "queryUFormStatusByIdRequest": ("queryUFormStatusByIdResponse", vstore, "")
        case "uFormErrorByIdRequest": ("uFormErrorByIdResponse", vstore, "")
        case "queryMeasureUnitUpdatesRequest": ("measureUtitUpdatesResponse", vstore, "")
        case "queryGsvsUpdatesRequest": ("gsvsUpdatesResponse", vstore, "<lastBlock>true</lastBlock>")
        default: ("unknown", "x", "")
        }
        return .xml(ESFReplies.envelope(wrapper, namespace, inner))
    }
}
