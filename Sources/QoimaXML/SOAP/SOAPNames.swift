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
}
