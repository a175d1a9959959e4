import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaStore

/// What the benchmarks that open windows start with: GTK and Adwaita, the main-queue bridge,
/// and a fresh database in their folder.
@MainActor
enum WindowBenchmarkSetup {
    /// The database, or nil (said) when there is no display.
    static func start(_ name: String, folder: URL) throws -> QoimaDatabase? {
        guard gtk_init_check() != 0 else {
            print("\(name): no display (run under xvfb-run), skipped")
            return nil
        }
        adw_init()
        MainQueueBridge.install()
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try QoimaDatabase(location: DatabaseLocation(explicitPath: folder.appendingPathComponent("q.sqlite").path))
    }
}
