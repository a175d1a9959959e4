import CGtk
import Foundation

/// Turning the default GLib main context by hand, for tests and for tours that drive the app
/// without `g_application_run`.
@MainActor
public enum MainContext {
    /// Dispatches everything that is ready now, without blocking.
    public static func drain() {
        while g_main_context_iteration(nil, 0) != 0 {}
    }

    /// Runs the loop for a while, so frames are laid out and painted.
    public static func run(for seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if g_main_context_iteration(nil, 0) == 0 { usleep(2_000) }
        }
    }

    /// Runs the loop until `condition` holds or `timeout` passes; returns whether it held.
    @discardableResult
    public static func run(until condition: () -> Bool, timeout: Double = 5) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() >= end { return false }
            if g_main_context_iteration(nil, 0) == 0 { usleep(1_000) }
        }
        return true
    }
}
