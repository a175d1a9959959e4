import CAdw
import CGtk
import Foundation
import GtkKit

/// The rows the form editor is made of: entry rows and choice rows that report the user's
/// input and show a problem at themselves.
@MainActor
enum FormRows {
    /// An entry row named `name`; `changed` hears every edit.
    static func entry(title: String, name: String, text: String, changed: @escaping @MainActor (String) -> Void) -> ObjectHandle {
        let row = ObjectHandle(adw_entry_row_new()!, transfer: .none)
        // The user's text (a name like «Құрылыс & Ко») is never markup.
        adw_preferences_row_set_use_markup(row.cPointer(), 0)
        adw_preferences_row_set_title(row.cPointer(), title)
        gtk_widget_set_name(row.widget, name)
        EntryText.set(text, on: row)
        // The raw pointer, not the handle: a handle captured by its own signal would never be freed.
        let editable = row.opaque
        row.connect("changed") { changed(gtk_editable_get_text(editable).map { String(cString: $0) } ?? "") }
        return row
    }

    /// A choice row of `labels` named `name`, showing `selected`; `chosen` hears the index picked.
    static func choice(title: String, name: String, labels: [String], selected: Int?,
                       chosen: @escaping @MainActor (Int) -> Void) -> ObjectHandle {
        let row = ObjectHandle(adw_combo_row_new()!, transfer: .none)
        adw_preferences_row_set_use_markup(row.cPointer(), 0)
        adw_preferences_row_set_title(row.cPointer(), title)
        gtk_widget_set_name(row.widget, name)
        let list = stringList(labels)
        adw_combo_row_set_model(row.cPointer(), list)
        g_object_unref(UnsafeMutableRawPointer(list))
        adw_combo_row_set_selected(row.cPointer(), guint(selected ?? Int(GTK_INVALID_LIST_POSITION)))
        let combo: UnsafeMutablePointer<AdwComboRow> = row.cPointer()
        row.connect("notify::selected") { (_: UnsafeMutableRawPointer?) in
            let index = adw_combo_row_get_selected(combo)
            if index != GTK_INVALID_LIST_POSITION { chosen(Int(index)) }
        }
        return row
    }

    static func stringList(_ labels: [String]) -> OpaquePointer {
        let strings = labels.map { strdup($0) } + [nil]
        defer { strings.forEach { free($0) } }
        return strings.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                gtk_string_list_new($0)!
            }
        }
    }

    /// Marks the row as wrong with the problems' text as its tooltip, or clears the mark.
    static func show(problems: [String], on row: ObjectHandle) {
        if problems.isEmpty {
            gtk_widget_remove_css_class(row.widget, "error")
            gtk_widget_set_tooltip_text(row.widget, nil)
        } else {
            gtk_widget_add_css_class(row.widget, "error")
            gtk_widget_set_tooltip_text(row.widget, problems.joined(separator: "\n"))
        }
    }

    /// Removes every row a preferences group was given.
    static func clear(_ group: ObjectHandle, rows: inout [ObjectHandle]) {
        for row in rows { adw_preferences_group_remove(group.cPointer(), row.widget) }
        rows.removeAll()
    }
}
