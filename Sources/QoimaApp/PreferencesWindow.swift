import CAdw
import CGtk
import GtkKit

/// Preferences: the colour scheme (more settings join as their features land).
@MainActor
final class PreferencesWindow {
    let window: ObjectHandle
    private static let schemes = ["default", "light", "dark"]

    init(application: QoimaApplication, transientFor parent: ObjectHandle) {
        let builder = Builder(resource: "/kz/qoima/Qoima/ui/preferences.ui")
        window = builder.object("preferences_window")
        gtk_window_set_transient_for(window.cPointer(), parent.cPointer())

        let row = builder.object("color_scheme_row")
        let current = Self.schemes.firstIndex(of: application.settings.string("color-scheme")) ?? 0
        adw_combo_row_set_selected(row.cPointer(), guint(current))
        // The handler lives on the row, so it holds the row's pointer, not a handle (no cycle).
        let rowPointer: UnsafeMutablePointer<AdwComboRow> = row.cPointer()
        row.connect("notify::selected") { [weak application] (_: UnsafeMutableRawPointer?) in
            guard let application else { return }
            let index = Int(adw_combo_row_get_selected(rowPointer))
            guard Self.schemes.indices.contains(index) else { return }
            application.settings.setString("color-scheme", Self.schemes[index])
            application.applyColorScheme()
        }
    }
}
