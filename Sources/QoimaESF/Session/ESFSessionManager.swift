import Foundation
import QoimaCore
import QoimaXML

/// Opens, reuses and closes the IS ESF sessions of one user acting for one taxpayer, one per
/// scope (ESF, virtual warehouse).
///
/// - Login is the ticket flow (domain.md §7): `createAuthTicket` → the ticket signed (enveloped
///   XMLDSig) with the authentication key → `createSessionSigned` with the WS-Security header.
/// - Logins are serialised: callers that need a session while one is being opened wait for it,
///   so two callers never open two sessions (IS ESF allows one per user and BIN).
/// - A session idle longer than `policy.idleCheckAfter` is checked with `currentSessionStatus`
///   before reuse; a session id saved by an earlier run is checked the same way.
/// - "User already has opened session" (an earlier run, the portal, a lost login answer): the
///   open session is closed with `closeSessionByCredentials` and the login made once more.
/// - A wrong cabinet password ends as `ESFError.loginRefused(.wrongCabinetPassword…)`, never a loop.
public actor ESFSessionManager {
    public nonisolated let server: ESFServerProfile
    public nonisolated let credentials: ESFCredentials
    public nonisolated let policy: ESFSessionPolicy
    nonisolated let exchange: ESFExchange
    private nonisolated let sessionIds: (any ESFSessionIdStore)?
    private nonisolated let clock: @Sendable () -> Date

    private struct OpenSession {
        let id: String
        /// Nil for an id read from the store, whose last use is unknown.
        var lastUsed: Date?
    }

    private var open: [ESFScope: OpenSession] = [:]
    /// The session being found or opened for each scope; later callers wait for it.
    private var pending: [ESFScope: Task<Result<String, ESFError>, Never>] = [:]

    /// `transport` defaults to libcurl with the server's CA bundle; `clock` tells idle time.
    public init(server: ESFServerProfile, credentials: ESFCredentials, transport: (any ESFTransport)? = nil,
                sessionIds: (any ESFSessionIdStore)? = nil, policy: ESFSessionPolicy = .standard,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.server = server
        self.credentials = credentials
        self.policy = policy
        exchange = ESFExchange(server: server, transport: transport
            ?? HTTPTransport(configuration: HTTPTransport.Configuration(caBundlePath: server.caBundlePath)))
        self.sessionIds = sessionIds
        self.clock = clock
    }

    /// A session id for `scope`: the open one, or a new one.
    public func sessionId(_ scope: ESFScope) async throws(ESFError) -> String {
        if pending[scope] == nil, let session = open[scope], let lastUsed = session.lastUsed,
           clock().timeIntervalSince(lastUsed) < policy.idleCheckAfter.timeInterval {
            open[scope]?.lastUsed = clock()
            return session.id
        }
        let task: Task<Result<String, ESFError>, Never>
        if let running = pending[scope] {
            task = running
        } else {
            task = Task { await self.findOrOpen(scope) }
            pending[scope] = task
        }
        return try await task.value.get()
    }

    /// Runs `body` with a session of `scope`. When IS ESF answers that the session is closed, it
    /// refused the call, so the session is dropped, a new one opened and `body` run once more;
    /// this is safe for writing calls too. `retryingLogin` repeats a login that fails
    /// transiently (for writing calls, whose own request is never repeated).
    public nonisolated func withSession<T: Sendable>(
        _ scope: ESFScope, retryingLogin retry: ESFRetryPolicy = .never,
        _ body: @Sendable (String) async throws(ESFError) -> T
    ) async throws(ESFError) -> T {
        let id = try await retry.run { () async throws(ESFError) -> String in try await self.sessionId(scope) }
        do {
            return try await body(id)
        } catch where error.faultKind == .sessionClosed {
            await dropSession(scope, id: id)
            let fresh = try await retry.run { () async throws(ESFError) -> String in try await self.sessionId(scope) }
            return try await body(fresh)
        }
    }

    /// Closes every open session (`closeSession`, with the WS-Security header) and forgets it,
    /// here and in the session id store. Failures are ignored: the session expires on its own.
    public func close() async {
        for task in pending.values { _ = await task.value }
        let sessions = open
        open = [:]
        for (scope, session) in sessions {
            _ = try? await exchange.call(.closeSession, on: scope.sessionService, security: security) {
                SOAPElement("sessionId", session.id)
            } decode: { _ in () }
            remember(nil, scope: scope)
        }
    }

    /// Forgets `id` if it is still the session of `scope`: IS ESF said it is closed.
    func dropSession(_ scope: ESFScope, id: String) {
        guard open[scope]?.id == id else { return }
        open[scope] = nil
        remember(nil, scope: scope)
    }

    // MARK: Finding or opening a session

    private func findOrOpen(_ scope: ESFScope) async -> Result<String, ESFError> {
        defer { pending[scope] = nil }
        do throws(ESFError) {
            if let session = open[scope] ?? storedSession(scope) {
                if let lastUsed = session.lastUsed, clock().timeIntervalSince(lastUsed) < policy.idleCheckAfter.timeInterval {
                    open[scope]?.lastUsed = clock()
                    return .success(session.id)
                }
                if try await isOpen(session.id, scope: scope) {
                    open[scope] = OpenSession(id: session.id, lastUsed: clock())
                    return .success(session.id)
                }
                open[scope] = nil
                remember(nil, scope: scope)
            }
            let id = try await logIn(scope)
            open[scope] = OpenSession(id: id, lastUsed: clock())
            remember(id, scope: scope)
            return .success(id)
        } catch {
            return .failure(error)
        }
    }

    /// `currentSessionStatus` is `OK`; `CLOSED`, `NOT_FOUND` or a session-closed fault mean no.
    private func isOpen(_ id: String, scope: ESFScope) async throws(ESFError) -> Bool {
        do {
            let status = try await exchange.call(.currentSessionStatus, on: scope.sessionService) {
                SOAPElement("sessionId", id)
            } decode: { response throws(ESFAnswerProblem) in
                try response.requiredString("status").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return status == "OK"
        } catch where error.faultKind == .sessionClosed {
            return false
        }
    }

    private func logIn(_ scope: ESFScope) async throws(ESFError) -> String {
        guard !credentials.userIIN.rawValue.isEmpty else { throw refused(.certificateWithoutIIN) }
        do {
            return try await logInOnce(scope)
        } catch where error.faultKind == .sessionAlreadyOpen {
            try await closeByCredentials(scope)
            do {
                return try await logInOnce(scope)
            } catch {
                if case let .fault(fault, _) = error, error.faultKind == .sessionAlreadyOpen {
                    throw refused(.sessionStillOpen(fault))
                }
                throw error
            }
        }
    }

    private func logInOnce(_ scope: ESFScope) async throws(ESFError) -> String {
        let iin = credentials.userIIN.rawValue
        let minutes = policy.ticketLifetimeMinutes
        let ticket: String?
        do {
            ticket = try await exchange.call(.createAuthTicket, on: .auth) {
                SOAPElement("iin", iin)
                SOAPElement("ttlInMinutes", String(minutes))
            } decode: { response throws(ESFAnswerProblem) in
                response.string("authTicketXml")
            }
        } catch {
            if case let .fault(fault, _) = error, error.faultKind?.isTransient == false { throw refused(.notPermitted(fault)) }
            throw error
        }
        guard let ticket, !ticket.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw refused(.emptyTicket)
        }
        let signedTicket: String
        do {
            signedTicket = try await credentials.authSigner.signXML(ticket)
        } catch {
            throw .signingFailed(operation: .createSessionSigned, reason: String(describing: error))
        }
        let tin = credentials.bin.rawValue, profile = credentials.businessProfile
        do {
            return try await exchange.call(.createSessionSigned, on: scope.sessionService, security: security) {
                SOAPElement("tin", tin)
                SOAPElement("signedAuthTicket", signedTicket)
                SOAPElement("businessProfileType", profile)
                SOAPElement("sourceType", ESFWireValues.sourceType)
            } decode: { response throws(ESFAnswerProblem) in
                let id = try response.requiredString("sessionId").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !id.isEmpty else {
                    throw .badValue(path: response.path + "/sessionId", value: "", expected: Self.sessionIdText)
                }
                return id
            }
        } catch {
            throw loginFailure(error)
        }
    }

    /// Closes the session IS ESF holds open for this user and BIN, whoever opened it.
    private func closeByCredentials(_ scope: ESFScope) async throws(ESFError) {
        let tin = credentials.bin.rawValue, profile = credentials.businessProfile
        let certificate = credentials.authSigner.certificate.base64
        do {
            try await exchange.call(.closeSessionByCredentials, on: scope.sessionService, security: security) {
                SOAPElement("tin", tin)
                SOAPElement("businessProfileType", profile)
                SOAPElement("x509Certificate", certificate)
            } decode: { _ in () }
        } catch {
            throw loginFailure(error)
        }
    }

    /// What a refused session call means for the login.
    private func loginFailure(_ error: ESFError) -> ESFError {
        guard case let .fault(fault, _) = error, let kind = error.faultKind else { return error }
        switch kind {
        case .securityRefused: return refused(.wrongCabinetPassword)
        case .sessionAlreadyOpen, .sessionClosed, .serverError, .certificateCheckUnavailable: return error
        case .accessDenied, .businessRefused, .certificateRefused:
            let ticketProblems: [ESFKnownError] = [.signatureInvalidFormat, .gost2015NotSupported]
            if let known = fault.knownError, ticketProblems.contains(known) { return refused(.ticketRefused(fault)) }
            return refused(.notPermitted(fault))
        }
    }

    private func refused(_ refusal: ESFLoginRefusal) -> ESFError {
        .loginRefused(refusal, iin: credentials.userIIN.rawValue, tin: credentials.bin.rawValue)
    }

    private var security: ESFExchange.Credentials {
        ESFExchange.Credentials(username: credentials.userIIN.rawValue, password: credentials.cabinetPassword)
    }

    private static let sessionIdText = LocalizedText(kk: "сессия идентификаторы", ru: "идентификатор сессии",
                                                     en: "a session id")

    // MARK: Session ids kept between runs

    /// A failing store never stops a call: the session still serves this run, and the next run
    /// finds it open and closes it by credentials.
    private func storedSession(_ scope: ESFScope) -> OpenSession? {
        let id = try? sessionIds?.sessionId(scope: scope, server: server.baseURL, iin: credentials.userIIN.rawValue,
                                            tin: credentials.bin.rawValue)
        return id.flatMap { $0 }.map { OpenSession(id: $0, lastUsed: nil) }
    }

    private func remember(_ id: String?, scope: ESFScope) {
        try? sessionIds?.save(sessionId: id, scope: scope, server: server.baseURL, iin: credentials.userIIN.rawValue,
                              tin: credentials.bin.rawValue)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
