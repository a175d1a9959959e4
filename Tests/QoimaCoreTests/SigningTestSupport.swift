import Foundation
import QoimaCore
import QoimaSigning
import XCTest

/// One test PKI per test process, generated on first use into a temporary directory (RSA key
/// generation costs about a second in all).
enum SharedTestPKI {
    static let index: TestPKIIndex = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qoima-test-pki-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        do {
            return try TestPKI.generate(into: directory)
        } catch {
            fatalError("cannot generate the test PKI: \(error)")
        }
    }()

    static var root: Certificate { try! Certificate(contentsOf: index.path(index.rootCertificate)) }
    static var trust: TrustStore { TrustStore(anchors: [root]) }

    static func company(_ company: DemoCompany) -> TestPKIIndex.Company { index.company(bin: company.bin.rawValue)! }

    static func keyPath(_ company: DemoCompany, _ usage: KeyUsage) -> String {
        let entry = self.company(company)
        return index.path(usage == .authentication ? entry.authentication.pkcs12 : entry.signing.pkcs12)
    }

    static func signer(_ company: DemoCompany = .koimaSauda, _ usage: KeyUsage = .signing) throws -> Pkcs12Signer {
        try Pkcs12Signer(path: keyPath(company, usage), password: SecretBytes(TestPKI.defaultPassword))
    }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrowsError<E: Error & Equatable, R>(_ body: @autoclosure () throws -> R, equals expected: E,
                                                  file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? E, expected, "\(error)", file: file, line: line)
    }
}
