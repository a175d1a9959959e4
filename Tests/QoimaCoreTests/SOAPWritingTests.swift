import QoimaCore
import QoimaXML
import XCTest

/// Requests and responses written by `SOAPMessage` and read back by `SOAPEnvelope`.
final class SOAPWritingTests: XCTestCase {
    func testNamespacesAreDomainMdsStrings() {
        // Copied by hand from domain.md §6: a change to either side must be deliberate.
        XCTAssertEqual(SOAPNamespace.envelope.rawValue, "http://schemas.xmlsoap.org/soap/envelope/")
        XCTAssertEqual(SOAPNamespace.security.rawValue,
                       "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd")
        XCTAssertEqual(SOAPNamespace.esf.rawValue, "esf")
        XCTAssertEqual(SOAPNamespace.snt.rawValue, "v1.snt")
        XCTAssertEqual(SOAPNamespace.sntXsd.rawValue, "snt")
        XCTAssertEqual(SOAPNamespace.vstore.rawValue, "namespace.vstore")
        XCTAssertEqual(Set(SOAPNamespace.allCases.map(\.prefix)).count, SOAPNamespace.allCases.count)
        XCTAssertEqual(SOAPMessage.contentType, "text/xml; charset=UTF-8")
        XCTAssertEqual(SOAPMessage.soapAction, "")
    }

    func testCreateAuthTicketRequestIsWrittenExactly() {
        let ttl: Int? = 30
        let request = SOAPMessage("createAuthTicketRequest", in: .esf) {
            SOAPElement("iin", SOAPSamples.iin)
            if let ttl { SOAPElement("ttlInMinutes", String(ttl)) }
        }
        XCTAssertEqual(request.envelope(), #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>"#
            + #"<esf:createAuthTicketRequest xmlns:esf="esf"><iin>000101500001</iin><ttlInMinutes>30</ttlInMinutes>"#
            + "</esf:createAuthTicketRequest></soap:Body></soap:Envelope>")
        let noTTL: Int? = nil
        let bare = SOAPMessage("createAuthTicketRequest", in: .esf) {
            SOAPElement("iin", SOAPSamples.iin)
            if let noTTL { SOAPElement("ttlInMinutes", String(noTTL)) }
        }
        XCTAssertFalse(bare.envelope().contains("ttlInMinutes"), "an absent optional field is left out")
    }

    func testCreateAuthTicketResponseCarriesTheTicketAsText() throws {
        let ticket = "<authSign><timeMark>2026-01-20T10:15:00</timeMark><state>9a8b7c</state></authSign>"
        let response = SOAPMessage("createAuthTicketResponse", in: .esf) { SOAPElement("authTicketXml", ticket) }
        let xml = response.envelope()
        XCTAssertTrue(xml.contains("<authTicketXml>&lt;authSign&gt;&lt;timeMark&gt;"), xml)
        let read = try SOAPEnvelope(parsing: xml).operation("createAuthTicketResponse")
        XCTAssertEqual(read.namespaceURI, "esf")
        XCTAssertEqual(try read.requiredText("authTicketXml"), ticket)
        XCTAssertFalse(read.child("authTicketXml")?.element.hasChildElements ?? true, "text, not markup")
    }

    func testUploadSntKeepsEveryPayloadByteAndTheChildOrder() throws {
        let bodies = [SOAPSamples.awkwardBody, SntXMLWriter.body(of: SntXMLSamples.primary)]
        let request = SOAPMessage("sntUploadRequest", in: .snt) {
            SOAPElement("sessionId", SOAPSamples.sessionId)
            SOAPElement("sntInfoList") {
                for body in bodies {
                    SOAPElement("sntInfo") {
                        SOAPElement("sntBody", body)
                        SOAPElement("version", "SntV1")
                        SOAPElement("signature", "MEUCIQ+/=")
                        SOAPElement("signatureType", "COMPANY")
                    }
                }
            }
            SOAPElement("x509Certificate", "MIIC+/=")
        }
        let xml = request.envelope()
        XCTAssertTrue(xml.contains(#"<soap:Body><v1:sntUploadRequest xmlns:v1="v1.snt"><sessionId>"#), xml)
        XCTAssertTrue(xml.contains("Қант &amp; ұн \"Ақ\" 'Ай' ]]&gt; &lt;end&gt;&lt;/productName&gt;&#xD;\n"), xml)
        XCTAssertFalse(xml.contains("<![CDATA["), "payloads travel as escaped text")

        let read = try SOAPEnvelope(parsing: xml).operation("sntUploadRequest")
        XCTAssertEqual(read.children().map(\.name), ["sessionId", "sntInfoList", "x509Certificate"])
        let infos = read.items("sntInfoList", "sntInfo")
        XCTAssertEqual(try infos.map { try $0.requiredText("sntBody") }, bodies)
        XCTAssertEqual(infos[1].children().map(\.name), ["sntBody", "version", "signature", "signatureType"])
        XCTAssertEqual(SOAPElement(read), request.element, "the whole request reads back as written")
        // The canonical body still decodes to the same SNT after the trip.
        XCTAssertEqual(try SntXMLReader.read(infos[1].requiredText("sntBody")).snt, SntXMLSamples.primary)
    }

    func testQueryUpdatePagingFieldsRoundTrip() throws {
        let request = SOAPMessage("sntQueryUpdatesRequest", in: .snt) {
            SOAPElement("sessionId", SOAPSamples.sessionId)
            SOAPElement("direction", "INBOUND")
            SOAPElement("lastEventDate", "2026-01-20T10:15:00.000+05:00")
            SOAPElement("lastSntId", "1042")
            SOAPElement("limit", "100")
        }
        let sent = try SOAPEnvelope(parsing: request.envelope()).operation("sntQueryUpdatesRequest")
        XCTAssertEqual(sent.children().map(\.name), ["sessionId", "direction", "lastEventDate", "lastSntId", "limit"])
        XCTAssertEqual(sent.text("lastEventDate"), "2026-01-20T10:15:00.000+05:00")

        let response = SOAPMessage("sntQueryUpdatesResponse", in: .snt) {
            SOAPElement("lastEventDate", "2026-01-20T11:00:00.000+05:00")
            SOAPElement("lastSntId", "1077")
            SOAPElement("lastBlock", "false")
            SOAPElement("sntInfoList") {
                for id in [1043, 1077] {
                    SOAPElement("sntInfo") {
                        SOAPElement("sntId", String(id))
                        SOAPElement("status", "NOT_VIEWED")
                        SOAPElement("documentInfo") { SOAPElement("sntBody", "<v1:snt xmlns:v1=\"v1.snt\"/>#\(id)") }
                    }
                }
            }
        }
        let page = try SOAPEnvelope(parsing: response.envelope()).operation("sntQueryUpdatesResponse")
        XCTAssertEqual(page.text("lastSntId"), "1077")
        XCTAssertEqual(page.text("lastBlock"), "false")
        let infos = page.items("sntInfoList", "sntInfo")
        XCTAssertEqual(infos.map { $0.text("sntId") }, ["1043", "1077"])
        XCTAssertEqual(infos.map { $0.text("documentInfo/sntBody") }, ["<v1:snt xmlns:v1=\"v1.snt\"/>#1043",
                                                                     "<v1:snt xmlns:v1=\"v1.snt\"/>#1077"])
        XCTAssertEqual(infos[1].path, "sntQueryUpdatesResponse/sntInfoList/sntInfo[2]")
        XCTAssertEqual(SOAPElement(page), response.element)
    }

    func testEmptyTextAndEmptyListsAreWrittenAsEmptyElements() throws {
        let response = SOAPMessage("sntUploadResponse", in: .snt) {
            SOAPElement("acceptedList", children: [])
            SOAPElement("declinedList") {
                SOAPElement("sntUploadResult") {
                    SOAPElement("errorList") {
                        SOAPElement("error") {
                            SOAPElement("property", "")
                            SOAPElement("errorCode", "SNT_DECLINE_CAUSE_IS_NULL")
                            SOAPElement("text", "Не указана причина отказа")
                        }
                    }
                    SOAPElement("number", "SNT-2026-0001")
                }
            }
        }
        let xml = response.envelope()
        XCTAssertTrue(xml.contains("<acceptedList></acceptedList><declinedList>"), xml)
        XCTAssertTrue(xml.contains("<property></property>"), xml)
        let read = try SOAPEnvelope(parsing: xml).operation("sntUploadResponse")
        XCTAssertEqual(read.items("acceptedList", "sntUploadResult").count, 0)
        let result = try XCTUnwrap(read.items("declinedList", "sntUploadResult").first)
        XCTAssertEqual(result.text("errorList/error/property"), "", "present but empty is not absent")
        XCTAssertNil(result.text("errorList/error/cause"))
        XCTAssertEqual(result.items("errorList", "error").map { $0.text("text") }, ["Не указана причина отказа"])
    }

    func testVirtualWarehouseRequestUsesItsNamespace() throws {
        let request = SOAPMessage("queryUpdatesRequest", in: .vstore) {
            SOAPElement("sessionId", SOAPSamples.sessionId)
            SOAPElement("lastEventDate", "2026-01-01T00:00:00")
            SOAPElement("lastUFormId", "1")
        }
        let xml = request.envelope()
        XCTAssertTrue(xml.contains(#"<vs:queryUpdatesRequest xmlns:vs="namespace.vstore">"#), xml)
        XCTAssertEqual(try SOAPEnvelope(parsing: xml).operation("queryUpdatesRequest").namespaceURI, "namespace.vstore")
    }

    func testCharactersXMLCannotCarryAreLeftOutAsEverywhereInQoima() throws {
        let message = SOAPMessage("echo", in: .esf) { SOAPElement("text", "a\u{1}b\u{FFFF}c\td") }
        XCTAssertEqual(try SOAPEnvelope(parsing: message.envelope()).operation("echo").text("text"), "abc\td")
    }
}
