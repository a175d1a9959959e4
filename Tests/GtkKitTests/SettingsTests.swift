import Foundation
@testable import GtkKit
import XCTest

final class SettingsTests: GtkTestCase {
    func testValuesPersistInTheKeyFileAcrossInstances() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gtkkit-settings-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        <schemalist><schema id="kz.qoima.Test" path="/kz/qoima/Test/">
          <key name="width" type="i"><default>800</default></key>
          <key name="page" type="s"><default>'outgoing'</default></key>
        </schema></schemalist>
        """.write(to: directory.appendingPathComponent("kz.qoima.Test.gschema.xml"), atomically: true, encoding: .utf8)
        try runTool("glib-compile-schemas", [directory.path], in: directory)
        let file = directory.appendingPathComponent("settings.ini").path

        try MainActor.assumeIsolated {
            let first = try Settings(schemaID: "kz.qoima.Test", schemaDirectory: directory.path, file: file)
            XCTAssertEqual(first.integer("width"), 800, "default from the schema")
            first.setInteger("width", 1234)
            first.setString("page", "drafts")
            first.flush()
            let second = try Settings(schemaID: "kz.qoima.Test", schemaDirectory: directory.path, file: file)
            XCTAssertEqual(second.integer("width"), 1234)
            XCTAssertEqual(second.string("page"), "drafts")
            XCTAssertThrowsError(try Settings(schemaID: "kz.qoima.Missing", schemaDirectory: directory.path, file: file))
        }
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(stored.contains("width=1234"), stored)
    }
}
