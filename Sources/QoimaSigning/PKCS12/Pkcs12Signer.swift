import COpenSSL
import Foundation

/// Signs with an RSA key from a PKCS#12 (.p12) file, natively through OpenSSL 3: SHA256withRSA
/// signatures over bodies, enveloped XMLDSig over the auth ticket, detached CMS when asked.
/// The password is used once, to open the file, and its temporary copies are wiped.
public final class Pkcs12Signer: Signer, @unchecked Sendable {
    // Immutable after init; OpenSSL 3 keys and certificates may be used from several threads.
    public let certificate: Certificate
    /// The other certificates in the file, usually the issuing CA's.
    public let chain: [Certificate]
    public let path: String
    private let key: PrivateKey
    private let x509: X509Handle

    public init(path: String, password: SecretBytes) throws {
        let bytes = try SigningFiles.contents(of: path)
        let contents = try Pkcs12Contents.open(bytes, path: path, password: password)
        self.path = path
        key = contents.key
        x509 = contents.certificate
        certificate = try Certificate(der: contents.certificate.der)
        chain = try contents.otherCertificates.map { try Certificate(der: $0.der) }
    }

    public func sign(_ bytes: [UInt8]) async throws -> DetachedSignature {
        try signRaw(bytes)
    }

    public func signXML(_ document: String) async throws -> String {
        try signXMLDocument(document)
    }

    /// SHA256withRSA over `bytes`, as IS ESF takes it in `signature`.
    public func signRaw(_ bytes: [UInt8]) throws -> DetachedSignature {
        DetachedSignature(format: .raw, bytes: try RSASignature.sign(bytes, with: key))
    }

    /// A detached CMS SignedData over `bytes` with this certificate inside, as NCALayer's
    /// `createCMSSignatureFromBase64` makes one.
    public func signCMS(_ bytes: [UInt8]) throws -> DetachedSignature {
        DetachedSignature(format: .cms, bytes: try CMSSignature.sign(bytes, certificate: x509, key: key))
    }

    /// `document` with an enveloped XMLDSig made with this key.
    public func signXMLDocument(_ document: String) throws -> String {
        try XMLSignature.sign(document, certificate: certificate) { try RSASignature.sign($0, with: key) }
    }
}
