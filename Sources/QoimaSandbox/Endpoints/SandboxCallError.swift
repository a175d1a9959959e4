import QoimaXML

/// Why a call fails as a whole, answered as a SOAP fault (domain.md §6) in the service's namespace.
enum SandboxCallError: Error {
    /// The request itself is wrong: not SOAP, an unknown operation, a missing element.
    case client(String)
    /// The WS-Security `UsernameToken` is missing or wrong (Apache CXF's `SecurityError`).
    case security
    /// No open session of the right scope for this `sessionId`.
    case sessionClosed
    case business(String)
    case accessDenied(String)
    /// Fault injection, or the sandbox's own failure.
    case server(String)

    /// CXF's text for a WS-Security failure, as integrators report it (domain.md §6).
    static let securityMessage = "A security error was encountered when verifying the message"
    static let sessionClosedMessage = "Session is closed or does not exist"

    func fault(in namespace: SOAPNamespace) -> SOAPFault {
        switch self {
        case let .client(message): SOAPFault(code: .client, message: message)
        case .security: SOAPFault(code: .securityError, message: Self.securityMessage)
        case .sessionClosed:
            SOAPFault(code: .server, message: Self.sessionClosedMessage,
                      detail: .init(.sessionClosed, in: namespace, text: Self.sessionClosedMessage))
        case let .business(message):
            SOAPFault(code: .server, message: message, detail: .init(.business, in: namespace, text: message))
        case let .accessDenied(message):
            SOAPFault(code: .server, message: message, detail: .init(.accessDenied, in: namespace, text: message))
        case let .server(message): SOAPFault(code: .server, message: message)
        }
    }

    /// A request element that cannot be read, named by its path.
    init(_ error: SOAPError) { self = .client(error.message) }
}
