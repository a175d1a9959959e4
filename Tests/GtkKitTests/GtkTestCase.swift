import CGtk
import GtkKit
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
