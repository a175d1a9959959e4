import CSecret

/// Key passwords kept in the desktop keyring (GNOME Keyring, KWallet: whatever provides the
/// Secret Service on the session bus), only when the user asks for it. The keyring encrypts what
/// it stores; Qoima itself never writes a password anywhere.
///
/// Each password is one item of the schema `kz.qoima.Qoima.KeyPassword`, found by its `key`
/// attribute: a key identity (`KeyIdentity`). The calls block while D-Bus answers; the keyring
/// may ask the user to unlock it first.
public struct KeyringPasswordStore: Sendable {
    /// The Secret Service schema of Qoima's items, and the attribute naming the key.
    public static let schemaName = QOIMA_KEY_PASSWORD_SCHEMA
    public static let keyAttribute = QOIMA_KEY_PASSWORD_ATTRIBUTE

    public init() {}

    /// Whether a Secret Service answers (D-Bus starts one if it knows how).
    public var isAvailable: Bool {
        var error: UnsafeMutablePointer<GError>?
        let reachable = qoima_secret_service_reachable(&error) != 0
        if let error { g_error_free(error) }
        return reachable
    }

    /// Stores `password` for `key`, replacing one stored earlier; `label` is what the keyring's
    /// own window shows.
    public func store(password: SecretBytes, for key: String, label: String) throws {
        var error: UnsafeMutablePointer<GError>?
        let stored = password.withBytes { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                // A non-nil pointer even for an empty password: libsecret refuses NULL.
                var empty: CChar = 0
                return withUnsafePointer(to: &empty) { emptyPointer in
                    qoima_key_password_store(key, label, characters.baseAddress ?? emptyPointer,
                                             gsize(characters.count), &error)
                }
            }
        }
        guard stored != 0 else { throw Self.failure(error, fallback: "the password was not stored") }
    }

    /// The password stored for `key`, or nil when none is. The caller wipes it when done.
    public func lookup(for key: String) throws -> SecretBytes? {
        var error: UnsafeMutablePointer<GError>?
        var length: gsize = 0
        guard let password = qoima_key_password_lookup(key, &length, &error) else {
            if error != nil { throw Self.failure(error, fallback: "the lookup failed") }
            return nil
        }
        defer { secret_password_free(password) }
        return password.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
            SecretBytes(bytes: Array(UnsafeBufferPointer(start: bytes, count: Int(length))))
        }
    }

    /// Removes the password stored for `key`; true when there was one.
    @discardableResult
    public func forget(_ key: String) throws -> Bool {
        var error: UnsafeMutablePointer<GError>?
        let removed = qoima_key_password_clear(key, &error) != 0
        if error != nil { throw Self.failure(error, fallback: "the password was not removed") }
        return removed
    }

    /// Drops the process's connection to the Secret Service, so the next call connects afresh:
    /// needed after the keyring daemon was replaced, whose sessions the old connection still names.
    public static func disconnect() {
        secret_service_disconnect()
    }

    private static func failure(_ error: UnsafeMutablePointer<GError>?, fallback: String) -> SigningError {
        defer { if let error { g_error_free(error) } }
        guard let error, let message = error.pointee.message else { return .keyringUnavailable(reason: fallback) }
        return .keyringUnavailable(reason: String(cString: message))
    }
}
