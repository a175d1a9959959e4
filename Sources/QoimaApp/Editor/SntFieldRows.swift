import CAdw
import CGtk
import GtkKit
import QoimaCore

/// The row of one form field: an entry row for text, a combo row for a choice, a switch row
/// for a flag. It shows its field's problems (the "error" style, the message as tooltip and,
/// where the row has one, subtitle) and can be focused from the problems list.
@MainActor
final class SntFieldRow {
    let binding: SntFieldBinding
    let row: ObjectHandle
    /// The switch of a flag row.
    private var toggle: ObjectHandle?
    private var values: [String] = []
    private var quiet = false
    private var hasProblem = false

    init(binding: SntFieldBinding, model: SntEditorModel) {
        self.binding = binding
        switch binding.kind {
        case .text, .date, .number:
            row = ObjectHandle(adw_entry_row_new()!, transfer: .floating)
            if binding.kind == .number {
                adw_entry_row_set_input_purpose(row.cPointer(), GTK_INPUT_PURPOSE_NUMBER)
            }
        case .flag:
            row = ObjectHandle(adw_action_row_new()!, transfer: .floating)
            let toggle = ObjectHandle(gtk_switch_new()!, transfer: .none)
            gtk_widget_set_valign(toggle.widget, GTK_ALIGN_CENTER)
            adw_action_row_add_suffix(row.cPointer(), toggle.widget)
            adw_action_row_set_activatable_widget(row.cPointer(), toggle.widget)
            self.toggle = toggle
        case let .choice(choices, optional):
            row = ObjectHandle(adw_combo_row_new()!, transfer: .floating)
            values = (optional ? [""] : []) + choices.map(\.value)
            var labels = (optional ? [tr("None")] : []) + choices.map(\.label)
            let strings = labels.indices.map { strdup(labels[$0]) } + [nil]
            defer { strings.forEach { free($0) } }
            let list = strings.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    gtk_string_list_new($0)!
                }
            }
            adw_combo_row_set_model(row.cPointer(), list)
            g_object_unref(UnsafeMutableRawPointer(list))
            labels.removeAll()
        }
        adw_preferences_row_set_title(row.cPointer(), binding.title)
        // Values are the user's text (a name like «Құрылыс & Ко»), never markup.
        adw_preferences_row_set_use_markup(row.cPointer(), 0)
        adw_preferences_row_set_use_underline(row.cPointer(), binding.title.contains("_") ? 1 : 0)
        gtk_widget_set_name(row.widget, "field-" + binding.field.code)
        show(model.snt)
        connect(model)
    }

    /// Shows the SNT's value, unless the field holds text the SNT could not take (which stays,
    /// for the user to fix).
    func show(_ snt: Snt) {
        guard !hasInputProblem else { return }
        quiet = true
        defer { quiet = false }
        let value = binding.get(snt)
        switch binding.kind {
        case .text, .date, .number:
            EntryText.set(value, on: row)
        case .flag:
            if let toggle { gtk_switch_set_active(toggle.cPointer(), value == "true" ? 1 : 0) }
        case .choice:
            let index = values.firstIndex(of: value) ?? 0
            if adw_combo_row_get_selected(row.cPointer()) != guint(index) {
                adw_combo_row_set_selected(row.cPointer(), guint(index))
            }
        }
    }

    private var hasInputProblem = false

    /// Marks the row with its problems, or clears the mark.
    func show(problems: [EditorProblem]) {
        hasInputProblem = problems.contains { $0.source == .input }
        let text = problems.map(\.message).joined(separator: "\n")
        if problems.isEmpty {
            guard hasProblem else { return }
            gtk_widget_remove_css_class(row.widget, "error")
            gtk_widget_set_tooltip_text(row.widget, nil)
        } else {
            gtk_widget_add_css_class(row.widget, "error")
            gtk_widget_set_tooltip_text(row.widget, text)
        }
        if binding.kind != .text, binding.kind != .date, binding.kind != .number {
            adw_action_row_set_subtitle(row.cPointer(), text)
        }
        hasProblem = !problems.isEmpty
    }

    func focus() {
        gtk_widget_grab_focus(toggle?.widget ?? row.widget)
    }

    private func connect(_ model: SntEditorModel) {
        let binding = binding
        switch binding.kind {
        case .text, .date, .number:
            let row = row
            row.connect("changed") { [weak self, weak model] in
                guard let self, !self.quiet, let model else { return }
                model.setText(EntryText.text(of: row), for: binding)
            }
        case .flag:
            guard let toggle else { return }
            let pointer: OpaquePointer = toggle.cPointer()
            toggle.connect("notify::active") { [weak self, weak model] (_: UnsafeMutableRawPointer?) in
                guard let self, !self.quiet, let model else { return }
                model.setText(gtk_switch_get_active(pointer) != 0 ? "true" : "false", for: binding)
            }
        case .choice:
            let pointer: UnsafeMutablePointer<AdwComboRow> = row.cPointer()
            let values = values
            row.connect("notify::selected") { [weak self, weak model] (_: UnsafeMutableRawPointer?) in
                guard let self, !self.quiet, let model else { return }
                let index = Int(adw_combo_row_get_selected(pointer))
                model.setText(values.indices.contains(index) ? values[index] : "", for: binding)
            }
        }
    }
}

/// Builds the preference group of one section from its bindings; other builders (customer,
/// goods) add their own widgets to the group it returns.
@MainActor
enum SntSectionGroupBuilder {
    static func group(for section: SntFormSection, model: SntEditorModel,
                      register: (SntFieldRow) -> Void) -> ObjectHandle {
        let group = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        adw_preferences_group_set_title(group.cPointer(), section.title)
        gtk_widget_set_name(group.widget, "section-" + section.letter)
        for binding in section.fields {
            let row = SntFieldRow(binding: binding, model: model)
            adw_preferences_group_add(group.cPointer(), row.row.widget)
            register(row)
        }
        return group
    }
}
