import Foundation
import QoimaXML

/// An IS ESF server Qoima can talk to (domain.md §6): production, the official test server, the
/// local sandbox, or any URL given with `--server`. Each says where it is and which CA bundle
/// verifies its TLS certificate (nil: the system's). TLS verification is never switched off,
/// not even for the official test server, whose certificate is reported to be sometimes
/// invalid: a user who must reach it then gives its CA bundle.
public struct ESFServerProfile: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case production, test, sandbox, custom
    }

    public let kind: Kind
    /// Scheme, host and port, without a trailing slash.
    public let baseURL: String
    public var caBundlePath: String?

    public init(kind: Kind, baseURL: String, caBundlePath: String? = nil) {
        self.kind = kind
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.caBundlePath = caBundlePath
    }

    public static let production = ESFServerProfile(kind: .production, baseURL: "https://esf.gov.kz:8443")
    public static let test = ESFServerProfile(kind: .test, baseURL: "https://test3.esf.kgd.gov.kz:8443")

    /// The local sandbox (`qoima-cli sandbox serve`), over HTTPS when it runs with `--tls` and
    /// is trusted through the test PKI's root.
    public static func sandbox(port: Int, tls: Bool = false, caBundlePath: String? = nil) -> ESFServerProfile {
        ESFServerProfile(kind: .sandbox, baseURL: "\(tls ? "https" : "http")://127.0.0.1:\(port)", caBundlePath: caBundlePath)
    }

    /// `--server URL`: a name (production, test) or a base URL; a loopback URL is the sandbox.
    public static func named(_ text: String, caBundlePath: String? = nil) -> ESFServerProfile? {
        switch text {
        case Kind.production.rawValue: return ESFServerProfile(kind: .production, baseURL: production.baseURL, caBundlePath: caBundlePath)
        case Kind.test.rawValue: return ESFServerProfile(kind: .test, baseURL: test.baseURL, caBundlePath: caBundlePath)
        default:
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
                  let host = url.host, url.path.isEmpty || url.path == "/" else { return nil }
            let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
            return ESFServerProfile(kind: loopback ? .sandbox : .custom, baseURL: text, caBundlePath: caBundlePath)
        }
    }

    public func url(of service: ESFService) -> String { baseURL + service.rawValue }
}
