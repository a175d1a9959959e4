import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import XCTest

final class MainWindowTests: XCTestCase {
    func testEveryPageOpensThroughItsAction() throws {
        try withApp { subject in
            for page in AppPage.allCases.reversed() {
                ActionMap(subject.window.window).activate("show-page", string: page.rawValue)
                MainContext.drain()
                XCTAssertEqual(subject.window.currentPage, page)
                XCTAssertEqual(subject.window.visiblePageName, page.rawValue)
            }
            // Sidebar rows lead to their pages too.
            let sidebar = try XCTUnwrap(findWidget(named: AppPage.warehouses.rawValue, in: subject.window.window.widget))
            gtk_widget_activate(sidebar)
            MainContext.drain()
            XCTAssertEqual(subject.window.visiblePageName, "warehouses")
        }
    }

    /// A narrow window shows the sidebar or the page: choosing a page shows it with a Back button,
    /// which leads back to the sidebar.
    func testANarrowWindowShowsThePageChosenAndGoesBackToThePages() throws {
        try withApp { subject in
            gtk_window_set_default_size(subject.window.window.cPointer(), 360, 600)
            XCTAssertTrue(MainContext.run(until: { subject.window.isFolded }, timeout: 5), "360 px folds the window")
            subject.window.show(.drafts)
            XCTAssertTrue(MainContext.run(until: { subject.window.showsPageContent }, timeout: 5))
            let back = try XCTUnwrap(findWidget(named: "back-button", in: subject.window.window.widget))
            XCTAssertNotEqual(gtk_widget_get_visible(back), 0, "Back is offered on the page")
            gtk_widget_activate(back)
            XCTAssertTrue(MainContext.run(until: { !subject.window.showsPageContent }, timeout: 5), "Back shows the sidebar")
            XCTAssertEqual(gtk_widget_get_visible(back), 0)
        }
    }

    func testShortcutsAboutAndPreferencesOpenAndClose() throws {
        try withApp { subject in

            let shortcuts = try XCTUnwrap(subject.window.showShortcuts())
            MainContext.run(for: 0.2)
            XCTAssertTrue(AppUnderTest.toplevelTypeNames().contains("GtkShortcutsWindow"))
            gtk_window_close(shortcuts.cPointer())
            MainContext.drain()
            XCTAssertFalse(AppUnderTest.toplevelTypeNames().contains("GtkShortcutsWindow"))

            ActionMap(subject.app.application).activate("about")
            MainContext.run(for: 0.2)
            XCTAssertTrue(AppUnderTest.toplevelTypeNames().contains("AdwAboutWindow"))
            let about = try XCTUnwrap(AppUnderTest.toplevel(ofType: "AdwAboutWindow"))
            XCTAssertEqual(String(cString: adw_about_window_get_version(about.cPointer())), QoimaVersion.string)
            gtk_window_close(about.cPointer())
            MainContext.drain()
            XCTAssertFalse(AppUnderTest.toplevelTypeNames().contains("AdwAboutWindow"))

            ActionMap(subject.app.application).activate("preferences")
            MainContext.run(for: 0.2)
            let preferences = try XCTUnwrap(AppUnderTest.toplevel(ofType: "AdwPreferencesWindow"))
            gtk_window_close(preferences.cPointer())
            MainContext.drain()
            XCTAssertNil(AppUnderTest.toplevel(ofType: "AdwPreferencesWindow"))
        }
    }

    func testPageAcceleratorsAreCtrlOneToSix() throws {
        try withApp { subject in
            for (index, page) in AppPage.allCases.enumerated() {
                let accels = gtk_application_get_accels_for_action(subject.app.application.cPointer(), "win.show-page::\(page.rawValue)")!
                defer { g_strfreev(accels) }
                XCTAssertEqual(accels[0].map { String(cString: $0) }, "<Control>\(index + 1)")
            }
        }
    }

    func testWindowSizeAndLastPageAreRememberedBetweenRuns() throws {
        let scratch = try scratchDirectory("memory")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let settings = scratch.appendingPathComponent("settings.ini").path
        try MainActor.assumeIsolated {
            let first = try AppUnderTest(settingsFile: settings)
            XCTAssertEqual(first.window.currentPage, .outgoing, "a new user starts on Outgoing SNT")
            first.window.show(.magazine)
            gtk_window_set_default_size(first.window.window.cPointer(), 1000, 640)
            MainContext.run(for: 0.2)
            first.close()
        }
        let stored = try String(contentsOfFile: settings, encoding: .utf8)
        XCTAssertTrue(stored.contains("last-page='magazine'"), stored)
        try MainActor.assumeIsolated {
            let second = try AppUnderTest(settingsFile: settings)
            defer { second.close() }
            XCTAssertEqual(second.window.currentPage, .magazine)
            XCTAssertEqual(second.window.visiblePageName, "magazine")
            var width: Int32 = 0, height: Int32 = 0
            gtk_window_get_default_size(second.window.window.cPointer(), &width, &height)
            XCTAssertEqual(width, 1000)
            XCTAssertEqual(height, 640)
        }
    }

    func testSnapshotOfTheMainWindowIsSaved() throws {
        let scratch = try scratchDirectory("snapshot")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let png = scratch.appendingPathComponent("main.png").path
        try MainActor.assumeIsolated {
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close() }
            subject.window.show(.drafts)
            MainContext.run(for: 0.3)
            let size = try WidgetSnapshot.savePNG(of: subject.window.window, to: png)
            XCTAssertGreaterThanOrEqual(size.width, 360)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(data.count, 10_000, "the picture is suspiciously empty")
    }

    // MARK: Helpers

    /// Runs `body` with the application started on a settings file of its own, then closes it.
    private func withApp(_ body: @MainActor (AppUnderTest) throws -> Void) throws {
        let scratch = try scratchDirectory("app")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try MainActor.assumeIsolated {
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close() }
            try body(subject)
        }
    }
}
