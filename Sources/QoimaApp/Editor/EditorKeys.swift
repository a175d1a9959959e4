import CGtk
import GtkKit

/// How the editor windows take their keys: the window's own shortcuts caught before the
/// focused entry sees them (so Ctrl+Return sends even from a field), and Escape only after it
/// (so an entry's popover or completion closes first).
@MainActor
enum EditorKeys {
    static func install(_ shortcuts: [(accelerator: String, action: String)], on window: ObjectHandle) {
        let capture = gtk_shortcut_controller_new()!
        gtk_event_controller_set_propagation_phase(capture, GTK_PHASE_CAPTURE)
        for (accelerator, action) in shortcuts {
            gtk_shortcut_controller_add_shortcut(gcast(capture), gtk_shortcut_new(
                gtk_shortcut_trigger_parse_string(accelerator), gtk_named_action_new(action)))
        }
        gtk_widget_add_controller(window.widget, capture)
        let escape = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_add_shortcut(gcast(escape), gtk_shortcut_new(
            gtk_shortcut_trigger_parse_string("Escape"), gtk_named_action_new("window.close")))
        gtk_widget_add_controller(window.widget, escape)
    }
}
