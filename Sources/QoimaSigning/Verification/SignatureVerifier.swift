/// Checks detached signatures over document bodies.
public enum SignatureVerifier {
    /// Checks that `signature` was made over `bytes` and returns the signer's certificate.
    /// A raw signature needs `certificate`; a CMS carries its own, and when `certificate` is
    /// given only that certificate may be the signer. Does not judge the certificate itself:
    /// `TrustStore.check` does.
    @discardableResult
    public static func verify(_ signature: DetachedSignature, over bytes: [UInt8],
                              certificate: Certificate?) throws -> Certificate {
        let handle = try certificate.map { try X509Handle(der: $0.der) }
        switch signature.format {
        case .raw:
            guard let certificate, let handle else {
                throw VerificationFailure.malformedSignature(reason: "a raw signature needs the signer's certificate")
            }
            guard RSASignature.verify(signature.bytes, over: bytes, certificate: handle) else {
                throw VerificationFailure.signatureMismatch
            }
            return certificate
        case .cms:
            let signer = try CMSSignature.verify(signature.bytes, over: bytes, certificate: handle)
            return try Certificate(der: signer)
        }
    }

    /// Reads a signature file: Base64 text (as IS ESF and `qoima-cli keys sign` write it) or
    /// binary DER; a CMS is told from a raw signature by its ASN.1 shape.
    public static func decode(_ encoded: [UInt8]) -> DetachedSignature {
        let bytes = PEM.decode(encoded, label: "CMS") ?? PEM.decode(encoded, label: "PKCS7")
            ?? PEM.decodeBase64(encoded) ?? encoded
        return DetachedSignature(format: looksLikeCMS(bytes) ? .cms : .raw, bytes: bytes)
    }

    /// A CMS ContentInfo starts with a SEQUENCE holding the signedData OID 1.2.840.113549.1.7.2.
    static func looksLikeCMS(_ bytes: [UInt8]) -> Bool {
        let signedData: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]
        guard bytes.first == 0x30 else { return false }
        return bytes.prefix(24).indices.contains { index in
            bytes[index...].starts(with: signedData)
        }
    }
}
