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

    /// Overwrites the bytes with zeros in place.
    public func wipe() {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
    }
}
