/// Every namespace and fixed name of IS ESF's SOAP messages (domain.md §6), in one place. Those
/// domain.md marks (reported) or (assumed) say so, with their U-item where §15 has one, so each
/// can be corrected once the official WSDL or SDK is read.
public enum SOAPNamespace: String, CaseIterable, Sendable {
    /// SOAP 1.1.
    case envelope = "http://schemas.xmlsoap.org/soap/envelope/"
    /// WS-Security's `Security` header and `UsernameToken` (confirmed).
    case security = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    /// SessionService and VersionService; AuthService too, but that is reported only (domain.md U3).
    case esf = "esf"
    /// SntWebService.
    case snt = "v1.snt"
    /// SntXsdService.
    case sntXsd = "snt"
    /// Every virtual-warehouse service: VstoreSessionService, TaxpayerStoreWebService,
    /// VstoreBalanceWebService, DictWebService, UFormWebService, VstoreVersionService, VstoreXsdService.
    case vstore = "namespace.vstore"

    /// The prefix Qoima writes; readers accept any.
    public var prefix: String {
        switch self {
        case .envelope: "soap"
        case .security: "wsse"
        case .esf: "esf"
        case .snt: "v1"
        case .sntXsd: "snt"
        case .vstore: "vs"
        }
    }

    /// `Type` of the UsernameToken password: the password in clear (reported, domain.md §6).
    public static let passwordTextType =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"

    /// `soap:mustUnderstand` on the `Security` header (reported, domain.md §6).
    public static let securityMustUnderstand = "1"

    /// The namespace of the `SecurityError` fault code in Apache CXF's WSS4J, whose fault domain.md
    /// §6 reports as `ns1:SecurityError` without naming `ns1`. Only the sandbox writes it; readers
    /// go by the local name.
    public static let wss4jFaults = "http://ws.apache.org/wss4j"
}

/// The exceptions IS ESF's operations declare as SOAP fault details (domain.md §6, confirmed).
/// Each carries one text element: `description`, or `message` for the OCSP ones.
public enum ESFException: String, CaseIterable, Sendable {
    case accessDenied = "accessDeniedException"
    case business = "businessException"
    case sessionClosed = "sessionClosedException"
    case ocspNotAvailable = "TrustyOCSPNotAvailableException"
    case ocspUnknownProblem = "TrustyOCSPUnknownProblemException"
    case ocspNonce = "TrustyOCSPNonceException"
    case ocspCertificate = "TrustyOCSPCertificateException"

    /// The element that holds the exception's text.
    public var textElement: String {
        switch self {
        case .accessDenied, .business, .sessionClosed: "description"
        case .ocspNotAvailable, .ocspUnknownProblem, .ocspNonce, .ocspCertificate: "message"
        }
    }

    /// The exception named `name`, ignoring case: the WSDL's element names start in lower case,
    /// Java's class names (which a server may write instead) in upper case.
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = found
    }
}

/// The errors of domain.md §6's table, recognised in a fault's code, string or detail. All are
/// (reported) but `declineCauseMissing`, which is (assumed, U10).
public enum ESFKnownError: String, CaseIterable, Sendable {
    /// The WS-Security header is missing or wrong on a session call.
    case securityError
    /// A unified GOST-2015 key used with the legacy `createSession`: use the ticket flow.
    case gost2015NotSupported
    /// The signed ticket is stale or malformed.
    case signatureInvalidFormat
    /// A second session for the same user: `closeSession` or `closeSessionByCredentials` first.
    case sessionAlreadyOpen
    /// A schema violation (element order, a missing element).
    case schemaViolation
    /// A decline without `cause`.
    case declineCauseMissing

    /// The error code IS ESF puts in the message, for those that have one.
    public var code: String? {
        switch self {
        case .gost2015NotSupported, .signatureInvalidFormat, .declineCauseMissing: marker
        case .securityError, .sessionAlreadyOpen, .schemaViolation: nil
        }
    }

    /// Text that identifies the error inside a fault string or detail, matched ignoring case.
    var marker: String {
        switch self {
        case .securityError: "A security error was encountered"
        case .gost2015NotSupported: "METHOD_NOT_SUPPORT_GOST_2015"
        case .signatureInvalidFormat: "SIGNATURE_INVALID_FORMAT"
        case .sessionAlreadyOpen: "already has opened session"
        case .schemaViolation: "cvc-"
        case .declineCauseMissing: "SNT_DECLINE_CAUSE_IS_NULL"
        }
    }

    /// The fault code of `securityError` (domain.md §6: `ns1:SecurityError`), matched by local name.
    static let securityFaultCode = "SecurityError"
}
