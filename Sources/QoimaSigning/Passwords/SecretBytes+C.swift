import COpenSSL

extension SecretBytes {
    /// Lends the bytes as a NUL-terminated C string (what OpenSSL's PKCS#12 calls want), in a
    /// temporary copy that is wiped before returning.
    func withCString<R>(_ body: (UnsafePointer<CChar>, Int32) throws -> R) rethrows -> R {
        var copy = [CChar](repeating: 0, count: count + 1)
        defer { copy.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        withBytes { bytes in
            for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        }
        return try copy.withUnsafeBufferPointer { try body($0.baseAddress!, Int32(count)) }
    }
}
