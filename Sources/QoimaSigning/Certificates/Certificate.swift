import COpenSSL
import Foundation
import QoimaCore

/// An X.509 certificate and what it says: whose key it is (IIN, BIN, names), what for
/// (authentication or signing), how long, and with which algorithm.
public struct Certificate: Hashable, Sendable {
    public let der: [UInt8]
    public let subject: CertificateSubject
    public let issuer: DistinguishedName
    /// The serial number in upper-case hexadecimal.
    public let serialNumber: String
    public let notBefore: Date
    public let notAfter: Date
    public let usage: KeyUsage?
    public let extendedKeyUsage: [String]
    public let keyAlgorithm: KeyAlgorithm

    public init(der: [UInt8]) throws {
        let handle = try X509Handle(der: der)
        let pointer = handle.pointer
        self.der = der
        subject = CertificateSubject(X509Reading.name(X509_get_subject_name(pointer)))
        issuer = X509Reading.name(X509_get_issuer_name(pointer))
        serialNumber = X509Reading.serialNumber(pointer)
        notBefore = X509Reading.date(X509_get0_notBefore(pointer))
        notAfter = X509Reading.date(X509_get0_notAfter(pointer))
        extendedKeyUsage = X509Reading.extendedKeyUsage(pointer)
        usage = NcaCertificateProfile.usage(keyUsageBits: X509Reading.keyUsageBits(pointer),
                                            extendedKeyUsage: extendedKeyUsage)
        keyAlgorithm = KeyAlgorithm(oid: X509Reading.publicKeyAlgorithm(pointer),
                                    bits: X509Reading.publicKeyBits(pointer))
        OpenSSLErrors.clear()
    }

    /// Reads PEM ("-----BEGIN CERTIFICATE-----"), bare Base64 or DER, whichever `bytes` hold.
    public init(encoded bytes: [UInt8]) throws {
        if let der = PEM.decode(bytes, label: "CERTIFICATE") ?? PEM.decodeBase64(bytes) {
            try self.init(der: der)
        } else {
            try self.init(der: bytes)
        }
    }

    public init(contentsOf path: String) throws {
        try self.init(encoded: try SigningFiles.contents(of: path))
    }

    public var iin: TaxpayerNumber? { subject.iin }
    public var bin: TaxpayerNumber? { subject.bin }

    /// NUC roles named in the extended key usage (first head, may sign, …).
    public var roles: [NcaCertificateProfile.Role] {
        extendedKeyUsage.compactMap(NcaCertificateProfile.Role.init(rawValue:))
    }

    /// Base64 DER, as IS ESF takes it in `x509Certificate` and XMLDSig in `X509Certificate`.
    public var base64: String { Data(der).base64EncodedString() }

    public var pem: String { PEM.encode(der, label: "CERTIFICATE") }

    /// Whether `date` falls inside the validity period.
    public func validity(at date: Date) -> Validity {
        if date < notBefore { return .notYetValid }
        if date > notAfter { return .expired }
        return .valid
    }

    public enum Validity: Hashable, Sendable { case valid, notYetValid, expired }
}

/// A certificate's public key algorithm: RSA, which Qoima signs with itself, GOST, which only
/// NCALayer can use, or something else.
public enum KeyAlgorithm: Hashable, Sendable, CustomStringConvertible {
    case rsa(bits: Int)
    case gost(oid: String)
    case other(oid: String)

    static let rsaOID = "1.2.840.113549.1.1.1"

    init(oid: String, bits: Int) {
        if oid == Self.rsaOID {
            self = .rsa(bits: bits)
        } else if NcaCertificateProfile.isGost(algorithm: oid) {
            self = .gost(oid: oid)
        } else {
            self = .other(oid: oid)
        }
    }

    public var description: String {
        switch self {
        case let .rsa(bits): "RSA \(bits)"
        case let .gost(oid): "GOST (\(oid))"
        case let .other(oid): oid
        }
    }
}
