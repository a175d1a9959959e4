import Foundation
import QoimaCore
import QoimaSigning
import XCTest

final class XMLSignatureTests: XCTestCase {
    /// An auth ticket shaped like IS ESF's (domain.md §7), with namespaces, a comment and
    /// Kazakh text to exercise canonicalisation.
    let ticket = """
    <?xml version="1.0" encoding="UTF-8"?>
    <authSign xmlns="urn:esf:ticket" xmlns:q="urn:qoima:test">
      <!-- issued by the sandbox -->
      <timeMark>2026-11-23T10:15:00.000+05:00</timeMark>
      <state>b1946ac92492d2347c6235b4d2611184</state>
      <q:note lang="kk">Қойма — сынақ</q:note>
    </authSign>
    """

    func testSignedTicketVerifiesAndNamesItsSigner() throws {
        let signer = try SharedTestPKI.signer(.koimaSauda, .authentication)
        let signed = try signer.signXMLDocument(ticket)
        XCTAssertTrue(signed.contains("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"))
        XCTAssertTrue(signed.contains(signer.certificate.base64), "the certificate travels in KeyInfo")
        XCTAssertTrue(signed.contains("<state>b1946ac92492d2347c6235b4d2611184</state>"))
        let certificate = try XMLSignatureVerifier.verify(signed)
        XCTAssertEqual(certificate, signer.certificate)
        XCTAssertEqual(certificate.iin, DemoCompany.koimaSauda.director.iin)
        XCTAssertEqual(try XMLSignatureVerifier.verify(signed, certificate: signer.certificate), signer.certificate)
        XCTAssertNoThrow(try SharedTestPKI.trust.check(certificate))
    }

    func testSignerProtocolSignsXML() async throws {
        let signer: any Signer = try SharedTestPKI.signer(.qurylys, .authentication)
        let signed = try await signer.signXML(ticket)
        XCTAssertEqual(try XMLSignatureVerifier.verify(signed), signer.certificate)
    }

    func testChangedContentFailsTheDigest() throws {
        let signed = try SharedTestPKI.signer(.koimaSauda, .authentication).signXMLDocument(ticket)
        let tampered = signed.replacingOccurrences(of: "b1946ac92492d2347c6235b4d2611184", with: "b1946ac92492d2347c6235b4d2611185")
        XCTAssertNotEqual(tampered, signed)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(tampered), equals: VerificationFailure.digestMismatch(reference: ""))
        // Comments are outside a URI="" reference: changing one keeps the signature valid.
        let recommented = signed.replacingOccurrences(of: "issued by the sandbox", with: "issued elsewhere")
        XCTAssertNoThrow(try XMLSignatureVerifier.verify(recommented))
    }

    func testChangedSignatureValueOrCertificateFails() throws {
        let signer = try SharedTestPKI.signer(.koimaSauda, .authentication)
        let signed = try signer.signXMLDocument(ticket)
        let value = try XCTUnwrap(signed.range(of: "<ds:SignatureValue>")).upperBound
        var bytes = Array(signed.utf8)
        let offset = signed.utf8.distance(from: signed.utf8.startIndex, to: value) + 10
        bytes[offset] = bytes[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(String(decoding: bytes, as: UTF8.self)),
                             equals: VerificationFailure.signatureMismatch)

        let other = try SharedTestPKI.signer(.qurylys, .authentication).certificate
        let swapped = signed.replacingOccurrences(of: signer.certificate.base64, with: other.base64)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(swapped), equals: VerificationFailure.signatureMismatch)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(signed, certificate: other),
                             equals: VerificationFailure.wrongCertificate)
    }

    func testOnlyWholeDocumentReferencesAreAccepted() throws {
        let signed = try SharedTestPKI.signer(.koimaSauda, .authentication).signXMLDocument(ticket)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(signed.replacingOccurrences(of: "URI=\"\"", with: "URI=\"#x\""))) {
            XCTAssertEqual($0 as? VerificationFailure,
                           .malformedSignature(reason: "Reference URI \"#x\" is not the whole document"))
        }
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(ticket), equals: VerificationFailure.noSignature)
        XCTAssertThrowsError(try SharedTestPKI.signer().signXMLDocument("<a><b></a>")) { error in
            guard case .invalidXML = error as? SigningError else { return XCTFail("\(error)") }
        }
    }

    // MARK: xmlsec1 (Debian's xmlsec1, on OpenSSL) as an independent implementation

    func testXmlsec1VerifiesQoimasSignature() throws {
        let xmlsec = try Self.xmlsec1()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let signed = try SharedTestPKI.signer(.qurylys, .authentication).signXMLDocument(ticket)
        let good = directory + "/signed.xml"
        try signed.write(toFile: good, atomically: true, encoding: .utf8)
        let root = SharedTestPKI.index.path(SharedTestPKI.index.rootCertificate)
        let verified = try CLIRunner.run(executable: xmlsec, ["--verify", "--trusted-pem", root, good])
        XCTAssertEqual(verified.status, 0, verified.error)
        XCTAssertTrue(verified.error.contains("OK"), verified.error)

        // xmlsec1 must also see a change, or its OK above proves nothing.
        let bad = directory + "/tampered.xml"
        try signed.replacingOccurrences(of: "Қойма — сынақ", with: "Қойма — сынақ!").write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(executable: xmlsec, ["--verify", "--trusted-pem", root, bad])
        XCTAssertNotEqual(refused.status, 0, refused.error)
    }

    func testQoimaVerifiesXmlsec1sSignature() throws {
        let xmlsec = try Self.xmlsec1()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A template in NCALayer's layout, line breaks included; xmlsec1 fills in the values.
        let template = ticket.replacingOccurrences(of: "</authSign>", with: """
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:SignedInfo>
        <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
        <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
        <ds:Reference URI="">
        <ds:Transforms>
        <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
        <ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"/>
        </ds:Transforms>
        <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
        <ds:DigestValue></ds:DigestValue>
        </ds:Reference>
        </ds:SignedInfo>
        <ds:SignatureValue></ds:SignatureValue>
        <ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo>
        </ds:Signature>
        </authSign>
        """)
        let templatePath = directory + "/template.xml"
        let signedPath = directory + "/signed.xml"
        try template.write(toFile: templatePath, atomically: true, encoding: .utf8)
        let key = SharedTestPKI.keyPath(.koimaSauda, .authentication)
        let made = try CLIRunner.run(executable: xmlsec, ["--sign", "--pkcs12", key, "--pwd", TestPKI.defaultPassword,
                                                          "--output", signedPath, templatePath])
        XCTAssertEqual(made.status, 0, made.error)
        let signed = try String(contentsOfFile: signedPath, encoding: .utf8)
        let certificate = try XMLSignatureVerifier.verify(signed)
        XCTAssertEqual(certificate, try SharedTestPKI.signer(.koimaSauda, .authentication).certificate)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(signed.replacingOccurrences(of: "<state>b", with: "<state>c")),
                             equals: VerificationFailure.digestMismatch(reference: ""))
    }

    static func xmlsec1() throws -> URL {
        let path = "/usr/bin/xmlsec1"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("xmlsec1 is not installed; `make test` installs it (Debian package xmlsec1)")
        }
        return URL(fileURLWithPath: path)
    }

    static func temporaryDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "qoima-xmldsig-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}
