import COpenSSL
import Foundation

/// A certificate authority for tests and demo mode: a self-signed RSA root that issues
/// NUC-shaped certificates. Nothing it makes is trusted outside the sandbox.
public struct TestCertificateAuthority: @unchecked Sendable {
    // Immutable after creation; see IssuedKey.
    public let certificate: Certificate
    let key: PrivateKey

    public static func makeRoot(commonName: String, notBefore: Date, notAfter: Date) throws -> TestCertificateAuthority {
        let key = try PrivateKey.generateRSA()
        let request = CertificateRequest(
            subject: [("C", "KZ"), ("O", "Qoima"), ("CN", commonName)],
            extensions: [("basicConstraints", "critical,CA:TRUE"), ("keyUsage", "critical,keyCertSign,cRLSign"),
                         ("subjectKeyIdentifier", "hash")],
            notBefore: notBefore, notAfter: notAfter)
        let der = try CertificateBuilder.build(request, publicKey: key, issuer: nil, issuerKey: key)
        return TestCertificateAuthority(certificate: try Certificate(der: der), key: key)
    }

    /// A fresh RSA key with a certificate for `request`, signed by this authority.
    public func issue(_ request: CertificateRequest) throws -> IssuedKey {
        let key = try PrivateKey.generateRSA()
        let issuer = try X509Handle(der: certificate.der)
        let der = try CertificateBuilder.build(request, publicKey: key, issuer: issuer, issuerKey: self.key)
        return IssuedKey(certificate: try Certificate(der: der), key: key)
    }
}

/// Builds and signs an X.509 v3 certificate with OpenSSL.
enum CertificateBuilder {
    static func build(_ request: CertificateRequest, publicKey: PrivateKey, issuer: X509Handle?,
                      issuerKey: PrivateKey) throws -> [UInt8] {
        guard let raw = X509_new() else { throw OpenSSLErrors.failure("X509_new") }
        let certificate = X509Handle(adopting: raw)
        let pointer = certificate.pointer
        X509_set_version(pointer, 2)
        var serial: UInt64 = 0
        withUnsafeMutableBytes(of: &serial) { _ = RAND_bytes($0.baseAddress, 8) }
        ASN1_INTEGER_set_uint64(X509_get_serialNumber(pointer), serial >> 1)
        ASN1_TIME_set(X509_getm_notBefore(pointer), time_t(request.notBefore.timeIntervalSince1970))
        ASN1_TIME_set(X509_getm_notAfter(pointer), time_t(request.notAfter.timeIntervalSince1970))
        guard X509_set_pubkey(pointer, publicKey.pointer) == 1 else { throw OpenSSLErrors.failure("X509_set_pubkey") }

        let subject = try name(request.subject)
        defer { X509_NAME_free(subject) }
        X509_set_subject_name(pointer, subject)
        X509_set_issuer_name(pointer, issuer.map { X509_get_subject_name($0.pointer) } ?? subject)

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.pointer ?? pointer, pointer, nil, nil, 0)
        for (extensionName, value) in request.extensions {
            guard let made = X509V3_EXT_conf(nil, &context, extensionName, value) else {
                throw OpenSSLErrors.failure("extension \(extensionName)=\(value)")
            }
            defer { X509_EXTENSION_free(made) }
            X509_add_ext(pointer, made, -1)
        }
        if issuer != nil {
            guard let keyIdentifier = X509V3_EXT_conf(nil, &context, "authorityKeyIdentifier", "keyid:always") else {
                throw OpenSSLErrors.failure("authorityKeyIdentifier")
            }
            defer { X509_EXTENSION_free(keyIdentifier) }
            X509_add_ext(pointer, keyIdentifier, -1)
        }
        guard X509_sign(pointer, issuerKey.pointer, EVP_sha256()) > 0 else { throw OpenSSLErrors.failure("X509_sign") }
        return certificate.der
    }

    private static func name(_ attributes: [(type: String, value: String)]) throws -> OpaquePointer {
        guard let name = X509_NAME_new() else { throw OpenSSLErrors.failure("X509_NAME_new") }
        for (type, value) in attributes {
            let bytes = Array(value.utf8)
            guard X509_NAME_add_entry_by_txt(name, type, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0) == 1 else {
                X509_NAME_free(name)
                throw OpenSSLErrors.failure("subject \(type)=\(value)")
            }
        }
        return name
    }
}

/// Writes password-protected PKCS#12 files (OpenSSL 3's defaults: AES-256, PBKDF2, SHA-256 MAC).
enum Pkcs12Writer {
    static func write(key: PrivateKey, certificate: Certificate, chain: [Certificate], password: String,
                      friendlyName: String) throws -> [UInt8] {
        let leaf = try X509Handle(der: certificate.der)
        let authorities = try chain.map { try X509Handle(der: $0.der) }
        guard let stack = qoima_x509_stack_new() else { throw OpenSSLErrors.failure("PKCS#12") }
        defer { qoima_x509_stack_free(stack) }
        for authority in authorities { _ = qoima_x509_stack_push(stack, authority.pointer) }
        guard let p12 = PKCS12_create(password, friendlyName, key.pointer, leaf.pointer, stack, 0, 0, 0, 0, 0) else {
            throw OpenSSLErrors.failure("PKCS12_create")
        }
        defer { PKCS12_free(p12) }
        guard let der = derBytes({ i2d_PKCS12(p12, $0) }) else { throw OpenSSLErrors.failure("PKCS#12 encoding") }
        return withExtendedLifetime(authorities) { der }
    }
}
