/// IS ESF's SOAP services and their paths (domain.md §6).
public enum ESFService: String, CaseIterable, Sendable {
    // The namespace of each service's wrappers is `ESFOperation.namespace`.
    case auth = "/esf-web/ws/api1/AuthService"
    case session = "/esf-web/ws/api1/SessionService"
    case version = "/esf-web/ws/api1/VersionService"
    case snt = "/esf-web/ws/api1/SntWebService"
    case sntXsd = "/esf-web/ws/api1/SntXsdService"
    case vstoreSession = "/esf-web/vstore-ws/api1/VstoreSessionService"
    case taxpayerStore = "/esf-web/vstore-ws/api1/TaxpayerStoreWebService"
    case vstoreBalance = "/esf-web/vstore-ws/api1/VstoreBalanceWebService"
    case dictionary = "/esf-web/vstore-ws/api1/DictWebService"
    case uForm = "/esf-web/vstore-ws/api1/UFormWebService"
    case vstoreVersion = "/esf-web/vstore-ws/api1/VstoreVersionService"
    case vstoreXsd = "/esf-web/vstore-ws/api1/VstoreXsdService"

    /// The service at `path`, as the sandbox routes requests.
    public init?(path: String) {
        self.init(rawValue: path.hasSuffix("/") ? String(path.dropLast()) : path)
    }
}
