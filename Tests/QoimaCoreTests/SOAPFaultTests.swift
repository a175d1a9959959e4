import QoimaCore
import QoimaXML
import XCTest

/// SOAP faults: written by the sandbox, read by the client as `SOAPError.fault`.
final class SOAPFaultTests: XCTestCase {
    func testAlreadyOpenSessionFaultRoundTrips() throws {
        let message = "User already has opened session"
        let written = SOAPFault(code: .server, message: message,
                                detail: SOAPFault.Detail(.business, in: .esf, text: message + " for 000140000002"))
        let xml = written.envelope()
        XCTAssertEqual(xml, #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>"#
            + "<faultcode>soap:Server</faultcode><faultstring>User already has opened session</faultstring>"
            + #"<detail><esf:businessException xmlns:esf="esf"><description>User already has opened session for "#
            + "000140000002</description></esf:businessException></detail></soap:Fault></soap:Body></soap:Envelope>")
        let read = try XCTUnwrap(fault(in: xml))
        XCTAssertEqual(read, written)
        XCTAssertEqual(read.code, .server)
        XCTAssertEqual(read.detail?.exception, .business)
        XCTAssertEqual(read.knownError, .sessionAlreadyOpen)
        XCTAssertNil(read.errorCode)
        XCTAssertEqual(read.description,
                       "Server: User already has opened session (businessException: User already has opened session for 000140000002)")
    }

    func testCXFSecurityFaultDeclaresItsPrefixOnTheCode() throws {
        // As Apache CXF's WSS4J answers a session call without a valid UsernameToken.
        let cxf = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
               <soap:Body>
                  <soap:Fault>
                     <faultcode xmlns:ns1="http://ws.apache.org/wss4j">ns1:SecurityError</faultcode>
                     <faultstring>A security error was encountered when verifying the message</faultstring>
                  </soap:Fault>
               </soap:Body>
            </soap:Envelope>
            """
        let read = try XCTUnwrap(fault(in: cxf))
        XCTAssertEqual(read.code, .securityError)
        XCTAssertEqual(read.code.namespaceURI, "http://ws.apache.org/wss4j")
        XCTAssertEqual(read.message, "A security error was encountered when verifying the message")
        XCTAssertNil(read.detail)
        XCTAssertEqual(read.knownError, .securityError)
        // The sandbox writes the same fault the same way.
        let written = SOAPFault(code: .securityError, message: read.message)
        XCTAssertTrue(written.envelope().contains(
            #"<faultcode xmlns:ns1="http://ws.apache.org/wss4j">ns1:SecurityError</faultcode>"#), written.envelope())
        XCTAssertEqual(fault(in: written.envelope()), read)
    }

    func testErrorCodesAreFoundInTheStringOrTheDetail() throws {
        func read(_ faultstring: String, detail: String = "") -> SOAPFault? {
            fault(in: """
                <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault>\
                <faultcode>S:Server</faultcode><faultstring>\(faultstring)</faultstring>\(detail)</S:Fault></S:Body></S:Envelope>
                """)
        }
        let gost = read("METHOD_NOT_SUPPORT_GOST_2015")
        XCTAssertEqual(gost?.errorCode, "METHOD_NOT_SUPPORT_GOST_2015")
        XCTAssertEqual(gost?.knownError, .gost2015NotSupported)

        let signature = read("Business error", detail: """
            <detail><ns2:businessException xmlns:ns2="esf"><description>Ошибка подписи: SIGNATURE_INVALID_FORMAT.\
            </description></ns2:businessException></detail>
            """)
        XCTAssertEqual(signature?.errorCode, "SIGNATURE_INVALID_FORMAT")
        XCTAssertEqual(signature?.knownError, .signatureInvalidFormat)
        XCTAssertEqual(signature?.detail?.text, "Ошибка подписи: SIGNATURE_INVALID_FORMAT.")

        let decline = read("Validation failed (SNT_DECLINE_CAUSE_IS_NULL)")
        XCTAssertEqual(decline?.errorCode, "SNT_DECLINE_CAUSE_IS_NULL")
        XCTAssertEqual(decline?.knownError, .declineCauseMissing)

        let schema = read("cvc-complex-type.2.4.a: Invalid content was found starting with element 'number'.")
        XCTAssertEqual(schema?.knownError, .schemaViolation)
        XCTAssertNil(schema?.errorCode)

        // A session id is not an error code, though its profile looks like one.
        let session = read("User already has opened session \(SOAPSamples.sessionId)")
        XCTAssertNil(session?.errorCode)
        XCTAssertEqual(session?.knownError, .sessionAlreadyOpen)

        XCTAssertNil(read("Internal error").flatMap(\.knownError))
        XCTAssertEqual(ESFKnownError.allCases.compactMap(\.code),
                       ["METHOD_NOT_SUPPORT_GOST_2015", "SIGNATURE_INVALID_FORMAT", "SNT_DECLINE_CAUSE_IS_NULL"])
    }

    func testDeclaredExceptionsAreRecognisedWhateverTheirCaseAndPrefix() throws {
        let closed = try XCTUnwrap(fault(in: """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
            <faultcode>soap:Client</faultcode><faultstring>Session closed</faultstring><detail>\
            <ns3:SessionClosedException xmlns:ns3="namespace.vstore"><description>Сессия закрыта</description>\
            </ns3:SessionClosedException></detail></soap:Fault></soap:Body></soap:Envelope>
            """))
        XCTAssertEqual(closed.code, .client)
        XCTAssertEqual(closed.detail, SOAPFault.Detail(name: "SessionClosedException", namespaceURI: "namespace.vstore",
                                                       text: "Сессия закрыта"))
        XCTAssertEqual(closed.detail?.exception, .sessionClosed)

        let ocsp = SOAPFault(code: .server, message: "OCSP",
                             detail: SOAPFault.Detail(.ocspNotAvailable, in: .snt, text: "OCSP сервисі қолжетімсіз"))
        XCTAssertTrue(ocsp.envelope().contains(
            #"<v1:TrustyOCSPNotAvailableException xmlns:v1="v1.snt"><message>OCSP сервисі қолжетімсіз</message>"#))
        XCTAssertEqual(fault(in: ocsp.envelope()), ocsp)
    }

    func testLooseFaultsStillReachTheCaller() throws {
        let loose = try XCTUnwrap(fault(in: """
            <e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:default"><e:Body><e:Fault>
              <faultcode>Unprefixed</faultcode>
              <detail>
                 plain text detail
              </detail>
              <faultactor> https://esf.gov.kz:8443/esf-web/ws/api1/SessionService </faultactor>
            </e:Fault></e:Body></e:Envelope>
            """))
        XCTAssertEqual(loose.code, SOAPFault.Code("Unprefixed", namespaceURI: "urn:default"))
        XCTAssertEqual(loose.message, "")
        XCTAssertEqual(loose.actor, "https://esf.gov.kz:8443/esf-web/ws/api1/SessionService")
        XCTAssertEqual(loose.detail, SOAPFault.Detail(name: "", namespaceURI: nil, text: "plain text detail"))

        let nested = try XCTUnwrap(fault(in: """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
            <faultcode>soap:Server</faultcode><faultstring>x</faultstring><detail><ns2:otherException xmlns:ns2="esf">\
            <code>E1</code><info> a </info></ns2:otherException></detail></soap:Fault></soap:Body></soap:Envelope>
            """))
        XCTAssertEqual(nested.detail?.text, "E1; a", "an exception without a description gives all its text")
        XCTAssertNil(nested.detail?.exception)
    }

    func testAFaultAsAnErrorSpeaksEachLanguage() throws {
        let written = SOAPFault(code: .server, message: "Қате: сессия ашық")
        let error = SOAPError.fault(written)
        XCTAssertEqual(error.message, "IS ESF answered with a fault: Server: Қате: сессия ашық")
        XCTAssertEqual(error.message(in: .russian), "ИС ЭСФ ответила ошибкой: Server: Қате: сессия ашық")
        XCTAssertEqual(error.message(in: .kazakh), "ЭШФ АЖ қатемен жауап берді: Server: Қате: сессия ашық")
    }

    func testAFaultAfterOtherBodyElementsIsNotTheOperation() throws {
        // Only the body's first element counts; a Fault anywhere else is just an element.
        let envelope = try SOAPEnvelope(parsing: """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <esf:getVersionResponse xmlns:esf="esf"><version>1</version></esf:getVersionResponse>\
            <soap:Fault><faultcode>soap:Server</faultcode></soap:Fault></soap:Body></soap:Envelope>
            """)
        XCTAssertEqual(try envelope.operation("getVersionResponse").text("version"), "1")
    }
}
