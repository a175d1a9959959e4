import CGtk
import CGtkShim
@testable import GtkKit
import XCTest

final class ObjectHandleTests: GtkTestCase {
    func testFloatingWidgetIsSunkAndFreedWithItsHandle() {
        MainActor.assumeIsolated {
            let raw = UnsafeMutableRawPointer(gtk_label_new("x")!)
            XCTAssertTrue(qoima_object_is_floating(raw) != 0)
            let liveness = Liveness(raw)
            var handle: ObjectHandle? = ObjectHandle(raw, transfer: .floating)
            XCTAssertFalse(qoima_object_is_floating(raw) != 0, "the floating reference was not sunk")
            XCTAssertEqual(qoima_object_ref_count(raw), 1)
            XCTAssertEqual(handle?.typeName, "GtkLabel")
            handle = nil
            XCTAssertFalse(liveness.isAlive, "the handle did not drop its reference")
        }
    }

    func testTransferNoneTakesAReferenceOfItsOwn() {
        MainActor.assumeIsolated {
            let owner = ObjectHandle(g_simple_action_new("a", nil)!, transfer: .full)
            XCTAssertEqual(qoima_object_ref_count(owner.raw), 1)
            do {
                let borrowed = ObjectHandle(owner.raw, transfer: .none)
                XCTAssertEqual(qoima_object_ref_count(borrowed.raw), 2)
            }
            XCTAssertEqual(qoima_object_ref_count(owner.raw), 1)
        }
    }

    func testTransferFullAdoptsTheReference() {
        MainActor.assumeIsolated {
            let raw = UnsafeMutableRawPointer(g_simple_action_new("a", nil)!)
            let liveness = Liveness(raw)
            var handle: ObjectHandle? = ObjectHandle(raw, transfer: .full)
            XCTAssertEqual(qoima_object_ref_count(raw), 1)
            XCTAssertNotNil(handle)
            handle = nil
            XCTAssertFalse(liveness.isAlive)
        }
    }

    func testFinalAndDerivableSpellingsPointAtTheSameObject() {
        MainActor.assumeIsolated {
            // GtkColumnView is final (OpaquePointer), GtkWidget derivable (typed pointer).
            let view = ObjectHandle(gtk_column_view_new(nil)!, transfer: .floating)
            let opaque: OpaquePointer = view.cPointer()
            let typed: UnsafeMutablePointer<GtkWidget> = view.cPointer()
            XCTAssertEqual(UnsafeMutableRawPointer(opaque), UnsafeMutableRawPointer(typed))
            XCTAssertTrue(view.isA(gtk_widget_get_type()))
            XCTAssertFalse(view.isA(gtk_window_get_type()))
            gtk_column_view_set_reorderable(opaque, 1)
            XCTAssertEqual(gtk_column_view_get_reorderable(view.cPointer()), 1)
        }
    }
}
