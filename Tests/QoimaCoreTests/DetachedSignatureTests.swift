import Foundation
import QoimaCore
import QoimaSigning
import XCTest

final class DetachedSignatureTests: XCTestCase {
    let body = Array("<v1:snt xmlns:v1=\"v1.snt\"><number>SNT-2026-0001</number><name>Қойма «Сауда»</name></v1:snt>".utf8)

    func testRawSignatureRoundTrip() async throws {
        let signer = try SharedTestPKI.signer()
        let signature = try await signer.sign(body)
        XCTAssertEqual(signature.format, .raw)
        XCTAssertEqual(signature.bytes.count, 256, "RSA-2048 signatures are 256 bytes")
        let signerCertificate = try SignatureVerifier.verify(signature, over: body, certificate: signer.certificate)
        XCTAssertEqual(signerCertificate, signer.certificate)
        // Base64 as IS ESF carries it, decoded back.
        let decoded = SignatureVerifier.decode(Array(signature.base64.utf8))
        XCTAssertEqual(decoded, signature)
    }

    func testTamperedBodyFails() async throws {
        let signer = try SharedTestPKI.signer()
        let signature = try await signer.sign(body)
        var tampered = body
        tampered[40] ^= 0x01
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: tampered, certificate: signer.certificate),
                             equals: VerificationFailure.signatureMismatch)
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: body + [0x20], certificate: signer.certificate),
                             equals: VerificationFailure.signatureMismatch)
    }

    func testWrongCertificateFails() async throws {
        let signature = try await SharedTestPKI.signer(.koimaSauda).sign(body)
        let other = try SharedTestPKI.signer(.qurylys).certificate
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: body, certificate: other),
                             equals: VerificationFailure.signatureMismatch)
        let ownAuthentication = try SharedTestPKI.signer(.koimaSauda, .authentication).certificate
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: body, certificate: ownAuthentication),
                             equals: VerificationFailure.signatureMismatch)
    }

    func testCMSRoundTripCarriesItsSigner() throws {
        let signer = try SharedTestPKI.signer(.qurylys)
        let signature = try signer.signCMS(body)
        XCTAssertEqual(signature.format, .cms)
        XCTAssertEqual(SignatureVerifier.decode(Array(signature.base64.utf8)).format, .cms)
        XCTAssertEqual(try SignatureVerifier.verify(signature, over: body, certificate: nil), signer.certificate)
        XCTAssertEqual(try SignatureVerifier.verify(signature, over: body, certificate: signer.certificate), signer.certificate)
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: Array(body.dropLast()), certificate: nil),
                             equals: VerificationFailure.signatureMismatch)
        let other = try SharedTestPKI.signer(.koimaSauda).certificate
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: body, certificate: other),
                             equals: VerificationFailure.wrongCertificate)
    }

    func testChainAndValidityAreChecked() throws {
        let now = Date()
        let day: TimeInterval = 86_400
        let trust = SharedTestPKI.trust
        let root = try TestCertificateAuthority.makeRoot(commonName: "Another CA", notBefore: now - 500 * day,
                                                        notAfter: now + 30 * day)
        // Issued by the shared root's twin name but another key: still untrusted.
        let stranger = try root.issue(TestPKI.directorRequest(.koimaSauda, usage: .signing,
                                                              notBefore: now - day, notAfter: now + day))
        XCTAssertThrowsError(try trust.check(stranger.certificate)) { error in
            guard case .untrustedCertificate = error as? VerificationFailure else { return XCTFail("\(error)") }
        }
        XCTAssertNoThrow(try TrustStore(anchors: [root.certificate]).check(stranger.certificate))

        let expired = try root.issue(TestPKI.directorRequest(.koimaSauda, usage: .signing,
                                                             notBefore: now - 400 * day, notAfter: now - day))
        XCTAssertThrowsError(try TrustStore(anchors: [root.certificate]).check(expired.certificate),
                             equals: VerificationFailure.certificateExpired(notAfter: expired.certificate.notAfter))
        // Valid back then: a signature made before expiry is checked at its own date.
        XCTAssertNoThrow(try TrustStore(anchors: [root.certificate]).check(expired.certificate, at: now - 10 * day))
        // A chain whose CA was not yet valid at the date names the CA.
        let late = try TestCertificateAuthority.makeRoot(commonName: "Late CA", notBefore: now - 5 * day, notAfter: now + day)
        let early = try late.issue(TestPKI.directorRequest(.koimaSauda, usage: .signing,
                                                           notBefore: now - 10 * day, notAfter: now + day))
        XCTAssertNoThrow(try TrustStore(anchors: [late.certificate]).check(early.certificate))
        XCTAssertThrowsError(try TrustStore(anchors: [late.certificate]).check(early.certificate, at: now - 7 * day),
                             equals: VerificationFailure.untrustedCertificate(reason: "Late CA: certificate is not yet valid"))

        let future = try root.issue(TestPKI.directorRequest(.koimaSauda, usage: .signing,
                                                            notBefore: now + day, notAfter: now + 20 * day))
        XCTAssertThrowsError(try TrustStore(anchors: [root.certificate]).check(future.certificate),
                             equals: VerificationFailure.certificateNotYetValid(notBefore: future.certificate.notBefore))
    }

    func testSignatureByExpiredCertificateFailsTheFullCheck() async throws {
        let now = Date()
        let day: TimeInterval = 86_400
        let authority = try TestCertificateAuthority.makeRoot(commonName: "Expiry CA", notBefore: now - 500 * day,
                                                              notAfter: now + 500 * day)
        let expired = try authority.issue(TestPKI.directorRequest(.qurylys, usage: .signing,
                                                                  notBefore: now - 400 * day, notAfter: now - 1))
        let directory = NSTemporaryDirectory() + "qoima-expired-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/expired.p12"
        let p12 = try expired.pkcs12(password: "Qwerty12", friendlyName: "expired", chain: [authority.certificate])
        try Data(p12).write(to: URL(fileURLWithPath: path))
        let signer = try Pkcs12Signer(path: path, password: SecretBytes("Qwerty12"))
        let signature = try await signer.sign(body)
        let certificate = try SignatureVerifier.verify(signature, over: body, certificate: signer.certificate)
        XCTAssertThrowsError(try TrustStore(anchors: [authority.certificate]).check(certificate),
                             equals: VerificationFailure.certificateExpired(notAfter: certificate.notAfter))
    }
}
