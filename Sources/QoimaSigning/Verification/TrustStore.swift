import COpenSSL
import Foundation

/// The CA certificates a verifier trusts (NUC's roots in production, the test PKI's root in the
/// sandbox), and the check of a certificate's chain and validity against them.
public struct TrustStore: Sendable {
    public let anchors: [Certificate]

    public init(anchors: [Certificate]) { self.anchors = anchors }

    /// Reads every certificate in a PEM bundle (or one DER certificate).
    public init(contentsOf path: String) throws {
        let bytes = try SigningFiles.contents(of: path)
        let blocks = PEM.decodeAll(bytes, label: "CERTIFICATE")
        anchors = blocks.isEmpty ? [try Certificate(encoded: bytes)] : try blocks.map { try Certificate(der: $0) }
    }

    /// Throws unless `certificate` is valid at `date` and chains, through `intermediates` if
    /// needed, to one of the anchors.
    public func check(_ certificate: Certificate, intermediates: [Certificate] = [], at date: Date = Date()) throws {
        switch certificate.validity(at: date) {
        case .expired: throw VerificationFailure.certificateExpired(notAfter: certificate.notAfter)
        case .notYetValid: throw VerificationFailure.certificateNotYetValid(notBefore: certificate.notBefore)
        case .valid: break
        }
        defer { OpenSSLErrors.clear() }
        let leaf = try X509Handle(der: certificate.der)
        let trusted = try anchors.map { try X509Handle(der: $0.der) }
        let untrusted = try intermediates.map { try X509Handle(der: $0.der) }
        guard let store = X509_STORE_new() else { throw OpenSSLErrors.failure("X509_STORE_new") }
        defer { X509_STORE_free(store) }
        for anchor in trusted { X509_STORE_add_cert(store, anchor.pointer) }
        guard let chain = qoima_x509_stack_new(), let context = X509_STORE_CTX_new() else {
            throw OpenSSLErrors.failure("X509_STORE_CTX_new")
        }
        defer {
            qoima_x509_stack_free(chain)
            X509_STORE_CTX_free(context)
        }
        for certificate in untrusted { _ = qoima_x509_stack_push(chain, certificate.pointer) }
        guard X509_STORE_CTX_init(context, store, leaf.pointer, chain) == 1 else {
            throw OpenSSLErrors.failure("X509_STORE_CTX_init")
        }
        X509_STORE_CTX_set_time(context, 0, time_t(date.timeIntervalSince1970))
        if X509_verify_cert(context) == 1 { return }
        let code = X509_STORE_CTX_get_error(context)
        let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
        let failing = X509_STORE_CTX_get_current_cert(context)
        guard failing == nil || X509_cmp(failing, leaf.pointer) == 0 else {
            // A CA in the chain failed (expired, say): name it.
            let name = X509Reading.name(X509_get_subject_name(failing))["CN"] ?? "?"
            throw VerificationFailure.untrustedCertificate(reason: "\(name): \(reason)")
        }
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: throw VerificationFailure.certificateExpired(notAfter: certificate.notAfter)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            throw VerificationFailure.certificateNotYetValid(notBefore: certificate.notBefore)
        default: throw VerificationFailure.untrustedCertificate(reason: reason)
        }
    }
}
