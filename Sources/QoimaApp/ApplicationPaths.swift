import Foundation
import GtkKit

/// Where Qoima finds its compiled data (translations, settings schema) and keeps its settings.
public struct ApplicationPaths: Sendable {
    /// A directory laid out like `$PREFIX/share`: `locale/…/qoima.mo`, `glib-2.0/schemas/`.
    public let shareDirectory: String
    /// The key file behind GSettings.
    public let settingsFile: String

    public var localeDirectory: String { shareDirectory + "/locale" }
    public var schemaDirectory: String { shareDirectory + "/glib-2.0/schemas" }

    public init(shareDirectory: String, settingsFile: String) {
        self.shareDirectory = shareDirectory
        self.settingsFile = settingsFile
    }

    /// `QOIMA_DATADIR`, else the install prefix next to the executable, else the build tree.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> ApplicationPaths {
        // /proc/self/exe: the real binary, however it was started (through PATH, a symlink …).
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "")
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share").path
        let candidates = [environment["QOIMA_DATADIR"], installed, buildShareDirectory].compactMap { $0 }
        let share = candidates.first { isShareDirectory($0) } ?? buildShareDirectory
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return ApplicationPaths(shareDirectory: share, settingsFile: configHome + "/qoima/settings.ini")
    }

    private static func isShareDirectory(_ path: String) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: path + "/locale/ru/LC_MESSAGES/qoima.mo")
            && files.fileExists(atPath: path + "/glib-2.0/schemas/gschemas.compiled")
    }
}
