import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaXML
import XCTest

/// The session manager against scripted IS ESF answers: one login shared by every caller,
/// reuse, the idle check, "already open", a session closed under a call, refusals, ids kept
/// between runs, and closing.
final class ESFSessionManagerTests: XCTestCase {
    private let sid = ESFReplies.sessionId
    private let second = ESFReplies.secondSessionId
    private let statusReply = ScriptedReply.xml(ESFReplies.envelope("sntQueryStatusByIdResponse", "v1.snt", ""))
    private let uploadReply = ScriptedReply.xml(ESFReplies.envelope("sntUploadResponse", "v1.snt", ""))
    private let document = SignedDocument(body: "<x/>", signature: "s", certificate: "c")

    func testOneLoginServesManyCalls() async throws {
        let transport = ScriptedTransport(ESFReplies.script { [statusReply] _, _ in statusReply })
        let client = try ESFTestSetup.client(transport)
        for _ in 0..<3 { _ = try await client.sntStatuses(ids: [1]) }
        XCTAssertEqual(transport.operations, ["createAuthTicketRequest", "createSessionSignedRequest"]
            + Array(repeating: "sntQueryStatusByIdRequest", count: 3))
        XCTAssertEqual(transport.requests("sntQueryStatusByIdRequest").map(\.sessionId), [sid, sid, sid])
    }

    func testEachScopeHasItsOwnSession() async throws {
        let transport = ScriptedTransport(ESFReplies.script(sessionIds: [sid, second]))
        let sessions = try ESFTestSetup.sessions(transport)
        let esf = try await sessions.sessionId(.esf)
        let vstore = try await sessions.sessionId(.vstore)
        let again = try await sessions.sessionId(.esf)
        XCTAssertEqual([esf, vstore, again], [sid, second, sid])
        XCTAssertEqual(transport.requests("createSessionSignedRequest").map(\.url),
                       [ESFService.session, .vstoreSession].map(ESFServerProfile.sandbox(port: 8443).url(of:)))
        XCTAssertTrue(ESFScope.vstoreAcceptsTicketLogin)
    }

    func testConcurrentCallersShareOneLogin() async throws {
        let transport = ScriptedTransport(latency: ["createSessionSignedRequest": .milliseconds(100)],
                                          ESFReplies.script(sessionIds: [sid, second]))
        let sessions = try ESFTestSetup.sessions(transport)
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<12 { group.addTask { try await sessions.sessionId(.esf) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(ids), [sid])
        XCTAssertEqual(transport.requests("createAuthTicketRequest").count, 1)
        XCTAssertEqual(transport.requests("createSessionSignedRequest").count, 1, "two callers never open two sessions")
    }

    func testAnIdleSessionIsCheckedBeforeReuse() async throws {
        let clock = TestClock()
        let checked = ScriptedTransport { request, count in
            request.operation == "currentSessionStatusRequest" ? ESFReplies.status(count == 0 ? "OK" : "CLOSED")
                : ESFReplies.script(sessionIds: [ESFReplies.sessionId, ESFReplies.secondSessionId])(request, count)
        }
        let sessions = try ESFTestSetup.sessions(checked, clock: clock)
        let first = try await sessions.sessionId(.esf)
        clock.advance(minutes: 4)
        let fresh = try await sessions.sessionId(.esf)
        XCTAssertEqual(checked.requests("currentSessionStatusRequest").count, 0, "used 4 minutes ago: no check")
        clock.advance(minutes: 5.5)
        let stillOpen = try await sessions.sessionId(.esf)
        XCTAssertEqual(checked.requests("currentSessionStatusRequest").map(\.sessionId), [sid])
        clock.advance(minutes: 6)
        let reopened = try await sessions.sessionId(.esf)
        XCTAssertEqual([first, fresh, stillOpen, reopened], [sid, sid, sid, second])
        XCTAssertEqual(checked.requests("createSessionSignedRequest").count, 2, "CLOSED: a new login")
    }

    func testAnOpenSessionIsClosedByCredentialsAndTheLoginRepeated() async throws {
        let transport = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest" && count == 0
                ? .status(500, ESFReplies.alreadyOpenFault) : ESFReplies.script()(request, count)
        }
        let id = try await ESFTestSetup.sessions(transport).sessionId(.esf)
        XCTAssertEqual(id, sid)
        XCTAssertEqual(transport.operations, [
            "createAuthTicketRequest", "createSessionSignedRequest", "closeSessionByCredentialsRequest",
            "createAuthTicketRequest", "createSessionSignedRequest",
        ], "a fresh ticket for the second login: tickets are single-use")

        let stubborn = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest"
                ? .status(500, ESFReplies.alreadyOpenFault) : ESFReplies.script()(request, count)
        }
        let sessions = try ESFTestSetup.sessions(stubborn)
        let error = await esfError { () async throws(ESFError) in try await sessions.sessionId(.esf) }
        guard case .loginRefused(.sessionStillOpen, "800101300016", "000140000002")? = error else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(stubborn.requests("closeSessionByCredentialsRequest").count, 1, "closed once, not in a loop")
    }

    func testAClosedSessionIsReopenedAndTheCallRepeatedOnce() async throws {
        let transport = ScriptedTransport(ESFReplies.script(sessionIds: [sid, second]) { [uploadReply] request, count in
            count == 0 ? .status(500, ESFReplies.sessionClosedFault) : uploadReply
        })
        let outcome = try await ESFTestSetup.client(transport).uploadSnts([document])
        XCTAssertEqual(outcome, UploadOutcome())
        XCTAssertEqual(transport.operations, [
            "createAuthTicketRequest", "createSessionSignedRequest", "sntUploadRequest",
            "createAuthTicketRequest", "createSessionSignedRequest", "sntUploadRequest",
        ], "IS ESF refused the write with the closed session, so sending it again is safe")
        XCTAssertEqual(transport.requests("sntUploadRequest").map(\.sessionId), [sid, second])

        let alwaysClosed = ScriptedTransport(ESFReplies.script(sessionIds: [sid, second]) { _, _ in
            .status(500, ESFReplies.sessionClosedFault)
        })
        let client = try ESFTestSetup.client(alwaysClosed, retry: .never)
        let error = await esfError { () async throws(ESFError) in try await client.uploadSnts([self.document]) }
        XCTAssertEqual(error?.faultKind, .sessionClosed)
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, false)
        XCTAssertEqual(alwaysClosed.requests("sntUploadRequest").count, 2, "repeated once, not forever")
    }

    func testAWrongCabinetPasswordIsSaidPlainlyAndNotRetried() async throws {
        let transport = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest" ? .status(500, ESFReplies.securityFault)
                : ESFReplies.script()(request, count)
        }
        let client = try ESFTestSetup.client(transport)
        let error = await esfError { () async throws(ESFError) in try await client.sntStatuses(ids: [1]) }
        XCTAssertEqual(error, .loginRefused(.wrongCabinetPassword, iin: "800101300016", tin: "000140000002"))
        XCTAssertEqual(error?.isTransient, false)
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, false)
        XCTAssertEqual(transport.operations, ["createAuthTicketRequest", "createSessionSignedRequest"], "no retry loop")
        XCTAssertTrue(error?.message(in: .english).contains("IS ESF refused the cabinet password for IIN 800101300016") == true)
        XCTAssertTrue(error?.message(in: .russian).contains("ИС ЭСФ не приняла пароль кабинета для ИИН 800101300016") == true)
        XCTAssertTrue(error?.message(in: .kazakh).contains("800101300016") == true)
    }

    func testOtherLoginRefusals() async throws {
        let empty = ScriptedTransport { request, count in
            request.operation == "createAuthTicketRequest"
                ? .xml(ESFReplies.envelope("createAuthTicketResponse", "esf", "<authTicketXml/>")) : ESFReplies.script()(request, count)
        }
        let emptySessions = try ESFTestSetup.sessions(empty)
        let emptyError = await esfError { () async throws(ESFError) in try await emptySessions.sessionId(.esf) }
        XCTAssertEqual(emptyError, .loginRefused(.emptyTicket, iin: "800101300016", tin: "000140000002"))

        let stale = ESFReplies.fault("soap:Client", "SIGNATURE_INVALID_FORMAT", exception: "businessException")
        let badTicket = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest" ? .status(500, stale) : ESFReplies.script()(request, count)
        }
        let badTicketSessions = try ESFTestSetup.sessions(badTicket)
        let ticketError = await esfError { () async throws(ESFError) in try await badTicketSessions.sessionId(.esf) }
        guard case .loginRefused(.ticketRefused(let fault), _, _)? = ticketError else {
            return XCTFail("\(String(describing: ticketError))")
        }
        XCTAssertEqual(fault.errorCode, "SIGNATURE_INVALID_FORMAT")

        let denied = ESFReplies.fault("soap:Client", "No rights for this BIN", exception: "accessDeniedException")
        let noRights = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest" ? .status(500, denied) : ESFReplies.script()(request, count)
        }
        let noRightsSessions = try ESFTestSetup.sessions(noRights)
        let deniedError = await esfError { () async throws(ESFError) in try await noRightsSessions.sessionId(.esf) }
        guard case .loginRefused(.notPermitted, _, _)? = deniedError else { return XCTFail("\(String(describing: deniedError))") }
        XCTAssertTrue(deniedError?.message(in: .english).contains("000140000002") == true)
    }

    func testSignerProblems() async throws {
        let transport = ScriptedTransport(ESFReplies.script())
        let noIIN = ESFSessionManager(server: .sandbox(port: 8443), credentials: ESFCredentials(
            bin: ESFTestSetup.company.bin, authSigner: FixedSigner(certificate: SharedTestPKI.root),
            cabinetPassword: SecretBytes("x")), transport: transport)
        let noIINError = await esfError { () async throws(ESFError) in try await noIIN.sessionId(.esf) }
        XCTAssertEqual(noIINError, .loginRefused(.certificateWithoutIIN, iin: "", tin: "000140000002"))
        XCTAssertEqual(transport.requests.count, 0)

        let authentication = try SharedTestPKI.signer(.koimaSauda, .authentication).certificate
        let failing = ESFSessionManager(server: .sandbox(port: 8443), credentials: ESFCredentials(
            bin: ESFTestSetup.company.bin, authSigner: FixedSigner(certificate: authentication, fails: true),
            cabinetPassword: SecretBytes("x")), transport: transport)
        let signingError = await esfError { () async throws(ESFError) in try await failing.sessionId(.esf) }
        guard case .signingFailed(.createSessionSigned, _)? = signingError else {
            return XCTFail("\(String(describing: signingError))")
        }
        XCTAssertEqual(transport.operations, ["createAuthTicketRequest"], "nothing is sent unsigned")
    }

    func testSessionIdsOutliveTheProcess() async throws {
        let store = MemorySessionIdStore()
        let server = ESFServerProfile.sandbox(port: 8443).baseURL
        let first = ScriptedTransport(ESFReplies.script())
        _ = try await ESFTestSetup.sessions(first, sessionIds: store).sessionId(.esf)
        XCTAssertEqual(store.all, ["esf|\(server)|800101300016|000140000002": sid])

        // The next run finds the id, checks it is still open, and logs in no more.
        let second = ScriptedTransport(ESFReplies.script())
        let sessions = try ESFTestSetup.sessions(second, sessionIds: store)
        let id = try await sessions.sessionId(.esf)
        XCTAssertEqual(id, sid)
        XCTAssertEqual(second.operations, ["currentSessionStatusRequest"])
        await sessions.close()
        XCTAssertEqual(second.operations, ["currentSessionStatusRequest", "closeSessionRequest"])
        XCTAssertEqual(store.all.compactMapValues { $0 }, [:], "closing forgets the id")

        // A stored id IS ESF no longer knows leads to a login.
        try store.save(sessionId: "stale", scope: .vstore, server: server, iin: "800101300016", tin: "000140000002")
        let third = ScriptedTransport { request, count in
            request.operation == "currentSessionStatusRequest" ? ESFReplies.status("NOT_FOUND") : ESFReplies.script()(request, count)
        }
        let fresh = try await ESFTestSetup.sessions(third, sessionIds: store).sessionId(.vstore)
        XCTAssertEqual(fresh, sid)
        XCTAssertEqual(third.operations, ["currentSessionStatusRequest", "createAuthTicketRequest", "createSessionSignedRequest"])
        XCTAssertEqual(store.all["vstore|\(server)|800101300016|000140000002"], sid)

        // A store that fails never stops a call.
        let broken = ScriptedTransport(ESFReplies.script())
        let brokenId = try await ESFTestSetup.sessions(broken, sessionIds: MemorySessionIdStore(failing: true)).sessionId(.esf)
        XCTAssertEqual(brokenId, sid)
    }

    func testCloseClosesEveryOpenSession() async throws {
        let transport = ScriptedTransport(ESFReplies.script(sessionIds: [sid, second]))
        let sessions = try ESFTestSetup.sessions(transport)
        _ = try await sessions.sessionId(.esf)
        _ = try await sessions.sessionId(.vstore)
        await sessions.close()
        let closes = transport.requests("closeSessionRequest")
        XCTAssertEqual(Set(closes.map { $0.sessionId ?? "" }), [sid, second])
        XCTAssertEqual(Set(closes.map(\.url)), Set([ESFService.session, .vstoreSession].map(ESFServerProfile.sandbox(port: 8443).url(of:))))
        XCTAssertTrue(closes.allSatisfy { (try? $0.envelope().usernameToken) != nil }, "closeSession carries the WS-Security header")
        await sessions.close()
        XCTAssertEqual(transport.requests("closeSessionRequest").count, 2, "nothing left to close")
        _ = try await sessions.sessionId(.esf)
        XCTAssertEqual(transport.requests("createSessionSignedRequest").count, 3, "after closing, a new login")
    }
}

/// A signer with a given certificate whose XML signature is a marker, or that fails.
struct FixedSigner: Signer {
    struct Failure: Error {}
    let certificate: Certificate
    var fails = false

    func sign(_ bytes: [UInt8]) async throws -> DetachedSignature {
        if fails { throw Failure() }
        return DetachedSignature(format: .raw, bytes: [1, 2, 3])
    }

    func signXML(_ document: String) async throws -> String {
        if fails { throw Failure() }
        return document + "<!--signed-->"
    }
}
