import Foundation
import Hummingbird
import Logging
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaXML
import Synchronization
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The client over real HTTP (libcurl to a Hummingbird server on 127.0.0.1), for transport-level
/// behaviour only: a read answered 503 and then properly is repeated; a write answered 503 is
/// not; a SOAP fault in a 500 is IS ESF's refusal.
final class ESFTransportRetryTests: XCTestCase {
    private var savedProxyVariables: [String: String] = [:]
    private static let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                                         "no_proxy", "NO_PROXY"]

    /// The proxy of the machine running the tests must not carry requests meant for 127.0.0.1.
    override func setUp() {
        for name in Self.proxyVariables {
            if let value = getenv(name) { savedProxyVariables[name] = String(cString: value) }
            unsetenv(name)
        }
    }

    override func tearDown() {
        for name in Self.proxyVariables {
            if let value = savedProxyVariables[name] { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }

    func testAReadAnswered503ThenProperlyIsRepeated() async throws {
        let xsd = ESFReplies.envelope("querySntXsdResponse", "snt", "<xsdList><xsd>&lt;xs:schema/&gt;</xsd></xsdList>")
        try await withServer({ path, count in
            path == ESFService.sntXsd.rawValue && count == 0 ? (503, "<html>Service Unavailable</html>") : (200, xsd)
        }) { server, client in
            let texts = try await client.sntXsd()
            XCTAssertEqual(texts, ["<xs:schema/>"])
            XCTAssertEqual(server.paths, [ESFService.sntXsd.rawValue, ESFService.sntXsd.rawValue])
            XCTAssertEqual(server.contentTypes, ["text/xml; charset=UTF-8", "text/xml; charset=UTF-8"])
        }
    }

    func testAWriteAnswered503IsNotRepeated() async throws {
        let ok = ESFReplies.envelope("currentSessionStatusResponse", "esf", "<status>OK</status>")
        try await withServer({ path, _ in
            path == ESFService.session.rawValue ? (200, ok) : (503, "<html>Service Unavailable</html>")
        }) { server, client in
            let error = await esfError { () async throws(ESFError) in
                try await client.uploadSnts([SignedDocument(body: "<x/>", signature: "s", certificate: "c")])
            }
            guard case let .transport(.httpStatus(_, response), .uploadSnt)? = error else {
                return XCTFail("\(String(describing: error))")
            }
            XCTAssertEqual(response.status, 503)
            XCTAssertEqual(error?.requestMayHaveBeenProcessed, true)
            XCTAssertEqual(error?.isTransient, true)
            XCTAssertEqual(server.paths, [ESFService.session.rawValue, ESFService.snt.rawValue], "the upload went once")
        }
    }

    func testAFaultIn500IsARefusalAndNotRepeated() async throws {
        let fault = ESFReplies.fault("soap:Client", "SNT 1 not found", exception: "businessException", namespace: "v1.snt")
        let ok = ESFReplies.envelope("currentSessionStatusResponse", "esf", "<status>OK</status>")
        try await withServer({ path, _ in path == ESFService.session.rawValue ? (200, ok) : (500, fault) }) { server, client in
            let error = await esfError { () async throws(ESFError) in try await client.sntStatuses(ids: [1]) }
            XCTAssertEqual(error?.faultKind, .businessRefused)
            XCTAssertEqual(error?.requestMayHaveBeenProcessed, false)
            XCTAssertEqual(server.paths.filter { $0 == ESFService.snt.rawValue }.count, 1)
        }
    }

    /// Runs `body` with a server answering `reply(path, earlier requests to that path)` and a
    /// client on libcurl whose ESF session id comes from a store, so no login is needed.
    private func withServer(_ reply: @escaping @Sendable (String, Int) -> (Int, String),
                            _ body: (ScriptedHTTPServer, ESFClient) async throws -> Void) async throws {
        let server = ScriptedHTTPServer(reply: reply)
        let port = try await server.start()
        let profile = ESFServerProfile.sandbox(port: port)
        let store = MemorySessionIdStore()
        try store.save(sessionId: ESFReplies.sessionId, scope: .esf, server: profile.baseURL,
                       iin: ESFTestSetup.company.director.iin.rawValue, tin: ESFTestSetup.company.bin.rawValue)
        let sessions = ESFSessionManager(server: profile, credentials: try ESFTestSetup.credentials(), sessionIds: store,
                                         policy: ESFSessionPolicy(retry: ESFTestSetup.quickRetry()))
        do {
            try await body(server, ESFClient(sessions: sessions))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// A Hummingbird server that answers every POST from a script and keeps the paths asked for.
final class ScriptedHTTPServer: Sendable {
    private let reply: @Sendable (String, Int) -> (Int, String)
    private let received = Mutex<[(path: String, contentType: String)]>([])
    private let running = Mutex<BackgroundServer?>(nil)

    init(reply: @escaping @Sendable (String, Int) -> (Int, String)) {
        self.reply = reply
    }

    var paths: [String] { received.withLock { $0.map(\.path) } }
    var contentTypes: [String] { received.withLock { $0.map(\.contentType) } }

    func start() async throws -> Int {
        let logger = BackgroundServer.silentLogger("kz.qoima.test-esf-server")
        let router = Router()
        router.post("**") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            let path = request.uri.path
            let count = self.received.withLock { received in
                defer { received.append((path, request.headers[.contentType] ?? "")) }
                return received.filter { $0.path == path }.count
            }
            let (status, text) = self.reply(path, count)
            return Response(status: .init(code: status), headers: [.contentType: "text/xml; charset=UTF-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let server = try await BackgroundServer.start(gracePeriod: .seconds(1), logger: logger) { onServerRunning in
            Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                        onServerRunning: onServerRunning, logger: logger)
        }
        guard let server else { throw POSIXError(.EADDRNOTAVAIL) }
        running.withLock { $0 = server }
        return server.port
    }

    func stop() async {
        await running.withLock { running in defer { running = nil }; return running }?.stop()
    }
}
