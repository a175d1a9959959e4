import Foundation

/// Where the user's database lives: `--database PATH`, else `QOIMA_DATABASE`, else
/// `$XDG_DATA_HOME/qoima/qoima.sqlite` (`~/.local/share/qoima/qoima.sqlite`).
public struct DatabaseLocation: Equatable, Sendable {
    public let path: String

    public init(explicitPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicitPath, !explicitPath.isEmpty {
            path = explicitPath
        } else if let fromEnvironment = environment["QOIMA_DATABASE"], !fromEnvironment.isEmpty {
            path = fromEnvironment
        } else {
            let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            path = dataHome + "/qoima/qoima.sqlite"
        }
    }
}
