import QoimaCore

/// How NUC certificates say who owns a key and what it is for. These are (assumed) in domain.md
/// §7 and U4: read from NUC's published profiles and public clients, not from the SDK itself.
/// Everything that depends on them reads them from here.
public enum NcaCertificateProfile {
    public static let iinAttribute = "serialNumber"
    public static let iinPrefix = "IIN"
    public static let binAttribute = "OU"
    public static let binPrefix = "BIN"
    public static let surnameAttribute = "SN"
    public static let patronymicAttribute = "GN"

    /// Extended key usages that mark an authentication or a signing certificate.
    public static let clientAuthentication = "1.3.6.1.5.5.7.3.2"
    public static let emailProtection = "1.3.6.1.5.5.7.3.4"

    /// NUC's role OIDs, placed in the extended key usage.
    public enum Role: String, CaseIterable, Sendable {
        case individual = "1.2.398.3.3.4.1.1"
        case legalEntity = "1.2.398.3.3.4.1.2"
        case firstHead = "1.2.398.3.3.4.1.2.1"
        case maySign = "1.2.398.3.3.4.1.2.2"
        case mayApproveFinancialDocuments = "1.2.398.3.3.4.1.2.3"
        case humanResources = "1.2.398.3.3.4.1.2.4"
        case employee = "1.2.398.3.3.4.1.2.5"
    }

    /// Key algorithms OpenSSL cannot sign with: Kazakhstan's GOST 34.310 and 34.10-2015 keys and
    /// Russia's GOST keys, by OID prefix.
    public static let gostAlgorithmPrefixes = ["1.2.398.3.10.", "1.2.643."]

    public static func isGost(algorithm oid: String) -> Bool {
        gostAlgorithmPrefixes.contains { oid.hasPrefix($0) }
    }

    /// The key's purpose from its key usage bits and extended key usages: non-repudiation or
    /// e-mail protection mean signing; client authentication or key encipherment without
    /// non-repudiation mean authentication.
    static func usage(keyUsageBits: UInt32?, extendedKeyUsage: [String]) -> KeyUsage? {
        if extendedKeyUsage.contains(clientAuthentication) { return .authentication }
        if extendedKeyUsage.contains(emailProtection) { return .signing }
        guard let bits = keyUsageBits else { return nil }
        if bits & 0x40 != 0 { return .signing }           // nonRepudiation
        if bits & 0x20 != 0 { return .authentication }    // keyEncipherment
        return nil
    }

    static func taxpayerNumber(in value: String?, prefix: String) -> TaxpayerNumber? {
        guard let value, value.uppercased().hasPrefix(prefix) else { return nil }
        return TaxpayerNumber(validating: String(value.dropFirst(prefix.count)))
    }
}

/// What a key is for: signing in to IS ESF, or signing documents.
public enum KeyUsage: String, Hashable, Sendable, Codable, CaseIterable {
    case authentication
    case signing

    public var text: LocalizedText {
        switch self {
        case .authentication: LocalizedText(kk: "аутентификация", ru: "аутентификация", en: "authentication")
        case .signing: LocalizedText(kk: "қол қою", ru: "подпись", en: "signing")
        }
    }
}
