import Foundation
import QoimaCore
import QoimaESF
import QoimaXML
import XCTest

/// ESFError: what each failure means for the caller. Faults are IS ESF's answer (it did not act);
/// a lost or garbled answer, or an HTTP 5xx that is not a fault, leaves it open; a failure while
/// logging in means the caller's request was never sent. Reads are repeated on transient
/// failures; writes never are.
final class ESFErrorTests: XCTestCase {
    private static let url = "http://127.0.0.1:8443/esf-web/ws/api1/SntWebService"
    private var url: String { Self.url }

    private func fault(_ xml: String) throws -> SOAPFault {
        guard case let .fault(fault)? = soapError({ () throws(SOAPError) in try SOAPEnvelope(parsing: xml) }) else {
            throw XCTSkip("not a fault")
        }
        return fault
    }

    func testFaultsAreClassified() throws {
        let cases: [(String, ESFFaultKind, Bool)] = [
            (ESFReplies.sessionClosedFault, .sessionClosed, true),
            (ESFReplies.fault("soap:Server", "Сессия закрыта"), .sessionClosed, true),
            (ESFReplies.fault("soap:Client", "Session not found: 5f2c"), .sessionClosed, true),
            (ESFReplies.alreadyOpenFault, .sessionAlreadyOpen, false),
            (ESFReplies.securityFault, .securityRefused, false),
            (ESFReplies.fault("soap:Client", "Access denied", exception: "accessDeniedException"), .accessDenied, false),
            (ESFReplies.fault("soap:Client", "SNT not found", exception: "businessException"), .businessRefused, false),
            (ESFReplies.fault("soap:Server", "java.lang.NullPointerException"), .serverError, true),
            (ESFReplies.fault("soap:Server", "cvc-complex-type.2.4.a: Invalid content"), .businessRefused, false),
            (ESFReplies.fault("soap:Client", "Unmarshalling Error"), .businessRefused, false),
            (ESFReplies.fault("soap:Server", "OCSP", exception: "TrustyOCSPNotAvailableException"),
             .certificateCheckUnavailable, true),
            (ESFReplies.fault("soap:Server", "revoked", exception: "TrustyOCSPCertificateException"), .certificateRefused, false),
        ]
        for (xml, kind, transient) in cases {
            let fault = try fault(xml)
            let error = ESFError.fault(fault, operation: .uploadSnt)
            XCTAssertEqual(error.faultKind, kind, fault.description)
            XCTAssertEqual(error.isTransient, transient, fault.description)
            XCTAssertFalse(error.requestMayHaveBeenProcessed, "IS ESF answered, so it did not act: \(fault.description)")
            for language in Language.allCases {
                XCTAssertTrue(error.message(in: language).contains(fault.message), "\(language): \(error.message(in: language))")
            }
        }
    }

    func testTransportFailuresSayWhetherTheRequestMayHaveArrived() {
        let response = { (status: Int) in HTTPResponse(status: status, headers: [], body: Array("<html>busy</html>".utf8)) }
        let cases: [(HTTPTransportError, processed: Bool, transient: Bool)] = [
            (.cannotConnect(url: url, reason: "refused"), false, true),
            (.tlsFailure(url: url, reason: "untrusted"), false, false),
            (.timedOut(url: url, limit: .seconds(120)), true, true),
            (.answerLost(url: url, reason: "reset"), true, true),
            (.httpStatus(url: url, response: response(503)), true, true),
            (.httpStatus(url: url, response: response(500)), true, true),
            (.httpStatus(url: url, response: response(404)), false, false),
            (.httpStatus(url: url, response: response(429)), false, true),
            (.cancelled(url: url, afterSending: true), true, false),
            (.cancelled(url: url, afterSending: false), false, false),
            (.invalidRequest(reason: "header"), false, false),
        ]
        for (failure, processed, transient) in cases {
            let error = ESFError.transport(failure, operation: .uploadSnt)
            XCTAssertEqual(error.requestMayHaveBeenProcessed, processed, "\(failure)")
            XCTAssertEqual(error.isTransient, transient, "\(failure)")
            XCTAssertNil(error.faultKind)
            let login = ESFError.transport(failure, operation: .createSessionSigned)
            XCTAssertFalse(login.requestMayHaveBeenProcessed, "while logging in, the caller's request was not sent: \(failure)")
        }
        let lost = ESFError.transport(.httpStatus(url: url, response: response(502)), operation: .changeSntStatus)
        XCTAssertTrue(lost.message(in: .english).contains("check its outcome"), lost.message(in: .english))
        XCTAssertTrue(lost.message(in: .english).hasPrefix("Sending to IS ESF: "), lost.message(in: .english))
    }

    // MARK: Through the client

    private func upload(answering reply: ScriptedReply) async throws -> (ESFError?, ScriptedTransport) {
        let transport = ScriptedTransport(ESFReplies.script { _, _ in reply })
        let client = try ESFTestSetup.client(transport)
        let document = SignedDocument(body: "<x/>", signature: "s", certificate: "c")
        let error = await esfError { () async throws(ESFError) in try await client.uploadSnts([document]) }
        return (error, transport)
    }

    func testAWriteIsSentOnceWhateverHappens() async throws {
        let replies: [(ScriptedReply, processed: Bool)] = [
            (.status(500, ESFReplies.fault("soap:Server", "java.lang.IllegalStateException")), false),
            (.status(500, ESFReplies.fault("soap:Client", "Bad SNT", exception: "businessException")), false),
            (.status(503, "<html>Service Unavailable</html>"), true),
            (.xml("<soap:Envelope xmlns:soap=\"\(ESFReplies.soap)\"><soap:Body><v1:sntUploadResponse xmlns:v1="), true),
            (.failure(.answerLost(url: url, reason: "connection reset")), true),
            (.failure(.timedOut(url: url, limit: .seconds(120))), true),
            (.failure(.cannotConnect(url: url, reason: "refused")), false),
        ]
        for (reply, processed) in replies {
            let (error, transport) = try await upload(answering: reply)
            XCTAssertEqual(transport.requests("sntUploadRequest").count, 1, "never repeated: \(reply)")
            XCTAssertEqual(error?.requestMayHaveBeenProcessed, processed, "\(reply): \(String(describing: error))")
            XCTAssertEqual(error?.operation, .uploadSnt)
        }
    }

    func testAFaultInAn200AnswerIsStillAFault() async throws {
        let (error, _) = try await upload(answering: .xml(ESFReplies.fault("soap:Client", "Bad", exception: "businessException")))
        XCTAssertEqual(error?.faultKind, .businessRefused)
    }

    func testAGarbledAnswerIsWorthAskingAgain() async throws {
        let (error, _) = try await upload(answering: .xml("<soap:Envelope xmlns:soap=\"\(ESFReplies.soap)\"><soap:Bo"))
        guard case .unreadableAnswer(.soap(.invalid), .uploadSnt)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(error?.isTransient, true)
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, true)
        XCTAssertTrue(error?.message(in: .russian).contains("проверьте его результат") == true)
    }

    func testALoginFailureBeforeAWriteMeansItWasNotSent() async throws {
        let transport = ScriptedTransport { request, count in
            request.operation == "createSessionSignedRequest"
                ? .failure(.answerLost(url: Self.url, reason: "reset")) : ESFReplies.script()(request, count)
        }
        let client = try ESFTestSetup.client(transport, retry: ESFTestSetup.quickRetry(attempts: 2))
        let error = await esfError { () async throws(ESFError) in
            try await client.uploadSnts([SignedDocument(body: "<x/>", signature: "s", certificate: "c")])
        }
        XCTAssertEqual(error?.operation, .createSessionSigned)
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, false)
        XCTAssertEqual(error?.isTransient, true)
        XCTAssertEqual(transport.requests("createSessionSignedRequest").count, 2, "the login is repeated before a write")
        XCTAssertEqual(transport.requests("sntUploadRequest").count, 0)
        XCTAssertTrue(error?.message(in: .english).hasPrefix("Logging in to IS ESF: ") == true)
    }

    func testMixedCertificatesAreNotSent() async throws {
        let transport = ScriptedTransport(ESFReplies.script())
        let client = try ESFTestSetup.client(transport)
        let error = await esfError { () async throws(ESFError) in
            try await client.uploadUForms([SignedDocument(body: "<a/>", signature: "s", certificate: "c1"),
                                           SignedDocument(body: "<b/>", signature: "s", certificate: "c2")])
        }
        XCTAssertEqual(error, .invalidRequest(.mixedCertificates, operation: .uploadUForm))
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, false)
        XCTAssertEqual(transport.requests.count, 0)
    }

    func testReadsAreRepeatedOnTransientFailuresOnly() async throws {
        let summary = ESFReplies.envelope("sntQueryStatusByIdResponse", "v1.snt", "")
        let waits = Recorded<Duration>()
        let flaky = ScriptedTransport(ESFReplies.script { _, count in
            switch count {
            case 0: .status(503, "busy")
            case 1: .failure(.timedOut(url: Self.url, limit: .seconds(1)))
            case 2: .status(500, ESFReplies.fault("soap:Server", "java.lang.OutOfMemoryError"))
            default: .xml(summary)
            }
        })
        let statuses = try await ESFTestSetup.client(flaky, retry: ESFTestSetup.quickRetry(waits: waits)).sntStatuses(ids: [1])
        XCTAssertEqual(statuses, [])
        XCTAssertEqual(flaky.requests("sntQueryStatusByIdRequest").count, 4)
        XCTAssertEqual(waits.all, [.milliseconds(150), .milliseconds(300), .milliseconds(600)], "0.2 s doubling, ¾ of it by jitter")
        XCTAssertEqual(flaky.requests("createSessionSignedRequest").count, 1, "one login serves every attempt")

        let down = ScriptedTransport(ESFReplies.script { _, _ in .status(503, "busy") })
        let downClient = try ESFTestSetup.client(down)
        let error = await esfError { () async throws(ESFError) in try await downClient.sntStatuses(ids: [1]) }
        XCTAssertEqual(down.requests("sntQueryStatusByIdRequest").count, 4, "given up after 4 attempts")
        XCTAssertEqual(error?.isTransient, true)

        let refused = ScriptedTransport(ESFReplies.script { _, _ in
            .status(500, ESFReplies.fault("soap:Client", "No", exception: "accessDeniedException"))
        })
        let refusedClient = try ESFTestSetup.client(refused)
        let denied = await esfError { () async throws(ESFError) in try await refusedClient.sntStatuses(ids: [1]) }
        XCTAssertEqual(denied?.faultKind, .accessDenied)
        XCTAssertEqual(refused.requests("sntQueryStatusByIdRequest").count, 1, "a refusal is not repeated")
    }

    func testBackoffDoublesUpToItsCap() {
        let policy = ESFRetryPolicy(attempts: 8, initialDelay: .milliseconds(200), maximumDelay: .seconds(2), jitter: 0,
                                    sleep: { _ in })
        XCTAssertEqual((1...6).map(policy.delay(after:)),
                       [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600), .seconds(2), .seconds(2)])
        let jittered = ESFRetryPolicy(jitter: 0.5, random: { 0 })
        XCTAssertEqual(jittered.delay(after: 1), .milliseconds(100), "at most half the wait is taken off")
        XCTAssertEqual(ESFRetryPolicy.never.attempts, 1)
        XCTAssertEqual(ESFRetryPolicy.standard.attempts, 4)
    }

    func testMessagesSpeakEachLanguage() throws {
        let errors: [ESFError] = [
            .transport(.cannotConnect(url: url, reason: "refused"), operation: .querySntById),
            .fault(try fault(ESFReplies.sessionClosedFault), operation: .querySntById),
            .unreadableAnswer(.badValue(path: "a/b", value: "x", expected: LocalizedText(kk: "сан", ru: "число", en: "a number")),
                              operation: .querySntById),
            .loginRefused(.wrongCabinetPassword, iin: "800101300016", tin: "000140000002"),
            .loginRefused(.emptyTicket, iin: "800101300016", tin: "000140000002"),
            .loginRefused(.certificateWithoutIIN, iin: "", tin: "000140000002"),
            .signingFailed(operation: .createSessionSigned, reason: "no key"),
            .invalidRequest(.mixedCertificates, operation: .uploadSnt),
        ]
        for error in errors {
            let texts = Language.allCases.map(error.message(in:))
            XCTAssertEqual(Set(texts).count, 3, "\(texts)")
            XCTAssertFalse(texts.contains { $0.contains("%1$@") || $0.contains("%2$@") }, "\(texts)")
        }
        XCTAssertEqual(ESFError.loginRefused(.wrongCabinetPassword, iin: "800101300016", tin: "000140000002").description,
                       "IS ESF refused the cabinet password for IIN 800101300016. Enter the password of the IS ESF account "
                           + "(not the key's password) and try again.")
    }
}
