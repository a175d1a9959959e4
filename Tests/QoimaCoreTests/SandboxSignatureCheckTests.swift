import Foundation
import QoimaCore
import QoimaSandbox
import QoimaSigning
import XCTest

final class SandboxSignatureCheckTests: XCTestCase {
    let body = "<v1:snt xmlns:v1=\"v1.snt\"><number>1</number></v1:snt>"

    func testTheSandboxAcceptsTheSessionsOwnSigner() async throws {
        let check = try SandboxSignatureCheck(pki: SharedTestPKI.index)
        let signer = try SharedTestPKI.signer(.koimaSauda, .signing)
        let signature = try await signer.sign(text: body)
        let director = DemoCompany.koimaSauda.director.iin
        let accepted = try check.checkDocument(body: body, signature: signature.base64, certificate: signer.certificate.base64,
                                               user: director, company: DemoCompany.koimaSauda.bin)
        XCTAssertEqual(accepted, signer.certificate)

        XCTAssertThrowsError(try check.checkDocument(body: body + " ", signature: signature.base64,
                                                     certificate: signer.certificate.base64, user: director,
                                                     company: DemoCompany.koimaSauda.bin),
                             equals: SandboxSignatureFailure.verification(.signatureMismatch))
        XCTAssertThrowsError(try check.checkDocument(body: body, signature: signature.base64,
                                                     certificate: signer.certificate.base64,
                                                     user: DemoCompany.qurylys.director.iin, company: DemoCompany.koimaSauda.bin),
                             equals: SandboxSignatureFailure.signerIsNotTheUser(expected: "860525400029", found: "800101300016"))
        XCTAssertThrowsError(try check.checkDocument(body: body, signature: signature.base64,
                                                     certificate: signer.certificate.base64, user: director,
                                                     company: DemoCompany.qurylys.bin),
                             equals: SandboxSignatureFailure.signerIsNotOfTheCompany(expected: "000140000012",
                                                                                     found: "000140000002"))
    }

    func testTheSandboxTrustsOnlyItsOwnCA() async throws {
        let now = Date()
        let stranger = try TestCertificateAuthority.makeRoot(commonName: "Qoima Test Root CA", notBefore: now - 86_400,
                                                             notAfter: now + 86_400)
        let directory = NSTemporaryDirectory() + "qoima-sandbox-trust-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let issued = try stranger.issue(TestPKI.directorRequest(.koimaSauda, usage: .signing, notBefore: now - 60,
                                                                notAfter: now + 3_600))
        let path = directory + "/stranger.p12"
        try Data(try issued.pkcs12(password: "x", friendlyName: "x", chain: [])).write(to: URL(fileURLWithPath: path))
        let signer = try Pkcs12Signer(path: path, password: SecretBytes("x"))
        let signature = try await signer.sign(text: body)
        let check = try SandboxSignatureCheck(pki: SharedTestPKI.index)
        XCTAssertThrowsError(try check.checkDocument(body: body, signature: signature.base64,
                                                     certificate: signer.certificate.base64,
                                                     user: DemoCompany.koimaSauda.director.iin,
                                                     company: DemoCompany.koimaSauda.bin)) { error in
            guard case .verification(.untrustedCertificate) = error as? SandboxSignatureFailure else { return XCTFail("\(error)") }
        }
    }

    func testSignedTicketsAreChecked() async throws {
        let check = try SandboxSignatureCheck(pki: SharedTestPKI.index)
        let signer = try SharedTestPKI.signer(.qurylys, .authentication)
        let ticket = "<authSign><timeMark>2026-11-23T10:00:00</timeMark><state>s1</state></authSign>"
        let signed = try await signer.signXML(ticket)
        XCTAssertEqual(try check.checkTicket(signed).iin, DemoCompany.qurylys.director.iin)
        XCTAssertThrowsError(try check.checkTicket(ticket), equals: SandboxSignatureFailure.verification(.noSignature))
        let expiredLater = Date().addingTimeInterval(3 * 365 * 86_400)
        XCTAssertThrowsError(try check.checkTicket(signed, at: expiredLater)) { error in
            guard case .verification(.certificateExpired) = error as? SandboxSignatureFailure else { return XCTFail("\(error)") }
        }
    }
}
