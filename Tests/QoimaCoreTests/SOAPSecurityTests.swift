import QoimaCore
import QoimaXML
import XCTest

/// The WS-Security `UsernameToken` header of session create and close calls (domain.md §6).
final class SOAPSecurityTests: XCTestCase {
    private func secured(_ message: SOAPMessage, password: [UInt8]) throws(SOAPError) -> [UInt8] {
        try password.withUnsafeBytes { bytes in
            Result { () throws(SOAPError) in try message.envelope(username: SOAPSamples.iin, password: bytes) }
        }.get()
    }

    private let closeSession = SOAPMessage("closeSessionRequest", in: .esf) {
        SOAPElement("sessionId", SOAPSamples.sessionId)
    }

    func testHeaderIsWrittenExactly() throws {
        let bytes = try secured(closeSession, password: Array("Qoima-2026".utf8))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>"#
            + #"<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd""#
            + #" soap:mustUnderstand="1"><wsse:UsernameToken><wsse:Username>000101500001</wsse:Username>"#
            + #"<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">"#
            + "Qoima-2026</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body>"
            + #"<esf:closeSessionRequest xmlns:esf="esf"><sessionId>\#(SOAPSamples.sessionId)</sessionId>"#
            + "</esf:closeSessionRequest></soap:Body></soap:Envelope>")
    }

    func testCreateSessionSignedReadsBackWithItsTokenAndTicket() throws {
        let request = SOAPMessage("createSessionSignedRequest", in: .esf) {
            SOAPElement("tin", SOAPSamples.bin)
            SOAPElement("signedAuthTicket", SOAPSamples.signedTicket)
            SOAPElement("businessProfileType", "ADMIN_ENTERPRISE")
        }
        let password = Array("Құпия сөз".utf8)
        let envelope = try SOAPEnvelope(parsing: try secured(request, password: password))
        let token = try XCTUnwrap(envelope.usernameToken)
        XCTAssertEqual(token.username, SOAPSamples.iin)
        XCTAssertEqual(token.password, password)
        XCTAssertEqual(token.passwordType, SOAPNamespace.passwordTextType)
        let security = try XCTUnwrap(envelope.header?.child("Security"))
        XCTAssertEqual(security.namespaceURI, SOAPNamespace.security.rawValue)
        XCTAssertEqual(security.element.attributes, [XMLTree.Attribute(
            localName: "mustUnderstand", namespaceURI: SOAPNamespace.envelope.rawValue, value: "1")])
        let operation = try envelope.operation("createSessionSignedRequest")
        XCTAssertEqual(operation.children().map(\.name), ["tin", "signedAuthTicket", "businessProfileType"])
        XCTAssertEqual(try operation.requiredText("signedAuthTicket"), SOAPSamples.signedTicket,
                       "the signed ticket keeps its CR LF line ends, or its signature breaks")
    }

    func testAPasswordWithMarkupComesBackByteForByte() throws {
        for text in ["a&b<c>d", "]]>", "\"'", "line\r\nend\r", "пароль-Қ-🔑", " spaces kept "] {
            let password = Array(text.utf8)
            let bytes = try secured(closeSession, password: password)
            XCTAssertEqual(try SOAPEnvelope(parsing: bytes).usernameToken?.password, password, text)
        }
        let escaped = String(decoding: try secured(closeSession, password: Array("a&b<c>d\r".utf8)), as: UTF8.self)
        XCTAssertTrue(escaped.contains(">a&amp;b&lt;c&gt;d&#xD;</wsse:Password>"), escaped)
    }

    func testAPasswordXMLCannotCarryIsRefusedWithoutShowingIt() {
        for password: [UInt8] in [[0x73, 0x65, 0xFF], Array("se\u{1}cret".utf8), [0xEF, 0xBF, 0xBF], [0xC3]] {
            let error = soapError { () throws(SOAPError) in try secured(closeSession, password: password) }
            XCTAssertEqual(error, .unwritablePassword, "\(password)")
            XCTAssertEqual(error?.message, "The password holds a character that cannot be sent in XML.")
        }
        XCTAssertNoThrow(try secured(closeSession, password: []), "an empty password is the server's to refuse")
    }

    func testThePasswordAppearsOnceAndNeverInATokensDescription() throws {
        let password = "Uniq-Pass-7731"
        let bytes = try secured(closeSession, password: Array(password.utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: password).count, 2)
        let token = try XCTUnwrap(SOAPEnvelope(parsing: bytes).usernameToken)
        XCTAssertEqual("\(token)", "UsernameToken(username: 000101500001, password: 14 bytes)")
    }

    func testTokensOutsideTheSecurityNamespaceAreNotTokens() throws {
        let wrongNamespace = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>\
            <wsse:Security xmlns:wsse="http://example.com/not-wss"><wsse:UsernameToken><wsse:Username>u</wsse:Username>\
            <wsse:Password>p</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body><x/></soap:Body>\
            </soap:Envelope>
            """
        XCTAssertNil(try SOAPEnvelope(parsing: wrongNamespace).usernameToken)
        let noPassword = """
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header>\
            <Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
            <UsernameToken><Username>u</Username></UsernameToken></Security></S:Header><S:Body><x/></S:Body></S:Envelope>
            """
        XCTAssertNil(try SOAPEnvelope(parsing: noPassword).usernameToken)
        let defaultNamespace = noPassword.replacingOccurrences(
            of: "</Username>", with: "</Username><Password><![CDATA[p&q]]></Password>")
        let token = try XCTUnwrap(SOAPEnvelope(parsing: defaultNamespace).usernameToken)
        XCTAssertEqual(token, UsernameToken(username: "u", password: Array("p&q".utf8), passwordType: nil))
    }
}
