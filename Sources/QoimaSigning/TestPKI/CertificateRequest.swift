import Foundation

/// What a test certificate should say: the subject's attributes in order, the extensions in
/// OpenSSL's configuration syntax, and the validity period.
public struct CertificateRequest: Sendable {
    public var subject: [(type: String, value: String)]
    /// Extension name → value, e.g. ("keyUsage", "critical,digitalSignature,nonRepudiation").
    public var extensions: [(name: String, value: String)]
    public var notBefore: Date
    public var notAfter: Date

    public init(subject: [(type: String, value: String)], extensions: [(name: String, value: String)],
                notBefore: Date, notAfter: Date) {
        self.subject = subject
        self.extensions = extensions
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}

/// A key pair and its certificate, made by `TestCertificateAuthority`. Only tests and demo mode
/// hold these.
public struct IssuedKey: @unchecked Sendable {
    // The key is never changed after issue; OpenSSL 3 keys may be shared between threads.
    public let certificate: Certificate
    let key: PrivateKey

    /// A password-protected PKCS#12 file holding the key, its certificate and the CA's.
    public func pkcs12(password: String, friendlyName: String, chain: [Certificate]) throws -> [UInt8] {
        try Pkcs12Writer.write(key: key, certificate: certificate, chain: chain, password: password,
                               friendlyName: friendlyName)
    }

    /// The private key as unencrypted PEM, for a test TLS server only.
    public func privateKeyPEM() throws -> String { try key.pkcs8PEM() }
}
