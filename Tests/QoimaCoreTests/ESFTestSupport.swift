import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaXML
import Synchronization
import XCTest

/// One request the scripted transport received.
struct SentRequest: Sendable {
    let url: String
    let headers: [HTTPHeader]
    /// A copy of the bytes, taken as they were sent.
    let bytes: [UInt8]
    /// The very buffer that was sent, which the session manager wipes when it held the password.
    let buffer: [UInt8]
    /// The body's element (`sntUploadRequest`…).
    let operation: String

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func envelope() throws -> SOAPEnvelope { try SOAPEnvelope(parsing: bytes) }

    /// The body's element, with its namespace and children.
    func wrapper() throws -> SOAPElementView { try XCTUnwrap(try envelope().operation) }

    var sessionId: String? { (try? wrapper())?.text("sessionId") }
}

/// What the scripted transport answers to one request.
enum ScriptedReply: Sendable {
    /// 200 with this envelope.
    case xml(String)
    /// Another status with this body, which the transport throws as `.httpStatus`.
    case status(Int, String)
    case failure(HTTPTransportError)
}

/// A transport that answers from a script instead of a network: the script gets each request
/// and how many of the same operation came before it. It keeps every request.
final class ScriptedTransport: ESFTransport {
    private let sent = Mutex<[SentRequest]>([])
    private let script: @Sendable (SentRequest, Int) -> ScriptedReply
    private let latency: [String: Duration]

    /// `latency` delays the answers to the operations it names, so that callers overlap.
    init(latency: [String: Duration] = [:], _ script: @escaping @Sendable (SentRequest, Int) -> ScriptedReply) {
        self.script = script
        self.latency = latency
    }

    var requests: [SentRequest] { sent.withLock { $0 } }
    func requests(_ operation: String) -> [SentRequest] { requests.filter { $0.operation == operation } }
    var operations: [String] { requests.map(\.operation) }

    func post(_ body: [UInt8], to url: String, headers: [HTTPHeader]) async throws(HTTPTransportError) -> HTTPResponse {
        let copy = body.withUnsafeBufferPointer { [UInt8]($0) }
        let operation = (try? SOAPEnvelope(parsing: copy).operation?.name) ?? ""
        let request = SentRequest(url: url, headers: headers, bytes: copy, buffer: body, operation: operation)
        let count = sent.withLock { sent in
            defer { sent.append(request) }
            return sent.filter { $0.operation == operation }.count
        }
        if let delay = latency[operation] { try? await Task.sleep(for: delay) }
        switch script(request, count) {
        case let .xml(text): return HTTPResponse(status: 200, headers: [], body: Array(text.utf8))
        case let .status(status, text):
            throw .httpStatus(url: url, response: HTTPResponse(status: status, headers: [], body: Array(text.utf8)))
        case let .failure(error): throw error
        }
    }
}

/// Answers written by hand from domain.md §6–§10.
enum ESFReplies {
    static let soap = "http://schemas.xmlsoap.org/soap/envelope/"
    static let sessionId = "5f2c0a9d81e34b7c-000140000002--ADMIN_ENTERPRISE"
    static let secondSessionId = "77aa0a9d81e34b7c-000140000002--ADMIN_ENTERPRISE"
    static let ticket = "<authSign><timeMark>2026-01-20T10:15:00.000+05:00</timeMark><state>9a8b7c</state></authSign>"

    /// A response wrapper qualified as CXF writes it (prefix `ns2`), with unqualified children.
    static func envelope(_ wrapper: String, _ namespace: String, _ inner: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="\#(soap)"><soap:Body>"#
            + #"<ns2:\#(wrapper) xmlns:ns2="\#(namespace)">\#(inner)</ns2:\#(wrapper)></soap:Body></soap:Envelope>"#
    }

    static func fault(_ code: String = "soap:Server", _ message: String, exception: String? = nil,
                      namespace: String = "esf") -> String {
        let detail = exception.map {
            #"<detail><ns2:\#($0) xmlns:ns2="\#(namespace)"><description>\#(message)</description></ns2:\#($0)></detail>"#
        } ?? ""
        return #"<soap:Envelope xmlns:soap="\#(soap)"><soap:Body><soap:Fault><faultcode>\#(code)</faultcode>"#
            + "<faultstring>\(message)</faultstring>\(detail)</soap:Fault></soap:Body></soap:Envelope>"
    }

    static let securityFault = #"<soap:Envelope xmlns:soap="\#(soap)"><soap:Body><soap:Fault>"#
        + #"<faultcode xmlns:ns1="http://ws.apache.org/wss4j">ns1:SecurityError</faultcode>"#
        + "<faultstring>A security error was encountered when verifying the message</faultstring>"
        + "</soap:Fault></soap:Body></soap:Envelope>"
    static let alreadyOpenFault = fault("soap:Client", "User already has opened session", exception: "businessException")
    static let sessionClosedFault = fault("soap:Client", "Session closed", exception: "sessionClosedException",
                                          namespace: "v1.snt")

    static func authTicket(_ ticket: String = ticket) -> ScriptedReply {
        .xml(envelope("createAuthTicketResponse", "esf",
                      "<authTicketXml>\(ticket.replacingOccurrences(of: "<", with: "&lt;"))</authTicketXml>"))
    }

    static func session(_ id: String = sessionId) -> ScriptedReply {
        .xml(envelope("createSessionResponse", "esf", "<sessionId>\(id)</sessionId>"))
    }

    static func status(_ status: String) -> ScriptedReply {
        .xml(envelope("currentSessionStatusResponse", "esf", "<status>\(status)</status>"))
    }

    static let closed = ScriptedReply.xml(envelope("closeSessionResponse", "esf", "<status>CLOSED</status>"))

    /// The session operations answered as IS ESF answers a good login; `business` answers the rest.
    static func script(sessionIds: [String] = [sessionId],
                       _ business: @escaping @Sendable (SentRequest, Int) -> ScriptedReply = { request, _ in
                           .status(500, "no script for \(request.operation)")
                       }) -> @Sendable (SentRequest, Int) -> ScriptedReply {
        { request, count in
            switch request.operation {
            case "createAuthTicketRequest": authTicket()
            case "createSessionSignedRequest": session(sessionIds[min(count, sessionIds.count - 1)])
            case "currentSessionStatusRequest": status("OK")
            case "closeSessionRequest", "closeSessionByCredentialsRequest": closed
            default: business(request, count)
            }
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_768_880_000))

    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }
    func advance(minutes: Double) { current.withLock { $0 += minutes * 60 } }
}

enum ESFTestSetup {
    static let company = DemoCompany.koimaSauda
    static let cabinetPassword = "Қойма&<құпия>"

    /// Retries at once, recording each wait.
    static func quickRetry(attempts: Int = 4, waits: Recorded<Duration>? = nil) -> ESFRetryPolicy {
        ESFRetryPolicy(attempts: attempts, sleep: { waits?.append($0) }, random: { 0.5 })
    }

    static func credentials() throws -> ESFCredentials {
        ESFCredentials(bin: company.bin, authSigner: try SharedTestPKI.signer(.koimaSauda, .authentication),
                       cabinetPassword: SecretBytes(cabinetPassword))
    }

    static func sessions(_ transport: ScriptedTransport, clock: TestClock = TestClock(),
                         sessionIds: (any ESFSessionIdStore)? = nil,
                         retry: ESFRetryPolicy = quickRetry()) throws -> ESFSessionManager {
        ESFSessionManager(server: .sandbox(port: 8443), credentials: try credentials(), transport: transport,
                          sessionIds: sessionIds, policy: ESFSessionPolicy(retry: retry), clock: clock.now)
    }

    static func client(_ transport: ScriptedTransport, clock: TestClock = TestClock(),
                       retry: ESFRetryPolicy = quickRetry()) throws -> ESFClient {
        ESFClient(sessions: try sessions(transport, clock: clock, retry: retry))
    }
}

/// A session id store in memory.
final class MemorySessionIdStore: ESFSessionIdStore {
    private let ids = Mutex<[String: String]>([:])
    let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    private func key(_ scope: ESFScope, _ server: String, _ iin: String, _ tin: String) -> String {
        [scope.rawValue, server, iin, tin].joined(separator: "|")
    }

    func sessionId(scope: ESFScope, server: String, iin: String, tin: String) throws -> String? {
        if failing { throw POSIXError(.EIO) }
        return ids.withLock { $0[key(scope, server, iin, tin)] }
    }

    func save(sessionId: String?, scope: ESFScope, server: String, iin: String, tin: String) throws {
        if failing { throw POSIXError(.EIO) }
        ids.withLock { $0[key(scope, server, iin, tin)] = sessionId }
    }

    var all: [String: String] { ids.withLock { $0 } }
}

/// The error an ESF call threw, or a test failure when it returned.
func esfError<T>(_ body: () async throws(ESFError) -> T, file: StaticString = #filePath,
                 line: UInt = #line) async -> ESFError? {
    do {
        let value = try await body()
        XCTFail("no error; got \(value)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// An element and its descendants as one line, `name(child=text, list(item=…))`, to compare
/// requests element by element, in order.
func outline(_ view: SOAPElementView) -> String {
    guard view.element.hasChildElements else { return view.name + "=" + view.text }
    return view.name + "(" + view.children().map(outline).joined(separator: ", ") + ")"
}

/// Every element below `view` that has a namespace (IS ESF's descendants are unqualified).
func qualifiedDescendants(_ view: SOAPElementView) -> [String] {
    view.children().flatMap { child in (child.namespaceURI == nil ? [] : [child.path]) + qualifiedDescendants(child) }
}
