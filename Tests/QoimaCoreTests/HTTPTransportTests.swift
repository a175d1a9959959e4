import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// HTTPTransport (libcurl) against real servers on 127.0.0.1: Hummingbird, plain and with TLS
/// from the test PKI, and raw sockets for a server that hangs up halfway and for a proxy. Every
/// request has a time limit of seconds, so a failing test fails rather than hangs.
final class HTTPTransportTests: XCTestCase {
    private static let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                                         "no_proxy", "NO_PROXY"]
    private var savedProxyVariables: [String: String] = [:]

    private static let envelope = Array("""
        <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\
        <soap:Body><v1:sntUploadRequest xmlns:v1="v1.snt"><sessionId>Қойма-сессия</sessionId>\
        <note>Ағаш үй, өнім №1 — 12 500,00 ₸; Ұлытау, Өскемен, Шымкент</note></v1:sntUploadRequest></soap:Body></soap:Envelope>
        """.utf8)
    private static let soapHeaders = [HTTPHeader("Content-Type", "text/xml; charset=UTF-8"), HTTPHeader("SOAPAction", "")]

    private var testCA: String { SharedTestPKI.index.path(SharedTestPKI.index.rootCertificate) }

    /// The proxy of the machine running the tests must not carry requests meant for 127.0.0.1.
    override func setUpWithError() throws {
        for name in Self.proxyVariables {
            if let value = getenv(name) { savedProxyVariables[name] = String(cString: value) }
            unsetenv(name)
        }
    }

    override func tearDownWithError() throws {
        for name in Self.proxyVariables {
            if let value = savedProxyVariables[name] { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }

    // MARK: Plain HTTP

    func testPostCarriesBodyAndHeadersBothWays() async throws {
        try await withServer { server, base in
            let response = try await transport().post(Self.envelope, to: base + "/echo", headers: Self.soapHeaders)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.body, Self.envelope, "the Kazakh UTF-8 body comes back byte for byte")
            XCTAssertEqual(response.value(of: "content-type"), "text/xml; charset=UTF-8")

            let received = try XCTUnwrap(server.requests.first)
            XCTAssertEqual(server.requests.count, 1)
            XCTAssertEqual(received.method, "POST")
            XCTAssertEqual(received.path, "/echo")
            XCTAssertEqual(received.body, Self.envelope)
            XCTAssertEqual(received.value(of: "Content-Type"), "text/xml; charset=UTF-8")
            XCTAssertEqual(received.value(of: "SOAPAction"), "", "SOAP wants the header present and empty")
            XCTAssertEqual(received.value(of: "User-Agent"), "Qoima/\(QoimaVersion.string) (+\(QoimaVersion.website))")
        }
    }

    func testLargeBodyGoesWholeAndAtOnce() async throws {
        let body = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 31) ^ ($0 >> 9)) }
        try await withServer { server, base in
            let started = ContinuousClock.now
            let response = try await transport().post(body, to: base + "/echo", headers: Self.soapHeaders)
            XCTAssertEqual(response.body.count, body.count)
            XCTAssertEqual(response.body, body)
            XCTAssertNil(server.requests.first?.value(of: "Expect"), "no 100-continue to wait for")
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
        }
    }

    func testCompressedAnswerIsDecoded() async throws {
        try await withServer { server, base in
            let response = try await transport().post(Self.envelope, to: base + "/gzip", headers: Self.soapHeaders)
            XCTAssertEqual(response.value(of: "Content-Encoding"), "gzip", "the answer came compressed")
            XCTAssertEqual(response.body, TestHTTPServer.gzipPayload, "and was decoded")
            let offered = try XCTUnwrap(server.requests.first?.value(of: "Accept-Encoding"))
            XCTAssertTrue(offered.contains("gzip"), offered)
            XCTAssertTrue(offered.contains("deflate"), offered)
        }
    }

    func testServerErrorKeepsTheSOAPFault() async throws {
        try await withServer { _, base in
            let url = base + "/fault"
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport().post(Self.envelope, to: url, headers: Self.soapHeaders)
            }
            guard case let .httpStatus(failedURL, response) = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertEqual(failedURL, url)
            XCTAssertEqual(response.status, 500)
            XCTAssertEqual(response.body, TestHTTPServer.soapFault)
            XCTAssertEqual(response.value(of: "content-type"), "text/xml; charset=UTF-8")
            XCTAssertFalse(error?.requestMayHaveBeenProcessed ?? true, "an answer came: nothing is unknown")
            XCTAssertEqual(error?.message(in: .russian), "\(url) вернул ошибку HTTP 500")
        }
    }

    // MARK: Time, cancellation and lost answers

    func testSilentServerTimesOutWithTheRequestOut() async throws {
        try await withServer { server, base in
            let url = base + "/slow"
            let limit = Duration.milliseconds(500)
            let started = ContinuousClock.now
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport(total: limit).post(Self.envelope, to: url, headers: Self.soapHeaders)
            }
            XCTAssertEqual(error, .timedOut(url: url, limit: limit))
            XCTAssertLessThan(ContinuousClock.now - started, TestHTTPServer.slowDelay - .milliseconds(500))
            XCTAssertEqual(error?.requestMayHaveBeenProcessed, true)
            XCTAssertEqual(server.requests.count, 1, "the server did get it")
            XCTAssertEqual(error?.message(in: .english),
                           "\(url) did not answer within 0.5 s; the request may have arrived, so check its outcome before sending it again")
        }
    }

    func testCancellingAbortsTheExchange() async throws {
        try await withServer { server, base in
            let url = base + "/slow"
            let transport = transport()
            let exchange = Task { try await transport.post(Self.envelope, to: url, headers: Self.soapHeaders) }
            try await waitUntil { server.requests.count == 1 }
            let cancelled = ContinuousClock.now
            exchange.cancel()
            let result = await exchange.result
            XCTAssertLessThan(ContinuousClock.now - cancelled, .seconds(2), "noticed within about a second")
            guard case let .failure(error) = result else { return XCTFail("the exchange finished: \(result)") }
            XCTAssertEqual(error as? HTTPTransportError, .cancelled(url: url, afterSending: true))
            XCTAssertEqual((error as? HTTPTransportError)?.requestMayHaveBeenProcessed, true)
        }
    }

    func testCancelledBeforeStartingSendsNothing() async throws {
        try await withServer { server, base in
            let url = base + "/echo"
            let transport = transport()
            let exchange = Task {
                while !Task.isCancelled { await Task.yield() }
                return try await transport.post(Self.envelope, to: url, headers: Self.soapHeaders)
            }
            exchange.cancel()
            guard case let .failure(error) = await exchange.result else { return XCTFail("the exchange finished") }
            XCTAssertEqual(error as? HTTPTransportError, .cancelled(url: url, afterSending: false))
            XCTAssertEqual(server.requests.count, 0)
        }
    }

    func testAnswerCutShortIsLost() async throws {
        let received = Recorded<[UInt8]>()
        let server = try RawTestServer { connection in
            guard let (_, body) = RawTestServer.readRequest(from: connection) else { return }
            received.append(body)
            RawTestServer.write(Array("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<soap:Envelope".utf8),
                                to: connection)
        }
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/esf-web/ws/api1/SntWebService"
        let error = await failure { () async throws(HTTPTransportError) in
            try await self.transport().post(Self.envelope, to: url, headers: Self.soapHeaders)
        }
        guard case let .answerLost(failedURL, _) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(failedURL, url)
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, true)
        XCTAssertEqual(received.all, [Self.envelope], "the server had the whole request")
    }

    func testHangingUpWithoutAnswerIsLost() async throws {
        let received = Recorded<[UInt8]>()
        let server = try RawTestServer { connection in
            guard let (_, body) = RawTestServer.readRequest(from: connection) else { return }
            received.append(body)
        }
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/esf-web/ws/api1/SntWebService"
        let error = await failure { () async throws(HTTPTransportError) in
            try await self.transport().post(Self.envelope, to: url, headers: Self.soapHeaders)
        }
        guard case .answerLost = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(error?.requestMayHaveBeenProcessed, true)
        XCTAssertEqual(received.all, [Self.envelope])
    }

    // MARK: Connecting

    func testNothingListeningCannotConnectAtOnce() async throws {
        let (socket, port) = try RawTestServer.refusingPort()
        defer { Glibc.close(socket) }
        let url = "http://127.0.0.1:\(port)/echo"
        let started = ContinuousClock.now
        let error = await failure { () async throws(HTTPTransportError) in
            // The default, generous connect timeout: a refusal must not wait for it.
            try await HTTPTransport().post(Self.envelope, to: url, headers: Self.soapHeaders)
        }
        guard case let .cannotConnect(failedURL, _) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(failedURL, url)
        XCTAssertFalse(error?.requestMayHaveBeenProcessed ?? true)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    func testUnknownHostCannotConnect() async throws {
        let url = "https://qoima-test.invalid/esf-web/ws/api1/SessionService"  // .invalid never resolves (RFC 6761)
        let started = ContinuousClock.now
        let error = await failure { () async throws(HTTPTransportError) in
            try await self.transport(connect: .seconds(3)).post(Self.envelope, to: url, headers: Self.soapHeaders)
        }
        guard case .cannotConnect = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
    }

    func testRequestsThatCannotBeSentAreRefused() async throws {
        let refused: [(String, [HTTPHeader])] = [
            ("http://127.0.0.1:9/echo", [HTTPHeader("X-Note", "one\r\nX-Forged: two")]),
            ("http://127.0.0.1:9/echo", [HTTPHeader("X Bad", "name")]),
            ("file:///etc/passwd", []),
            ("ftp://127.0.0.1:9/", []),
            ("not a url", []),
        ]
        for (url, headers) in refused {
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport().post(Self.envelope, to: url, headers: headers)
            }
            guard case .invalidRequest = error else { XCTFail("\(url): \(String(describing: error))"); continue }
        }
    }

    // MARK: TLS

    func testTLSWithTheTestCA() async throws {
        try await withServer(tls: true) { server, base in
            let port = base.split(separator: ":").last!
            for host in ["127.0.0.1", "localhost"] {
                let response = try await transport(ca: testCA).post(Self.envelope, to: "https://\(host):\(port)/echo",
                                                                    headers: Self.soapHeaders)
                XCTAssertEqual(response.body, Self.envelope, host)
            }
            XCTAssertEqual(server.requests.count, 2)
        }
    }

    func testTLSWithTheSystemCAsRefusesTheTestCertificate() async throws {
        try await withServer(tls: true) { server, base in
            let url = base + "/echo"
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport().post(Self.envelope, to: url, headers: Self.soapHeaders)
            }
            guard case let .tlsFailure(failedURL, _) = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertEqual(failedURL, url)
            XCTAssertFalse(error?.requestMayHaveBeenProcessed ?? true)
            XCTAssertEqual(server.requests.count, 0)
        }
    }

    func testTLSWithAnotherCARefuses() async throws {
        let day: TimeInterval = 86400
        let other = try TestCertificateAuthority.makeRoot(commonName: "Another Test CA", notBefore: Date() - day,
                                                          notAfter: Date() + day)
        let bundle = try temporaryFile(other.certificate.pem)
        try await withServer(tls: true) { server, base in
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport(ca: bundle).post(Self.envelope, to: base + "/echo", headers: Self.soapHeaders)
            }
            guard case .tlsFailure = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertEqual(server.requests.count, 0)
        }
    }

    func testTLSRefusesACertificateForAnotherName() async throws {
        try await withServer(tls: true) { server, base in
            // libcurl resolves every *.localhost name to loopback itself; the certificate names
            // localhost and 127.0.0.1 only.
            let port = base.split(separator: ":").last!
            let error = await failure { () async throws(HTTPTransportError) in
                try await self.transport(ca: self.testCA).post(Self.envelope, to: "https://esf.localhost:\(port)/echo",
                                                               headers: Self.soapHeaders)
            }
            guard case let .tlsFailure(_, reason) = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertTrue(reason.contains("esf.localhost"), reason)
            XCTAssertEqual(server.requests.count, 0)
        }
    }

    func testUnreadableCABundleIsSaid() async throws {
        let path = "/nonexistent/qoima-ca.pem"
        let error = await failure { () async throws(HTTPTransportError) in
            try await self.transport(ca: path).post(Self.envelope, to: "https://127.0.0.1:9/", headers: [])
        }
        XCTAssertEqual(error, .unreadableCABundle(path: path))
    }

    // MARK: Proxy

    func testProxyFromTheEnvironmentCarriesHTTPS() async throws {
        let proxy = try TunnellingTestProxy()
        defer { proxy.stop() }
        try await withServer(tls: true) { server, base in
            let port = base.split(separator: ":").last!
            setenv("https_proxy", "http://127.0.0.1:\(proxy.port)", 1)
            let response = try await transport(ca: testCA).post(Self.envelope, to: base + "/echo", headers: Self.soapHeaders)
            XCTAssertEqual(response.body, Self.envelope)
            XCTAssertEqual(proxy.requestLines, ["CONNECT 127.0.0.1:\(port) HTTP/1.1"], "the request went through the proxy")

            // no_proxy is the environment's too.
            setenv("no_proxy", "127.0.0.1", 1)
            let direct = try await transport(ca: testCA).post(Self.envelope, to: base + "/echo", headers: Self.soapHeaders)
            XCTAssertEqual(direct.body, Self.envelope)
            XCTAssertEqual(proxy.requestLines.count, 1, "no_proxy lets 127.0.0.1 go direct")
            XCTAssertEqual(server.requests.count, 2)
        }
    }

    func testProxyThatIsDownCannotConnect() async throws {
        let (socket, port) = try RawTestServer.refusingPort()
        defer { Glibc.close(socket) }
        setenv("https_proxy", "http://127.0.0.1:\(port)", 1)
        let error = await failure { () async throws(HTTPTransportError) in
            try await self.transport().post(Self.envelope, to: "https://esf.gov.kz:8443/esf-web/ws/api1/SessionService",
                                            headers: Self.soapHeaders)
        }
        guard case .cannotConnect = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertFalse(error?.requestMayHaveBeenProcessed ?? true)
    }

    // MARK: Messages

    func testEveryErrorSpeaksThreeLanguages() {
        let url = "https://esf.gov.kz:8443/esf-web/ws/api1/SntWebService"
        let errors: [HTTPTransportError] = [
            .invalidRequest(reason: "r"), .unreadableCABundle(path: "/ca.pem"), .cannotConnect(url: url, reason: "r"),
            .tlsFailure(url: url, reason: "r"), .timedOut(url: url, limit: .seconds(120)), .answerLost(url: url, reason: "r"),
            .httpStatus(url: url, response: HTTPResponse(status: 500, headers: [], body: [])),
            .cancelled(url: url, afterSending: true), .cancelled(url: url, afterSending: false),
        ]
        for error in errors {
            let texts = Language.allCases.map { error.message(in: $0) }
            XCTAssertEqual(Set(texts).count, 3, "\(texts)")
            XCTAssertFalse(texts.contains { $0.contains("%") }, "\(texts)")
            XCTAssertEqual(error.description, error.message(in: .english))
        }
        XCTAssertTrue(HTTPTransportError.timedOut(url: url, limit: .seconds(120)).message(in: .kazakh).contains("120 с"))
    }

    // MARK: Helpers

    private func transport(connect: Duration = .seconds(5), total: Duration = .seconds(10),
                           ca: String? = nil) -> HTTPTransport {
        HTTPTransport(configuration: .init(connectTimeout: connect, totalTimeout: total, caBundlePath: ca))
    }

    /// Runs `body` with a started server and its base URL, and stops the server afterwards.
    private func withServer(tls: Bool = false, _ body: (TestHTTPServer, String) async throws -> Void) async throws {
        let index = SharedTestPKI.index
        let server = tls
            ? try TestHTTPServer(tlsCertificatePath: index.path(index.tlsServer.certificate),
                                 tlsKeyPath: index.path(index.tlsServer.privateKey))
            : try TestHTTPServer()
        let port = try await server.start()
        do {
            try await body(server, "\(tls ? "https" : "http")://127.0.0.1:\(port)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func failure(_ exchange: () async throws(HTTPTransportError) -> HTTPResponse,
                         file: StaticString = #filePath, line: UInt = #line) async -> HTTPTransportError? {
        do {
            let response = try await exchange()
            XCTFail("expected a failure, got HTTP \(response.status)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func waitUntil(_ condition: () -> Bool, file: StaticString = #filePath, line: UInt = #line) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            guard ContinuousClock.now < deadline else { return XCTFail("waited 5 s in vain", file: file, line: line) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    private func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-test-\(UUID().uuidString).pem")
        try Data(text.utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}
