import CGtk
import Foundation
import GtkKit

/// How the pages take their keys: shared by the SNT lists, the Forms page, the Balances view and
/// the Magazine page.
@MainActor
enum PageKeys {
    /// Binds `trigger` to the named action on `widget` (the page, or its table for a key that
    /// acts only while the table has the focus).
    static func add(_ trigger: String, action: String, to widget: ObjectHandle) {
        let controller = gtk_shortcut_controller_new()!
        // The shortcut takes the trigger and action, the controller the shortcut, the widget the controller.
        let shortcut = gtk_shortcut_new(gtk_shortcut_trigger_parse_string(trigger), gtk_named_action_new(action))!
        gtk_shortcut_controller_add_shortcut(gcast(controller), shortcut)
        gtk_widget_add_controller(widget.widget, controller)
    }
}
