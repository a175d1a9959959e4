import Foundation
import Synchronization

/// The sandbox's sessions, with IS ESF's rules (domain.md §7, §14): auth tickets that live
/// 1–1440 minutes and are used once; one open session per user and BIN in each scope (ESF and
/// the virtual warehouse have separate sessions); ids shaped `<hex>-<BIN>--<profile>`; idle
/// expiry; and, for fault injection, every session expired at once.
public final class SandboxSessions: Sendable {
    public enum Scope: String, Sendable { case esf, vstore }

    public enum Status: String, Sendable { case ok = "OK", closed = "CLOSED", notFound = "NOT_FOUND" }

    public struct Session: Hashable, Sendable {
        public let id: String
        public let scope: Scope
        public let iin: String
        public let tin: String
        public let businessProfile: String
        var lastUsed: Date
    }

    public struct Ticket: Hashable, Sendable {
        public let iin: String
        public let timeMark: String
        public let state: String
        public let expires: Date

        /// The `authTicketXml` IS ESF returns (root `authSign`, assumed, U3).
        public var xml: String {
            "<authSign><timeMark>\(timeMark)</timeMark><state>\(state)</state><iin>\(iin)</iin></authSign>"
        }
    }

    public static let ticketMinutes = 1...1440
    public static let defaultTicketMinutes = 30

    private struct State {
        var tickets: [String: Ticket] = [:]
        var open: [String: Session] = [:]
        var closed: Set<String> = []
    }

    private let state = Mutex(State())
    public let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date

    public init(idleTimeout: TimeInterval = 20 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.now = now
    }

    // MARK: Tickets

    public func issueTicket(iin: String, ttlMinutes: Int?) throws(SandboxSessionError) -> Ticket {
        let minutes = ttlMinutes ?? Self.defaultTicketMinutes
        guard Self.ticketMinutes.contains(minutes) else { throw .ticketLifetimeOutOfRange(minutes) }
        let issued = now()
        let ticket = Ticket(iin: iin, timeMark: ISO8601DateFormatter().string(from: issued),
                            state: Self.randomHex(16), expires: issued.addingTimeInterval(TimeInterval(minutes * 60)))
        state.withLock { $0.tickets[ticket.state] = ticket }
        return ticket
    }

    /// Opens a session from a ticket the user signed: the ticket must be one the sandbox issued
    /// (by its `state`), unexpired, unused, and signed by its IIN's owner. That the VW session
    /// service takes this login too is assumed (domain.md U3).
    public func openSigned(ticketState: String, signerIIN: String, tin: String, businessProfile: String,
                           scope: Scope = .esf) throws(SandboxSessionError) -> Session {
        let ticket = try state.withLock { (state) throws(SandboxSessionError) -> Ticket in
            guard let ticket = state.tickets.removeValue(forKey: ticketState) else { throw .unknownTicket }
            return ticket
        }
        guard ticket.expires > now() else { throw .unknownTicket }
        guard ticket.iin == signerIIN else { throw .ticketSignedByAnother }
        return try open(scope: scope, iin: signerIIN, tin: tin, businessProfile: businessProfile)
    }

    // MARK: Sessions

    /// Opens a session once the caller has checked the user's credentials.
    public func open(scope: Scope, iin: String, tin: String, businessProfile: String) throws(SandboxSessionError) -> Session {
        let moment = now()
        return try state.withLock { (state) throws(SandboxSessionError) -> Session in
            expireIdle(&state, at: moment)
            if state.open.values.contains(where: { $0.scope == scope && $0.iin == iin && $0.tin == tin }) {
                throw .alreadyOpen
            }
            let session = Session(id: "\(Self.randomHex(16))-\(tin)--\(businessProfile)", scope: scope, iin: iin, tin: tin,
                                  businessProfile: businessProfile, lastUsed: moment)
            state.open[session.id] = session
            return session
        }
    }

    /// The open session with `id` in `scope`, marked as used now; a business call's check.
    public func use(_ id: String, in scope: Scope) throws(SandboxSessionError) -> Session {
        let moment = now()
        return try state.withLock { (state) throws(SandboxSessionError) -> Session in
            expireIdle(&state, at: moment)
            guard var session = state.open[id], session.scope == scope else { throw .sessionClosed }
            session.lastUsed = moment
            state.open[id] = session
            return session
        }
    }

    public func status(of id: String) -> Status {
        let moment = now()
        return state.withLock { state in
            expireIdle(&state, at: moment)
            if state.open[id] != nil { return .ok }
            return state.closed.contains(id) ? .closed : .notFound
        }
    }

    @discardableResult
    public func close(_ id: String) -> Status {
        state.withLock { state in
            guard state.open.removeValue(forKey: id) != nil else { return state.closed.contains(id) ? .closed : .notFound }
            state.closed.insert(id)
            return .closed
        }
    }

    /// `closeSession` by user `iin`: only the session's own user closes it; to anyone else an
    /// open session of another user does not exist.
    @discardableResult
    public func close(_ id: String, by iin: String) -> Status {
        let moment = now()
        return state.withLock { state in
            expireIdle(&state, at: moment)
            if let session = state.open[id] {
                guard session.iin == iin else { return .notFound }
                state.open[id] = nil
                state.closed.insert(id)
                return .closed
            }
            return state.closed.contains(id) ? .closed : .notFound
        }
    }

    /// `closeSessionByCredentials`: closes the user's open session for `tin`, whatever its id.
    @discardableResult
    public func close(scope: Scope, iin: String, tin: String) -> Bool {
        state.withLock { state in
            let ids = state.open.values.filter { $0.scope == scope && $0.iin == iin && $0.tin == tin }.map(\.id)
            for id in ids {
                state.open[id] = nil
                state.closed.insert(id)
            }
            return !ids.isEmpty
        }
    }

    /// Fault injection: every open session ends now, as when IS ESF restarts.
    public func expireAll() {
        state.withLock { state in
            state.closed.formUnion(state.open.keys)
            state.open.removeAll()
        }
    }

    private func expireIdle(_ state: inout State, at moment: Date) {
        let idle = state.open.values.filter { moment.timeIntervalSince($0.lastUsed) > idleTimeout }.map(\.id)
        for id in idle {
            state.open[id] = nil
            state.closed.insert(id)
        }
    }

    static func randomHex(_ bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}

/// Why the sandbox refuses a session call; the texts are IS ESF's where known (domain.md §6).
public enum SandboxSessionError: Error, Equatable, Sendable, CustomStringConvertible {
    case ticketLifetimeOutOfRange(Int)
    case unknownTicket
    case ticketSignedByAnother
    case alreadyOpen
    case sessionClosed

    public var description: String {
        switch self {
        case let .ticketLifetimeOutOfRange(minutes): "ttlInMinutes must be 1–1440, not \(minutes)"
        case .unknownTicket: "SIGNATURE_INVALID_FORMAT"
        case .ticketSignedByAnother: "SIGNATURE_INVALID_FORMAT: the ticket was signed by another person"
        case .alreadyOpen: "User already has opened session"
        case .sessionClosed: "Session is closed or does not exist"
        }
    }
}
