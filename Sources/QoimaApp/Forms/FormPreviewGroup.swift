import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore

/// The editor's right-hand pane: each batch the form touches with its quantity before and
/// after (`FormEditorModel.preview`, `UFormBalancePreview`), new batches marked as such, and a batch the form would
/// take below zero in red.
@MainActor
final class FormPreviewGroup {
    private let group: ObjectHandle
    private var rows: [ObjectHandle] = []
    /// What each row says, for tests: title, then subtitle.
    private(set) var shown: [(title: String, subtitle: String)] = []

    init(group: ObjectHandle) {
        self.group = group
    }

    func show(_ model: FormEditorModel) {
        FormRows.clear(group, rows: &rows)
        shown = []
        let preview = model.preview
        if preview.isEmpty {
            let row = ObjectHandle(adw_action_row_new()!, transfer: .none)
            adw_preferences_row_set_title(row.cPointer(), tr("No batches yet: add lines to see their balances."))
            gtk_widget_add_css_class(row.widget, "dim-label")
            adw_preferences_group_add(group.cPointer(), row.widget)
            rows.append(row)
            return
        }
        for (index, entry) in preview.enumerated() {
            let row = ObjectHandle(adw_action_row_new()!, transfer: .none)
            gtk_widget_set_name(row.widget, "form-preview-\(index + 1)")
            adw_preferences_row_set_use_markup(row.cPointer(), 0)
            let place = model.warehouse(id: entry.storeId).map { $0.name.isEmpty ? String($0.storeId) : $0.name }
                ?? String(entry.storeId)
            let batch = entry.batch.map { tr("batch %1$@", $0) } ?? tr("new batch")
            let title = tr("%1$@ · %2$@", entry.name.isEmpty ? tr("(no name)") : entry.name, batch)
            let unit = FormWords.text(UnitSymbol.of(entry.measureUnitCode))
            var subtitle = tr("%1$@: %2$@ → %3$@%4$@", place, DecimalText.format(entry.before),
                              DecimalText.format(entry.after), unit.isEmpty ? "" : " " + unit)
            // Reserved goods cannot be taken: what is left to take is what the clerk needs.
            if entry.reserved != 0 {
                subtitle += "\n" + tr("available %1$@ → %2$@", DecimalText.format(entry.availableBefore),
                                        DecimalText.format(entry.availableAfter))
            }
            let isShort = entry.availableAfter < 0 && entry.change < 0
            adw_preferences_row_set_title(row.cPointer(), title)
            adw_action_row_set_subtitle(row.cPointer(), subtitle)
            let change = gtk_label_new((entry.change > 0 ? "+" : "") + DecimalText.format(entry.change))!
            gtk_widget_add_css_class(change, "numeric")
            gtk_widget_add_css_class(change, isShort ? "error" : entry.change > 0 ? "success" : "dim-label")
            adw_action_row_add_suffix(row.cPointer(), change)
            if isShort { gtk_widget_add_css_class(row.widget, "error") }
            adw_preferences_group_add(group.cPointer(), row.widget)
            rows.append(row)
            shown.append((title, subtitle))
        }
    }
}
