import QoimaSigning
import QoimaXML

/// A document body ready to upload (an SntV1 or UFormV1 body): the body, a detached signature
/// over its exact UTF-8 bytes, and the signing certificate, both Base64 (domain.md §8.3).
public struct SignedDocument: Hashable, Sendable {
    public var body: String
    public var signature: String
    public var certificate: String
    /// `COMPANY` or `OPERATOR` (which goes with which key is assumed, domain.md U4).
    public var signatureType: String

    public init(body: String, signature: String, certificate: String,
                signatureType: String = ESFWireValues.companySignature) {
        self.body = body
        self.signature = signature
        self.certificate = certificate
        self.signatureType = signatureType
    }

    /// Signs `body` as IS ESF will receive it: the signature covers exactly this string, so the
    /// body must be sent as it is, never re-serialised.
    public static func sign(_ body: String, with signer: any Signer,
                            type: String = ESFWireValues.companySignature) async throws -> SignedDocument {
        let signature = try await signer.sign(text: body)
        return SignedDocument(body: body, signature: signature.base64, certificate: signer.certificate.base64,
                              signatureType: type)
    }
}
