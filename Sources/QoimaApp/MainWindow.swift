import CAdw
import CGtk
import GtkKit
import QoimaCore

/// The main window: the sidebar of pages in a leaflet, the page stack, the window actions,
/// and the size and last page remembered between runs.
@MainActor
public final class MainWindow {
    public let window: ObjectHandle
    public private(set) var currentPage: AppPage
    public private(set) var firstFrameShown = false
    /// Demo mode's welcome dialog, once shown.
    public private(set) var welcomeDialog: ObjectHandle?
    /// The SNT desk (lists, editors, sending); nil while the database has no own company.
    public private(set) var desk: DeskController?

    private unowned let app: QoimaApplication
    private let builder = Builder(resource: "/kz/qoima/Qoima/ui/window.ui")
    private let leaflet: ObjectHandle
    private let stack: ObjectHandle
    private let toastOverlay: ObjectHandle
    private let sidebar: ObjectHandle
    private let backButton: ObjectHandle
    private let windowTitle: ObjectHandle
    private var rows: [AppPage: ObjectHandle] = [:]
    private var afterPaint: SignalConnection?

    init(application: QoimaApplication) {
        app = application
        window = builder.object("window")
        leaflet = builder.object("leaflet")
        stack = builder.object("stack")
        toastOverlay = builder.object("toast_overlay")
        sidebar = builder.object("sidebar")
        backButton = builder.object("back_button")
        windowTitle = builder.object("window_title")
        currentPage = AppPage(rawValue: application.settings.string("last-page")) ?? .outgoing

        gtk_window_set_application(window.cPointer(), application.application.cPointer())
        gtk_window_set_icon_name(window.cPointer(), QoimaVersion.applicationID)
        restoreSize()
        buildPages()
        connectSignals()
        addActions()
        openDesk()
        show(currentPage)
    }

    public func present() {
        gtk_window_present(window.cPointer())
        watchFirstFrame()
        if welcomeDialog == nil, let welcome = app.options.demoWelcome {
            welcomeDialog = welcome.present(over: window)
        }
    }

    /// Shows a page: selects its sidebar row, switches the stack and remembers the choice.
    public func show(_ page: AppPage) {
        currentPage = page
        gtk_stack_set_visible_child_name(stack.cPointer(), page.rawValue)
        adw_window_title_set_subtitle(windowTitle.opaque, page.title)
        if let row = rows[page], gtk_list_box_get_selected_row(sidebar.cPointer()) != row.cPointer() as UnsafeMutablePointer<GtkListBoxRow> {
            gtk_list_box_select_row(sidebar.cPointer(), row.cPointer())
        }
        if isFolded {
            adw_leaflet_set_visible_child(leaflet.opaque, toastOverlay.widget)
        }
        app.settings.setString("last-page", page.rawValue)
    }

    /// Whether the window is too narrow for the sidebar and the page side by side.
    public var isFolded: Bool { adw_leaflet_get_folded(leaflet.opaque) != 0 }

    /// Whether a folded window shows the page rather than the sidebar.
    public var showsPageContent: Bool { adw_leaflet_get_visible_child(leaflet.opaque) == toastOverlay.widget }

    /// The name of the stack child on screen (tests check it against `currentPage`).
    public var visiblePageName: String? {
        gtk_stack_get_visible_child_name(stack.cPointer()).map { String(cString: $0) }
    }

    /// Writes the window's size and state to the settings.
    public func saveState() {
        var width: Int32 = 0, height: Int32 = 0
        gtk_window_get_default_size(window.cPointer(), &width, &height)
        let maximized = gtk_window_is_maximized(window.cPointer()) != 0
        if !maximized, width > 0, height > 0 {
            app.settings.setInteger("window-width", Int(width))
            app.settings.setInteger("window-height", Int(height))
        }
        app.settings.setBool("window-maximized", maximized)
        app.settings.flush()
    }

    /// Puts a page's own widget in the stack in place of its status page.
    public func install(_ content: ObjectHandle, for page: AppPage) {
        let wasVisible = visiblePageName == page.rawValue
        if let old = gtk_stack_get_child_by_name(stack.cPointer(), page.rawValue) {
            gtk_stack_remove(stack.cPointer(), old)
        }
        gtk_stack_add_named(stack.cPointer(), content.widget, page.rawValue)
        if wasVisible { gtk_stack_set_visible_child_name(stack.cPointer(), page.rawValue) }
    }

    /// Shows a toast over the pages; with `button`, `action` runs when it is pressed (undo).
    @discardableResult
    public func showToast(_ title: String, button: String? = nil, timeout: UInt32 = 8,
                          action: (@MainActor () -> Void)? = nil) -> ObjectHandle {
        // A toast's title is markup; what Qoima says in one is plain text (names hold "&").
        let escaped = g_markup_escape_text(title, -1)!
        defer { g_free(escaped) }
        let toast = ObjectHandle(adw_toast_new(escaped)!, transfer: .full)
        adw_toast_set_timeout(toast.opaque, timeout)
        if let button, let action {
            adw_toast_set_button_label(toast.opaque, button)
            toast.connect("button-clicked") { action() }
        }
        // The overlay takes its own reference.
        adw_toast_overlay_add_toast(toastOverlay.opaque, OpaquePointer(g_object_ref(toast.raw)))
        return toast
    }

    // MARK: Dialogs

    @discardableResult
    public func showAbout() -> ObjectHandle {
        let about = AboutWindow.make(transientFor: window)
        gtk_window_present(about.cPointer())
        return about
    }

    @discardableResult
    public func showPreferences() -> ObjectHandle {
        let preferences = PreferencesWindow(application: app, transientFor: window)
        gtk_window_present(preferences.window.cPointer())
        return preferences.window
    }

    /// The keyboard shortcuts window that GtkApplication loaded from `gtk/help-overlay.ui`.
    @discardableResult
    public func showShortcuts() -> ObjectHandle? {
        ActionMap(window).activate("show-help-overlay")
        guard let overlay = gtk_application_window_get_help_overlay(window.cPointer()) else { return nil }
        return ObjectHandle(overlay, transfer: .none)
    }

    // MARK: Building

    private func buildPages() {
        for page in AppPage.allCases {
            let status = adw_status_page_new()!
            adw_status_page_set_icon_name(gcast(status), page.iconName)
            adw_status_page_set_title(gcast(status), page.title)
            adw_status_page_set_description(gcast(status), page.placeholder)
            gtk_stack_add_named(stack.cPointer(), status, page.rawValue)

            let box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6)!
            gtk_box_append(gcast(box), gtk_image_new_from_icon_name(page.iconName))
            let label = gtk_label_new(page.title)!
            gtk_label_set_xalign(gcast(label), 0)
            gtk_widget_add_css_class(label, "sidebar-row-label")
            gtk_box_append(gcast(box), label)
            let row = ObjectHandle(gtk_list_box_row_new()!, transfer: .none)
            gtk_widget_set_name(row.widget, page.rawValue)
            gtk_list_box_row_set_child(row.cPointer(), box)
            gtk_list_box_append(sidebar.cPointer(), row.widget)
            rows[page] = row
        }
    }

    private func connectSignals() {
        sidebar.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            self?.showPage(ofRow: row)
        }
        sidebar.connect("row-selected") { [weak self] (row: UnsafeMutableRawPointer?) in
            self?.showPage(ofRow: row)
        }
        backButton.connect("clicked") { [weak self] in
            guard let self else { return }
            adw_leaflet_navigate(self.leaflet.opaque, ADW_NAVIGATION_DIRECTION_BACK)
        }
        leaflet.connect("notify::folded") { [weak self] (_: UnsafeMutableRawPointer?) in self?.updateBackButton() }
        leaflet.connect("notify::visible-child") { [weak self] (_: UnsafeMutableRawPointer?) in self?.updateBackButton() }
        window.connectReturning("close-request") { [weak self] in
            self?.saveState()
            return false
        }
    }

    private func addActions() {
        ActionMap(window).add("show-page", stringParameter: { [weak self] name in
            guard let page = AppPage(rawValue: name) else { return }
            self?.show(page)
        })
    }

    /// Puts the SNT desk's pages in place and adds the actions that start, send and find SNTs.
    private func openDesk() {
        let deskButtons = [builder.object("new_button"), builder.object("refresh_button")]
        guard let context = app.desk else {
            for button in deskButtons { gtk_widget_set_visible(button.widget, 0) }
            if let error = app.deskError { showToast(tr("The database could not be opened: %1$@", error), timeout: 0) }
            return
        }
        let desk = DeskController(context: context, window: self)
        self.desk = desk
        adw_window_title_set_title(windowTitle.opaque, context.company.nameRu.isEmpty ? "Qoima" : context.company.nameRu)
        let actions = ActionMap(window)
        actions.add("new-snt") { [weak desk] in desk?.newBlank() }
        actions.add("new-copy") { [weak desk] in desk?.newCopy() }
        actions.add("new-return") { [weak desk] in desk?.newReturn() }
        actions.add("new-correction") { [weak desk] in desk?.newCorrection() }
        actions.add("new-from-template") { [weak desk] in desk?.chooseTemplate() }
        actions.add("import-snt") { [weak desk] in desk?.chooseFileToImport() }
        actions.add("search") { [weak self, weak desk] in
            if self?.currentPage == .magazine { desk?.magazine.page.focusSearch() } else { desk?.currentList?.focusSearch() }
        }
        actions.add("issue-on-paper") { [weak desk] in desk?.issueSelectedOnPaper() }
        actions.add("send-selected") { [weak desk] in desk?.sendSelected() }
        actions.add("refresh") { [weak desk] in desk?.refresh() }
    }

    /// Lets a document window live in the application beside the main one, so closing either
    /// leaves the other open and the application runs until the last closes.
    func adopt(_ other: ObjectHandle) {
        gtk_window_set_application(other.cPointer(), app.application.cPointer())
    }

    private func showPage(ofRow row: UnsafeMutableRawPointer?) {
        guard let row, let name = gtk_widget_get_name(row.assumingMemoryBound(to: GtkWidget.self)),
              let page = AppPage(rawValue: String(cString: name)), page != currentPage || adw_leaflet_get_folded(leaflet.opaque) != 0
        else { return }
        show(page)
    }

    private func updateBackButton() {
        let folded = adw_leaflet_get_folded(leaflet.opaque) != 0
        gtk_widget_set_visible(backButton.widget, folded && showsPageContent ? 1 : 0)
    }

    private func restoreSize() {
        let width = max(app.settings.integer("window-width"), 360)
        let height = max(app.settings.integer("window-height"), 400)
        gtk_window_set_default_size(window.cPointer(), Int32(width), Int32(height))
        if app.settings.bool("window-maximized") { gtk_window_maximize(window.cPointer()) }
    }

    private func watchFirstFrame() {
        guard !firstFrameShown, afterPaint == nil, let clock = gtk_widget_get_frame_clock(window.widget) else { return }
        let frameClock = ObjectHandle(clock, transfer: .none)
        afterPaint = frameClock.connect("after-paint") { [weak self] in
            guard let self, !self.firstFrameShown else { return }
            self.firstFrameShown = true
            self.afterPaint?.disconnect()
            self.app.options.onFirstFrame?(self)
        }
    }
}
