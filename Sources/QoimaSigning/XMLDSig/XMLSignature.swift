import COpenSSL
import CXML2
import Foundation

/// Enveloped XMLDSig, as IS ESF wants on the auth ticket (domain.md §7): the Signature is the
/// root element's last child; its one Reference (`URI=""`) covers the whole document minus
/// itself.
enum XMLSignature {
    /// `document` with a Signature made by `signSignedInfo` (which signs canonical SignedInfo
    /// bytes with the key of `certificate`).
    static func sign(_ document: String, certificate: Certificate,
                     signSignedInfo: (UnsafeRawBufferPointer) throws -> [UInt8]) throws -> String {
        let tree = try MutableXMLDocument(document)
        guard let root = tree.root else { throw SigningError.invalidXML(reason: "no root element") }
        // URI="" drops comments whatever the transform says (XMLDSig §4.3.3.3).
        let content = try tree.canonicalize(.documentWithout(nil), method: .inclusive(comments: true), allowComments: false)
        let digest = Data(SHA256Digest.of(content)).base64EncodedString()

        let template = try MutableXMLDocument(XMLDSig.template(digest: digest, certificate: certificate.base64))
        guard let signatureTemplate = template.root,
              let signature = xmlDocCopyNode(signatureTemplate, tree.document, 1) else {
            throw SigningError.invalidXML(reason: "cannot build the Signature element")
        }
        xmlAddChild(root, signature)
        guard let signedInfo = XMLNodes.child(signature, named: "SignedInfo"),
              let valueNode = XMLNodes.child(signature, named: "SignatureValue") else {
            throw SigningError.invalidXML(reason: "cannot build the Signature element")
        }
        let canonical = try tree.canonicalize(.subtree(signedInfo), method: .inclusive(comments: false))
        let value = try canonical.withUnsafeBytes { try signSignedInfo($0) }
        xmlNodeSetContent(valueNode, Data(value).base64EncodedString())
        return tree.serialized()
    }
}

/// Checks an enveloped XMLDSig.
public enum XMLSignatureVerifier {
    /// Verifies the Signature under the root of `document` and returns the certificate that
    /// signed: one from KeyInfo (which may also carry CA certificates), or `certificate` when
    /// given, which KeyInfo must then include. Does not judge the certificate itself:
    /// `TrustStore.check` does.
    @discardableResult
    public static func verify(_ document: String, certificate expected: Certificate? = nil) throws -> Certificate {
        let tree = try MutableXMLDocument(document)
        guard let root = tree.root, let signature = XMLNodes.child(root, named: "Signature") else {
            throw VerificationFailure.noSignature
        }
        guard let signedInfo = XMLNodes.child(signature, named: "SignedInfo"),
              let valueNode = XMLNodes.child(signature, named: "SignatureValue") else {
            throw VerificationFailure.malformedSignature(reason: "Signature lacks SignedInfo or SignatureValue")
        }
        // Structure first, so an unsupported form is named rather than reported as a mismatch.
        let method = try canonicalization(XMLNodes.child(signedInfo, named: "CanonicalizationMethod"))
        let digest = try signatureDigest(XMLNodes.child(signedInfo, named: "SignatureMethod"))
        let references = try XMLNodes.children(signedInfo, named: "Reference").map(ReferenceCheck.init)
        guard !references.isEmpty else { throw VerificationFailure.malformedSignature(reason: "SignedInfo has no Reference") }

        let canonical = try tree.canonicalize(.subtree(signedInfo), method: method)
        guard let value = PEM.decodeBase64Text(XMLNodes.text(valueNode)) else {
            throw VerificationFailure.malformedSignature(reason: "SignatureValue is not Base64")
        }
        let candidates = try signers(of: signature, expected: expected)
        guard let certificate = try candidates.first(where: {
            RSASignature.verify(value, over: canonical, certificate: try X509Handle(der: $0.der), digest: digest)
        }) else { throw VerificationFailure.signatureMismatch }

        for reference in references {
            let content = try tree.canonicalize(.documentWithout(signature), method: reference.method, allowComments: false)
            guard SHA256Digest.of(content) == reference.digest else { throw VerificationFailure.digestMismatch(reference: "") }
        }
        return certificate
    }

    private static func signers(of signature: xmlNodePtr, expected: Certificate?) throws -> [Certificate] {
        let embedded = XMLNodes.child(signature, named: "KeyInfo")
            .flatMap { XMLNodes.child($0, named: "X509Data") }
            .map { XMLNodes.children($0, named: "X509Certificate").compactMap { PEM.decodeBase64Text(XMLNodes.text($0)) } } ?? []
        if let expected {
            if !embedded.isEmpty, !embedded.contains(expected.der) { throw VerificationFailure.wrongCertificate }
            return [expected]
        }
        guard !embedded.isEmpty else {
            throw VerificationFailure.malformedSignature(reason: "no X509Certificate in KeyInfo and no certificate given")
        }
        return try embedded.map { try Certificate(der: $0) }
    }

    /// One Reference, checked for form. Only a reference to the whole document is accepted: a
    /// signature over a part could be moved beside content it never covered.
    private struct ReferenceCheck {
        let method: MutableXMLDocument.Canonicalization
        let digest: [UInt8]

        init(_ reference: xmlNodePtr) throws {
            let uri = XMLNodes.attribute(reference, "URI") ?? "(none)"
            guard uri.isEmpty else {
                throw VerificationFailure.malformedSignature(reason: "Reference URI \"\(uri)\" is not the whole document")
            }
            var method = MutableXMLDocument.Canonicalization.inclusive(comments: false)
            var enveloped = false
            if let transforms = XMLNodes.child(reference, named: "Transforms") {
                for transform in XMLNodes.children(transforms, named: "Transform") {
                    let algorithm = XMLNodes.attribute(transform, "Algorithm") ?? ""
                    if algorithm == XMLDSig.envelopedSignature {
                        enveloped = true
                    } else if let chosen = MutableXMLDocument.Canonicalization(algorithm: algorithm) {
                        method = chosen
                    } else {
                        throw VerificationFailure.malformedSignature(reason: "unsupported transform \(algorithm)")
                    }
                }
            }
            guard enveloped else {
                throw VerificationFailure.malformedSignature(reason: "the Reference lacks the enveloped-signature transform")
            }
            let digestAlgorithm = XMLNodes.child(reference, named: "DigestMethod").flatMap { XMLNodes.attribute($0, "Algorithm") }
            guard digestAlgorithm == XMLDSig.sha256 else {
                throw VerificationFailure.malformedSignature(reason: "unsupported digest \(digestAlgorithm ?? "(none)")")
            }
            guard let digest = XMLNodes.child(reference, named: "DigestValue").flatMap({ PEM.decodeBase64Text(XMLNodes.text($0)) })
            else { throw VerificationFailure.malformedSignature(reason: "DigestValue is missing or not Base64") }
            self.method = method
            self.digest = digest
        }
    }

    private static func canonicalization(_ node: xmlNodePtr?) throws -> MutableXMLDocument.Canonicalization {
        let algorithm = node.flatMap { XMLNodes.attribute($0, "Algorithm") } ?? "(none)"
        guard let method = MutableXMLDocument.Canonicalization(algorithm: algorithm) else {
            throw VerificationFailure.malformedSignature(reason: "unsupported canonicalisation \(algorithm)")
        }
        return method
    }

    private static func signatureDigest(_ node: xmlNodePtr?) throws -> OpaquePointer? {
        let algorithm = node.flatMap { XMLNodes.attribute($0, "Algorithm") } ?? "(none)"
        guard algorithm == XMLDSig.rsaSHA256 else {
            throw VerificationFailure.malformedSignature(reason: "unsupported signature method \(algorithm)")
        }
        return EVP_sha256()
    }
}

/// SHA-256 through OpenSSL.
enum SHA256Digest {
    static func of(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = bytes.withUnsafeBufferPointer { buffer in
            digest.withUnsafeMutableBufferPointer { SHA256(buffer.baseAddress, buffer.count, $0.baseAddress) }
        }
        return digest
    }
}
