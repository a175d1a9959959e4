import COpenSSL

/// An owned OpenSSL `EVP_PKEY`, freed with the handle. OpenSSL 3 allows one key to sign on
/// several threads at once, so the handle can be shared.
final class PrivateKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(adopting pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    static func generateRSA(bits: UInt32 = 2048) throws -> PrivateKey {
        guard let key = qoima_rsa_generate(bits) else { throw OpenSSLErrors.failure("RSA key generation") }
        return PrivateKey(adopting: key)
    }

    var isRSA: Bool { EVP_PKEY_get_base_id(pointer) == EVP_PKEY_RSA }

    /// Unencrypted PKCS#8 PEM; only the test PKI writes keys this way (for a TLS test server).
    func pkcs8PEM() throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLErrors.failure("BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw OpenSSLErrors.failure("PEM_write_bio_PrivateKey")
        }
        return String(decoding: bioBytes(bio), as: UTF8.self)
    }
}

/// SHA256withRSA (PKCS#1 v1.5): the signature IS ESF takes over document bodies (domain.md §8.3).
enum RSASignature {
    static func sign(_ bytes: UnsafeRawBufferPointer, with key: PrivateKey) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrors.failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key.pointer) == 1 else {
            throw OpenSSLErrors.failure("SHA256withRSA")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, data, bytes.count) == 1 else { throw OpenSSLErrors.failure("SHA256withRSA") }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, data, bytes.count) == 1 else {
            throw OpenSSLErrors.failure("SHA256withRSA")
        }
        return Array(signature.prefix(length))
    }

    static func sign(_ bytes: [UInt8], with key: PrivateKey) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try sign($0, with: key) }
    }

    /// Whether `signature` is `certificate`'s key's SHA-256 signature over `bytes`.
    static func verify(_ signature: [UInt8], over bytes: [UInt8], certificate: X509Handle,
                       digest: OpaquePointer? = EVP_sha256()) -> Bool {
        defer { OpenSSLErrors.clear() }
        guard let key = X509_get0_pubkey(certificate.pointer), let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, digest, nil, key) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, bytes, bytes.count) == 1
    }
}
