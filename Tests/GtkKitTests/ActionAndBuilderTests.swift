import CGtk
import Foundation
@testable import GtkKit
import XCTest

final class ActionAndBuilderTests: GtkTestCase {
    func testActionsRunAndCarryTheirAccelerators() {
        MainActor.assumeIsolated {
            let app = ObjectHandle(gtk_application_new("kz.qoima.QoimaTests.Actions", G_APPLICATION_NON_UNIQUE)!, transfer: .full)
            let actions = ActionMap(app)
            var plain = 0
            var opened: [String] = []
            actions.add("refresh") { plain += 1 }
            actions.add("open", stringParameter: { opened.append($0) })
            actions.activate("refresh")
            actions.activate("open", string: "drafts")
            XCTAssertEqual(plain, 1)
            XCTAssertEqual(opened, ["drafts"])

            setAccelerators(app, for: "app.refresh", ["<Ctrl>r", "F5"])
            let accels = gtk_application_get_accels_for_action(app.cPointer(), "app.refresh")!
            defer { g_strfreev(accels) }
            XCTAssertEqual(String(cString: accels[0]!), "<Control>r")
            XCTAssertEqual(String(cString: accels[1]!), "F5")
            XCTAssertNil(accels[2])
        }
    }

    /// Compiles a real GResource with glib-compile-resources, embeds it as the build does
    /// (base64), and builds widgets from it.
    func testBuilderLoadsUIFromARegisteredResource() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gtkkit-resource-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        <interface><object class="GtkButton" id="hello"><property name="label">Сәлем</property></object></interface>
        """.write(to: directory.appendingPathComponent("test.ui"), atomically: true, encoding: .utf8)
        try """
        <gresources><gresource prefix="/kz/qoima/GtkKitTests"><file>test.ui</file></gresource></gresources>
        """.write(to: directory.appendingPathComponent("test.gresource.xml"), atomically: true, encoding: .utf8)
        try runTool("glib-compile-resources", ["--target=test.gresource", "test.gresource.xml"], in: directory)
        let base64 = try Data(contentsOf: directory.appendingPathComponent("test.gresource")).base64EncodedString()

        MainActor.assumeIsolated {
            XCTAssertFalse(ResourceBundle.contains("/kz/qoima/GtkKitTests/test.ui"))
            ResourceBundle.register(base64: base64)
            XCTAssertTrue(ResourceBundle.contains("/kz/qoima/GtkKitTests/test.ui"))
            let button = Builder(resource: "/kz/qoima/GtkKitTests/test.ui").object("hello")
            XCTAssertEqual(button.typeName, "GtkButton")
            XCTAssertEqual(String(cString: gtk_button_get_label(button.cPointer())), "Сәлем")
        }
    }
}
