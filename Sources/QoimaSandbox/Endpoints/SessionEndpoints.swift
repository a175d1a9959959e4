import Foundation
import GRDB
import QoimaCore
import QoimaSigning
import QoimaXML

/// AuthService and both session services (domain.md §7): auth tickets, the signed-ticket and
/// legacy logins, status and closing. Session create and close calls need the WS-Security
/// `UsernameToken`: the user's IIN and IS ESF cabinet password.
struct SessionEndpoints {
    let services: SandboxServices

    /// `createAuthTicket`: a ticket for `iin` to sign; no ticket for an IIN the sandbox does not
    /// know, as IS ESF answers emptily when given a BIN (domain.md §6).
    func createAuthTicket(_ request: SOAPElementView) throws -> SOAPMessage {
        let iin = try request.field("iin")
        let minutes = try request.optionalInteger("ttlInMinutes").map(Int.init)
        let known = try services.store.write { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE iin = ?", arguments: [iin]) ?? 0
        } > 0
        var ticket: SandboxSessions.Ticket?
        if known {
            do {
                ticket = try services.sessions.issueTicket(iin: iin, ttlMinutes: minutes)
            } catch {
                throw SandboxCallError.business(error.description)
            }
        }
        return SOAPMessage(ESFOperation.createAuthTicket.response, in: ESFService.auth.namespace) {
            if let ticket { SOAPElement("authTicketXml", ticket.xml) }
        }
    }

    /// `createSessionSigned`: the WS-Security user signs a ticket the sandbox issued.
    func createSessionSigned(_ request: SOAPElementView, token: UsernameToken?, on service: ESFService) throws -> SOAPMessage {
        let user = try authenticate(token)
        let tin = try request.field("tin")
        let signedTicket = try request.payload("signedAuthTicket")
        let signer: Certificate
        do {
            signer = try services.signatures.checkTicket(signedTicket)
            try services.signatures.matches(signer, user: TaxpayerNumber(user), company: TaxpayerNumber(tin))
        } catch {
            throw SandboxCallError.business("SIGNATURE_INVALID_FORMAT: \(error)")
        }
        guard let state = Self.ticketState(signedTicket) else {
            throw SandboxCallError.business("SIGNATURE_INVALID_FORMAT: the ticket has no state")
        }
        try checkAccess(user, to: tin)
        try injectAlreadyOpen()
        do {
            let session = try services.sessions.openSigned(
                ticketState: state, signerIIN: signer.iin?.rawValue ?? "", tin: tin,
                businessProfile: request.optional("businessProfileType") ?? ESFWireValues.directorProfile,
                scope: service.sessionScope)
            return Self.sessionCreated(session)
        } catch {
            throw SandboxCallError.business(error.description)
        }
    }

    /// `createSession`, the legacy login with the authentication certificate.
    func createSession(_ request: SOAPElementView, token: UsernameToken?, on service: ESFService) throws -> SOAPMessage {
        let user = try authenticate(token)
        let tin = try request.field("tin")
        try checkCertificate(try request.field("x509Certificate"), user: user, tin: tin)
        try checkAccess(user, to: tin)
        try injectAlreadyOpen()
        do {
            let session = try services.sessions.open(
                scope: service.sessionScope, iin: user, tin: tin,
                businessProfile: request.optional("businessProfileType") ?? ESFWireValues.directorProfile)
            return Self.sessionCreated(session)
        } catch {
            throw SandboxCallError.business(error.description)
        }
    }

    func currentSessionStatus(_ request: SOAPElementView) throws -> SOAPMessage {
        let status = services.sessions.status(of: try request.field("sessionId"))
        return SOAPMessage(ESFOperation.currentSessionStatus.response, in: request.serviceNamespace) {
            SOAPElement("status", status.rawValue)
        }
    }

    func closeSession(_ request: SOAPElementView, token: UsernameToken?) throws -> SOAPMessage {
        let user = try authenticate(token)
        let id = try request.field("sessionId")
        let status = services.sessions.close(id, by: user)
        return SOAPMessage(ESFOperation.closeSession.response, in: request.serviceNamespace) {
            SOAPElement("status", status.rawValue)
        }
    }

    func closeSessionByCredentials(_ request: SOAPElementView, token: UsernameToken?, on service: ESFService) throws
        -> SOAPMessage {
        let user = try authenticate(token)
        let tin = try request.field("tin")
        try checkCertificate(try request.field("x509Certificate"), user: user, tin: tin)
        let closed = services.sessions.close(scope: service.sessionScope, iin: user, tin: tin)
        return SOAPMessage(ESFOperation.closeSessionByCredentials.response, in: request.serviceNamespace) {
            SOAPElement("status", (closed ? SandboxSessions.Status.closed : .notFound).rawValue)
        }
    }

    // MARK: - Checks

    /// The user the WS-Security header names, when its password is the user's cabinet password.
    private func authenticate(_ token: UsernameToken?) throws -> String {
        guard let token else { throw SandboxCallError.security }
        let passwords = try services.store.write { db in
            try String.fetchAll(db, sql: "SELECT password FROM account WHERE iin = ?", arguments: [token.username])
        }
        guard passwords.contains(where: { Self.equal(Array($0.utf8), token.password) }) else {
            throw SandboxCallError.security
        }
        return token.username
    }

    /// Whether `iin` is a user of company `tin` in the cabinet.
    private func checkAccess(_ iin: String, to tin: String) throws {
        let member = try services.store.write { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE iin = ? AND bin = ?", arguments: [iin, tin]) ?? 0
        }
        guard member > 0 else { throw SandboxCallError.accessDenied("User \(iin) has no profile for taxpayer \(tin)") }
    }

    /// The legacy login and closing by credentials take the AUTH certificate (domain.md §7): a
    /// signing-only certificate is refused; a unified key without a stated usage is taken.
    private func checkCertificate(_ base64: String, user: String, tin: String) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(encoded: Array(base64.utf8))
            try services.signatures.trust.check(certificate)
            try services.signatures.matches(certificate, user: TaxpayerNumber(user), company: TaxpayerNumber(tin))
        } catch {
            throw SandboxCallError.business("Certificate is not valid: \(error)")
        }
        guard certificate.usage != .signing else {
            throw SandboxCallError.business("Certificate is not valid: it is a signing certificate, not an authentication one")
        }
    }

    /// Fault injection: "User already has opened session" without opening one.
    private func injectAlreadyOpen() throws {
        if services.dice.alreadyOpen() {
            throw SandboxCallError.business(SandboxSessionError.alreadyOpen.description)
        }
    }

    private static func sessionCreated(_ session: SandboxSessions.Session) -> SOAPMessage {
        let service: ESFService = session.scope == .esf ? .session : .vstoreSession
        return SOAPMessage(ESFOperation.createSession.response, in: service.namespace) {
            SOAPElement("sessionId", session.id)
        }
    }

    /// The `state` of a signed `authSign` ticket.
    static func ticketState(_ signedTicket: String) -> String? {
        guard let root = try? XMLTree(parsing: signedTicket).root, root.localName == "authSign" else { return nil }
        return root.child(named: "state")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Compares without stopping at the first difference.
    private static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension SOAPElementView {
    /// The namespace the request's wrapper came in, which its answer goes out in.
    var serviceNamespace: SOAPNamespace {
        SOAPNamespace(rawValue: namespaceURI ?? "") ?? .esf
    }
}
