extension SecretBytes {
    /// Lends the bytes as a NUL-terminated C string (what OpenSSL's PKCS#12 calls want), in a
    /// temporary copy that is wiped before returning.
    func withCString<R>(_ body: (UnsafePointer<CChar>, Int32) throws -> R) rethrows -> R {
        var copy = [CChar](repeating: 0, count: count + 1)
        defer {
            copy.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = 0 }
            }
        }
        withBytes { bytes in
            for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        }
        return try copy.withUnsafeBufferPointer { try body($0.baseAddress!, Int32(count)) }
    }
}
