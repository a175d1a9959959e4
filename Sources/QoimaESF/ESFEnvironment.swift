/// The IS ESF servers Qoima can talk to (domain.md §6). The sandbox runs on loopback.
public enum ESFEnvironment: Equatable, Sendable {
    case production
    case test
    case sandbox(port: Int)

    public var baseURL: String {
        switch self {
        case .production: "https://esf.gov.kz:8443"
        case .test: "https://test3.esf.kgd.gov.kz:8443"
        case .sandbox(let port): "http://127.0.0.1:\(port)"
        }
    }

    /// Service paths, relative to the base URL.
    public enum Service: String, CaseIterable, Sendable {
        case auth = "/esf-web/ws/api1/AuthService"
        case session = "/esf-web/ws/api1/SessionService"
        case version = "/esf-web/ws/api1/VersionService"
        case snt = "/esf-web/ws/api1/SntWebService"
        case sntXsd = "/esf-web/ws/api1/SntXsdService"
        case vstoreSession = "/esf-web/vstore-ws/api1/VstoreSessionService"
    }

    public func url(of service: Service) -> String { baseURL + service.rawValue }
}
