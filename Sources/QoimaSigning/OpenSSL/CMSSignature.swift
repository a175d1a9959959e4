import COpenSSL

/// Detached CMS SignedData, the form NCALayer signs bodies in.
enum CMSSignature {
    static func sign(_ bytes: [UInt8], certificate: X509Handle, key: PrivateKey) throws -> [UInt8] {
        try withMemoryBIO(bytes) { content in
            let flags = UInt32(CMS_DETACHED | CMS_BINARY)
            guard let cms = CMS_sign(certificate.pointer, key.pointer, nil, content, flags) else {
                throw OpenSSLErrors.failure("CMS signing")
            }
            defer { CMS_ContentInfo_free(cms) }
            guard let der = derBytes({ i2d_CMS_ContentInfo(cms, $0) }) else { throw OpenSSLErrors.failure("CMS encoding") }
            return der
        }
    }

    /// Checks a detached CMS over `bytes` and returns its signer's certificate. With
    /// `certificate`, only that certificate may have signed; without, the one inside the CMS.
    static func verify(_ signature: [UInt8], over bytes: [UInt8], certificate: X509Handle?) throws -> [UInt8] {
        defer { OpenSSLErrors.clear() }
        let parsed: OpaquePointer? = signature.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_CMS_ContentInfo(nil, &cursor, buffer.count)
        }
        guard let cms = parsed else { throw VerificationFailure.malformedSignature(reason: "not a CMS SignedData") }
        defer { CMS_ContentInfo_free(cms) }
        guard let given = qoima_x509_stack_new() else { throw OpenSSLErrors.failure("CMS verification") }
        defer { qoima_x509_stack_free(given) }
        var flags = UInt32(CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)
        if let certificate {
            _ = qoima_x509_stack_push(given, certificate.pointer)
            flags |= UInt32(CMS_NOINTERN)
        }
        let verified = try withMemoryBIO(bytes) { content in
            CMS_verify(cms, given, nil, content, nil, flags) == 1
        }
        guard verified else {
            let reason = OpenSSLErrors.drain()
            if reason.contains("signer certificate not found") { throw VerificationFailure.wrongCertificate }
            throw VerificationFailure.signatureMismatch
        }
        guard let signers = CMS_get0_signers(cms) else { throw VerificationFailure.malformedSignature(reason: "no signer") }
        defer { qoima_x509_stack_free(signers) }
        guard qoima_x509_stack_count(signers) == 1, let signer = qoima_x509_stack_value(signers, 0) else {
            throw VerificationFailure.malformedSignature(reason: "expected one signer")
        }
        return derBytes { i2d_X509(signer, $0) } ?? []
    }
}
