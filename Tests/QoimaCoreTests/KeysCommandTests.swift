import Foundation
import QoimaCore
import QoimaSigning
import XCTest

/// `qoima-cli keys …` as a user runs it.
final class KeysCommandTests: XCTestCase {
    var directory = ""
    var passwordFile = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "qoima-keys-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        passwordFile = directory + "/password"
        try "\(TestPKI.defaultPassword)\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testMakeTestPKIWritesKeysAndIndexAndRefusesToOverwrite() throws {
        let pki = directory + "/pki"
        let made = try CLIRunner.run(["keys", "make-test-pki", pki])
        XCTAssertEqual(made.status, 0, made.error)
        XCTAssertTrue(made.output.contains(TestPKI.defaultPassword))
        let index = try TestPKIIndex.read(from: pki)
        XCTAssertEqual(index.companies.count, 2)
        for company in index.companies {
            for key in [company.authentication, company.signing] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: index.path(key.pkcs12)))
                let mode = try FileManager.default.attributesOfItem(atPath: index.path(key.pkcs12))[.posixPermissions] as? Int
                XCTAssertEqual(mode, 0o600, "keys are readable by their owner only")
                let certificate = try Certificate(contentsOf: index.path(key.certificate))
                XCTAssertEqual(certificate.bin?.rawValue, company.bin)
                XCTAssertEqual(certificate.iin?.rawValue, company.directorIIN)
            }
        }
        let again = try CLIRunner.run(["keys", "make-test-pki", pki], language: "ru_RU.UTF-8")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.error.contains("--force"), again.error)
        let forced = try CLIRunner.run(["keys", "make-test-pki", pki, "--force"])
        XCTAssertEqual(forced.status, 0, forced.error)
        XCTAssertNotEqual(try TestPKIIndex.read(from: pki).companies[0].signing.serialNumber,
                          index.companies[0].signing.serialNumber, "--force makes new keys")
    }

    func testInfoShowsOwnerIINBINUsageAndValidityInEachLanguage() throws {
        let key = SharedTestPKI.keyPath(.koimaSauda, .signing)
        let expectations = [("kk_KZ.UTF-8", ["Иесі:", "ЖСН:", "қол қою", "бірінші басшы", "қазір жарамды"]),
                            ("ru_RU.UTF-8", ["Владелец:", "ИИН:", "подпись", "первый руководитель", "действует сейчас"]),
                            ("C", ["Owner:", "IIN:", "signing", "first head", "valid now"])]
        for (language, words) in expectations {
            let info = try CLIRunner.run(["keys", "info", key, "--password-file", passwordFile], language: language)
            XCTAssertEqual(info.status, 0, info.error)
            for word in words + ["АХМЕТОВ АСХАТ БОЛАТҰЛЫ", "800101300016", "000140000002", "ТОО «Қойма Сауда»", "RSA 2048"] {
                XCTAssertTrue(info.output.contains(word), "\(language): \(word) missing from\n\(info.output)")
            }
        }
        let json = try CLIRunner.run(["keys", "info", SharedTestPKI.keyPath(.qurylys, .authentication),
                                      "--password-file", passwordFile, "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["iin"] as? String, "860525400029")
        XCTAssertEqual(object["bin"] as? String, "000140000012")
        XCTAssertEqual(object["usage"] as? String, "authentication")
        XCTAssertEqual(object["valid"] as? Bool, true)
    }

    func testWrongPasswordAndMissingKeyAreExplained() throws {
        let wrong = directory + "/wrong"
        try "qwerty12\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let key = SharedTestPKI.keyPath(.koimaSauda, .signing)
        let refused = try CLIRunner.run(["keys", "info", key, "--password-file", wrong], language: "ru_RU.UTF-8")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.error.contains("неверный пароль ключа \(key)"), refused.error)
        let missing = try CLIRunner.run(["keys", "info", directory + "/none.p12", "--password-file", passwordFile])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.error.contains("none.p12"), missing.error)
    }

    func testSignThenVerifyAndEveryWayItFails() throws {
        let body = directory + "/body.xml"
        let signature = directory + "/body.sig"
        try "<v1:snt xmlns:v1=\"v1.snt\"><number>7</number></v1:snt>".write(toFile: body, atomically: true, encoding: .utf8)
        let key = SharedTestPKI.keyPath(.koimaSauda, .signing)
        let certificate = SharedTestPKI.index.path(SharedTestPKI.company(.koimaSauda).signing.certificate)
        let root = SharedTestPKI.index.path(SharedTestPKI.index.rootCertificate)
        let signed = try CLIRunner.run(["keys", "sign", key, "--in", body, "--out", signature, "--password-file", passwordFile])
        XCTAssertEqual(signed.status, 0, signed.error)
        let written = try String(contentsOfFile: signature, encoding: .utf8)
        XCTAssertNotNil(Data(base64Encoded: written.trimmingCharacters(in: .whitespacesAndNewlines)), "Base64, as IS ESF takes it")

        let verified = try CLIRunner.run(["keys", "verify", "--in", body, "--signature", signature, "--cert", certificate,
                                          "--ca", root])
        XCTAssertEqual(verified.status, 0, verified.error)
        XCTAssertTrue(verified.output.contains("800101300016"), verified.output)

        let tampered = directory + "/tampered.xml"
        try "<v1:snt xmlns:v1=\"v1.snt\"><number>8</number></v1:snt>".write(toFile: tampered, atomically: true, encoding: .utf8)
        let changed = try CLIRunner.run(["keys", "verify", "--in", tampered, "--signature", signature, "--cert", certificate])
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.error.contains("does not hold"), changed.error)

        let other = SharedTestPKI.index.path(SharedTestPKI.company(.qurylys).signing.certificate)
        let wrongCertificate = try CLIRunner.run(["keys", "verify", "--in", body, "--signature", signature, "--cert", other])
        XCTAssertEqual(wrongCertificate.status, 1)

        let strangers = directory + "/pki"
        XCTAssertEqual(try CLIRunner.run(["keys", "make-test-pki", strangers]).status, 0)
        let untrusted = try CLIRunner.run(["keys", "verify", "--in", body, "--signature", signature, "--cert", certificate,
                                           "--ca", strangers + "/ca/root.pem"])
        XCTAssertEqual(untrusted.status, 1)
        XCTAssertTrue(untrusted.error.contains("trusted CA"), untrusted.error)
    }

    func testCMSAndXMLSignaturesFromTheCommandLine() throws {
        let body = directory + "/body.txt"
        try "Қойма".write(toFile: body, atomically: true, encoding: .utf8)
        let key = SharedTestPKI.keyPath(.qurylys, .signing)
        let cms = directory + "/body.p7s"
        XCTAssertEqual(try CLIRunner.run(["keys", "sign", key, "--in", body, "--out", cms, "--cms",
                                          "--password-file", passwordFile]).status, 0)
        let verified = try CLIRunner.run(["keys", "verify", "--in", body, "--signature", cms])
        XCTAssertEqual(verified.status, 0, verified.error)
        XCTAssertTrue(verified.output.contains("860525400029"), verified.output)

        let ticket = directory + "/ticket.xml"
        let signedTicket = directory + "/ticket.signed.xml"
        try "<authSign><timeMark>1</timeMark><state>abc</state></authSign>".write(toFile: ticket, atomically: true, encoding: .utf8)
        let auth = SharedTestPKI.keyPath(.qurylys, .authentication)
        XCTAssertEqual(try CLIRunner.run(["keys", "sign-xml", auth, "--in", ticket, "--out", signedTicket,
                                          "--password-file", passwordFile]).status, 0)
        let root = SharedTestPKI.index.path(SharedTestPKI.index.rootCertificate)
        let xmlVerified = try CLIRunner.run(["keys", "verify-xml", "--in", signedTicket, "--ca", root])
        XCTAssertEqual(xmlVerified.status, 0, xmlVerified.error)
        let text = try String(contentsOfFile: signedTicket, encoding: .utf8)
        try text.replacingOccurrences(of: "<state>abc", with: "<state>abd").write(toFile: signedTicket, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["keys", "verify-xml", "--in", signedTicket]).status, 1)
    }
}
