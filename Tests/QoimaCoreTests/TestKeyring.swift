import Foundation
import QoimaSigning
import XCTest

/// A GNOME Keyring of the test's own on the test's D-Bus session bus (the tests run under
/// `dbus-run-session`): its home, data and runtime folders are in `folder`, its login keyring is
/// created and unlocked with a password of its own, and it replaces whatever Secret Service was
/// on that bus, so no real keyring is touched.
final class TestKeyring {
    let folder: URL
    private let daemon: Process

    /// Skips the test, saying why, when there is no session bus or no gnome-keyring-daemon.
    init(in folder: URL) throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["DBUS_SESSION_BUS_ADDRESS"] != nil else {
            throw XCTSkip("no D-Bus session bus: run the tests under dbus-run-session (make test does)")
        }
        guard let executable = TestKeyring.find("gnome-keyring-daemon") else {
            throw XCTSkip("gnome-keyring-daemon is not installed (make test-deps installs it)")
        }
        self.folder = folder
        var daemonEnvironment = environment
        for (variable, name) in [("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                                 ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "run")] {
            let path = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            daemonEnvironment[variable] = path.path
        }
        daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: executable)
        // --unlock reads the login keyring's password from standard input and creates that
        // keyring, the default collection, when it does not exist.
        daemon.arguments = ["--replace", "--foreground", "--unlock", "--components=secrets"]
        daemon.environment = daemonEnvironment
        let input = Pipe()
        daemon.standardInput = input
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        input.fileHandleForWriting.write(Data("test-keyring-unlock".utf8))
        try input.fileHandleForWriting.close()

        // Ready when the Secret Service name is the daemon's and its default collection exists.
        let deadline = Date().addingTimeInterval(20)
        while !(ownsSecretService() && hasDefaultCollection()) {
            guard Date() < deadline, daemon.isRunning else {
                stop()
                throw XCTSkip("the test keyring did not start on the session bus")
            }
            usleep(50_000)
        }
        // A connection this process made to an earlier keyring would name sessions this one lacks.
        KeyringPasswordStore.disconnect()
    }

    deinit { stop() }

    func stop() {
        if daemon.isRunning {
            daemon.terminate()
            daemon.waitUntilExit()
        }
        KeyringPasswordStore.disconnect()
    }

    /// How many items the running test keyring finds with `attributes`, asked over D-Bus as any
    /// other program would.
    static func searchItems(_ attributes: [String: String]) throws -> Int {
        let dictionary = attributes.map { "'\($0.key)': '\($0.value)'" }.joined(separator: ", ")
        let reply = try XCTUnwrap(gdbus(["--dest", "org.freedesktop.secrets", "--object-path", "/org/freedesktop/secrets",
                                         "--method", "org.freedesktop.Secret.Service.SearchItems", "{\(dictionary)}"]),
                                  "SearchItems failed")
        return reply.components(separatedBy: "'/org/freedesktop/secrets/collection/").count - 1
    }

    private func ownsSecretService() -> Bool {
        let reply = TestKeyring.gdbus(["--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                                       "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID",
                                       "org.freedesktop.secrets"])
        return reply == "(uint32 \(daemon.processIdentifier),)"
    }

    private func hasDefaultCollection() -> Bool {
        let reply = TestKeyring.gdbus(["--dest", "org.freedesktop.secrets", "--object-path", "/org/freedesktop/secrets",
                                       "--method", "org.freedesktop.Secret.Service.ReadAlias", "default"])
        return reply?.hasPrefix("(objectpath '/org/freedesktop/secrets/collection/") == true
    }

    /// A method call on the session bus through `gdbus`. The Secret Service is called only once the
    /// daemon owns its name, so D-Bus never starts the machine's own keyring for these calls.
    private static func gdbus(_ arguments: [String]) -> String? {
        guard let executable = find("gdbus") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["call", "--session", "--timeout", "5"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
