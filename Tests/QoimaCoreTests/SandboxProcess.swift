import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaSigning
import XCTest

/// `qoima-cli sandbox serve` run as its own process on a free port, as a user runs it: the
/// end-to-end tests talk to it only over HTTP, and stop it with SIGTERM.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    let url: String
    let directory: URL
    private let output = Pipe()

    /// Starts the sandbox with the shared test PKI in a fresh data directory and waits for the
    /// line that says where it listens.
    init(faults: String? = nil, extra: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = try CLIRunner.executable()
        var arguments = ["sandbox", "serve", "--port", "0", "--data", directory.appendingPathComponent("sandbox").path,
                         "--pki", SharedTestPKI.index.directory]
        if let faults { arguments += ["--faults", faults, "--fault-seed", "20261123"] }
        process.arguments = arguments + extra
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        process.environment = environment
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        url = try Self.listeningURL(from: output.fileHandleForReading)
    }

    /// Reads lines until "listening on URL"; fails after 60 s.
    private static func listeningURL(from handle: FileHandle) throws -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = handle.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "listening on "),
               let end = text[range.upperBound...].firstIndex(where: \.isNewline) {
                return String(text[range.upperBound..<end])
            }
        }
        throw XCTSkip("the sandbox did not start: \(text)")
    }

    var server: ESFServerProfile { ESFServerProfile.named(url)! }

    /// Stops it as a user would (SIGTERM) and returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: A company talking to it

    /// A company's client of this sandbox: its director logged in with the test keys.
    func client(for company: DemoCompany) throws -> ESFClient {
        let credentials = ESFCredentials(bin: company.bin, authSigner: try SharedTestPKI.signer(company, .authentication),
                                         cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword))
        return ESFClient(sessions: ESFSessionManager(server: server, credentials: credentials))
    }

    /// Files with the key and cabinet passwords, for the CLI.
    func passwordFiles() throws -> (key: String, cabinet: String) {
        let key = directory.appendingPathComponent("key-password")
        let cabinet = directory.appendingPathComponent("cabinet-password")
        try Data(TestPKI.defaultPassword.utf8).write(to: key)
        try Data(SandboxSeed.cabinetPassword.utf8).write(to: cabinet)
        return (key.path, cabinet.path)
    }
}
