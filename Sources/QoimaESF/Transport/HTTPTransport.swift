import Foundation
import QoimaCore

/// Sends HTTP POSTs (the SOAP calls to IS ESF) through libcurl and returns whole answers.
///
/// - TLS: the server's certificate and host name are always verified. `caBundlePath` replaces
///   the system's CA certificates with exactly those in that file (the sandbox's own CA).
/// - Proxy: libcurl takes it from the environment as curl documents it (`https_proxy` or
///   `HTTPS_PROXY`, `http_proxy` (lower case only), `all_proxy`, `no_proxy`); nothing here sets
///   or clears one, so the environment rules. Desktop proxy settings that are not in the
///   environment are not read.
/// - Answers may come compressed in any encoding this libcurl decodes (gzip and deflate at least);
///   `HTTPResponse.body` is decoded.
/// - Redirects are not followed: a SOAP POST is never meant to move.
/// - Each request gets its own curl handle, connection and thread: `curl_easy_perform` blocks,
///   and the cooperative pool must not.
public struct HTTPTransport: Sendable {
    public struct Configuration: Hashable, Sendable {
        /// How long connecting may take: name lookup, TCP, proxy and TLS handshake.
        public var connectTimeout: Duration
        /// How long the whole exchange may take, connecting included.
        public var totalTimeout: Duration
        /// A PEM file of CA certificates to trust instead of the system's; nil trusts the system's.
        public var caBundlePath: String?
        public var userAgent: String

        public init(connectTimeout: Duration = .seconds(15), totalTimeout: Duration = .seconds(120),
                    caBundlePath: String? = nil, userAgent: String = HTTPTransport.userAgent) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.caBundlePath = caBundlePath
            self.userAgent = userAgent
        }
    }

    /// "Qoima/0.1.0 (+https://qoima.kz)": names the program and its version to the server's logs.
    public static let userAgent = "Qoima/\(QoimaVersion.string) (+\(QoimaVersion.website))"

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// POSTs `body` to `url` with `headers` (give `Content-Type`; an empty value is sent as an
    /// empty header, as SOAP's `SOAPAction` wants) and returns the answer when its status is 2xx.
    /// Cancelling the task aborts the exchange within about a second.
    public func post(_ body: [UInt8], to url: String, headers: [HTTPHeader] = []) async throws(HTTPTransportError)
        -> HTTPResponse {
        let request = CurlRequest(url: url, body: body, headerLines: try Self.headerLines(headers),
                                  configuration: configuration)
        if let path = configuration.caBundlePath, !FileManager.default.isReadableFile(atPath: path) {
            throw .unreadableCABundle(path: path)
        }
        guard !Task.isCancelled else { throw .cancelled(url: url, afterSending: false) }
        let cancellation = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread { continuation.resume(returning: request.perform(cancellation: cancellation)) }
                thread.name = "Qoima HTTP"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        let response = try result.get()
        guard (200..<300).contains(response.status) else { throw .httpStatus(url: url, response: response) }
        return response
    }

    /// Header lines as libcurl takes them, refusing what would split or forge a line.
    static func headerLines(_ headers: [HTTPHeader]) throws(HTTPTransportError) -> [String] {
        var lines: [String] = []
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let nameBytes = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        for header in headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(nameBytes.contains),
                  !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidRequest(reason: "the header \(header.name.debugDescription) cannot be sent as it is")
            }
            // libcurl drops "Name:" (that is how its own headers are removed); "Name;" sends it empty.
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        // libcurl would send "Expect: 100-continue" with bodies over 1 MiB and then wait for a
        // server or proxy that may never answer it.
        if !headers.contains(where: { $0.name.lowercased() == "expect" }) { lines.append("Expect:") }
        return lines
    }

    /// Whole milliseconds, at least 1: libcurl reads 0 as "no limit".
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
