import QoimaCore
import QoimaXML
import XCTest

/// Envelopes as other peers write them, and envelopes that must not be read.
final class SOAPReadingTests: XCTestCase {
    func testOtherPrefixesAndADefaultNamespaceReadTheSame() throws {
        let cxf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
              <S:Header/>
              <S:Body>
                <!-- a comment before the operation -->
                <createSessionResponse xmlns="esf">
                  <sessionId>\(SOAPSamples.sessionId)</sessionId>
                </createSessionResponse>
              </S:Body>
            </S:Envelope>
            """
        let wcf = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ns2:createSessionResponse xmlns:ns2="esf">\
            <sessionId>\(SOAPSamples.sessionId)</sessionId></ns2:createSessionResponse></s:Body></s:Envelope>
            """
        for xml in [cxf, wcf] {
            let envelope = try SOAPEnvelope(parsing: xml)
            let response = try envelope.operation("createSessionResponse")
            XCTAssertEqual(response.namespaceURI, "esf")
            XCTAssertEqual(try response.requiredText("sessionId"), SOAPSamples.sessionId)
            XCTAssertNil(envelope.usernameToken)
        }
        XCTAssertEqual(try SOAPEnvelope(parsing: cxf).operation?.line, 6)
    }

    func testCDATAPayloadsReadLikeEscapedText() throws {
        let ticket = "<authSign><state>a]]>b & ž</state></authSign>"
        let escaped = SOAPMessage("createAuthTicketResponse", in: .esf) { SOAPElement("authTicketXml", ticket) }.envelope()
        // The ticket's own `]]>` splits the CDATA section in two, as any writer must.
        let cdata = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <esf:createAuthTicketResponse xmlns:esf="esf"><authTicketXml><![CDATA[<authSign><state>a]]]]>\
            <![CDATA[>b & ž</state></authSign>]]></authTicketXml></esf:createAuthTicketResponse></soap:Body></soap:Envelope>
            """
        let mixed = cdata.replacingOccurrences(of: "<![CDATA[<authSign>", with: "&lt;authSign><![CDATA[")
        for xml in [escaped, cdata, mixed] {
            let response = try SOAPEnvelope(parsing: xml).operation("createAuthTicketResponse")
            XCTAssertEqual(try response.requiredText("authTicketXml"), ticket, xml)
        }
    }

    func testDoctypeIsRefusedBeforeAnyEntityIsRead() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <esf:createAuthTicketResponse xmlns:esf="esf"><authTicketXml>&xxe;</authTicketXml>\
            </esf:createAuthTicketResponse></soap:Body></soap:Envelope>
            """
        let error = soapError { () throws(SOAPError) in try SOAPEnvelope(parsing: xml) }
        guard case let .invalid(input) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(input.reason, .doctype)
        XCTAssertEqual(input.line, 2)
        XCTAssertFalse(error?.message.contains("root:") ?? true)
    }

    func testLimitsRefuseLargeAndDeepReplies() {
        let big = SOAPMessage("sntQueryUpdatesResponse", in: .snt) {
            SOAPElement("sntInfoList") {
                for _ in 0..<100 { SOAPElement("sntInfo") { SOAPElement("sntBody", String(repeating: "x", count: 100)) } }
            }
        }.envelope()
        XCTAssertNoThrow(try SOAPEnvelope(parsing: big))
        let tooLarge = soapError { () throws(SOAPError) in try SOAPEnvelope(parsing: big, limits: XMLLimits(maxBytes: 4096)) }
        XCTAssertEqual(tooLarge, .invalid(XMLInputError(.tooLarge(bytes: big.utf8.count, limit: 4096))))

        let nested = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        let deep = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><x>"
            + nested + "</x></soap:Body></soap:Envelope>"
        guard case let .invalid(input) = soapError({ () throws(SOAPError) in try SOAPEnvelope(parsing: deep) }) else {
            return XCTFail("a 103-deep reply was read")
        }
        XCTAssertEqual(input.reason, .tooDeep(limit: 64))
    }

    func testSomethingElseThanASOAP11EnvelopeIsNamed() {
        let cases: [(String, String, String?)] = [
            (#"<v1:snt xmlns:v1="v1.snt"/>"#, "snt", "v1.snt"),
            (#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>"#,
             "Envelope", "http://www.w3.org/2003/05/soap-envelope"),
            ("<Envelope><Body/></Envelope>", "Envelope", nil),
        ]
        for (xml, found, namespace) in cases {
            let error = soapError { () throws(SOAPError) in try SOAPEnvelope(parsing: xml) }
            guard case let .invalid(input) = error,
                  case let .unexpectedRoot(root, rootNamespace, expected) = input.reason else {
                XCTFail("\(String(describing: error))")
                continue
            }
            XCTAssertEqual(root, found)
            XCTAssertEqual(rootNamespace, namespace)
            XCTAssertEqual(expected, "Envelope (namespace \"http://schemas.xmlsoap.org/soap/envelope/\")")
        }
        guard case let .invalid(notXML) = soapError({ () throws(SOAPError) in try SOAPEnvelope(parsing: "HTTP 502") }),
              case .malformed = notXML.reason else { return XCTFail("an HTML error page must not read") }
    }

    func testAMissingBodySaysSo() {
        let soap = #"xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/""#
        for xml in ["<soap:Envelope \(soap)>\n<soap:Header/></soap:Envelope>",
                    "<soap:Envelope \(soap)>\n<Body><x/></Body></soap:Envelope>"] {
            let error = soapError { () throws(SOAPError) in try SOAPEnvelope(parsing: xml) }
            XCTAssertEqual(error, .invalid(XMLInputError(.missingElement("Envelope/Body"), line: 1)))
            XCTAssertEqual(error?.message, "line 1: The element Envelope/Body is missing.")
            XCTAssertEqual(error?.message(in: .russian), "строка 1: Нет элемента Envelope/Body.")
        }
    }

    func testAnEmptyBodyNamesTheOperationExpected() throws {
        let envelope = try SOAPEnvelope(parsing: """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
            <soap:Body>
            </soap:Body></soap:Envelope>
            """)
        XCTAssertNil(envelope.operation)
        let error = soapError { () throws(SOAPError) in try envelope.operation("createSessionResponse") }
        XCTAssertEqual(error, .invalid(XMLInputError(.missingElement("Envelope/Body/createSessionResponse"), line: 2)))
    }

    func testAnotherOperationThanExpectedIsNamed() throws {
        let xml = SOAPMessage("closeSessionResponse", in: .esf) { SOAPElement("status", "CLOSED") }.envelope()
        let error = soapError { () throws(SOAPError) in try SOAPEnvelope(parsing: xml).operation("createSessionResponse") }
        XCTAssertEqual(error, .unexpectedOperation(found: "closeSessionResponse", expected: "createSessionResponse", line: 1))
        XCTAssertEqual(error?.message,
                       "line 1: the SOAP body holds closeSessionResponse, but createSessionResponse was expected.")
        XCTAssertEqual(Set(Language.allCases.compactMap { error?.message(in: $0) }).count, 3)
    }

    func testAMissingFieldIsNamedByItsFullPath() throws {
        let xml = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <v1:sntUploadResponse xmlns:v1="v1.snt">
              <acceptedList>
                <sntUploadResult><sntId>1043</sntId><number>A</number></sntUploadResult>
                <sntUploadResult><number>B</number></sntUploadResult>
              </acceptedList>
            </v1:sntUploadResponse></soap:Body></soap:Envelope>
            """
        let response = try SOAPEnvelope(parsing: xml).operation("sntUploadResponse")
        let results = response.items("acceptedList", "sntUploadResult")
        XCTAssertEqual(try results[0].requiredText("sntId"), "1043")
        let missing = soapError { () throws(SOAPError) in try results[1].requiredText("sntId") }
        XCTAssertEqual(missing, .invalid(XMLInputError(
            .missingElement("sntUploadResponse/acceptedList/sntUploadResult[2]/sntId"), line: 5)))
        let deep = soapError { () throws(SOAPError) in try response.required("declinedList/sntUploadResult/sntId") }
        XCTAssertEqual(deep, .invalid(XMLInputError(.missingElement("sntUploadResponse/declinedList"), line: 2)))
        XCTAssertEqual(results[0].text, "", "an element with children has no text of its own")
        XCTAssertEqual(response.children("acceptedList").count, 1)
        XCTAssertNil(response.element(at: "acceptedList/sntUploadResult/errorList"))
        XCTAssertEqual(response.element(at: "acceptedList/sntUploadResult/number")?.text, "A", "each step takes the first")
    }

    func testQualifiedChildrenAreReadByLocalName() throws {
        let xml = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <v1:currentSessionStatusResponse xmlns:v1="esf"><v1:status>OK</v1:status></v1:currentSessionStatusResponse>\
            </soap:Body></soap:Envelope>
            """
        XCTAssertEqual(try SOAPEnvelope(parsing: xml).operation("currentSessionStatusResponse").text("status"), "OK")
    }
}
