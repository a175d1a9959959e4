import Foundation
import QoimaSandbox
import QoimaSigning
import XCTest

final class DemoKeysTests: XCTestCase {
    func testDemoKeysAreMadeOnceAndRemadeWhenBrokenOrExpiring() throws {
        let directory = NSTemporaryDirectory() + "qoima-demo-keys-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try DemoKeys.prepare(in: directory)
        let again = try DemoKeys.prepare(in: directory)
        XCTAssertEqual(again, first, "a usable PKI is reused, so the sandbox keeps trusting the same root")

        try FileManager.default.removeItem(atPath: first.path(first.companies[0].signing.pkcs12))
        let repaired = try DemoKeys.prepare(in: directory)
        XCTAssertNotEqual(repaired.companies[0].signing.serialNumber, first.companies[0].signing.serialNumber)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repaired.path(repaired.companies[0].signing.pkcs12)))

        let nearExpiry = Date().addingTimeInterval(720 * 86_400)
        let renewed = try DemoKeys.prepare(in: directory, now: nearExpiry)
        XCTAssertGreaterThan(renewed.companies[0].signing.notAfter, nearExpiry.addingTimeInterval(DemoKeys.renewalMargin))

        try "{".write(toFile: directory + "/" + TestPKI.indexFile, atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try DemoKeys.prepare(in: directory), "a damaged index is replaced")
        XCTAssertEqual(DemoKeys.defaultDirectory(environment: ["XDG_DATA_HOME": "/x"]), "/x/qoima/demo-pki")
        XCTAssertEqual(DemoKeys.defaultDirectory(environment: ["HOME": "/home/a"]), "/home/a/.local/share/qoima/demo-pki")
    }
}
