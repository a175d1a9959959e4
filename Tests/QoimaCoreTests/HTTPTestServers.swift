import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import QoimaESF
import QoimaSandbox
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A real Hummingbird server on 127.0.0.1 (plain or TLS) for the transport tests. It keeps every
/// request it gets and answers by path:
/// - `/echo`: 200 with the request's body;
/// - `/gzip`: 200 with `gzipPayload`, gzip-compressed when the request accepts gzip;
/// - `/fault`: 500 with `soapFault`, as IS ESF answers a SOAP fault;
/// - `/slow`: 200 after `slowDelay`.
final class TestHTTPServer: Sendable {
    struct Received: Sendable {
        let method: String
        let path: String
        let headers: [HTTPHeader]
        let body: [UInt8]

        func value(of name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    static let soapFault = Array("""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
        <faultcode>soap:Server</faultcode><faultstring>Сессия жабық</faultstring></soap:Fault></soap:Body></soap:Envelope>
        """.utf8)
    /// Repetitive Kazakh XML, so that gzip makes it much smaller.
    static let gzipPayload = Array(String(repeating: "<item>Ағаш үй, өнім №1 — 12 500,00 ₸</item>\n", count: 400).utf8)
    static let slowDelay = Duration.seconds(3)

    private let tls: TLSConfiguration?
    private let gzipped: [UInt8]
    private let received = Mutex<[Received]>([])
    private let running = Mutex<BackgroundServer?>(nil)

    init(tlsCertificatePath: String? = nil, tlsKeyPath: String? = nil) throws {
        if let tlsCertificatePath, let tlsKeyPath {
            let chain = try NIOSSLCertificate.fromPEMFile(tlsCertificatePath)
            let key = try NIOSSLPrivateKey(file: tlsKeyPath, format: .pem)
            tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                           privateKey: .privateKey(key))
        } else {
            tls = nil
        }
        gzipped = try Self.gzip(Self.gzipPayload)
    }

    var requests: [Received] { received.withLock { $0 } }

    /// Starts listening on a free port and returns it.
    func start() async throws -> Int {
        let logger = BackgroundServer.silentLogger("kz.qoima.test-http-server")
        let address = ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        let server = if let tls {
            try await BackgroundServer.start(gracePeriod: .seconds(1), logger: logger) { onServerRunning in
                Application(router: router(), server: try .tls(.http1(), tlsConfiguration: tls), configuration: address,
                            onServerRunning: onServerRunning, logger: logger)
            }
        } else {
            try await BackgroundServer.start(gracePeriod: .seconds(1), logger: logger) { onServerRunning in
                Application(router: router(), server: .http1(), configuration: address,
                            onServerRunning: onServerRunning, logger: logger)
            }
        }
        guard let server else { throw POSIXError(.EADDRNOTAVAIL) }
        running.withLock { $0 = server }
        return server.port
    }

    func stop() async {
        await running.withLock { running in defer { running = nil }; return running }?.stop()
    }

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("echo") { request, _ -> Response in
            let body = try await self.record(request)
            return Response(status: .ok, headers: [.contentType: "text/xml; charset=UTF-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.post("gzip") { request, _ -> Response in
            _ = try await self.record(request)
            guard request.headers[.acceptEncoding]?.contains("gzip") == true else {
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: Self.gzipPayload)))
            }
            return Response(status: .ok, headers: [.contentEncoding: "gzip"],
                            body: .init(byteBuffer: ByteBuffer(bytes: self.gzipped)))
        }
        router.post("fault") { request, _ -> Response in
            _ = try await self.record(request)
            return Response(status: .internalServerError, headers: [.contentType: "text/xml; charset=UTF-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: Self.soapFault)))
        }
        router.post("slow") { request, _ -> Response in
            _ = try await self.record(request)
            try await Task.sleep(for: Self.slowDelay)
            return Response(status: .ok)
        }
        return router
    }

    private func record(_ request: Request) async throws -> [UInt8] {
        let body = Array(buffer: try await request.body.collect(upTo: 16 << 20))
        let headers = request.headers.map { HTTPHeader($0.name.rawName, $0.value) }
        received.withLock {
            $0.append(Received(method: request.method.rawValue, path: request.uri.path, headers: headers, body: body))
        }
        return body
    }

    /// Compresses with the system's gzip (Debian's essential gzip package), so the test does not
    /// carry a compressor of its own.
    private static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-gzip-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !compressed.isEmpty else { throw POSIXError(.EIO) }
        return Array(compressed)
    }
}

/// A TCP listener on 127.0.0.1 made of plain BSD sockets, for what an HTTP server library will not
/// do: answer half and hang up, or be a proxy. Each connection runs `handle` on its own thread with
/// the socket, which is closed afterwards; reads give up after 10 seconds, so nothing hangs.
final class RawTestServer: Sendable {
    let port: Int
    private let listener: Int32

    init(handle: @escaping @Sendable (Int32) -> Void) throws {
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        Thread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return } // closed by stop()
                RawTestServer.limitReads(connection)
                Thread {
                    handle(connection)
                    Glibc.close(connection)
                }.start()
            }
        }.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    /// A bound socket that does not listen: connecting to its port is refused, and the port stays
    /// taken while it is open. Returns the socket and the port.
    static func refusingPort() throws -> (socket: Int32, port: Int) {
        try bound(listening: false)
    }

    private static func listen() throws -> (Int32, Int) { try bound(listening: true) }

    private static func bound(listening: Bool) throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && (!listening || Glibc.listen(descriptor, 16) == 0)
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard ready else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func connect(toPort port: Int) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            Glibc.close(descriptor)
            return nil
        }
        limitReads(descriptor)
        return descriptor
    }

    private static func limitReads(_ descriptor: Int32) {
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads one HTTP request head (up to the blank line) and, when it names a Content-Length,
    /// its body; nil when the peer goes quiet or away first.
    static func readRequest(from descriptor: Int32) -> (head: String, body: [UInt8])? {
        var bytes: [UInt8] = []
        let blankLine: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let end = bytes.firstRange(of: blankLine) {
                let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n")
                    .first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                var body = Array(bytes[end.upperBound...])
                while body.count < length {
                    guard let more = read(descriptor) else { return nil }
                    body += more
                }
                return (head, body)
            }
            guard let more = read(descriptor) else { return nil }
            bytes += more
        }
    }

    static func read(_ descriptor: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}

/// An HTTP proxy that only tunnels (CONNECT) to ports on 127.0.0.1, as a company proxy tunnels
/// HTTPS, and keeps the request line of every tunnel it was asked for.
final class TunnellingTestProxy: Sendable {
    private let server: RawTestServer
    private let connects: Recorded<String>

    var port: Int { server.port }
    var requestLines: [String] { connects.all }

    init() throws {
        let connects = Recorded<String>()
        server = try RawTestServer { client in
            guard let (head, _) = RawTestServer.readRequest(from: client) else { return }
            let line = head.split(separator: "\r\n").first.map(String.init) ?? ""
            connects.append(line)
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "CONNECT", parts[1].hasPrefix("127.0.0.1:"),
                  let port = Int(parts[1].dropFirst("127.0.0.1:".count)),
                  let upstream = RawTestServer.connect(toPort: port) else {
                RawTestServer.write(Array("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".utf8), to: client)
                return
            }
            defer { Glibc.close(upstream) }
            RawTestServer.write(Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8), to: client)
            Self.relay(client, upstream)
        }
        self.connects = connects
    }

    func stop() { server.stop() }

    /// Copies bytes both ways until either side closes or both stay silent for 10 seconds.
    private static func relay(_ first: Int32, _ second: Int32) {
        var descriptors = [pollfd(fd: first, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        while poll(&descriptors, 2, 10_000) > 0 {
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                let other = index == 0 ? second : first
                guard let bytes = RawTestServer.read(descriptor.fd), RawTestServer.write(bytes, to: other) else { return }
            }
        }
    }
}

/// What the servers' threads saw, in order.
final class Recorded<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])

    func append(_ item: Item) { items.withLock { $0.append(item) } }
    var all: [Item] { items.withLock { $0 } }
}
