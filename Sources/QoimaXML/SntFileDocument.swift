import QoimaCore

/// One SNT found in a file: a bare SntV1 body, or one entry of a portal container.
public struct SntFileDocument: Hashable, Sendable {
    /// 1-based position in a portal container; nil for a bare body.
    public var number: Int?
    /// Line of the container entry (`sntInfo`) in the file; nil for a bare body.
    public var line: Int?
    /// The decoded SNT, or why this document could not be read (positions are inside its body).
    public var result: Result<DecodedSnt, XMLInputError>
    /// What the portal recorded with a container entry, when present.
    public var portalInfo: PortalInfo?
    /// The SntV1 body exactly as found (a container entry's text, a bare file's content), when
    /// it is text; what an import keeps as received.
    public var body: String?

    public init(number: Int? = nil, line: Int? = nil, result: Result<DecodedSnt, XMLInputError>,
                portalInfo: PortalInfo? = nil, body: String? = nil) {
        self.number = number
        self.line = line
        self.result = result
        self.portalInfo = portalInfo
        self.body = body
    }

    /// The container entry's `documentInfo` fields besides the body (names reported, §5.6).
    public struct PortalInfo: Hashable, Sendable {
        public var creatorLogin: String?
        public var creatorTin: TaxpayerNumber?
        public var signatureValid: Bool?
        /// The portal's `errors`, their texts joined with "; ".
        public var errors: String?

        public init(creatorLogin: String? = nil, creatorTin: TaxpayerNumber? = nil, signatureValid: Bool? = nil,
                    errors: String? = nil) {
            self.creatorLogin = creatorLogin
            self.creatorTin = creatorTin
            self.signatureValid = signatureValid
            self.errors = errors
        }
    }
}
