import CGtk
@testable import GtkKit
import XCTest

final class SignalTests: GtkTestCase {
    private final class Canary {
        var calls = 0
    }

    func testHandlerRunsAndItsBoxIsFreedOnDisconnect() {
        MainActor.assumeIsolated {
            let action = ObjectHandle(g_simple_action_new("go", nil)!, transfer: .full)
            weak var weakCanary: Canary?
            var connection: SignalConnection?
            do {
                let canary = Canary()
                weakCanary = canary
                connection = action.connect("activate") { (_: UnsafeMutableRawPointer?) in canary.calls += 1 }
            }
            g_action_activate(action.cPointer(), nil)
            g_action_activate(action.cPointer(), nil)
            XCTAssertEqual(weakCanary?.calls, 2)
            connection?.disconnect()
            XCTAssertNil(weakCanary, "GLib did not release the closure box on disconnect")
            g_action_activate(action.cPointer(), nil)  // a freed box still connected would crash here
        }
    }

    func testBoxIsFreedWhenTheObjectIsFinalized() {
        MainActor.assumeIsolated {
            weak var weakCanary: Canary?
            var action: ObjectHandle? = ObjectHandle(g_simple_action_new("go", nil)!, transfer: .full)
            do {
                let canary = Canary()
                weakCanary = canary
                action?.connect("activate") { (_: UnsafeMutableRawPointer?) in canary.calls += 1 }
            }
            XCTAssertNotNil(weakCanary)
            action = nil
            XCTAssertNil(weakCanary, "the closure box outlived its object")
        }
    }

    func testOneArgumentHandlerReceivesTheParameter() {
        MainActor.assumeIsolated {
            let stringType = g_variant_type_new("s")
            defer { g_variant_type_free(stringType) }
            let action = ObjectHandle(g_simple_action_new("open", stringType)!, transfer: .full)
            var received: String?
            action.connect("activate") { (parameter: UnsafeMutableRawPointer?) in
                received = String(cString: g_variant_get_string(OpaquePointer(parameter), nil))
            }
            g_action_activate(action.cPointer(), g_variant_new_string("drafts"))
            XCTAssertEqual(received, "drafts")
        }
    }

    func testBooleanHandlerCanStopTheDefault() {
        MainActor.assumeIsolated {
            let window = ObjectHandle(gtk_window_new()!, transfer: .none)
            gtk_window_present(window.cPointer())  // GTK ignores close on an unrealised window
            let canary = Canary()  // refuses the first close, allows the second
            window.connectReturning("close-request") {
                canary.calls += 1
                return canary.calls < 2
            }
            gtk_window_close(window.cPointer())
            XCTAssertEqual(canary.calls, 1)
            XCTAssertTrue(gtk_widget_get_realized(window.cPointer()) != 0, "returning true did not keep the window")
            gtk_window_close(window.cPointer())
            XCTAssertEqual(canary.calls, 2)
            // gtk_window_destroy unrealises and drops the window from the toplevels; our handle keeps the object.
            XCTAssertTrue(gtk_widget_get_realized(window.cPointer()) == 0, "returning false did not let the window close")
        }
    }
}
