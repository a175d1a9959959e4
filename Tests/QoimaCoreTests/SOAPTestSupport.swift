import QoimaXML
import XCTest

/// What a SOAP call threw, or a test failure when it did not throw.
func soapError<T>(_ body: () throws(SOAPError) -> T, file: StaticString = #filePath, line: UInt = #line) -> SOAPError? {
    do {
        let value = try body()
        XCTFail("no error; got \(value)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// The fault a reply carries, or a test failure when it reads as anything else.
func fault(in reply: String, file: StaticString = #filePath, line: UInt = #line) -> SOAPFault? {
    guard case let .fault(fault) = soapError({ () throws(SOAPError) in try SOAPEnvelope(parsing: reply) },
                                             file: file, line: line) else {
        XCTFail("not a fault", file: file, line: line)
        return nil
    }
    return fault
}

enum SOAPSamples {
    static let iin = "000101500001"
    static let bin = "000140000002"
    static let sessionId = "5f2c0a9d81e34b7c-000140000002--ADMIN_ENTERPRISE"

    /// Not a real SNT: a payload with everything that must survive as text inside SOAP — markup,
    /// an ampersand, quotes, Kazakh, a CDATA terminator and a CR LF line end.
    static let awkwardBody = "<v1:snt xmlns:v1=\"v1.snt\"><productName>Қант & ұн \"Ақ\" 'Ай' ]]> <end></productName>\r\n"
        + "<note><![CDATA[x]]></note></v1:snt>"

    /// A signed auth ticket as NCALayer returns it: pretty-printed XML with an enveloped signature.
    static let signedTicket = """
        <?xml version="1.0" encoding="UTF-8"?>\r
        <authSign><timeMark>2026-01-20T10:15:00+05:00</timeMark><state>9a8b7c</state>\r
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AbC+/=</ds:SignatureValue></ds:Signature></authSign>
        """
}
