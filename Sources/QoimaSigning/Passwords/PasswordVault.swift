import COpenSSL
import Foundation
import Synchronization

/// Key passwords kept in memory for the length of a session, so a user who signed once is not
/// asked again until Qoima quits (or the password is forgotten). Nothing here is ever written to
/// a file, a database or a log.
///
/// The vault keeps copies: what goes in and what comes out are separate `SecretBytes`, so each
/// holder wipes its own. A password leaving the vault (forgotten, replaced, or the vault
/// released) is wiped.
public final class PasswordVault: Sendable {
    /// The vault of the running application.
    public static let session = PasswordVault()

    private let passwords = Mutex<[String: SecretBytes]>([:])

    public init() {}

    deinit { forgetAll() }

    /// Keeps a copy of `password` for `key` (a `KeyIdentity`), wiping any kept before.
    public func remember(_ password: SecretBytes, for key: String) {
        // Plain bytes cross into the lock; the one SecretBytes that holds them is made there.
        let bytes = password.withBytes { Array($0) }
        passwords.withLock { passwords in
            passwords[key]?.wipe()
            passwords[key] = SecretBytes(bytes: bytes)
        }
    }

    /// A copy of the password kept for `key`, or nil; the caller wipes it when done.
    public func password(for key: String) -> SecretBytes? {
        passwords.withLock { passwords in passwords[key]?.copy() }
    }

    public func contains(_ key: String) -> Bool {
        passwords.withLock { passwords in passwords[key] != nil }
    }

    /// How many passwords are kept.
    public var count: Int {
        passwords.withLock { passwords in passwords.count }
    }

    /// Wipes and drops the password kept for `key`.
    public func forget(_ key: String) {
        passwords.withLock { passwords in
            passwords.removeValue(forKey: key)?.wipe()
        }
    }

    /// Wipes and drops every kept password.
    public func forgetAll() {
        passwords.withLock { passwords in
            passwords.values.forEach { $0.wipe() }
            passwords.removeAll()
        }
    }

    /// The stored object itself, not a copy: for tests that watch it being wiped.
    func storedPassword(for key: String) -> SecretBytes? {
        passwords.withLock { passwords in
            nonisolated(unsafe) let stored = passwords[key]
            return stored
        }
    }
}

extension SecretBytes {
    /// A separate copy, with its own storage, to be wiped separately.
    public func copy() -> SecretBytes {
        withBytes { SecretBytes(bytes: Array($0)) }
    }
}

/// The names under which a key's password is kept, in the vault and in the keyring.
public enum KeyIdentity {
    /// A key file, by its absolute path with symbolic links resolved, so that `./a.p12` and
    /// `/home/u/a.p12` are the same key.
    public static func file(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A key known by its certificate (one NCALayer holds, say): the certificate's SHA-256
    /// fingerprint in lowercase hex.
    public static func certificate(_ certificate: Certificate) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        certificate.der.withUnsafeBufferPointer { der in
            _ = SHA256(der.baseAddress, der.count, &digest)
        }
        return "sha256:" + digest.map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
