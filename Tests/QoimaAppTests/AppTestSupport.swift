import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore
@testable import QoimaApp
import XCTest

/// Runs the real application in-process (registered and activated, no blocking loop) with a
/// settings file of its own, so a test can drive it through actions and widgets.
@MainActor
struct AppUnderTest {
    let app: QoimaApplication
    let window: MainWindow
    let settingsFile: String
    private static var instances = 0

    init(settingsFile: String, demoWelcome: DemoWelcome? = nil, database: String? = nil) throws {
        self.settingsFile = settingsFile
        let located = ApplicationPaths.locate()
        var options = QoimaApplication.Options(
            paths: ApplicationPaths(shareDirectory: located.shareDirectory, settingsFile: settingsFile),
            nonUnique: true
        )
        Self.instances += 1
        options.applicationID = "kz.qoima.QoimaTests.App\(Self.instances)"
        options.demoWelcome = demoWelcome
        // Never the user's own database: a scratch file beside the settings unless one is given.
        options.database = DatabaseLocation(explicitPath: database ?? settingsFile + ".sqlite")
        app = try QoimaApplication(options: options)
        try app.launch()
        window = try XCTUnwrap(app.mainWindow)
        XCTAssertTrue(MainContext.run(until: { window.firstFrameShown }, timeout: 10), "the window never painted")
    }

    /// Closes the window as the user would (the close button), which saves its state.
    func close() {
        gtk_window_close(window.window.cPointer())
        MainContext.drain()
    }

    /// The visible top-level windows.
    static func visibleToplevels() -> [ObjectHandle] {
        let list = gtk_window_get_toplevels()!
        return (0..<g_list_model_get_n_items(list)).compactMap { index in
            guard let item = g_list_model_get_item(list, index) else { return nil }
            let handle = ObjectHandle(item, transfer: .full)
            return gtk_widget_get_visible(handle.cPointer()) != 0 ? handle : nil
        }
    }

    /// GType names of the visible top-level windows.
    static func toplevelTypeNames() -> [String] { visibleToplevels().map(\.typeName) }

    /// The visible top-level window of a GType, e.g. "AdwAboutWindow".
    static func toplevel(ofType name: String) -> ObjectHandle? {
        visibleToplevels().first { $0.typeName == name }
    }
}

func scratchDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-\(name)-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Initialises GTK and libadwaita for tests that build widgets without an application.
@MainActor
func initializeAdwaita() {
    if gtk_is_initialized() == 0 { adw_init() }
}

/// A desk over a new database in `folder` holding one own company, with settings of its own
/// and a fixed clock; GTK, the UI resources and the main-queue bridge are set up for it.
@MainActor
func scratchDesk(in folder: URL, bin: String, name: String, now: @escaping @Sendable () -> Date) throws -> DeskContext {
    initializeAdwaita()
    ResourceBundle.register(base64: embeddedGResourceBase64)
    MainQueueBridge.install()
    let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: folder.appendingPathComponent("q.sqlite").path))
    let companies = CompanyStore(database: database)
    _ = try companies.findOrAdd(bin: bin, name: name)
    let company = try XCTUnwrap(companies.company(bin: bin))
    let settings = try Settings(schemaID: QoimaVersion.applicationID, schemaDirectory: ApplicationPaths.locate().schemaDirectory,
                                file: folder.appendingPathComponent("settings.ini").path)
    return DeskContext(database: database, company: company, settings: settings, now: now)
}
