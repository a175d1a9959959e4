import QoimaSandbox
import XCTest

final class SandboxFaultsTests: XCTestCase {
    func testTheIssuesExampleSpecReads() throws {
        let faults = try SandboxFaults(spec: "latency=200ms,drop=0.05,http500=0.02,fault=0.02,expire-sessions=30s")
        XCTAssertEqual(faults.latency, .milliseconds(200))
        XCTAssertEqual(faults.dropProbability, 0.05)
        XCTAssertEqual(faults.http500Probability, 0.02)
        XCTAssertEqual(faults.soapFaultProbability, 0.02)
        XCTAssertEqual(faults.expireSessionsEvery, .seconds(30))
        XCTAssertEqual(try SandboxFaults(spec: ""), .none)
        XCTAssertEqual(try SandboxFaults(spec: "already-open=1, expire-sessions=1.5m").expireSessionsEvery, .seconds(90))
    }

    func testBadSpecsNameTheirPart() {
        XCTAssertThrowsError(try SandboxFaults(spec: "drop=2"), equals: SandboxFaultsError.badProbability(part: "drop=2"))
        XCTAssertThrowsError(try SandboxFaults(spec: "latency=fast"), equals: SandboxFaultsError.badDuration(part: "latency=fast"))
        XCTAssertThrowsError(try SandboxFaults(spec: "latency"), equals: SandboxFaultsError.malformed(part: "latency"))
        XCTAssertThrowsError(try SandboxFaults(spec: "flood=1"), equals: SandboxFaultsError.unknownFault(name: "flood"))
    }

    func testOutcomesFollowTheProbabilities() throws {
        let faults = try SandboxFaults(spec: "drop=0.1,http500=0.05,fault=0.05")
        var random = SystemRandomNumberGenerator()
        var counts: [SandboxFaults.Outcome: Int] = [:]
        for _ in 0..<20_000 { counts[faults.outcome(using: &random), default: 0] += 1 }
        XCTAssertEqual(Double(counts[.drop] ?? 0) / 20_000, 0.10, accuracy: 0.015)
        XCTAssertEqual(Double(counts[.http500] ?? 0) / 20_000, 0.05, accuracy: 0.01)
        XCTAssertEqual(Double(counts[.soapFault] ?? 0) / 20_000, 0.05, accuracy: 0.01)
        XCTAssertEqual(SandboxFaults.none.outcome(using: &random), .answer)
    }
}
