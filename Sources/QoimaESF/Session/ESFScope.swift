import QoimaXML

/// Which IS ESF session a call needs (domain.md §7): the ESF session serves ESF, SNT and AWP;
/// the virtual warehouse needs its own.
public enum ESFScope: String, CaseIterable, Hashable, Sendable, Codable {
    case esf, vstore

    /// Where this scope's sessions are opened, checked and closed.
    public var sessionService: ESFService {
        switch self {
        case .esf: .session
        case .vstore: .vstoreSession
        }
    }

    /// Assumed (domain.md U3): `VstoreSessionService` takes the signed-ticket login
    /// (`createSessionSigned`) like `SessionService`; its 2021 WSDL lists only the legacy one.
    public static let vstoreAcceptsTicketLogin = true
}
