import Foundation
import QoimaCore

/// The test PKI of demo mode, the sandbox and the tests: a root CA and, for each demo company,
/// its director's authentication and signing keys as password-protected .p12 files with
/// NUC-shaped subjects (IIN in SERIALNUMBER, BIN in OU), a TLS certificate for 127.0.0.1, and
/// an index.json saying what is where. Generated on demand; never committed.
public enum TestPKI {
    /// The password of every generated key, like NUC's own test keys. Demo mode shows it.
    public static let defaultPassword = "Qwerty12"
    public static let indexFile = "index.json"

    /// Writes the PKI into `directory` (created if missing) and returns its index. Keys are
    /// valid from a day before `now` for two years; the root for ten.
    @discardableResult
    public static func generate(into directory: String, companies: [DemoCompany] = DemoCompany.all,
                                password: String = defaultPassword, now: Date = Date()) throws -> TestPKIIndex {
        // Whole seconds: certificates and index.json keep no fractions.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let day: TimeInterval = 86_400
        let start = now.addingTimeInterval(-day)
        let root = try TestCertificateAuthority.makeRoot(commonName: "Qoima Test Root CA", notBefore: start,
                                                         notAfter: now.addingTimeInterval(3_650 * day))
        let files = TestPKIFiles(directory: directory)
        try files.write(root.certificate.pem, to: "ca/root.pem")

        var entries: [TestPKIIndex.Company] = []
        for company in companies {
            var keys: [KeyUsage: TestPKIIndex.Key] = [:]
            for usage in KeyUsage.allCases {
                let request = directorRequest(company, usage: usage, notBefore: start,
                                              notAfter: now.addingTimeInterval(730 * day))
                let issued = try root.issue(request)
                let stem = "companies/\(company.bin.rawValue)/\(usage == .authentication ? "auth" : "sign")"
                let p12 = try issued.pkcs12(password: password, friendlyName: company.director.commonName,
                                            chain: [root.certificate])
                try files.write(Data(p12), to: "\(stem).p12")
                try files.write(issued.certificate.pem, to: "\(stem).pem")
                keys[usage] = TestPKIIndex.Key(pkcs12: "\(stem).p12", certificate: "\(stem).pem",
                                               serialNumber: issued.certificate.serialNumber,
                                               notAfter: issued.certificate.notAfter)
            }
            entries.append(TestPKIIndex.Company(
                bin: company.bin.rawValue, name: company.name, directorIIN: company.director.iin.rawValue,
                directorName: "\(company.director.commonName) \(company.director.patronymic)",
                authentication: keys[.authentication]!, signing: keys[.signing]!))
        }

        let server = try root.issue(tlsServerRequest(notBefore: start, notAfter: now.addingTimeInterval(730 * day)))
        try files.write(server.certificate.pem, to: "tls/localhost.pem")
        try files.write(try server.privateKeyPEM(), to: "tls/localhost-key.pem", secret: true)

        let index = TestPKIIndex(directory: directory, rootCertificate: "ca/root.pem", companies: entries,
                                 tlsServer: .init(certificate: "tls/localhost.pem", privateKey: "tls/localhost-key.pem"),
                                 generated: now)
        try files.write(index.json(), to: indexFile)
        return index
    }

    /// A director's key as NUC issues it to a legal entity's first head.
    public static func directorRequest(_ company: DemoCompany, usage: KeyUsage, notBefore: Date,
                                       notAfter: Date) -> CertificateRequest {
        let director = company.director
        let role = NcaCertificateProfile.Role.firstHead.rawValue
        let purpose = usage == .authentication
            ? [("keyUsage", "critical,digitalSignature,keyEncipherment"), ("extendedKeyUsage", "clientAuth,\(role)")]
            : [("keyUsage", "critical,digitalSignature,nonRepudiation"), ("extendedKeyUsage", "emailProtection,\(role)")]
        return CertificateRequest(
            subject: [("CN", director.commonName), ("SN", director.surname),
                      ("serialNumber", NcaCertificateProfile.iinPrefix + director.iin.rawValue), ("C", "KZ"),
                      ("L", company.city), ("O", company.name),
                      ("OU", NcaCertificateProfile.binPrefix + company.bin.rawValue), ("GN", director.patronymic)],
            extensions: [("basicConstraints", "critical,CA:FALSE"), ("subjectKeyIdentifier", "hash")] + purpose,
            notBefore: notBefore, notAfter: notAfter)
    }

    static func tlsServerRequest(notBefore: Date, notAfter: Date) -> CertificateRequest {
        CertificateRequest(
            subject: [("C", "KZ"), ("O", "Qoima"), ("CN", "localhost")],
            extensions: [("basicConstraints", "critical,CA:FALSE"), ("keyUsage", "critical,digitalSignature,keyEncipherment"),
                         ("extendedKeyUsage", "serverAuth"), ("subjectAltName", "DNS:localhost,IP:127.0.0.1"),
                         ("subjectKeyIdentifier", "hash")],
            notBefore: notBefore, notAfter: notAfter)
    }
}

/// Writes the PKI's files below one directory; key material is readable by the owner only.
private struct TestPKIFiles {
    let directory: String

    func write(_ text: String, to relativePath: String, secret: Bool = false) throws {
        try write(Data(text.utf8), to: relativePath, secret: secret)
    }

    func write(_ data: Data, to relativePath: String, secret: Bool = false) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            let secretFile = secret || relativePath.hasSuffix(".p12")
            try FileManager.default.setAttributes([.posixPermissions: secretFile ? 0o600 : 0o644], ofItemAtPath: url.path)
        } catch {
            throw SigningError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
    }
}
