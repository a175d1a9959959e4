import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import QoimaCore
import QoimaSigning
import QoimaXML
import ServiceLifecycle

/// The local IS ESF: the SOAP services of domain.md §6–§10 on loopback, over HTTP or HTTPS, with
/// its state in a SQLite file. Demo mode, the tests and the benchmark run it in-process;
/// `qoima-cli sandbox serve` runs it on its own.
public enum SandboxServer {
    public struct Options: Sendable {
        /// Where to listen; 0 picks a free port, which `RunningSandbox.port` reports.
        public var port: Int
        /// Where `sandbox.sqlite` lives.
        public var dataDirectory: String
        /// Whose users, keys and trusted root the sandbox has; its TLS certificate for `tls`.
        public var pki: TestPKIIndex
        public var faults: SandboxFaults = .none
        /// Seeds fault injection's random draws, so a run can be repeated.
        public var faultSeed: UInt64?
        /// HTTPS with the PKI's `tlsServer` certificate, which its root CA (`ca/root.pem`) vouches for.
        public var tls = false
        /// How long after an upload IS ESF's processing happens; zero processes before any later
        /// request can observe the upload.
        public var processingDelay: Duration = .zero
        /// Sessions idle this long expire (U11).
        public var sessionIdleTimeout: TimeInterval = SandboxAssumptions.sessionIdleTimeout
        public var host = "127.0.0.1"

        public init(pki: TestPKIIndex, dataDirectory: String = SandboxConfiguration.defaultDataDirectory(),
                    port: Int = SandboxConfiguration.defaultPort) {
            self.pki = pki
            self.dataDirectory = dataDirectory
            self.port = port
        }
    }

    /// Opens (seeding on first start) the state, starts listening and returns once it does.
    public static func start(_ options: Options) async throws -> RunningSandbox {
        let store = try SandboxStore(directory: options.dataDirectory)
        do {
            try SandboxSeed.seed(store, from: options.pki)
            let sessions = SandboxSessions(idleTimeout: options.sessionIdleTimeout)
            let dice = FaultDice(options.faults, seed: options.faultSeed)
            let services = SandboxServices(store: store, sessions: sessions,
                                           signatures: try SandboxSignatureCheck(pki: options.pki), dice: dice,
                                           processingDelay: options.processingDelay)
            let responder = SandboxResponder(dispatcher: SandboxDispatcher(services: services),
                                             scheme: options.tls ? "https" : "http")
            let tls = try options.tls ? tlsConfiguration(options.pki) : nil
            let logger = BackgroundServer.silentLogger("kz.qoima.sandbox")
            let configuration = ApplicationConfiguration(address: .hostname(options.host, port: options.port))
            let server: BackgroundServer?
            do {
                server = try await BackgroundServer.start(logger: logger) { onServerRunning in
                    Application(responder: responder, server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
                                configuration: configuration, onServerRunning: onServerRunning, logger: logger)
                }
            } catch {
                throw SandboxServerError.cannotListen(host: options.host, port: options.port, reason: "\(error)")
            }
            guard let server else {
                throw SandboxServerError.cannotListen(host: options.host, port: options.port, reason: "the server stopped")
            }
            return RunningSandbox(server: server, store: store, sessions: sessions, dice: dice, options: options)
        } catch {
            try? store.close()
            throw error
        }
    }

    private static func tlsConfiguration(_ pki: TestPKIIndex) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(pki.path(pki.tlsServer.certificate))
        let key = try NIOSSLPrivateKey(file: pki.path(pki.tlsServer.privateKey), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                        privateKey: .privateKey(key))
    }
}

/// A sandbox that is listening: where, its state, and how to stop it.
public final class RunningSandbox: Sendable {
    /// `http://127.0.0.1:PORT` (or `https://`), the base the service paths go after.
    public let url: String
    public let port: Int
    /// The state, for seeding and for looking inside.
    public let store: SandboxStore
    public let sessions: SandboxSessions
    public let options: SandboxServer.Options
    private let server: BackgroundServer
    private let dice: FaultDice
    private let expiry: Task<Void, Never>?

    init(server: BackgroundServer, store: SandboxStore, sessions: SandboxSessions, dice: FaultDice,
         options: SandboxServer.Options) {
        self.server = server
        self.dice = dice
        self.store = store
        self.sessions = sessions
        self.options = options
        port = server.port
        url = "\(options.tls ? "https" : "http")://\(options.host):\(server.port)"
        expiry = options.faults.expireSessionsEvery.map { interval in
            Task {
                while (try? await Task.sleep(for: interval)) != nil { sessions.expireAll() }
            }
        }
    }

    /// The faults in force, which may be changed while the sandbox runs: a test or demo mode
    /// switches them on and off. `expireSessionsEvery` takes effect only at start.
    public var faults: SandboxFaults {
        get { dice.faults }
        set { dice.faults = newValue }
    }

    /// The address of one service.
    public func url(of service: ESFService) -> String { url + service.rawValue }

    /// The CA bundle a client trusts the HTTPS sandbox through: the PKI's root.
    public var caBundlePath: String { options.pki.path(options.pki.rootCertificate) }

    /// Stops listening, waits for requests in flight, and closes the state file.
    public func stop() async {
        expiry?.cancel()
        await server.stop()
        try? store.close()
    }
}

/// Why the sandbox cannot start.
public enum SandboxServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public func message(in language: Language) -> String {
        switch self {
        case let .cannotListen(host, port, reason):
            LocalizedText(kk: "%1$@:%2$@ тыңдау мүмкін емес (%3$@). Порт бос емес болса, басқасын --port арқылы таңдаңыз.",
                          ru: "Не удаётся слушать %1$@:%2$@ (%3$@). Если порт занят, выберите другой через --port.",
                          en: "Cannot listen on %1$@:%2$@ (%3$@). If the port is taken, choose another with --port.")
                .text(in: language, [host, String(port), reason])
        }
    }

    public var description: String { message(in: .english) }
}
