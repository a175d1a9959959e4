import Foundation
import QoimaCore
import QoimaSandbox
import QoimaSigning
import QoimaXML
import XCTest

/// Sessions over SOAP against a real sandbox: the ticket flow, the WS-Security check, one session
/// per user and company, idle expiry, scopes, closing.
final class SandboxLoginTests: XCTestCase {
    func testTicketThenSignedSessionThenABusinessCall() async throws {
        let harness = try await startSandbox()
        let reply = try await harness.login(.koimaSauda)
        let session = try XCTUnwrap(try reply.element().text("sessionId"))
        XCTAssertEqual(try reply.element().name, "createSessionResponse")
        XCTAssertTrue(session.hasSuffix("-000140000002--ADMIN_ENTERPRISE"), session)

        let status = try await harness.call(.session, harness.request(.currentSessionStatus, on: .session, session: session))
        XCTAssertEqual(try status.element().text("status"), "OK")
        let none = try await harness.answer(.querySntStatusById, on: .snt, session: session) {
            SOAPElement("idList") { SOAPElement("id", 999_999) }
        }
        XCTAssertEqual(none.items("sntSummaryList", "sntSummary").count, 0)

        let closed = try await harness.call(.session, harness.request(.closeSession, on: .session, session: session),
                                            user: SandboxHarness.user(.koimaSauda))
        XCTAssertEqual(try closed.element().text("status"), "CLOSED")
        let after = try await harness.call(.snt, harness.request(.querySntStatusById, on: .snt, session: session))
        XCTAssertEqual(after.fault?.detail?.exception, .sessionClosed)
        XCTAssertEqual(after.fault?.code, .server)
        let again = try await harness.call(.session, harness.request(.currentSessionStatus, on: .session, session: session))
        XCTAssertEqual(try again.element().text("status"), "CLOSED")
    }

    func testAWrongOrMissingCabinetPasswordIsASecurityError() async throws {
        let harness = try await startSandbox()
        let wrong = try await harness.login(.koimaSauda, password: TestPKI.defaultPassword)
        XCTAssertEqual(wrong.fault?.code, .securityError)
        XCTAssertEqual(wrong.fault?.message, "A security error was encountered when verifying the message")
        XCTAssertEqual(wrong.fault?.knownError, .securityError)

        let missing = try await harness.call(.session, SOAPMessage(ESFOperation.createSessionSigned.request, in: .esf) {
            SOAPElement("tin", "000140000002")
            SOAPElement("signedAuthTicket", "<authSign/>")
        })
        XCTAssertEqual(missing.fault?.code, .securityError)
        // The other company's password is no key to this one.
        let otherUser = try await harness.call(.session, harness.request(.closeSession, on: .session, session: "x"),
                                               user: ("000101500001", SandboxSeed.cabinetPassword))
        XCTAssertEqual(otherUser.fault?.code, .securityError)
    }

    func testOneSessionPerUserAndCompanyInEachScopeAndClosingByCredentials() async throws {
        let harness = try await startSandbox()
        let first = try await harness.session(.koimaSauda)
        let second = try await harness.login(.koimaSauda)
        XCTAssertEqual(second.fault?.knownError, .sessionAlreadyOpen)
        XCTAssertEqual(second.fault?.detail?.exception, .business)
        XCTAssertEqual(second.fault?.message, "User already has opened session")

        // The virtual warehouse has sessions of its own, and each scope takes only its own.
        let vstore = try await harness.session(.koimaSauda, on: .vstoreSession)
        XCTAssertNotEqual(first, vstore)
        let wrongScope = try await harness.call(.taxpayerStore, harness.request(.listStores, on: .taxpayerStore, session: first))
        XCTAssertEqual(wrongScope.fault?.detail?.exception, .sessionClosed)
        let rightScope = try await harness.answer(.listStores, on: .taxpayerStore, session: vstore)
        XCTAssertEqual(rightScope.text("recordsCount"), "2")

        // Closing by credentials (the authentication certificate) frees the user for a new session.
        let certificate = try SharedTestPKI.signer(.koimaSauda, .authentication).certificate.base64
        let closed = try await harness.call(.session, SOAPMessage(ESFOperation.closeSessionByCredentials.request, in: .esf) {
            SOAPElement("tin", "000140000002")
            SOAPElement("x509Certificate", certificate)
        }, user: SandboxHarness.user(.koimaSauda))
        XCTAssertEqual(try closed.element().name, "closeSessionResponse")
        XCTAssertEqual(try closed.element().text("status"), "CLOSED")
        let third = try await harness.login(.koimaSauda)
        XCTAssertNotNil(try third.element().text("sessionId"))
        // The other company's director is another user.
        let qurylysSession = try await harness.login(.qurylys).element().text("sessionId")
        XCTAssertNotNil(qurylysSession)
    }

    func testTheLegacyLoginTakesTheAuthenticationCertificate() async throws {
        let harness = try await startSandbox()
        func login(_ usage: KeyUsage, company: DemoCompany) async throws -> SandboxHarness.Reply {
            let certificate = try SharedTestPKI.signer(company, usage).certificate.base64
            return try await harness.call(.vstoreSession, SOAPMessage(ESFOperation.createSession.request, in: .vstore) {
                SOAPElement("tin", "000140000002")
                SOAPElement("x509Certificate", certificate)
            }, user: SandboxHarness.user(.koimaSauda))
        }
        let other = try await login(.authentication, company: .qurylys)
        XCTAssertEqual(other.fault?.detail?.exception, .business, "another person's certificate")
        let signing = try await login(.signing, company: .koimaSauda)
        XCTAssertEqual(signing.fault?.detail?.exception, .business, "the signing certificate is not for logging in")
        let legacy = try await login(.authentication, company: .koimaSauda).element().text("sessionId")
        let session = try XCTUnwrap(legacy)
        let storeCount = try await harness.answer(.listStores, on: .taxpayerStore, session: session).text("recordsCount")
        XCTAssertEqual(storeCount, "2")
    }

    func testAnIdleSessionExpires() async throws {
        // Margins of seconds, so a machine busy with a build does not make the test lie.
        let harness = try await startSandbox { $0.sessionIdleTimeout = 1.5 }
        let session = try await harness.session(.koimaSauda)
        try await Task.sleep(for: .milliseconds(900))
        _ = try await harness.answer(.querySntStatusById, on: .snt, session: session) // use keeps it alive
        try await Task.sleep(for: .milliseconds(900))
        _ = try await harness.answer(.querySntStatusById, on: .snt, session: session)
        try await Task.sleep(for: .milliseconds(2000))
        let expired = try await harness.call(.snt, harness.request(.querySntStatusById, on: .snt, session: session))
        XCTAssertEqual(expired.fault?.detail?.exception, .sessionClosed)
        let newSession = try await harness.login(.koimaSauda).element().text("sessionId")
        XCTAssertNotNil(newSession, "an expired session frees the user")
    }

    func testATicketIsForAKnownUserAndItsTimeToLive() async throws {
        let harness = try await startSandbox()
        let unknown = try await harness.call(.auth, SOAPMessage(ESFOperation.createAuthTicket.request, in: .esf) {
            SOAPElement("iin", "000140000002")
        })
        XCTAssertNil(try unknown.element().text("authTicketXml"), "IS ESF answers emptily when given a BIN")
        let tooLong = try await harness.call(.auth, SOAPMessage(ESFOperation.createAuthTicket.request, in: .esf) {
            SOAPElement("iin", DemoCompany.koimaSauda.director.iin.rawValue)
            SOAPElement("ttlInMinutes", 1441)
        })
        XCTAssertEqual(tooLong.fault?.detail?.exception, .business)
        let unsigned = try await harness.call(.session, SOAPMessage(ESFOperation.createSessionSigned.request, in: .esf) {
            SOAPElement("tin", "000140000002")
            SOAPElement("signedAuthTicket", "<authSign><timeMark>x</timeMark><state>y</state></authSign>")
        }, user: SandboxHarness.user(.koimaSauda))
        XCTAssertEqual(unsigned.fault?.knownError, .signatureInvalidFormat)
    }
}
