import CGtk
import Dispatch
@testable import GtkKit
import XCTest

/// Under `g_application_run` only GLib's loop turns; without the bridge neither the task nor
/// the queued block below would ever run, and the watchdog would end the loop with them unrun.
final class MainQueueBridgeTests: GtkTestCase {
    private final class Watchdog {
        let app: UnsafeMutablePointer<GApplication>
        var fired = false
        init(app: UnsafeMutablePointer<GApplication>) { self.app = app }
    }

    func testMainActorTasksAndMainQueueBlocksRunInsideTheGLibLoop() {
        MainActor.assumeIsolated {
            MainQueueBridge.install()
            let app = ObjectHandle(gtk_application_new("kz.qoima.QoimaTests.Bridge", G_APPLICATION_NON_UNIQUE)!, transfer: .full)
            var taskRan = false, blockRan = false
            let appPointer: UnsafeMutablePointer<GApplication> = app.cPointer()
            app.connect("activate") {
                g_application_hold(appPointer)
                Task { @MainActor in
                    taskRan = true
                    XCTAssertTrue(Thread.isMainThread)
                }
                DispatchQueue.main.async {
                    blockRan = true
                    // Both were queued before this block ran its second hop: quit after them.
                    DispatchQueue.main.async { g_application_release(appPointer) }
                }
            }
            // Watchdog: quit after 5 s so a broken bridge fails the test instead of hanging it.
            let watchdog = Watchdog(app: appPointer)
            let source = g_timeout_add_seconds(5, { data in
                let watchdog = Unmanaged<Watchdog>.fromOpaque(data!).takeUnretainedValue()
                watchdog.fired = true
                g_application_quit(watchdog.app)
                return 0
            }, Unmanaged.passUnretained(watchdog).toOpaque())
            let status = g_application_run(appPointer, 0, nil)
            let timedOut = watchdog.fired
            if !timedOut { g_source_remove(source) }
            XCTAssertEqual(status, 0)
            XCTAssertFalse(timedOut, "the main queue was not drained by the GLib loop")
            XCTAssertTrue(taskRan, "a @MainActor task did not run under g_application_run")
            XCTAssertTrue(blockRan, "DispatchQueue.main.async did not run under g_application_run")
        }
    }
}
