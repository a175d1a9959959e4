import Foundation

/// Something that signs on behalf of one certificate's owner: a PKCS#12 file opened with its
/// password, or a key held by NCALayer. IS ESF takes two kinds of signature (domain.md §7, §8.3):
/// a detached signature over a document body, and an enveloped XMLDSig over the auth ticket.
public protocol Signer: Sendable {
    /// The certificate whose key signs, with what it says about its owner.
    var certificate: Certificate { get }

    /// A detached signature over `bytes`, to travel beside them (an SNT body, an action, a form).
    func sign(_ bytes: [UInt8]) async throws -> DetachedSignature

    /// `document` with an enveloped XMLDSig appended to its root element: C14N, RSA-SHA256 for
    /// RSA keys, the certificate in KeyInfo.
    func signXML(_ document: String) async throws -> String
}

extension Signer {
    /// Signs the UTF-8 bytes of a document body, exactly as IS ESF receives them.
    public func sign(text: String) async throws -> DetachedSignature {
        try await sign(Array(text.utf8))
    }
}

/// A detached signature and how it is wrapped.
public struct DetachedSignature: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, Codable {
        /// The bare signature value (PKCS#1 v1.5 over SHA-256 for RSA), as a local signer makes it.
        case raw
        /// A detached CMS SignedData, as NCALayer returns it; it carries its own certificate.
        case cms
    }

    public let format: Format
    public let bytes: [UInt8]

    public init(format: Format, bytes: [UInt8]) {
        self.format = format
        self.bytes = bytes
    }

    /// The Base64 form IS ESF expects in `signature` fields.
    public var base64: String { Data(bytes).base64EncodedString() }
}
