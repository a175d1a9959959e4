import Foundation
import QoimaSandbox
import Synchronization
import XCTest

final class SandboxSessionsTests: XCTestCase {
    /// A clock the test moves by hand.
    final class TestClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    let iin = "800101300016"
    let bin = "000140000002"

    func testATicketOpensOneSessionOnceAndOnlyForItsOwner() throws {
        let clock = TestClock()
        let sessions = SandboxSessions(now: { clock.now })
        let ticket = try sessions.issueTicket(iin: iin, ttlMinutes: nil)
        XCTAssertTrue(ticket.xml.hasPrefix("<authSign>"))
        XCTAssertTrue(ticket.xml.contains(ticket.state))

        XCTAssertThrowsError(try sessions.openSigned(ticketState: ticket.state, signerIIN: "860525400029", tin: bin,
                                                     businessProfile: "ADMIN_ENTERPRISE"),
                             equals: SandboxSessionError.ticketSignedByAnother)
        let again = try sessions.issueTicket(iin: iin, ttlMinutes: 5)
        let session = try sessions.openSigned(ticketState: again.state, signerIIN: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE")
        XCTAssertTrue(session.id.hasSuffix("-\(bin)--ADMIN_ENTERPRISE"), session.id)
        XCTAssertEqual(sessions.status(of: session.id), .ok)
        XCTAssertThrowsError(try sessions.openSigned(ticketState: again.state, signerIIN: iin, tin: bin,
                                                     businessProfile: "ADMIN_ENTERPRISE"),
                             equals: SandboxSessionError.unknownTicket) // a ticket is used once

        let stale = try sessions.issueTicket(iin: iin, ttlMinutes: 1)
        clock.advance(61)
        XCTAssertThrowsError(try sessions.openSigned(ticketState: stale.state, signerIIN: iin, tin: bin,
                                                     businessProfile: "ADMIN_ENTERPRISE"),
                             equals: SandboxSessionError.unknownTicket)
        for minutes in [0, 1441] {
            XCTAssertThrowsError(try sessions.issueTicket(iin: iin, ttlMinutes: minutes),
                                 equals: SandboxSessionError.ticketLifetimeOutOfRange(minutes))
        }
    }

    func testOneSessionPerUserAndCompanyInEachScope() throws {
        let sessions = SandboxSessions()
        let first = try sessions.open(scope: .esf, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE")
        XCTAssertThrowsError(try sessions.open(scope: .esf, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE"),
                             equals: SandboxSessionError.alreadyOpen)
        XCTAssertEqual(SandboxSessionError.alreadyOpen.description, "User already has opened session")
        XCTAssertNoThrow(try sessions.open(scope: .vstore, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE"))
        XCTAssertNoThrow(try sessions.open(scope: .esf, iin: iin, tin: "000140000012", businessProfile: "USER"))
        XCTAssertThrowsError(try sessions.use(first.id, in: .vstore), equals: SandboxSessionError.sessionClosed)

        XCTAssertTrue(sessions.close(scope: .esf, iin: iin, tin: bin))
        XCTAssertEqual(sessions.status(of: first.id), .closed)
        XCTAssertEqual(sessions.status(of: "nothing"), .notFound)
        let second = try sessions.open(scope: .esf, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE")
        XCTAssertEqual(sessions.close(second.id), .closed)
        XCTAssertThrowsError(try sessions.use(second.id, in: .esf), equals: SandboxSessionError.sessionClosed)
    }

    func testIdleSessionsExpireAndUseKeepsThemAlive() throws {
        let clock = TestClock()
        let sessions = SandboxSessions(idleTimeout: 600, now: { clock.now })
        let busy = try sessions.open(scope: .esf, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE")
        let idle = try sessions.open(scope: .vstore, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE")
        for _ in 0..<3 {
            clock.advance(400)
            XCTAssertNoThrow(try sessions.use(busy.id, in: .esf))
        }
        XCTAssertEqual(sessions.status(of: idle.id), .closed)
        XCTAssertEqual(sessions.status(of: busy.id), .ok)
        XCTAssertNoThrow(try sessions.open(scope: .vstore, iin: iin, tin: bin, businessProfile: "ADMIN_ENTERPRISE"),
                         "an expired session no longer blocks a new one")
        sessions.expireAll()
        XCTAssertEqual(sessions.status(of: busy.id), .closed)
    }
}
