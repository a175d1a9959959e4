import Foundation
import QoimaCore
@testable import QoimaSigning
@testable import QoimaStore
import XCTest

/// Key passwords as the built `qoima-cli` handles them: typed on a real pseudo-terminal with echo
/// off, never written anywhere unless the user opts in to the keyring.
final class KeyPasswordFlowTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-key-passwords-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A fresh home for the command: HOME, every XDG folder and TMPDIR inside `root`.
    private func isolatedEnvironment(in root: URL, language: String = "C") throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for variable in ["LC_ALL", "LC_MESSAGES", "QOIMA_DATABASE"] { environment[variable] = nil }
        environment["LANG"] = language
        let home = root.appendingPathComponent("home")
        let folders = ["HOME": home, "XDG_CONFIG_HOME": home.appendingPathComponent(".config"),
                       "XDG_DATA_HOME": home.appendingPathComponent(".local/share"),
                       "XDG_CACHE_HOME": home.appendingPathComponent(".cache"),
                       "XDG_STATE_HOME": home.appendingPathComponent(".local/state"),
                       "TMPDIR": root.appendingPathComponent("tmp")]
        for (variable, path) in folders {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            environment[variable] = path.path
        }
        return environment
    }

    /// An empty keyring of the test's own for the command's look-up to find nothing in, so that
    /// D-Bus never starts the machine's keyring; nil when the tests run without a session bus
    /// (the look-up then fails, as harmlessly).
    private func emptyKeyring(in root: URL) throws -> TestKeyring? {
        do {
            return try TestKeyring(in: root.appendingPathComponent("keyring"))
        } catch is XCTSkip {
            return nil
        }
    }

    private func cli() throws -> String { try CLIRunner.executable().path }

    private static let owner = "АХМЕТОВ АСХАТ БОЛАТҰЛЫ"

    // MARK: Typing the password

    func testATypedPasswordOpensTheKeyAndIsNeverEchoed() throws {
        let keyring = try emptyKeyring(in: folder)
        defer { keyring?.stop() }
        let key = SharedTestPKI.keyPath(.koimaSauda, .signing)
        let session = try TerminalSession(try cli(), ["keys", "info", key], environment: try isolatedEnvironment(in: folder))
        try session.waitFor("Password for sign.p12: ")
        XCTAssertFalse(session.echoes, "echo is off while the password is asked for")
        session.type(TestPKI.defaultPassword + "\n")
        XCTAssertEqual(try session.finish(), .init(status: 0, signal: nil), session.text)
        XCTAssertTrue(session.text.contains("Owner:"), session.text)
        XCTAssertTrue(session.text.contains(Self.owner), session.text)
        XCTAssertFalse(session.text.contains(TestPKI.defaultPassword), "the typed password was echoed:\n\(session.text)")
        XCTAssertTrue(session.echoes, "echo is back on")
    }

    func testTheHarnessWouldSeeAnEchoedPassword() throws {
        // The same terminal, with a program that leaves echo on: what is typed shows.
        let session = try TerminalSession("/bin/sh", ["-c", "printf 'Password: '; read line; echo done"],
                                          environment: ["PATH": "/usr/bin:/bin"])
        try session.waitFor("Password: ")
        XCTAssertTrue(session.echoes)
        session.type("visible-typing\n")
        try session.finish()
        XCTAssertTrue(session.text.contains("visible-typing"), session.text)
    }

    func testAWrongTypedPasswordIsRefusedInTheUsersLanguage() throws {
        let keyring = try emptyKeyring(in: folder)
        defer { keyring?.stop() }
        let key = SharedTestPKI.keyPath(.koimaSauda, .signing)
        let session = try TerminalSession(try cli(), ["keys", "info", key],
                                          environment: try isolatedEnvironment(in: folder, language: "ru_RU.UTF-8"))
        try session.waitFor("Пароль ключа sign.p12: ")
        session.type("Wrong-Password-7\n")
        XCTAssertEqual(try session.finish(), .init(status: 2, signal: nil), session.text)
        XCTAssertTrue(session.text.contains("неверный пароль ключа \(key)"), session.text)
        XCTAssertFalse(session.text.contains("Wrong-Password-7"), session.text)
        XCTAssertTrue(session.echoes)
    }

    func testEndOfInputAtThePromptGivesUpAndRestoresEcho() throws {
        let keyring = try emptyKeyring(in: folder)
        defer { keyring?.stop() }
        let session = try TerminalSession(try cli(), ["keys", "info", SharedTestPKI.keyPath(.qurylys, .signing)],
                                          environment: try isolatedEnvironment(in: folder))
        try session.waitFor("Password for sign.p12: ")
        session.type([0x04])  // Ctrl-D
        XCTAssertEqual(try session.finish(), .init(status: 2, signal: nil), session.text)
        XCTAssertTrue(session.text.contains("no password was typed"), session.text)
        XCTAssertTrue(session.echoes)
    }

    func testInterruptingThePromptRestoresEcho() throws {
        let keyring = try emptyKeyring(in: folder)
        defer { keyring?.stop() }
        let session = try TerminalSession(try cli(), ["keys", "info", SharedTestPKI.keyPath(.qurylys, .signing)],
                                          environment: try isolatedEnvironment(in: folder))
        try session.waitFor("Password for sign.p12: ")
        XCTAssertFalse(session.echoes)
        session.type([0x03])  // Ctrl-C: the terminal sends SIGINT
        XCTAssertEqual(try session.finish(), .init(status: nil, signal: SIGINT), session.text)
        XCTAssertTrue(session.echoes, "echo is back on after the interrupt")
    }

    func testWithoutATerminalTheUserIsToldToUseAPasswordFile() throws {
        let keyring = try emptyKeyring(in: folder)
        defer { keyring?.stop() }
        let output = folder.appendingPathComponent("output.txt").path
        let session = try TerminalSession(try cli(), ["keys", "info", SharedTestPKI.keyPath(.koimaSauda, .signing)],
                                          environment: try isolatedEnvironment(in: folder), terminal: false,
                                          outputFile: output)
        XCTAssertEqual(try session.finish(), .init(status: 2, signal: nil))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.contains("no terminal"), text)
        XCTAssertTrue(text.contains("--password-file"), text)
    }

    // MARK: Nothing on the disk

    /// Runs `arguments` on a terminal and types `password` at the prompt.
    private func runTyping(_ password: String, _ arguments: [String], environment: [String: String],
                           prompt: String = "Password for sign.p12: ") throws -> TerminalSession {
        let session = try TerminalSession(try cli(), arguments, environment: environment)
        try session.waitFor(prompt)
        session.type(password + "\n")
        try session.finish()
        XCTAssertFalse(session.text.contains(password), "echoed:\n\(session.text)")
        return session
    }

    func testWithoutRememberNothingAboutThePasswordReachesTheDisk() throws {
        let root = folder.appendingPathComponent("run")
        let environment = try isolatedEnvironment(in: root)
        let home = URL(fileURLWithPath: environment["HOME"]!)
        let password = "NoDisk-" + Self.randomText(14)
        let wrongPassword = "Wrong-" + Self.randomText(14)
        // The keys (encrypted with the password, which a PKCS#12 file does not contain) and the
        // keyring the commands look in are inside the scanned folder too.
        let pki = try TestPKI.generate(into: root.appendingPathComponent("pki").path, companies: [.koimaSauda],
                                       password: password)
        let key = pki.path(pki.companies[0].signing.pkcs12)
        let keyring = try emptyKeyring(in: root)
        defer { keyring?.stop() }

        // The command line, the password typed each time.
        let info = try runTyping(password, ["keys", "info", key], environment: environment)
        XCTAssertTrue(info.text.contains(Self.owner), info.text)
        let body = home.appendingPathComponent("body.xml")
        try Data("<v1:snt xmlns:v1=\"v1.snt\"><number>1</number></v1:snt>".utf8).write(to: body)
        let sign = try runTyping(password, ["keys", "sign", key, "--in", body.path, "--out", body.path + ".sig"],
                                 environment: environment)
        XCTAssertTrue(sign.text.contains("signature written to"), sign.text)
        let cms = try runTyping(password, ["keys", "sign", key, "--in", body.path, "--out", body.path + ".p7s", "--cms"],
                                environment: environment)
        XCTAssertTrue(cms.text.contains("signature written to"), cms.text)
        let ticket = home.appendingPathComponent("ticket.xml")
        try Data("<authSign><timeMark>1</timeMark></authSign>".utf8).write(to: ticket)
        let xml = try runTyping(password, ["keys", "sign-xml", key, "--in", ticket.path, "--out", ticket.path + ".signed"],
                                environment: environment)
        XCTAssertTrue(xml.text.contains("signature written to"), xml.text)
        let refused = try runTyping(wrongPassword, ["keys", "info", key], environment: environment)
        XCTAssertTrue(refused.text.contains("wrong password"), refused.text)

        // The library as the app uses it: the session vault, the key, the database, an error logged.
        var database: QoimaDatabase? = try withEnvironment(environment) { () throws -> QoimaDatabase in
            let vault = PasswordVault()
            vault.remember(SecretBytes(password), for: KeyIdentity.file(key))
            let kept = try XCTUnwrap(vault.password(for: KeyIdentity.file(key)))
            let signer = try Pkcs12Signer(path: key, password: kept)
            kept.wipe()
            let signature = try signer.signRaw(Array("<snt/>".utf8))
            XCTAssertFalse(signature.bytes.isEmpty)
            let database = try QoimaDatabase(location: DatabaseLocation(environment: environment))
            let company = try CompanyStore(database: database).findOrAdd(bin: signer.certificate.bin!.rawValue,
                                                                          name: signer.certificate.subject.organization ?? "—")
            do {
                _ = try Pkcs12Signer(path: key, password: SecretBytes(wrongPassword))
                XCTFail("the wrong password opened the key")
            } catch {
                // What an app would log about the failure, in each language.
                try database.pool.write { db in
                    for language in Language.allCases {
                        try AuditLog.append(db, entity: "key", id: company, action: "openFailed",
                                            detail: (error as? SigningError)?.message(in: language) ?? "\(error)")
                    }
                }
            }
            vault.forgetAll()
            return database
        }
        let databasePath = try XCTUnwrap(database?.path)
        XCTAssertTrue(databasePath.hasPrefix(root.path), databasePath)

        // Every file under the folder, the open database and its WAL included.
        let scanned = try SecretScanner.files(under: root).map(\.path)
        XCTAssertTrue(scanned.contains(databasePath), "the database is scanned: \(scanned)")
        XCTAssertTrue(scanned.contains(databasePath + "-wal"), "its WAL is scanned: \(scanned)")
        XCTAssertTrue(scanned.contains(body.path + ".sig"))
        for secret in [password, wrongPassword] {
            XCTAssertEqual(try SecretScanner(secret).findings(under: root), [], "\(secret) reached the disk")
        }
        database = nil
        XCTAssertEqual(try SecretScanner(password).findings(under: root), [], "nor once the database is closed")
        XCTAssertEqual(try SecretScanner(wrongPassword).findings(under: root), [], "nor once the database is closed")

        if keyring != nil {
            XCTAssertNil(try KeyringPasswordStore().lookup(for: KeyIdentity.file(key)), "nothing went to the keyring")
        }
    }

    func testWithRememberTheKeyringKeepsThePasswordAndTheNextRunDoesNotAsk() throws {
        let environment = try isolatedEnvironment(in: folder)
        guard let keyring = try emptyKeyring(in: folder) else { throw XCTSkip("no session bus for a keyring") }
        defer { keyring.stop() }
        let key = SharedTestPKI.keyPath(.koimaSauda, .authentication)
        let password = TestPKI.defaultPassword

        let remembered = try runTyping(password, ["keys", "info", key, "--remember"], environment: environment,
                                       prompt: "Password for auth.p12: ")
        XCTAssertTrue(remembered.text.contains("kept in the desktop keyring"), remembered.text)
        let stored = try XCTUnwrap(try KeyringPasswordStore().lookup(for: KeyIdentity.file(key)), "in the keyring")
        XCTAssertEqual(stored.withBytes { Array($0) }, Array(password.utf8))

        let again = try TerminalSession(try cli(), ["keys", "info", key], environment: environment)
        XCTAssertEqual(try again.finish(timeout: 30), .init(status: 0, signal: nil), again.text)
        XCTAssertFalse(again.text.contains("Password for"), "asked again:\n\(again.text)")
        XCTAssertTrue(again.text.contains(Self.owner), again.text)
        XCTAssertEqual(try SecretScanner(password).findings(under: keyring.folder), [], "the keyring keeps it encrypted")
        XCTAssertEqual(try SecretScanner(password).findings(under: folder.appendingPathComponent("home")), [],
                       "and Qoima itself wrote it nowhere")
    }

    func testAKeyringPasswordTheKeyRefusesIsRemovedAndAskedFor() throws {
        let environment = try isolatedEnvironment(in: folder)
        guard let keyring = try emptyKeyring(in: folder) else { throw XCTSkip("no session bus for a keyring") }
        defer { keyring.stop() }
        let key = SharedTestPKI.keyPath(.qurylys, .authentication)
        let store = KeyringPasswordStore()
        try store.store(password: SecretBytes("changed-since"), for: KeyIdentity.file(key), label: "Qoima test")
        let session = try TerminalSession(try cli(), ["keys", "info", key], environment: environment)
        try session.waitFor("Password for auth.p12: ")
        XCTAssertTrue(session.text.contains("no longer opens the key"), session.text)
        session.type(TestPKI.defaultPassword + "\n")
        XCTAssertEqual(try session.finish(), .init(status: 0, signal: nil), session.text)
        XCTAssertNil(try store.lookup(for: KeyIdentity.file(key)), "the refused password was removed, none stored instead")
    }

    // MARK: The scanner

    func testTheScannerFindsThePasswordInEveryForm() throws {
        let password = "Control-" + Self.randomText(14)
        let scanner = SecretScanner(password)
        let noise = Array("header:".utf8)
        let utf8 = Array(password.utf8)
        func base64(after offset: Int) -> [UInt8] {
            Array(Data(noise.prefix(offset) + utf8 + noise).base64EncodedString().utf8)
        }
        let controls: [(String, [UInt8])] = [
            ("UTF-8", noise + utf8 + noise),
            ("UTF-16LE", Array((password as NSString).data(using: String.Encoding.utf16LittleEndian.rawValue)!)),
            ("UTF-16BE", Array((password as NSString).data(using: String.Encoding.utf16BigEndian.rawValue)!)),
            ("hex", noise + Array(utf8.map { String(format: "%02x", $0) }.joined().utf8)),
            ("HEX", Array(utf8.map { String(format: "%02X", $0) }.joined().utf8) + noise),
            ("Base64+0", base64(after: 0)),
            ("Base64+1", base64(after: 1)),
            ("Base64+2", base64(after: 2)),
        ]
        for (form, bytes) in controls {
            let control = folder.appendingPathComponent("control-\(form)")
            try FileManager.default.createDirectory(at: control.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
            try Data(bytes).write(to: control.appendingPathComponent(".hidden/file"))
            XCTAssertTrue(try scanner.findings(under: control).map(\.form).contains(form), form)
        }
        let clean = folder.appendingPathComponent("clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        try Data("Control-".utf8 + noise).write(to: clean.appendingPathComponent("near-miss"))
        XCTAssertEqual(try scanner.findings(under: clean), [])

        // A password written through the database is found in it (or in its WAL).
        let written = folder.appendingPathComponent("database")
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: written.appendingPathComponent("q.sqlite").path))
        try database.pool.write { db in
            try AuditLog.append(db, entity: "key", id: nil, action: "leak", detail: "password \(password)")
        }
        XCTAssertFalse(try scanner.findings(under: written).isEmpty)
        XCTAssertEqual(database.path, written.appendingPathComponent("q.sqlite").path)
    }

    // MARK: Helpers

    private static func randomText(_ length: Int) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return String((0..<length).map { _ in letters.randomElement()! })
    }

    /// Runs `body` with this process's HOME, XDG folders and TMPDIR set as in `environment`.
    private func withEnvironment<R>(_ environment: [String: String], _ body: () throws -> R) rethrows -> R {
        let variables = ["HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"]
        let saved = variables.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for variable in variables { setenv(variable, environment[variable]!, 1) }
        defer {
            for (variable, value) in saved {
                if let value { setenv(variable, value, 1) } else { unsetenv(variable) }
            }
        }
        return try body()
    }
}
