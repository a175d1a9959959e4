import Foundation
import QoimaSigning

/// The test PKI behind demo mode and the sandbox: made on first use in one directory and reused
/// after, so the sandbox's trusted root and the demo keys stay the same between runs.
public enum DemoKeys {
    /// Keys are remade when any would expire sooner than this.
    public static let renewalMargin: TimeInterval = 30 * 86_400

    /// `$XDG_DATA_HOME/qoima/demo-pki` (`~/.local/share/qoima/demo-pki`).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/qoima/demo-pki"
    }

    /// The PKI in `directory`, made (or remade) when it is missing, incomplete or about to expire.
    public static func prepare(in directory: String = defaultDirectory(), now: Date = Date()) throws -> TestPKIIndex {
        if let index = try? TestPKIIndex.read(from: directory), isUsable(index, at: now) { return index }
        return try TestPKI.generate(into: directory, now: now)
    }

    static func isUsable(_ index: TestPKIIndex, at now: Date) -> Bool {
        let keys = index.companies.flatMap { [$0.authentication, $0.signing] }
        let files = [index.rootCertificate, index.tlsServer.certificate, index.tlsServer.privateKey]
            + keys.flatMap { [$0.pkcs12, $0.certificate] }
        return !keys.isEmpty
            && keys.allSatisfy { $0.notAfter > now.addingTimeInterval(renewalMargin) }
            && files.allSatisfy { FileManager.default.fileExists(atPath: index.path($0)) }
    }
}
