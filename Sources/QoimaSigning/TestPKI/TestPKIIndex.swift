import Foundation

/// index.json of a generated test PKI: where each company's keys and the CA are, relative to
/// the PKI's directory. It never holds a password.
public struct TestPKIIndex: Codable, Hashable, Sendable {
    public struct Key: Codable, Hashable, Sendable {
        public let pkcs12: String
        public let certificate: String
        public let serialNumber: String
        public let notAfter: Date
    }

    public struct Company: Codable, Hashable, Sendable {
        public let bin: String
        public let name: String
        public let directorIIN: String
        public let directorName: String
        public let authentication: Key
        public let signing: Key
    }

    public struct TLSServer: Codable, Hashable, Sendable {
        public let certificate: String
        public let privateKey: String
    }

    /// The directory the relative paths start from; not stored in the file.
    public var directory: String = ""
    public let rootCertificate: String
    public let companies: [Company]
    public let tlsServer: TLSServer
    public let generated: Date

    enum CodingKeys: String, CodingKey {
        case rootCertificate, companies, tlsServer, generated
    }

    public init(directory: String, rootCertificate: String, companies: [Company], tlsServer: TLSServer, generated: Date) {
        self.directory = directory
        self.rootCertificate = rootCertificate
        self.companies = companies
        self.tlsServer = tlsServer
        self.generated = generated
    }

    /// Reads `index.json` from a PKI directory.
    public static func read(from directory: String) throws -> TestPKIIndex {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(TestPKI.indexFile).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.unreadableFile(path: path, reason: "no such file; run qoima-cli keys make-test-pki first")
        }
        do {
            var index = try decoder.decode(TestPKIIndex.self, from: data)
            index.directory = directory
            return index
        } catch {
            throw SigningError.unreadableFile(path: path, reason: "not a test PKI index: \(error)")
        }
    }

    /// The absolute path of a file named in the index.
    public func path(_ relative: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(relative).path
    }

    public func company(bin: String) -> Company? { companies.first { $0.bin == bin } }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
