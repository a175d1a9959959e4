import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaXML
import XCTest

/// What Qoima uploads is signed over the exact UTF-8 bytes of the body it sends (domain.md §8.3).
final class ESFSignedDocumentTests: XCTestCase {
    func testADocumentIsSignedOverItsExactBytes() async throws {
        let signer = try SharedTestPKI.signer()
        let body = "<v1:snt xmlns:v1=\"v1.snt\"><productName>Қант &amp; ұн</productName>\r\n</v1:snt>"
        let document = try await SignedDocument.sign(body, with: signer)
        XCTAssertEqual(document.body, body)
        XCTAssertEqual(document.certificate, signer.certificate.base64)
        XCTAssertEqual(document.signatureType, "COMPANY")
        let signature = SignatureVerifier.decode(Array(document.signature.utf8))
        try SignatureVerifier.verify(signature, over: Array(body.utf8), certificate: signer.certificate)
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: Array(body.replacingOccurrences(of: "\r\n", with: "\n").utf8),
                                                          certificate: signer.certificate))
        let operatorSigned = try await SignedDocument.sign(body, with: signer, type: ESFWireValues.operatorSignature)
        XCTAssertEqual(operatorSigned.signatureType, "OPERATOR")
    }

    func testAnActionIsItsSntActionBodySigned() async throws {
        let signer = try SharedTestPKI.signer()
        let action = SntAction(sntId: 4711, kind: .decline, originalDocumentSignature: "b3JpZw==", cause: "Не тот товар")
        let signed = try await SignedSntAction.sign(action, with: signer)
        XCTAssertEqual(signed.sntId, 4711)
        XCTAssertEqual(signed.body, SntActionXML.body(of: action))
        XCTAssertEqual(signed.certificate, signer.certificate.base64)
        try SignatureVerifier.verify(SignatureVerifier.decode(Array(signed.signature.utf8)), over: Array(signed.body.utf8),
                                     certificate: signer.certificate)
        XCTAssertEqual(try SntActionXML.read(signed.body).action, action)
    }
}
