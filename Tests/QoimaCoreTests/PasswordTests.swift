import Foundation
@testable import QoimaSigning
import Synchronization
import XCTest

/// Key passwords: the session vault, reading them from a file, and the desktop keyring.
final class PasswordTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-passwords-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func bytes(_ secret: SecretBytes?) -> [UInt8]? {
        secret?.withBytes { Array($0) }
    }

    // MARK: The vault

    func testVaultKeepsForgetsAndForgetsAll() {
        let vault = PasswordVault()
        XCTAssertNil(vault.password(for: "/keys/a.p12"))
        vault.remember(SecretBytes("alpha-1"), for: "/keys/a.p12")
        vault.remember(SecretBytes("бета-2"), for: "/keys/b.p12")
        XCTAssertEqual(bytes(vault.password(for: "/keys/a.p12")), Array("alpha-1".utf8))
        XCTAssertEqual(bytes(vault.password(for: "/keys/b.p12")), Array("бета-2".utf8))
        XCTAssertEqual(vault.count, 2)

        vault.remember(SecretBytes("alpha-new"), for: "/keys/a.p12")
        XCTAssertEqual(bytes(vault.password(for: "/keys/a.p12")), Array("alpha-new".utf8), "a second remember replaces")

        vault.forget("/keys/a.p12")
        XCTAssertNil(vault.password(for: "/keys/a.p12"))
        XCTAssertFalse(vault.contains("/keys/a.p12"))
        XCTAssertTrue(vault.contains("/keys/b.p12"), "forgetting one key keeps the others")

        vault.remember(SecretBytes("gamma"), for: "sha256:00ff")
        vault.forgetAll()
        XCTAssertEqual(vault.count, 0)
        XCTAssertNil(vault.password(for: "/keys/b.p12"))
        XCTAssertNil(vault.password(for: "sha256:00ff"))
    }

    func testVaultCopiesAreIndependent() {
        let vault = PasswordVault()
        let given = SecretBytes("kept-apart")
        vault.remember(given, for: "k")
        given.wipe()
        XCTAssertEqual(bytes(vault.password(for: "k")), Array("kept-apart".utf8), "wiping what was given leaves the vault's copy")

        let first = vault.password(for: "k")!
        first.wipe()
        XCTAssertEqual(bytes(first), [UInt8](repeating: 0, count: 10))
        let second = vault.password(for: "k")!
        XCTAssertEqual(bytes(second), Array("kept-apart".utf8), "wiping a copy taken out leaves the vault's")

        vault.forget("k")
        XCTAssertEqual(bytes(second), Array("kept-apart".utf8), "forgetting leaves the copies already handed out")

        vault.remember(SecretBytes("own storage"), for: "k")
        let taken = vault.password(for: "k")!
        let stored = vault.storedPassword(for: "k")!
        XCTAssertNotEqual(taken.withBytes { $0.baseAddress }, stored.withBytes { $0.baseAddress },
                          "a copy has storage of its own")
    }

    func testWipeZeroesTheStorageItself() {
        let secret = SecretBytes("zero me")
        let address = secret.withBytes { $0.baseAddress }
        secret.wipe()
        XCTAssertEqual(secret.count, 7)
        secret.withBytes { wiped in
            XCTAssertEqual(wiped.baseAddress, address, "wiped in place, not replaced by a new buffer")
            XCTAssertEqual(Array(wiped), [UInt8](repeating: 0, count: 7))
        }
    }

    func testVaultWipesWhatItDrops() {
        let vault = PasswordVault()
        vault.remember(SecretBytes("forgotten-one"), for: "a")
        vault.remember(SecretBytes("replaced-one"), for: "b")
        vault.remember(SecretBytes("all-at-once"), for: "c")
        // The objects the vault holds, watched as they leave it.
        let forgotten = vault.storedPassword(for: "a")!
        let replaced = vault.storedPassword(for: "b")!
        let cleared = vault.storedPassword(for: "c")!
        XCTAssertEqual(bytes(forgotten), Array("forgotten-one".utf8))

        vault.forget("a")
        vault.remember(SecretBytes("new"), for: "b")
        XCTAssertEqual(bytes(forgotten), [UInt8](repeating: 0, count: 13), "forget wipes")
        XCTAssertEqual(bytes(replaced), [UInt8](repeating: 0, count: 12), "replacing wipes the old password")
        XCTAssertEqual(bytes(cleared), Array("all-at-once".utf8))

        vault.forgetAll()
        XCTAssertEqual(bytes(cleared), [UInt8](repeating: 0, count: 11), "forgetAll wipes")

        var released: PasswordVault? = PasswordVault()
        released!.remember(SecretBytes("released"), for: "d")
        let held = released!.storedPassword(for: "d")!
        released = nil
        XCTAssertEqual(bytes(held), [UInt8](repeating: 0, count: 8), "a released vault wipes what it kept")
    }

    func testVaultFromManyThreads() {
        let vault = PasswordVault()
        let wrong = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 2000) { index in
            let key = "key-\(index % 20)"
            vault.remember(SecretBytes("password-\(index % 20)"), for: key)
            if let password = vault.password(for: key) {
                if password.withBytes({ Array($0) }) != Array("password-\(index % 20)".utf8) {
                    wrong.add(1, ordering: .relaxed)
                }
                password.wipe()
            }
            if index % 7 == 0 { vault.forget(key) }
        }
        XCTAssertEqual(wrong.load(ordering: .relaxed), 0, "every key gives back its own password")
        XCTAssertLessThanOrEqual(vault.count, 20)
    }

    func testKeyIdentityOfAFileIsItsAbsolutePath() throws {
        let key = folder.appendingPathComponent("key.p12")
        try Data([1]).write(to: key)
        let link = folder.appendingPathComponent("link.p12")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: key)
        let real = KeyIdentity.file(key.path)
        XCTAssertTrue(real.hasPrefix("/"))
        XCTAssertEqual(KeyIdentity.file(link.path), real)
        XCTAssertEqual(KeyIdentity.file(folder.path + "/./sub/../key.p12"), real)
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        XCTAssertEqual(KeyIdentity.file("key.p12"), real)
    }

    // MARK: Password files

    private func passwordFile(_ contents: [UInt8]) throws -> String {
        let path = folder.appendingPathComponent("password-\(UUID().uuidString)").path
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testPasswordFileLosesOneTrailingNewline() throws {
        let cases: [(String, String)] = [
            ("secret", "secret"),
            ("secret\n", "secret"),
            ("secret\r\n", "secret"),
            ("secret\n\n", "secret\n"),
            ("secret\r\n\r\n", "secret\r\n"),
            ("secret\r", "secret\r"),
            (" spaced out \n", " spaced out "),
            ("Құпия сөз\n", "Құпия сөз"),
            ("\n", ""),
            ("", ""),
        ]
        for (contents, password) in cases {
            let path = try passwordFile(Array(contents.utf8))
            XCTAssertEqual(bytes(try PasswordInput.fromFile(path)), Array(password.utf8), "from \(contents.debugDescription)")
        }
        let binary: [UInt8] = [0xFF, 0x00, 0x80, 0x0A]
        XCTAssertEqual(bytes(try PasswordInput.fromFile(try passwordFile(binary))), [0xFF, 0x00, 0x80])
    }

    func testPasswordFromAPipe() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("piped\n".utf8))
        try pipe.fileHandleForWriting.close()
        let path = "/proc/self/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        XCTAssertEqual(bytes(try PasswordInput.fromFile(path)), Array("piped".utf8))
    }

    func testUnreadablePasswordFilesAreNamed() throws {
        let missing = folder.appendingPathComponent("no-such-password").path
        XCTAssertThrowsError(try PasswordInput.fromFile(missing)) { error in
            guard case let .unreadableFile(path, reason)? = error as? SigningError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(path, missing)
            XCTAssertTrue(reason.contains("No such file"), reason)
            XCTAssertTrue("\(error)".contains(missing), "the message names the file: \(error)")
        }
        XCTAssertThrowsError(try PasswordInput.fromFile(folder.path)) { error in
            XCTAssertEqual((error as? SigningError).map { if case .unreadableFile = $0 { true } else { false } }, true)
        }
        let huge = try passwordFile([UInt8](repeating: 0x41, count: PasswordInput.largestFile + 1))
        XCTAssertThrowsError(try PasswordInput.fromFile(huge)) { error in
            XCTAssertTrue("\(error)".contains("too large"), "\(error)")
        }
        let largest = try passwordFile([UInt8](repeating: 0x41, count: PasswordInput.largestFile))
        XCTAssertEqual(try PasswordInput.fromFile(largest).count, PasswordInput.largestFile)
    }

    // MARK: The keyring

    func testKeyringStoresLooksUpAndForgets() throws {
        let keyring = try TestKeyring(in: folder.appendingPathComponent("keyring"))
        defer { keyring.stop() }
        let store = KeyringPasswordStore()
        XCTAssertTrue(store.isAvailable)
        let key = KeyIdentity.file(folder.appendingPathComponent("company.p12").path)
        let other = KeyIdentity.file(folder.appendingPathComponent("other.p12").path)

        XCTAssertNil(try store.lookup(for: key), "nothing before storing")
        try store.store(password: SecretBytes("Keyring-Пароль-1"), for: key, label: "Qoima test key")
        XCTAssertEqual(bytes(try store.lookup(for: key)), Array("Keyring-Пароль-1".utf8))
        XCTAssertNil(try store.lookup(for: other), "another key has nothing")

        try store.store(password: SecretBytes("Keyring-2"), for: key, label: "Qoima test key")
        XCTAssertEqual(bytes(try store.lookup(for: key)), Array("Keyring-2".utf8), "storing again replaces")

        let binary: [UInt8] = [0x00, 0xFF, 0x41, 0x0A]
        try store.store(password: SecretBytes(bytes: binary), for: other, label: "Qoima test key 2")
        XCTAssertEqual(bytes(try store.lookup(for: other)), binary, "any bytes come back as they went in")
        try store.store(password: SecretBytes(""), for: other, label: "Qoima test key 2")
        XCTAssertEqual(bytes(try store.lookup(for: other)), [], "an empty password is a password")

        XCTAssertTrue(try store.forget(key))
        XCTAssertNil(try store.lookup(for: key))
        XCTAssertFalse(try store.forget(key), "nothing left to forget")
        XCTAssertNotNil(try store.lookup(for: other), "forgetting one key keeps the others")
        XCTAssertTrue(try store.forget(other))
    }

    func testKeyringItemsCarryQoimasSchema() throws {
        let keyring = try TestKeyring(in: folder.appendingPathComponent("keyring"))
        defer { keyring.stop() }
        try KeyringPasswordStore().store(password: SecretBytes("schema-check"), for: "/k/schema.p12", label: "Qoima schema")
        defer { _ = try? KeyringPasswordStore().forget("/k/schema.p12") }
        // What another program sees on the bus: the item is found by Qoima's schema and attribute.
        let found = try TestKeyring.searchItems(["xdg:schema": KeyringPasswordStore.schemaName,
                                                 KeyringPasswordStore.keyAttribute: "/k/schema.p12"])
        XCTAssertEqual(found, 1)
        XCTAssertEqual(KeyringPasswordStore.schemaName, "kz.qoima.Qoima.KeyPassword")
        XCTAssertEqual(try TestKeyring.searchItems(["xdg:schema": KeyringPasswordStore.schemaName,
                                                    KeyringPasswordStore.keyAttribute: "/k/none.p12"]), 0)
    }

    func testNoSecretServiceIsReported() throws {
        let keyring = try TestKeyring(in: folder.appendingPathComponent("keyring"))
        keyring.stop()
        // A bus name nothing owns and D-Bus cannot start.
        setenv("SECRET_SERVICE_BUS_NAME", "kz.qoima.NoSuchSecretService", 1)
        KeyringPasswordStore.disconnect()
        defer {
            unsetenv("SECRET_SERVICE_BUS_NAME")
            KeyringPasswordStore.disconnect()
        }
        let store = KeyringPasswordStore()
        XCTAssertFalse(store.isAvailable)
        for attempt in [{ _ = try store.lookup(for: "/k/a.p12") },
                        { try store.store(password: SecretBytes("x"), for: "/k/a.p12", label: "x") },
                        { _ = try store.forget("/k/a.p12") }] {
            XCTAssertThrowsError(try attempt()) { error in
                guard case let .keyringUnavailable(reason)? = error as? SigningError else { return XCTFail("\(error)") }
                XCTAssertFalse(reason.isEmpty)
            }
        }
    }
}
