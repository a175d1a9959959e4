import Foundation
import Hummingbird
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOSSL
import QoimaSigning
import ServiceLifecycle
import Synchronization

/// A stand-in for NCALayer on 127.0.0.1, for tests and demo mode: the same WebSocket protocol over
/// TLS (`NCALayerProtocol`), answered with real keys the caller supplies instead of a window
/// where the user chooses one. It can also answer as a user who cancels, or with nonsense, and it
/// keeps the requests it gets.
public final class NCALayerSimulator: Sendable {
    /// A key the simulator signs with: XMLDSig through `signer`, detached CMS (DER) through `signCMS`.
    public struct Key: Sendable {
        public let signer: any Signer
        public let signCMS: @Sendable ([UInt8]) async throws -> [UInt8]

        public init(signer: any Signer, signCMS: @escaping @Sendable ([UInt8]) async throws -> [UInt8]) {
            self.signer = signer
            self.signCMS = signCMS
        }
    }

    /// The TLS certificate (chain) and private key the simulator presents, in PEM.
    public struct TLSIdentity: Sendable {
        public let certificateChainPEM: [UInt8]
        public let privateKeyPEM: [UInt8]

        public init(certificateChainPEM: [UInt8], privateKeyPEM: [UInt8]) {
            self.certificateChainPEM = certificateChainPEM
            self.privateKeyPEM = privateKeyPEM
        }

        public init(certificatePath: String, privateKeyPath: String) throws {
            func read(_ path: String) throws -> [UInt8] {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw SigningError.unreadableFile(path: path, reason: "no such file or no permission")
                }
                return Array(data)
            }
            self.init(certificateChainPEM: try read(certificatePath), privateKeyPEM: try read(privateKeyPath))
        }
    }

    /// How requests are answered.
    public enum Answering: Hashable, Sendable {
        /// Signs with the keys, as when the user chooses one and types its password.
        case normally
        /// Code 500, "action.canceled", as when the user closes NCALayer's window.
        case cancelled
        /// Code 500 with this message.
        case refused(message: String)
        /// This text as it is, whatever was asked.
        case verbatim(String)
        /// Nothing at all, as when the user leaves the window open.
        case never
        /// Closes the connection instead of answering, as when NCALayer quits.
        case hangUp
    }

    /// The version the greeting names, as NCALayer 1.x says it.
    public static let version = "1.2"
    static let maxMessageSize = 64 << 20

    private struct State {
        var answering = Answering.normally
        var chosenKeyUsage: KeyUsage?
        var messages: [String] = []
        var requests: [NCALayerRequest] = []
        var server: BackgroundServer?
    }

    /// The first key answers any key type without a key of its own.
    private let keys: [Key]
    private let tls: TLSConfiguration
    private let requestedPort: Int
    private let state = Mutex(State())

    /// - Parameter port: where to listen on 127.0.0.1; 0 picks a free port, which `start` reports.
    public init(tls identity: TLSIdentity, keys: [Key], port: Int = 0) throws {
        precondition(!keys.isEmpty, "the simulator needs a key to sign with")
        let chain = try NIOSSLCertificate.fromPEMBytes(identity.certificateChainPEM)
        let key = try NIOSSLPrivateKey(bytes: identity.privateKeyPEM, format: .pem)
        tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                       privateKey: .privateKey(key))
        self.keys = keys
        requestedPort = port
    }

    /// The port it listens on while running.
    public var port: Int? { state.withLock { $0.server?.port } }

    /// Its address while running, as `NCALayerClient.Configuration.url` takes it.
    public var url: String? { port.map { "wss://127.0.0.1:\($0)" } }

    /// Every request decoded so far, oldest first.
    public var requests: [NCALayerRequest] { state.withLock { $0.requests } }

    /// Every text message received so far, as it came, oldest first.
    public var receivedMessages: [String] { state.withLock { $0.messages } }

    /// The key the user picks when getKeyInfo opens NCALayer's window: the first key with this
    /// usage, or the first key of all when nil.
    public var chosenKeyUsage: KeyUsage? {
        get { state.withLock { $0.chosenKeyUsage } }
        set { state.withLock { $0.chosenKeyUsage = newValue } }
    }

    /// How requests are answered from now on.
    public var answering: Answering {
        get { state.withLock { $0.answering } }
        set { state.withLock { $0.answering = newValue } }
    }

    /// Starts listening and returns the port.
    @discardableResult
    public func start() async throws -> Int {
        if let port { return port }
        let logger = BackgroundServer.silentLogger("kz.qoima.ncalayer-simulator")
        let webSocket = HTTP1WebSocketUpgradeChannel.Configuration(
            ws: .init(maxFrameSize: Self.maxMessageSize, autoPing: .disabled, closeTimeout: .seconds(2)))
        let server = try await BackgroundServer.start(logger: logger) { onServerRunning in
            Application(
                router: Router(),
                server: try .tls(
                    .http1WebSocketUpgrade(configuration: webSocket) { _, _, _ in
                        .upgrade([:]) { inbound, outbound, _ in try await self.converse(inbound, outbound) }
                    },
                    tlsConfiguration: tls),
                configuration: .init(address: .hostname("127.0.0.1", port: requestedPort)),
                onServerRunning: onServerRunning,
                logger: logger)
        }
        // The server stopped before it listened.
        guard let server else { throw SigningError.ncaLayerNotRunning(url: "wss://127.0.0.1:\(requestedPort)") }
        state.withLock { $0.server = server }
        return server.port
    }

    /// Stops listening, closing open connections, and returns when the server is down.
    public func stop() async {
        let server = state.withLock { state in
            defer { state.server = nil }
            return state.server
        }
        await server?.stop()
    }

    // MARK: - The protocol

    private func converse(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        try await outbound.writeTextMessage(#"{"result":{"version":"\#(Self.version)"}}"#)
        for try await message in inbound.messages(maxSize: Self.maxMessageSize) {
            guard case let .text(text) = message else { continue }
            switch await reply(to: text) {
            case let .send(answer): try await outbound.writeTextMessage(answer)
            case .silence: continue
            case .hangUp: return
            }
        }
    }

    private enum Reply {
        case send(String)
        case silence
        case hangUp
    }

    private func reply(to text: String) async -> Reply {
        let request = try? JSONDecoder().decode(NCALayerRequest.self, from: Data(text.utf8))
        let answering = state.withLock { state in
            state.messages.append(text)
            if let request { state.requests.append(request) }
            return state.answering
        }
        switch answering {
        case .normally:
            guard let request else { return .send(Self.failure("the request is not JSON: \(text.prefix(80))")) }
            do {
                return .send(try await answer(request))
            } catch {
                return .send(Self.failure("\(error)"))
            }
        case .cancelled: return .send(Self.failure(NCALayerProtocol.cancelledMessage))
        case let .refused(message): return .send(Self.failure(message))
        case let .verbatim(text): return .send(text)
        case .never: return .silence
        case .hangUp: return .hangUp
        }
    }

    private func answer(_ request: NCALayerRequest) async throws -> String {
        guard request.module == NCALayerProtocol.module,
              let method = NCALayerProtocol.Method(rawValue: request.method) else {
            return Self.failure("unknown method \(request.module).\(request.method)")
        }
        let arguments = request.arguments
        // NCALayer's own words for arguments of the wrong number or type.
        let mismatch = Self.failure("java.lang.IllegalArgumentException: argument type mismatch. Method: \(method.rawValue)")
        switch method {
        case .getActiveTokens:
            return try Self.success([String]())
        case .getKeyInfo:
            guard arguments.count == 1, let storage = arguments[0].string else { return mismatch }
            if let refusal = Self.refusal(storage: storage) { return refusal }
            let usage = chosenKeyUsage
            let chosen = keys.first { usage == nil || $0.signer.certificate.usage == usage } ?? keys[0]
            return try Self.success(Self.keyInfo(chosen.signer.certificate))
        case .signXml:
            guard arguments.count == 5, let storage = arguments[0].string, let keyType = arguments[1].string,
                  let document = arguments[2].string, arguments[3] == .string(""), arguments[4] == .string("") else {
                return mismatch
            }
            if let refusal = Self.refusal(storage: storage) { return refusal }
            return try Self.success(try await key(for: keyType).signer.signXML(document))
        case .createCMSSignatureFromBase64:
            guard arguments.count == 4, let storage = arguments[0].string, let keyType = arguments[1].string,
                  let base64 = arguments[2].string, let attach = arguments[3].bool else { return mismatch }
            if let refusal = Self.refusal(storage: storage) { return refusal }
            guard let data = Data(base64Encoded: base64) else { return Self.failure("the data is not Base64") }
            guard !attach else { return Self.failure("the simulator makes detached signatures only") }
            let cms = try await key(for: keyType).signCMS(Array(data))
            return try Self.success(Data(cms).base64EncodedString())
        }
    }

    /// NCALayer offers the keys of the type asked for; any other type lets the user choose any key.
    private func key(for keyType: String) -> Key {
        guard let type = NCALayerProtocol.KeyType(rawValue: keyType) else { return keys[0] }
        return keys.first { $0.signer.certificate.usage.map(NCALayerProtocol.KeyType.init) == type } ?? keys[0]
    }

    private static func refusal(storage: String) -> String? {
        storage == NCALayerProtocol.fileStorage ? nil : failure("no storage \(storage) is plugged in")
    }

    static func keyInfo(_ certificate: Certificate) -> NCALayerKeyInfo {
        func milliseconds(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970 * 1000)) }
        let algorithm = switch certificate.keyAlgorithm {
        case .rsa: "RSA"
        case let .gost(oid), let .other(oid): oid
        }
        return NCALayerKeyInfo(
            alias: certificate.serialNumber.lowercased(), keyId: certificate.serialNumber, algorithm: algorithm,
            subjectCn: certificate.subject.commonName, subjectDn: certificate.subject.name.description,
            issuerCn: certificate.issuer["CN"], issuerDn: certificate.issuer.description,
            serialNumber: certificate.serialNumber, certNotBefore: milliseconds(certificate.notBefore),
            certNotAfter: milliseconds(certificate.notAfter), pem: certificate.pem)
    }

    private struct Success<Object: Encodable>: Encodable {
        let code = NCALayerProtocol.successCode
        let responseObject: Object
    }

    private struct Failure: Encodable {
        let code = NCALayerProtocol.failureCode
        let message: String
    }

    private static func success(_ object: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(Success(responseObject: object)), as: UTF8.self)
    }

    /// Messages are strings, which always encode.
    private static func failure(_ message: String) -> String {
        String(decoding: try! JSONEncoder().encode(Failure(message: message)), as: UTF8.self)
    }
}
