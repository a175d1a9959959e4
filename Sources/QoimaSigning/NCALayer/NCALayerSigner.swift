/// Signs through NCALayer, which holds the key (GOST keys among them) and asks the user for it in
/// its own window each time. Detached signatures come back as CMS carrying the certificate.
/// `certificate` is that of the key the user chose when the signer was made; NCALayer does not
/// hold the user to it later, so each signature is checked to carry that certificate (by its
/// bytes: OpenSSL cannot verify a GOST signature, but it can compare certificates).
public struct NCALayerSigner: Signer {
    public let certificate: Certificate
    /// What the key is for; it picks the keys NCALayer offers (AUTHENTICATION or SIGNATURE).
    public let usage: KeyUsage
    /// What NCALayer said about the key when the signer was made.
    public let keyInfo: NCALayerKeyInfo
    public let storage: String
    private let client: NCALayerClient

    /// Asks NCALayer for a key in `storage` (the user chooses it and types its password there) and
    /// reads its certificate. `usage` is the kind of key later signatures ask for: authentication
    /// for the IS ESF auth ticket, signing for documents.
    public static func connect(for usage: KeyUsage, client: NCALayerClient,
                               storage: String = NCALayerProtocol.fileStorage) async throws -> NCALayerSigner {
        let keyInfo = try await client.keyInfo(storage: storage)
        return NCALayerSigner(certificate: try keyInfo.certificate(), usage: usage, keyInfo: keyInfo,
                              storage: storage, client: client)
    }

    /// The same, with NCALayer at `configuration.url` (by default wss://127.0.0.1:13579).
    public static func connect(for usage: KeyUsage, configuration: NCALayerClient.Configuration = .init(),
                               storage: String = NCALayerProtocol.fileStorage) async throws -> NCALayerSigner {
        try await connect(for: usage, client: NCALayerClient(configuration), storage: storage)
    }

    private init(certificate: Certificate, usage: KeyUsage, keyInfo: NCALayerKeyInfo, storage: String,
                 client: NCALayerClient) {
        self.certificate = certificate
        self.usage = usage
        self.keyInfo = keyInfo
        self.storage = storage
        self.client = client
    }

    private var keyType: NCALayerProtocol.KeyType { NCALayerProtocol.KeyType(usage) }

    public func sign(_ bytes: [UInt8]) async throws -> DetachedSignature {
        let cms = try await client.signCMS(bytes, keyType: keyType, storage: storage)
        // A detached CMS carries its signer's certificate whole.
        guard cms.contains(subsequence: certificate.der) else { throw otherKey }
        return DetachedSignature(format: .cms, bytes: cms)
    }

    public func signXML(_ document: String) async throws -> String {
        let signed = try await client.signXML(document, keyType: keyType, storage: storage)
        // NCALayer wraps the Base64 of KeyInfo's certificate in lines.
        guard signed.filter({ !$0.isWhitespace }).contains(certificate.base64) else { throw otherKey }
        return signed
    }

    private var otherKey: SigningError {
        .ncaLayerOtherKey(expected: certificate.subject.fullName.isEmpty ? certificate.serialNumber : certificate.subject.fullName)
    }
}

extension Array where Element: Equatable {
    func contains(subsequence: [Element]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return subsequence.isEmpty }
        return (0...(count - subsequence.count)).contains { start in
            self[start..<(start + subsequence.count)].elementsEqual(subsequence)
        }
    }
}
