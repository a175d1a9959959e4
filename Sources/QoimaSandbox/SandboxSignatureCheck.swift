import Foundation
import QoimaCore
import QoimaSigning

/// The sandbox's signature and certificate checks, as IS ESF makes them: the signature holds,
/// the certificate chains to a trusted CA (the test PKI's root) and is valid, and its owner is
/// the session's user acting for the session's company.
public struct SandboxSignatureCheck: Sendable {
    public let trust: TrustStore

    public init(trust: TrustStore) { self.trust = trust }

    /// Trusts the root CA of a test PKI made by `qoima-cli keys make-test-pki`.
    public init(pki: TestPKIIndex) throws {
        trust = TrustStore(anchors: [try Certificate(contentsOf: pki.path(pki.rootCertificate))])
    }

    /// Who signed a document body (`sntBody`, `sntActionBody`, `uFormBody`): Base64 signature
    /// and certificate, as they arrive in the SOAP request.
    public func checkDocument(body: String, signature: String, certificate: String, user iin: TaxpayerNumber,
                              company bin: TaxpayerNumber, at date: Date = Date()) throws -> Certificate {
        let signer: Certificate
        do {
            signer = try Certificate(encoded: Array(certificate.utf8))
        } catch {
            throw SandboxSignatureFailure.unreadableCertificate
        }
        let decoded = SignatureVerifier.decode(Array(signature.utf8))
        do {
            try SignatureVerifier.verify(decoded, over: Array(body.utf8), certificate: signer)
            try trust.check(signer, at: date)
        } catch let failure as VerificationFailure {
            throw SandboxSignatureFailure.verification(failure)
        }
        try matches(signer, user: iin, company: bin)
        return signer
    }

    /// Who signed an auth ticket (`createSessionSigned`'s `signedAuthTicket`).
    public func checkTicket(_ signedTicket: String, at date: Date = Date()) throws -> Certificate {
        do {
            let signer = try XMLSignatureVerifier.verify(signedTicket)
            try trust.check(signer, at: date)
            return signer
        } catch let failure as VerificationFailure {
            throw SandboxSignatureFailure.verification(failure)
        } catch {
            throw SandboxSignatureFailure.verification(.malformedSignature(reason: "\(error)"))
        }
    }

    /// The signer must be the session's user (IIN) and, for a company key, of the session's
    /// company (BIN); an individual entrepreneur's key has no BIN and acts for its IIN.
    public func matches(_ signer: Certificate, user iin: TaxpayerNumber, company bin: TaxpayerNumber) throws {
        guard signer.iin == iin else {
            throw SandboxSignatureFailure.signerIsNotTheUser(expected: iin.rawValue, found: signer.iin?.rawValue ?? "—")
        }
        let actsFor = signer.bin ?? signer.iin
        guard actsFor == bin else {
            throw SandboxSignatureFailure.signerIsNotOfTheCompany(expected: bin.rawValue, found: actsFor?.rawValue ?? "—")
        }
    }
}

/// Why the sandbox refuses a signature; IS ESF answers such requests with a fault.
public enum SandboxSignatureFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableCertificate
    case verification(VerificationFailure)
    case signerIsNotTheUser(expected: String, found: String)
    case signerIsNotOfTheCompany(expected: String, found: String)

    public var description: String {
        switch self {
        case .unreadableCertificate: "the certificate cannot be read"
        case let .verification(failure): failure.description
        case let .signerIsNotTheUser(expected, found): "signed by IIN \(found), but the session's user is \(expected)"
        case let .signerIsNotOfTheCompany(expected, found): "signed for BIN \(found), but the session's company is \(expected)"
        }
    }
}
