import Foundation
import QoimaCore
@testable import QoimaSigning
import XCTest

final class Pkcs12SignerTests: XCTestCase {
    func testTheTestPKIDescribesEachDirectorsKeys() throws {
        let index = SharedTestPKI.index
        XCTAssertEqual(index.companies.map(\.bin), DemoCompany.all.map(\.bin.rawValue))
        for company in DemoCompany.all {
            for usage in KeyUsage.allCases {
                let signer = try SharedTestPKI.signer(company, usage)
                let certificate = signer.certificate
                XCTAssertEqual(certificate.iin, company.director.iin)
                XCTAssertEqual(certificate.bin, company.bin)
                XCTAssertEqual(certificate.subject.commonName, company.director.commonName)
                XCTAssertEqual(certificate.subject.surname, company.director.surname)
                XCTAssertEqual(certificate.subject.fullName,
                               "\(company.director.surname) \(company.director.firstName) \(company.director.patronymic)")
                XCTAssertEqual(certificate.subject.organization, company.name)
                XCTAssertEqual(certificate.usage, usage)
                XCTAssertEqual(certificate.roles, [.firstHead])
                XCTAssertEqual(certificate.keyAlgorithm, .rsa(bits: 2048))
                XCTAssertEqual(certificate.validity(at: Date()), .valid)
                XCTAssertEqual(signer.chain, [SharedTestPKI.root])
                XCTAssertNoThrow(try SharedTestPKI.trust.check(certificate))
            }
        }
        let reread = try TestPKIIndex.read(from: index.directory)
        XCTAssertEqual(reread, index)
        let json = try String(contentsOfFile: index.path(TestPKI.indexFile), encoding: .utf8)
        XCTAssertFalse(json.contains(TestPKI.defaultPassword), "the index must not hold the password")
    }

    func testWrongPasswordIsSaidPlainly() {
        let path = SharedTestPKI.keyPath(.koimaSauda, .signing)
        XCTAssertThrowsError(try Pkcs12Signer(path: path, password: SecretBytes("qwerty12")),
                             equals: SigningError.wrongPassword(path: path))
        XCTAssertEqual(SigningError.wrongPassword(path: "a.p12").message(in: .russian), "неверный пароль ключа a.p12")
    }

    func testFilesThatAreNotKeysAreRefusedByName() throws {
        let directory = NSTemporaryDirectory() + "qoima-not-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = directory + "/notes.p12"
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try Pkcs12Signer(path: text, password: SecretBytes("x")), equals: SigningError.notPKCS12(path: text))
        let missing = directory + "/missing.p12"
        XCTAssertThrowsError(try Pkcs12Signer(path: missing, password: SecretBytes("x")),
                             equals: SigningError.unreadableFile(path: missing, reason: "no such file"))
    }

    func testGostKeysAreSentToNCALayer() throws {
        let directory = NSTemporaryDirectory() + "qoima-gost-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/gost.p12"
        let certificate = try SharedTestPKI.signer().certificate
        try Data(try TestPKI.gostKeyFile(password: "Qwerty12", certificate: certificate)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Pkcs12Signer(path: path, password: SecretBytes("Qwerty12")),
                             equals: SigningError.gostKeyNeedsNCALayer(path: path))
        XCTAssertThrowsError(try Pkcs12Signer(path: path, password: SecretBytes("wrong")),
                             equals: SigningError.wrongPassword(path: path))
        XCTAssertTrue(SigningError.gostKeyNeedsNCALayer(path: path).message(in: .kazakh).contains("NCALayer"))
    }

    /// NUC's files, like many older ones, are encrypted with 3DES and RC2, which OpenSSL 3 keeps
    /// in its legacy provider; `openssl pkcs12 -legacy` writes such a file.
    func testLegacyEncryptedFilesOpen() async throws {
        let directory = NSTemporaryDirectory() + "qoima-legacy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let now = Date()
        let authority = try TestCertificateAuthority.makeRoot(commonName: "Legacy CA", notBefore: now - 60, notAfter: now + 86_400)
        let issued = try authority.issue(TestPKI.directorRequest(.qurylys, usage: .signing, notBefore: now - 60,
                                                                 notAfter: now + 86_400))
        try issued.privateKeyPEM().write(toFile: directory + "/key.pem", atomically: true, encoding: .utf8)
        try issued.certificate.pem.write(toFile: directory + "/cert.pem", atomically: true, encoding: .utf8)
        let path = directory + "/legacy.p12"
        let made = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/openssl"), [
            "pkcs12", "-export", "-legacy", "-inkey", directory + "/key.pem", "-in", directory + "/cert.pem",
            "-passout", "pass:Qwerty12", "-out", path])
        XCTAssertEqual(made.status, 0, made.error)
        let described = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/openssl"), [
            "pkcs12", "-info", "-noout", "-legacy", "-in", path, "-passin", "pass:Qwerty12"])
        XCTAssertTrue((described.output + described.error).contains("RC2") || (described.output + described.error).contains("3DES"),
                      described.output + described.error)
        let signer = try Pkcs12Signer(path: path, password: SecretBytes("Qwerty12"))
        XCTAssertEqual(signer.certificate, issued.certificate)
        let body = Array("legacy".utf8)
        let signature = try await signer.sign(body)
        XCTAssertNoThrow(try SignatureVerifier.verify(signature, over: body, certificate: issued.certificate))
        XCTAssertThrowsError(try Pkcs12Signer(path: path, password: SecretBytes("Qwerty13")),
                             equals: SigningError.wrongPassword(path: path))
    }

    func testPasswordCopiesAreWiped() {
        let secret = SecretBytes("Qwerty12")
        var seen: [CChar] = []
        secret.withCString { pointer, length in
            seen = Array(UnsafeBufferPointer(start: pointer, count: Int(length) + 1))
        }
        XCTAssertEqual(seen, Array("Qwerty12".utf8CString))
        secret.wipe()
        secret.withBytes { XCTAssertTrue($0.allSatisfy { $0 == 0 }) }
    }
}
