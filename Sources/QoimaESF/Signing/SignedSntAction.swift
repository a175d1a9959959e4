import QoimaCore
import QoimaSigning
import QoimaXML

/// A confirm, decline or revoke ready to send through `changeStatus` (domain.md §5.6, §8.1):
/// the `sntAction` body, signed like a document. IS ESF reads the action from this signed body.
public struct SignedSntAction: Hashable, Sendable {
    public var sntId: Int64
    public var body: String
    public var signature: String
    public var certificate: String
    public var signatureType: String

    public init(sntId: Int64, body: String, signature: String, certificate: String,
                signatureType: String = ESFWireValues.companySignature) {
        self.sntId = sntId
        self.body = body
        self.signature = signature
        self.certificate = certificate
        self.signatureType = signatureType
    }

    /// Writes the action's body with `SntActionXML` and signs its exact UTF-8 bytes.
    public static func sign(_ action: SntAction, with signer: any Signer,
                            type: String = ESFWireValues.companySignature) async throws -> SignedSntAction {
        let document = try await SignedDocument.sign(SntActionXML.body(of: action), with: signer, type: type)
        return SignedSntAction(sntId: action.sntId, body: document.body, signature: document.signature,
                               certificate: document.certificate, signatureType: document.signatureType)
    }
}
