import CGtk
import CGtkShim
import Dispatch

/// GTK owns the main thread inside `g_application_run`, so libdispatch's main queue (and with
/// it `@MainActor` tasks) would never run. Installing the bridge adds the main queue's handle to
/// the GLib main loop; do it once at start-up, before the loop runs.
public enum MainQueueBridge {
    @MainActor @discardableResult
    public static func install() -> UInt32 {
        // Touch the main queue so libdispatch has made its handle before we ask for it.
        _ = DispatchQueue.main
        return qoima_main_queue_attach()
    }
}
