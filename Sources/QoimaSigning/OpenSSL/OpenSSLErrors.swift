import COpenSSL

/// OpenSSL reports failures on a per-thread queue; these read it into a sentence and clear it,
/// so one failure never shows up as the reason for the next.
enum OpenSSLErrors {
    /// The queued reasons, oldest first, as OpenSSL words them; empties the queue.
    static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let text = ERR_reason_error_string(code) {
                reasons.append(String(cString: text))
            } else {
                reasons.append("error \(code)")
            }
        }
        return reasons.isEmpty ? "no reason given" : reasons.joined(separator: "; ")
    }

    static func clear() { ERR_clear_error() }

    static func failure(_ operation: String) -> SigningError {
        .cryptoFailure(operation: operation, reason: drain())
    }
}

/// Loads OpenSSL's legacy provider beside the default one, once: older PKCS#12 files (NUC's among
/// them) are encrypted with RC2 or 3DES, which OpenSSL 3 keeps there.
enum OpenSSLProviders {
    private static let loaded: Bool = {
        let legacy = OSSL_PROVIDER_load(nil, "legacy")
        let standard = OSSL_PROVIDER_load(nil, "default")
        OpenSSLErrors.clear()
        return legacy != nil && standard != nil
    }()

    @discardableResult
    static func load() -> Bool { loaded }
}

/// Reads a memory BIO's contents.
func bioBytes(_ bio: OpaquePointer) -> [UInt8] {
    var data: UnsafeMutablePointer<CChar>?
    let length = qoima_bio_mem_data(bio, &data)
    guard length > 0, let data else { return [] }
    return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
}

/// A read-only memory BIO over `bytes`, valid inside `body`.
func withMemoryBIO<R>(_ bytes: [UInt8], _ body: (OpaquePointer) throws -> R) throws -> R {
    try bytes.withUnsafeBytes { buffer in
        guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
            throw OpenSSLErrors.failure("BIO_new_mem_buf")
        }
        defer { BIO_free(bio) }
        return try body(bio)
    }
}

/// Serialises an OpenSSL object through an `i2d_…` function.
func derBytes(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) -> Int32) -> [UInt8]? {
    var output: UnsafeMutablePointer<UInt8>?
    let length = encode(&output)
    guard length > 0, let output else { return nil }
    defer { qoima_openssl_free(output) }
    return Array(UnsafeBufferPointer(start: output, count: Int(length)))
}
