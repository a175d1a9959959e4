import CGtk
import GtkKit
import Foundation
import XCTest

/// Base for tests that need GTK: initialises it once (under Xvfb in `make test`).
class GtkTestCase: XCTestCase {
    nonisolated(unsafe) private static var initialized = false

    override func setUp() {
        super.setUp()
        MainActor.assumeIsolated {
            if !Self.initialized {
                gtk_init()
                Self.initialized = true
            }
        }
    }

    /// Runs a GLib build tool (glib-compile-resources, glib-compile-schemas) and fails the test
    /// if it does not succeed.
    func runTool(_ tool: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.currentDirectoryURL = directory
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments) failed")
    }

    /// Whether a GObject is still alive, watched through a GWeakRef.
    final class Liveness {
        private var reference = GWeakRef()
        init(_ object: UnsafeMutableRawPointer) { g_weak_ref_init(&reference, object) }
        deinit { g_weak_ref_clear(&reference) }
        var isAlive: Bool {
            guard let object = g_weak_ref_get(&reference) else { return false }
            g_object_unref(object)
            return true
        }
    }
}
