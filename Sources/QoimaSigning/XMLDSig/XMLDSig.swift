/// The XMLDSig algorithm identifiers Qoima writes and reads. NCALayer's `signXml` writes the
/// same set for RSA keys (domain.md §7: inclusive C14N, RSA-SHA256, SHA-256, enveloped).
enum XMLDSig {
    static let namespace = "http://www.w3.org/2000/09/xmldsig#"
    static let c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    static let c14nWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"
    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let exclusiveC14NWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"

    /// The Signature element Qoima appends, with the digest filled in and the signature value
    /// left for after SignedInfo is canonicalised.
    static func template(digest: String, certificate: String) -> String {
        """
        <ds:Signature xmlns:ds="\(namespace)">\
        <ds:SignedInfo>\
        <ds:CanonicalizationMethod Algorithm="\(c14n)"/>\
        <ds:SignatureMethod Algorithm="\(rsaSHA256)"/>\
        <ds:Reference URI="">\
        <ds:Transforms>\
        <ds:Transform Algorithm="\(envelopedSignature)"/>\
        <ds:Transform Algorithm="\(c14nWithComments)"/>\
        </ds:Transforms>\
        <ds:DigestMethod Algorithm="\(sha256)"/>\
        <ds:DigestValue>\(digest)</ds:DigestValue>\
        </ds:Reference>\
        </ds:SignedInfo>\
        <ds:SignatureValue></ds:SignatureValue>\
        <ds:KeyInfo><ds:X509Data><ds:X509Certificate>\(certificate)</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\
        </ds:Signature>
        """
    }
}
