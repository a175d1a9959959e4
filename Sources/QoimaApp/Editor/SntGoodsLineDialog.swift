import CAdw
import CGtk
import GtkKit
import QoimaCore
import QoimaStore

/// The form of one goods line: a batch picker, then every column with its number (G1.3 …
/// G1.17); the amounts (8, 9, 11, 12) are computed as the quantity, price and rates are typed.
/// Each keystroke goes to the model, so closing the form never drops anything.
@MainActor
final class SntGoodsLineDialog {
    let window: ObjectHandle
    let line: Int
    let batchPicker: TypeAheadPicker<StoredBalance>
    private var rows: [GoodsLineField: ObjectHandle] = [:]
    private let bindings = GoodsLineBinding.all()
    private unowned let model: SntEditorModel
    private var quiet = false
    private var inputColumns: Set<GoodsLineField> = []
    private var editing: GoodsLineField?

    init(model: SntEditorModel, line: Int, transientFor parent: ObjectHandle) {
        self.model = model
        self.line = line
        window = ObjectHandle(adw_window_new()!, transfer: .none)
        gtk_window_set_transient_for(window.cPointer(), parent.cPointer())
        gtk_window_set_modal(window.cPointer(), 1)
        gtk_window_set_default_size(window.cPointer(), 560, 720)
        gtk_window_set_title(window.cPointer(), tr("Goods line %1$@", line + 1))
        gtk_widget_set_name(window.widget, "goods-line-dialog")

        let box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!
        let header = adw_header_bar_new()!
        let title = adw_window_title_new(tr("Goods line %1$@", line + 1), tr("Section G, table G1"))!
        adw_header_bar_set_title_widget(gcast(header), title)
        gtk_box_append(gcast(box), header)
        let page = adw_preferences_page_new()!
        gtk_widget_set_vexpand(page, 1)
        gtk_box_append(gcast(box), page)
        adw_window_set_content(window.cPointer(), box)

        batchPicker = SntBatchPicker.make(model: model, line: { line })
        adw_preferences_page_add(gcast(page), batchPicker.group.cPointer())

        let group = adw_preferences_group_new()!
        adw_preferences_group_set_title(gcast(group), tr("Line %1$@", line + 1))
        let computed = adw_preferences_group_new()!
        adw_preferences_group_set_title(gcast(computed), tr("Computed"))
        for binding in bindings {
            let row: ObjectHandle
            if binding.set != nil {
                row = ObjectHandle(adw_entry_row_new()!, transfer: .none)
                if binding.isNumeric { adw_entry_row_set_input_purpose(row.cPointer(), GTK_INPUT_PURPOSE_NUMBER) }
                let entry = row
                row.connect("changed") { [weak self] in
                    guard let self, !self.quiet else { return }
                    // The amounts follow as the user types; the row typed in keeps its text as typed.
                    self.editing = binding.column
                    defer { self.editing = nil }
                    self.model.setText(EntryText.text(of: entry), for: binding, line: self.line)
                }
                adw_preferences_group_add(gcast(group), row.widget)
            } else {
                row = ObjectHandle(adw_action_row_new()!, transfer: .none)
                adw_preferences_group_add(gcast(computed), row.widget)
            }
            adw_preferences_row_set_title(row.cPointer(), binding.title)
            adw_preferences_row_set_use_markup(row.cPointer(), 0)
            gtk_widget_set_name(row.widget, "line-field-" + binding.column.rawValue)
            rows[binding.column] = row
        }
        adw_preferences_page_add(gcast(page), gcast(group))
        adw_preferences_page_add(gcast(page), gcast(computed))

        let shortcuts = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_add_shortcut(gcast(shortcuts), gtk_shortcut_new(
            gtk_shortcut_trigger_parse_string("Escape"), gtk_named_action_new("window.close")))
        gtk_widget_add_controller(window.widget, shortcuts)
        refresh()
        show(problems: model.problems)
    }

    func present() { gtk_window_present(window.cPointer()) }
    func close() { gtk_window_close(window.cPointer()) }

    /// Focuses the row of `column` (from the problems list).
    func focus(_ column: GoodsLineField) {
        if let row = rows[column] { gtk_widget_grab_focus(row.widget) }
    }

    func row(_ column: GoodsLineField) -> ObjectHandle? { rows[column] }

    /// Shows the line as the model has it; text the line could not take stays as typed.
    func refresh() {
        guard model.lines.indices.contains(line) else { return close() }
        let current = model.lines[line]
        quiet = true
        defer { quiet = false }
        for binding in bindings {
            guard let row = rows[binding.column] else { continue }
            let value = binding.get(current)
            if binding.set != nil {
                if !inputColumns.contains(binding.column), binding.column != editing { EntryText.set(value, on: row) }
            } else {
                adw_action_row_set_subtitle(row.cPointer(), value.isEmpty ? "—" : value)
            }
        }
    }

    /// Marks the columns of this line that have problems.
    func show(problems: [EditorProblem]) {
        var byColumn: [GoodsLineField: [EditorProblem]] = [:]
        for problem in problems where problem.line == line + 1 && problem.fieldCode.hasPrefix("G1.") {
            let number = String(problem.fieldCode.dropFirst(3))
            if let column = GoodsLineField.allCases.first(where: { $0.number == number }) {
                byColumn[column, default: []].append(problem)
            }
        }
        inputColumns = Set(byColumn.filter { $0.value.contains { $0.source == .input } }.keys)
        for (column, row) in rows {
            if let found = byColumn[column] {
                gtk_widget_add_css_class(row.widget, "error")
                gtk_widget_set_tooltip_text(row.widget, found.map(\.message).joined(separator: "\n"))
            } else {
                gtk_widget_remove_css_class(row.widget, "error")
                gtk_widget_set_tooltip_text(row.widget, nil)
            }
        }
    }
}
