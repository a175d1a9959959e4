import Foundation

/// Where the sandbox listens and keeps its state by default.
public enum SandboxConfiguration {
    public static let defaultPort = 18443

    /// `$XDG_DATA_HOME/qoima/sandbox` (`~/.local/share/qoima/sandbox`).
    public static func defaultDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/qoima/sandbox"
    }
}
