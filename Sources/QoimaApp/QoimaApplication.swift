import CAdw
import CGtk
import GtkKit
import QoimaCore
import QoimaStore

/// The GUI application: one AdwApplication, its settings, actions and main window.
@MainActor
public final class QoimaApplication {
    public struct Options {
        public var paths: ApplicationPaths
        /// Tests and tours run several instances side by side with the desktop's.
        public var nonUnique: Bool
        /// The D-Bus name; tests give each instance its own, since a name stays exported
        /// on the session bus until its application object is gone.
        public var applicationID = QoimaVersion.applicationID
        /// Called once, when the main window has painted its first frame.
        public var onFirstFrame: (@MainActor (MainWindow) -> Void)?
        /// Demo mode: the welcome dialog shown over the main window when it first opens.
        public var demoWelcome: DemoWelcome?
        /// The database the desk works on (`QOIMA_DATABASE`, else the user's default).
        public var database = DatabaseLocation()

        public init(paths: ApplicationPaths = .locate(), nonUnique: Bool = false,
                    onFirstFrame: (@MainActor (MainWindow) -> Void)? = nil) {
            self.paths = paths
            self.nonUnique = nonUnique
            self.onFirstFrame = onFirstFrame
        }
    }

    public let application: ObjectHandle
    public let settings: Settings
    public let options: Options
    public private(set) var mainWindow: MainWindow?
    /// The SNT desk's database and company; nil until the database has an own company.
    public private(set) var desk: DeskContext?
    /// Why the database could not be opened, shown on the desk's pages.
    public private(set) var deskError: String?
    public private(set) lazy var actions = ActionMap(application)

    public init(options: Options = Options()) throws {
        self.options = options
        Localization.setUp(localeDirectory: options.paths.localeDirectory)
        ResourceBundle.register(base64: embeddedGResourceBase64)
        MainQueueBridge.install()
        settings = try Settings(
            schemaID: QoimaVersion.applicationID,
            schemaDirectory: options.paths.schemaDirectory,
            file: options.paths.settingsFile
        )
        let flags = options.nonUnique ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS
        application = ObjectHandle(adw_application_new(options.applicationID, flags)!, transfer: .full)
        // UI, icons, style.css and gtk/help-overlay.ui live under the product's path whatever the ID.
        g_application_set_resource_base_path(application.cPointer(), "/kz/qoima/Qoima")
        // GLib warns when the name is set twice, and tests start several instances.
        if g_get_application_name().map({ String(cString: $0) }) != "Qoima" {
            g_set_application_name("Qoima")
        }
        application.connect("startup") { [weak self] in self?.startUp() }
        application.connect("activate") { [weak self] in self?.activate() }
    }

    /// Runs the main loop until the last window closes; returns the exit status.
    public func run() -> Int32 {
        g_application_run(application.cPointer(), 0, nil)
    }

    /// Registers and activates without running the loop, so a test can drive the window.
    public func launch() throws(LaunchError) {
        var error: UnsafeMutablePointer<GError>?
        guard g_application_register(application.cPointer(), nil, &error) != 0 else {
            defer { g_error_free(error) }
            throw LaunchError(message: error.map { String(cString: $0.pointee.message) } ?? "unknown error")
        }
        g_application_activate(application.cPointer())
    }

    public struct LaunchError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "Qoima could not start: \(message)" }
    }

    public func quit() {
        mainWindow?.saveState()
        g_application_quit(application.cPointer())
    }

    // MARK: Start-up

    private func startUp() {
        applyColorScheme()
        actions.add("quit") { [weak self] in self?.quit() }
        actions.add("about") { [weak self] in self?.mainWindow?.showAbout() }
        actions.add("preferences") { [weak self] in self?.mainWindow?.showPreferences() }
        setAccelerators(application, for: "app.quit", ["<Ctrl>q"])
        setAccelerators(application, for: "app.preferences", ["<Ctrl>comma"])
        for (action, keys) in Self.deskAccelerators { setAccelerators(application, for: action, keys) }
        for page in AppPage.allCases {
            setAccelerators(application, for: "win.show-page::\(page.rawValue)", [page.accelerator])
        }
    }

    /// The SNT desk's window shortcuts; the editor and document windows bind their own
    /// (listed together in ui/help-overlay.ui).
    static let deskAccelerators: [(String, [String])] = [
        ("win.new-snt", ["<Ctrl>n"]), ("win.new-copy", ["<Ctrl><Shift>n"]), ("win.import-snt", ["<Ctrl>o"]),
        ("win.search", ["<Ctrl>f"]), ("win.send-selected", ["<Ctrl>Return"]), ("win.refresh", ["F5"]),
        ("win.issue-on-paper", ["<Ctrl>i"]),
    ]

    private func activate() {
        if mainWindow == nil {
            openDesk()
            mainWindow = MainWindow(application: self)
        }
        mainWindow?.present()
    }

    private func openDesk() {
        do {
            desk = try DeskContext.open(location: options.database, settings: settings)
            // The next start opens the same company, whatever order the database lists them in.
            if let desk { settings.setString("company-bin", desk.company.bin) }
        } catch {
            deskError = String(describing: error)
        }
    }

    /// Follows the `color-scheme` setting: the system's style, or forced light or dark.
    func applyColorScheme() {
        let scheme: AdwColorScheme = switch settings.string("color-scheme") {
        case "light": ADW_COLOR_SCHEME_FORCE_LIGHT
        case "dark": ADW_COLOR_SCHEME_FORCE_DARK
        default: ADW_COLOR_SCHEME_DEFAULT
        }
        adw_style_manager_set_color_scheme(adw_style_manager_get_default(), scheme)
    }
}
