import Foundation
import Logging
import NIOSSL
import Synchronization
import WSClient

/// NCALayer's WebSocket protocol as the public clients speak it (sigex-kz/ncalayer-js-client). NUC does
/// not publish it, so every name and string here is (assumed), domain.md U4; nothing else spells them.
public enum NCALayerProtocol {
    /// Where NCALayer listens on the user's own computer.
    public static let defaultURL = "wss://127.0.0.1:13579"
    /// The module every request names.
    public static let module = "kz.gov.pki.knca.commonUtils"
    /// The storage type of key files (.p12); tokens and ID cards have names of their own.
    public static let fileStorage = "PKCS12"
    public static let successCode = "200"
    public static let failureCode = "500"
    /// The `message` of a failure when the user closes NCALayer's window.
    public static let cancelledMessage = "action.canceled"
    /// The TLS server name sent when the URL names an IP address, which TLS cannot carry; NCALayer
    /// presents one certificate whatever the name.
    public static let tlsServerName = "localhost"

    public enum Method: String, Sendable, CaseIterable {
        /// No arguments → the names of the hardware tokens plugged in.
        case getActiveTokens
        /// [storage] → what `NCALayerKeyInfo` holds about the key the user chose.
        case getKeyInfo
        /// [storage, key type, XML, "" (sign the root), "" (signature under the root)] → the signed XML.
        case signXml
        /// [storage, key type, Base64 data, attach] → a Base64 CMS; `false` leaves the data out.
        case createCMSSignatureFromBase64
    }

    /// Which of the user's keys NCALayer offers in its window.
    public enum KeyType: String, Sendable, CaseIterable {
        case authentication = "AUTHENTICATION"
        case signature = "SIGNATURE"

        public init(_ usage: KeyUsage) {
            switch usage {
            case .authentication: self = .authentication
            case .signing: self = .signature
            }
        }
    }
}

/// One request: `{"module": …, "method": …, "args": […]}`. The simulator decodes what the client encodes.
public struct NCALayerRequest: Codable, Hashable, Sendable {
    public enum Argument: Codable, Hashable, Sendable {
        case string(String)
        case bool(Bool)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .string(text): try container.encode(text)
            case let .bool(flag): try container.encode(flag)
            }
        }

        public var string: String? {
            if case let .string(text) = self { return text }
            return nil
        }

        public var bool: Bool? {
            if case let .bool(flag) = self { return flag }
            return nil
        }
    }

    public let module: String
    public let method: String
    public let arguments: [Argument]

    public init(module: String = NCALayerProtocol.module, method: String, arguments: [Argument] = []) {
        self.module = module
        self.method = method
        self.arguments = arguments
    }

    enum CodingKeys: String, CodingKey {
        case module, method
        case arguments = "args"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        module = try container.decode(String.self, forKey: .module)
        method = try container.decode(String.self, forKey: .method)
        arguments = try container.decodeIfPresent([Argument].self, forKey: .arguments) ?? []
    }

    /// Public clients leave `args` out when there are none (getActiveTokens).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(module, forKey: .module)
        try container.encode(method, forKey: .method)
        if !arguments.isEmpty { try container.encode(arguments, forKey: .arguments) }
    }

    /// The request as sent, slashes unescaped as browsers send them. Strings and flags always
    /// encode, hence `try!`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

/// What NCALayer says about the key the user chose (getKeyInfo). Fields come as strings, dates as
/// milliseconds since 1970; numbers are taken as their text.
public struct NCALayerKeyInfo: Codable, Hashable, Sendable {
    public var alias: String?
    public var keyId: String?
    public var algorithm: String?
    public var subjectCn: String?
    public var subjectDn: String?
    public var issuerCn: String?
    public var issuerDn: String?
    public var serialNumber: String?
    public var certNotBefore: String?
    public var certNotAfter: String?
    /// The certificate in PEM.
    public var pem: String?

    public init(alias: String? = nil, keyId: String? = nil, algorithm: String? = nil, subjectCn: String? = nil,
                subjectDn: String? = nil, issuerCn: String? = nil, issuerDn: String? = nil, serialNumber: String? = nil,
                certNotBefore: String? = nil, certNotAfter: String? = nil, pem: String? = nil) {
        self.alias = alias
        self.keyId = keyId
        self.algorithm = algorithm
        self.subjectCn = subjectCn
        self.subjectDn = subjectDn
        self.issuerCn = issuerCn
        self.issuerDn = issuerDn
        self.serialNumber = serialNumber
        self.certNotBefore = certNotBefore
        self.certNotAfter = certNotAfter
        self.pem = pem
    }

    enum CodingKeys: String, CodingKey {
        case alias, keyId, algorithm, subjectCn, subjectDn, issuerCn, issuerDn, serialNumber, certNotBefore,
             certNotAfter, pem
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) -> String? {
            if let text = try? container.decodeIfPresent(String.self, forKey: key) { return text }
            if let number = try? container.decodeIfPresent(Int64.self, forKey: key) { return String(number) }
            return nil
        }
        self.init(alias: text(.alias), keyId: text(.keyId), algorithm: text(.algorithm),
                  subjectCn: text(.subjectCn), subjectDn: text(.subjectDn), issuerCn: text(.issuerCn),
                  issuerDn: text(.issuerDn), serialNumber: text(.serialNumber),
                  certNotBefore: text(.certNotBefore), certNotAfter: text(.certNotAfter), pem: text(.pem))
    }

    /// The certificate NCALayer named.
    public func certificate() throws -> Certificate {
        guard let pem, !pem.isEmpty else {
            throw SigningError.ncaLayerProtocol(reason: "getKeyInfo gave no certificate (pem)")
        }
        return try Certificate(encoded: Array(pem.utf8))
    }
}

/// Talks to NCALayer on this computer over one WebSocket connection per request: NCALayer asks
/// the user afresh for every request anyway, and nothing stays open between signatures.
public struct NCALayerClient: Sendable {
    public struct Configuration: Sendable {
        /// A `wss` URL on this computer (127.0.0.0/8, ::1 or localhost); any other host is refused.
        public var url: String
        /// The CA that issued NCALayer's TLS certificate, in PEM. Without it the certificate is not
        /// checked (see `NCALayerClient.tlsConfiguration`).
        public var trustedAuthorityPEM: [UInt8]?
        /// How long to wait for NCALayer's greeting, so that a missing NCALayer is said at once.
        public var connectTimeout: Duration
        /// How long one request may take in all, the user's time in NCALayer's window included.
        public var requestTimeout: Duration

        public init(url: String = NCALayerProtocol.defaultURL, trustedAuthorityPEM: [UInt8]? = nil,
                    connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(300)) {
            self.url = url
            self.trustedAuthorityPEM = trustedAuthorityPEM
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
        }
    }

    public let configuration: Configuration
    private let host: String
    private let tls: TLSConfiguration

    /// Signed XML and CMS over large bodies run to megabytes; NCALayer sends them in one frame.
    static let maxMessageSize = 64 << 20

    public init(_ configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        host = try Self.loopbackHost(in: configuration.url)
        tls = try Self.tlsConfiguration(trusting: configuration.trustedAuthorityPEM)
    }

    /// NCALayer's version from its greeting; proves it runs without asking the user anything.
    public func version() async throws -> String {
        try await converse(nil).version
    }

    public func activeTokens() async throws -> [String] {
        try await call(.getActiveTokens, [], answer: [String].self)
    }

    /// Shows NCALayer's window, where the user chooses a key in `storage` and types its password.
    public func keyInfo(storage: String = NCALayerProtocol.fileStorage) async throws -> NCALayerKeyInfo {
        try await call(.getKeyInfo, [.string(storage)], answer: NCALayerKeyInfo.self)
    }

    /// `document` with an enveloped XMLDSig over its root, made with a key of `keyType`.
    public func signXML(_ document: String, keyType: NCALayerProtocol.KeyType,
                        storage: String = NCALayerProtocol.fileStorage) async throws -> String {
        try await call(.signXml, [.string(storage), .string(keyType.rawValue), .string(document), .string(""), .string("")],
                       answer: String.self)
    }

    /// A detached CMS SignedData (DER) over `bytes`, made with a key of `keyType`.
    public func signCMS(_ bytes: [UInt8], keyType: NCALayerProtocol.KeyType,
                        storage: String = NCALayerProtocol.fileStorage) async throws -> [UInt8] {
        let base64 = try await call(.createCMSSignatureFromBase64,
                                    [.string(storage), .string(keyType.rawValue),
                                     .string(Data(bytes).base64EncodedString()), .bool(false)],
                                    answer: String.self)
        guard let der = PEM.decodeBase64Text(base64) else {
            throw SigningError.ncaLayerProtocol(reason: "the CMS signature is not Base64")
        }
        return der
    }

    func call<Answer: Decodable>(_ method: NCALayerProtocol.Method, _ arguments: [NCALayerRequest.Argument],
                                 answer: Answer.Type) async throws -> Answer {
        let request = NCALayerRequest(method: method.rawValue, arguments: arguments)
        guard let reply = try await converse(request).reply else {
            throw SigningError.ncaLayerProtocol(reason: "no answer to \(method.rawValue)")
        }
        return try NCALayerAnswer.decode(reply, as: Answer.self, method: method.rawValue)
    }
}

// MARK: - Host and TLS

extension NCALayerClient {
    /// The host of `url` when it is on this computer. NCALayer only ever listens on loopback, and
    /// the TLS certificate goes unchecked by default, so any other host could read what is signed.
    static func loopbackHost(in url: String) throws -> String {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "wss",
              var host = components.host, !host.isEmpty else {
            throw SigningError.ncaLayerProtocol(reason: "\(url) is not a wss:// address")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard isLoopback(host) else {
            throw SigningError.ncaLayerProtocol(reason: "\(url) is not on this computer; NCALayer listens on 127.0.0.1 only")
        }
        return host
    }

    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }

    /// NCALayer's certificate is self-issued for loopback, under no CA the system knows, so by
    /// default it is not checked: the host is loopback only (see `loopbackHost`), and whatever else
    /// could listen there already runs on this computer. With a trusted CA the chain and the name
    /// are checked in full.
    static func tlsConfiguration(trusting authorityPEM: [UInt8]?) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        guard let authorityPEM else {
            tls.certificateVerification = .none
            return tls
        }
        let authorities: [NIOSSLCertificate]
        do {
            authorities = try NIOSSLCertificate.fromPEMBytes(authorityPEM)
        } catch {
            throw SigningError.notCertificate(reason: "the trusted CA for NCALayer: \(error)")
        }
        guard !authorities.isEmpty else { throw SigningError.notCertificate(reason: "the trusted CA for NCALayer is empty") }
        tls.trustRoots = .certificates(authorities)
        tls.certificateVerification = .fullVerification
        return tls
    }

    /// Every loopback host but localhost is an IP address, which cannot be a TLS server name: the
    /// library would refuse to connect.
    var tlsServerName: String? {
        host.lowercased() == "localhost" ? nil : NCALayerProtocol.tlsServerName
    }
}

// MARK: - One conversation: greeting, request, answer

extension NCALayerClient {
    struct Conversation: Sendable {
        var version: String
        var reply: String?
    }

    /// Connects, reads the greeting, sends `request` and reads its answer. The WebSocket library
    /// cannot be cancelled while it connects (TLS and the upgrade wait on futures), so the
    /// conversation runs in a task of its own and the caller stops waiting when a deadline passes.
    func converse(_ request: NCALayerRequest?) async throws -> Conversation {
        let outcome = FirstOutcome<Conversation>()
        let greeting = GreetingFlag()
        let url = configuration.url
        let work = Task {
            do {
                try await talk(request, outcome: outcome, greeting: greeting)
            } catch {
                outcome.settle(.failure(Self.signingError(for: error, url: url, greeted: greeting.received)))
            }
        }
        let connectTimeout = configuration.connectTimeout
        let requestTimeout = configuration.requestTimeout
        let watchdog = Task {
            let clock = ContinuousClock()
            let start = clock.now
            if connectTimeout < requestTimeout {
                try await clock.sleep(until: start + connectTimeout)
                guard greeting.received else {
                    return outcome.settle(.failure(SigningError.ncaLayerNotRunning(url: url)))
                }
            }
            try await clock.sleep(until: start + requestTimeout)
            outcome.settle(.failure(greeting.received
                    ? SigningError.ncaLayerProtocol(reason: "no answer within \(requestTimeout)")
                    : SigningError.ncaLayerNotRunning(url: url)))
        }
        defer { watchdog.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await outcome.value()
            } onCancel: {
                outcome.settle(.failure(CancellationError()))
            }
        } catch {
            // A conversation that answered closes by itself; one given up on is cut short.
            work.cancel()
            throw error
        }
    }

    private func talk(_ request: NCALayerRequest?, outcome: FirstOutcome<Conversation>, greeting: GreetingFlag) async throws {
        var webSocket = WebSocketClientConfiguration(maxFrameSize: Self.maxMessageSize, closeTimeout: .seconds(2))
        webSocket.sniHostname = tlsServerName
        let logger = Logger(label: "kz.qoima.ncalayer") { _ in SwiftLogNoOpLogHandler() }
        try await WebSocketClient.connect(url: configuration.url, configuration: webSocket, tlsConfiguration: tls,
                                          logger: logger) { inbound, outbound, _ in
            // Settled here rather than when the closing handshake is over.
            do {
                var messages = inbound.messages(maxSize: Self.maxMessageSize).makeAsyncIterator()
                guard let first = try await messages.next() else {
                    throw SigningError.ncaLayerProtocol(reason: "the connection closed before NCALayer greeted")
                }
                let version = try NCALayerAnswer.version(inGreeting: Self.text(of: first))
                greeting.markReceived()
                guard let request else {
                    return outcome.settle(.success(Conversation(version: version, reply: nil)))
                }
                try await outbound.writeTextMessage(request.json)
                guard let reply = try await messages.next() else {
                    throw SigningError.ncaLayerProtocol(reason: "NCALayer closed the connection before answering")
                }
                outcome.settle(.success(Conversation(version: version, reply: try Self.text(of: reply))))
            } catch {
                outcome.settle(.failure(Self.signingError(for: error, url: configuration.url, greeted: greeting.received)))
                throw error
            }
        }
    }

    static func text(of message: WebSocketMessage) throws -> String {
        switch message {
        case let .text(text): return text
        case .binary: throw SigningError.ncaLayerProtocol(reason: "a binary message where JSON text was expected")
        }
    }

    /// The user's terms for what went wrong: before the greeting, a failed connection means NCALayer
    /// is not there; after it, the connection broke.
    static func signingError(for error: any Error, url: String, greeted: Bool) -> any Error {
        switch error {
        case is SigningError, is CancellationError:
            return error
        case _ where greeted:
            return SigningError.ncaLayerProtocol(reason: "the connection broke: \(error)")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return SigningError.ncaLayerProtocol(reason: "the TLS connection to \(url) failed: \(error)")
        case is WebSocketClientError:
            return SigningError.ncaLayerProtocol(reason: "\(url) does not speak WebSocket: \(error)")
        default:
            return SigningError.ncaLayerNotRunning(url: url)
        }
    }
}

/// Reading what NCALayer sends: the greeting `{"result":{"version":…}}`, then answers
/// `{"code":"200","responseObject":…}` or `{"code":"500","message":…}`.
enum NCALayerAnswer {
    private struct Greeting: Decodable {
        struct Result: Decodable { let version: String }
        let result: Result
    }

    private struct Head: Decodable {
        let code: String
        let message: String?

        enum CodingKeys: String, CodingKey { case code, message }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decode(String.self, forKey: .code) {
                code = text
            } else {
                code = String(try container.decode(Int.self, forKey: .code))
            }
            message = try? container.decodeIfPresent(String.self, forKey: .message)
        }
    }

    private struct Body<Object: Decodable>: Decodable {
        let responseObject: Object
    }

    static func version(inGreeting text: String) throws -> String {
        do {
            return try JSONDecoder().decode(Greeting.self, from: Data(text.utf8)).result.version
        } catch {
            throw SigningError.ncaLayerProtocol(reason: "the greeting is not {\"result\":{\"version\":…}}: \(excerpt(text))")
        }
    }

    static func decode<Object: Decodable>(_ text: String, as type: Object.Type, method: String) throws -> Object {
        let data = Data(text.utf8)
        let head: Head
        do {
            head = try JSONDecoder().decode(Head.self, from: data)
        } catch {
            throw SigningError.ncaLayerProtocol(reason: "the answer to \(method) is not NCALayer's JSON: \(excerpt(text))")
        }
        guard head.code == NCALayerProtocol.successCode else {
            if head.message == NCALayerProtocol.cancelledMessage { throw SigningError.ncaLayerCancelled }
            throw SigningError.ncaLayerRefused(code: head.code, message: head.message ?? "")
        }
        do {
            return try JSONDecoder().decode(Body<Object>.self, from: data).responseObject
        } catch {
            throw SigningError.ncaLayerProtocol(reason: "the answer to \(method) has no \(Object.self) responseObject: \(excerpt(text))")
        }
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(120)) + "…"
    }
}

/// Whether NCALayer's greeting has come, which tells a missing NCALayer from a slow answer.
final class GreetingFlag: Sendable {
    private let flag = Mutex(false)

    var received: Bool { flag.withLock { $0 } }

    func markReceived() { flag.withLock { $0 = true } }
}

/// The first of several racers to settle gives the outcome; later ones are ignored.
final class FirstOutcome<Value: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Value, any Error>?)
        case settled(Result<Value, any Error>)
        case delivered
    }

    private let state = Mutex(State.waiting(nil))

    func settle(_ result: Result<Value, any Error>) {
        state.withLock { state in
            guard case let .waiting(continuation) = state else { return }
            if let continuation {
                continuation.resume(with: result)
                state = .delivered
            } else {
                state = .settled(result)
            }
        }
    }

    func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                switch state {
                case let .settled(result):
                    continuation.resume(with: result)
                    state = .delivered
                case .waiting:
                    state = .waiting(continuation)
                case .delivered:
                    continuation.resume(throwing: CancellationError())
                }
            }
        }
    }
}
