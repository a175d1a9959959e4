import CGtk
import Foundation
@testable import GtkKit
import XCTest

final class WidgetSnapshotTests: GtkTestCase {
    func testWindowIsSavedAsAPNGOfItsSize() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(getpid()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try MainActor.assumeIsolated {
            let window = ObjectHandle(gtk_window_new()!, transfer: .none)
            defer { gtk_window_destroy(window.cPointer()) }
            XCTAssertThrowsError(try WidgetSnapshot.savePNG(of: window, to: path), "an unrealised window has nothing to draw")
            gtk_window_set_child(window.cPointer(), gtk_label_new("Қойма"))
            gtk_window_set_default_size(window.cPointer(), 320, 200)
            gtk_window_present(window.cPointer())
            MainContext.run(until: { gtk_widget_get_width(window.cPointer()) > 0 })
            MainContext.run(for: 0.2)
            let size = try WidgetSnapshot.savePNG(of: window, to: path)
            XCTAssertEqual(size.width, Int(gtk_widget_get_width(window.cPointer())))
            XCTAssertGreaterThanOrEqual(size.width, 320)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(data.count, 1_000)
    }
}
