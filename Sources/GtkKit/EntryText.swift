import CGtk
import CGtkShim

/// Text of anything editable (GtkEntry, GtkText, AdwEntryRow, GtkSearchEntry): the
/// GtkEditable interface, which Swift sees as an opaque pointer.
@MainActor
public enum EntryText {
    public static func text(of editable: ObjectHandle) -> String {
        gtk_editable_get_text(editable.opaque).map { String(cString: $0) } ?? ""
    }

    /// Sets the text only when it differs, so the cursor stays put and no `changed` is emitted
    /// for nothing.
    public static func set(_ text: String, on editable: ObjectHandle) {
        guard self.text(of: editable) != text else { return }
        gtk_editable_set_text(editable.opaque, text)
    }
}

/// The label screen readers say for a widget that shows only an icon.
@MainActor
public func setAccessibleLabel(_ widget: ObjectHandle, _ label: String) {
    qoima_accessible_set_label(widget.widget, label)
}
