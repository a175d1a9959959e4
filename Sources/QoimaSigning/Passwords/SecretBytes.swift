import COpenSSL

/// Bytes of a password or key that are wiped when no longer needed, so a secret does not
/// linger in freed memory.
public final class SecretBytes {
    private var storage: [UInt8]

    public init(_ text: String) { storage = Array(text.utf8) }
    public init(bytes: [UInt8]) { storage = bytes }

    deinit { wipe() }

    public var count: Int { storage.count }

    /// Lends the bytes for the length of the closure.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Overwrites the bytes with zeros in place, with OpenSSL's cleanse, which the optimiser
    /// cannot drop as a dead store.
    public func wipe() {
        storage.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}
