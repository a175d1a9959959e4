import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaXML
import XCTest

/// The sandbox speaks IS ESF's SOAP: WSDLs, the SNT XSD, and faults for what it cannot read.
final class SandboxProtocolTests: XCTestCase {
    func testEveryServiceAnswersWSDLNamingItsOperationsNamespaceAndAddress() async throws {
        let harness = try await startSandbox()
        for service in ESFService.allCases {
            let url = harness.sandbox.url(of: service)
            let text = try await get(url + "?wsdl")
            let root = try XMLTree(parsing: text).root
            XCTAssertEqual(root.localName, "definitions", "\(service)")
            XCTAssertEqual(root.namespaceURI, "http://schemas.xmlsoap.org/wsdl/")
            XCTAssertEqual(root.attributes.first { $0.localName == "targetNamespace" }?.value, service.namespace.rawValue)
            let portType = try XCTUnwrap(root.child(named: "portType"))
            XCTAssertEqual(portType.children.compactMap { $0.attributes.first { $0.localName == "name" }?.value },
                           service.operations.map(\.wsdlName), "\(service)")
            let address = root.child(named: "service")?.child(named: "port")?.child(named: "address")
            XCTAssertEqual(address?.attributes.first { $0.localName == "location" }?.value, url)
        }
        let dictionary = try await get(harness.sandbox.url(of: .dictionary) + "?wsdl")
        XCTAssertTrue(dictionary.contains(#"name="measureUtitUpdatesResponse""#))
        XCTAssertTrue(dictionary.contains(#"<wsdl:operation name="queryGsvsUpdates">"#))
    }

    func testTheSntXsdIsASchemaTheSampleSntIsValidAgainst() async throws {
        let harness = try await startSandbox()
        let answer = try await harness.call(.sntXsd, SOAPMessage(ESFOperation.querySntXsd.request, in: .sntXsd) {
            SOAPElement("version", "SntV1")
        }).element()
        XCTAssertEqual(answer.name, "querySntXsdResponse")
        let xsd = try XCTUnwrap(answer.items("xsdList", "xsd").first?.text)
        let root = try XMLTree(parsing: xsd).root
        XCTAssertEqual(root.localName, "schema")
        XCTAssertEqual(root.attributes.first { $0.localName == "targetNamespace" }?.value, "v1.snt")

        // xmllint, an independent validator, accepts the sample against it and refuses disorder.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("snt.xsd")
        try xsd.write(to: schema, atomically: true, encoding: .utf8)
        let sample = SntXMLSamples.samplesFolder.appendingPathComponent("primary-snt.xml")
        let valid = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"),
                                      ["--noout", "--schema", schema.path, sample.path])
        XCTAssertEqual(valid.status, 0, valid.error)
        let shuffled = folder.appendingPathComponent("shuffled.xml")
        let text = try String(contentsOf: sample, encoding: .utf8)
            .replacingOccurrences(of: "<number>SNT-2026-0001</number>", with: "")
            .replacingOccurrences(of: "<sntType>", with: "<number>SNT-2026-0001</number><sntType>")
        try text.write(to: shuffled, atomically: true, encoding: .utf8)
        let invalid = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"),
                                        ["--noout", "--schema", schema.path, shuffled.path])
        XCTAssertNotEqual(invalid.status, 0)

        let unknown = try await harness.call(.sntXsd, SOAPMessage(ESFOperation.querySntXsd.request, in: .sntXsd) {
            SOAPElement("version", "SntV9")
        }).element()
        XCTAssertEqual(unknown.items("xsdList", "xsd").count, 0)
    }

    func testWhatCannotBeReadIsAClientFaultNamingWhatIsWrong() async throws {
        let harness = try await startSandbox()
        let url = harness.sandbox.url(of: .snt)
        func post(_ text: String) async throws -> SOAPFault {
            do {
                _ = try await harness.transport.post(Array(text.utf8), to: url, headers: SandboxHarness.headers)
                throw SandboxTestError.unexpectedReply
            } catch let HTTPTransportError.httpStatus(_, response) {
                XCTAssertEqual(response.status, 500)
                return try XCTUnwrap(fault(in: String(decoding: response.body, as: UTF8.self)))
            }
        }
        let garbage = try await post("<not-soap")
        XCTAssertEqual(garbage.code, .client)
        XCTAssertTrue(garbage.message.contains("not a SOAP 1.1 request"), garbage.message)

        let unknown = try await post(SOAPMessage("sntLaunchRocketRequest", in: .snt) { SOAPElement("sessionId", "x") }.envelope())
        XCTAssertEqual(unknown.code, .client)
        XCTAssertTrue(unknown.message.contains("{v1.snt}sntLaunchRocketRequest"), unknown.message)
        XCTAssertTrue(unknown.message.contains("sntUploadRequest"), unknown.message)

        let wrongNamespace = try await post(SOAPMessage("sntQueryByIdRequest", in: .vstore) { SOAPElement("sessionId", "x") }.envelope())
        XCTAssertTrue(wrongNamespace.message.contains("Expected {v1.snt}sntQueryByIdRequest"), wrongNamespace.message)

        let session = try await harness.session(.koimaSauda)
        let missing = try await harness.call(.snt, harness.request(.querySntUpdates, on: .snt, session: session) {
            SOAPElement("lastEventDate", "yesterday")
        })
        XCTAssertEqual(missing.fault?.code, .client)
        XCTAssertTrue(missing.fault?.message.contains("sntQueryUpdatesRequest/lastEventDate") == true, "\(String(describing: missing.fault))")

        // Any prefix, and SOAPAction is ignored.
        let prefixed = """
            <e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body>\
            <x:currentSessionStatusRequest xmlns:x="esf"><sessionId>\(session)</sessionId></x:currentSessionStatusRequest>\
            </e:Body></e:Envelope>
            """
        let response = try await harness.transport.post(Array(prefixed.utf8), to: harness.sandbox.url(of: .session),
                                                        headers: [HTTPHeader("Content-Type", "text/xml"), HTTPHeader("SOAPAction", "urn:whatever")])
        XCTAssertEqual(try SOAPEnvelope(parsing: response.body).operation?.text("status"), "OK")
    }

    /// The body of a 200 answer to a GET.
    private func get(_ url: String) async throws -> String {
        let answer = try await SandboxHarness.get(url)
        XCTAssertTrue(answer.head.hasPrefix("HTTP/1.1 200"), answer.head)
        return answer.body
    }
}
