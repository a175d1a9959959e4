import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore

/// A small form for one Magazine change (issue on paper, the restore date, a spoiled blank):
/// a row per field with its message under it. The change runs on the confirm button; a refusal
/// names its field (`MagazineError.field`) and is shown there, the dialog stays open with what
/// was typed, and nothing was written.
@MainActor
public final class MagazineDialog {
    public enum Input {
        case text(String)
        case date(CalendarDate?)
        case choice([String], selected: Int)
        case toggle(Bool)
    }

    /// One row; `key` is a `MagazineError.Field` raw value where the store can refuse it.
    public struct Field {
        let key: String
        let title: String
        let input: Input
        let hint: String?

        public init(_ key: String, _ title: String, _ input: Input, hint: String? = nil) {
            self.key = key
            self.title = title
            self.input = input
            self.hint = hint
        }
    }

    /// A field's text that is not what it must be (a date that does not read).
    struct InputError: Error {
        let key: String
        let message: String
    }

    public let window: ObjectHandle
    /// Runs the change; throwing keeps the dialog open with the message at its field.
    var onConfirm: (@MainActor (MagazineDialog) throws -> Void)?
    /// The messages shown now, by field key (tests read them).
    public private(set) var shownProblems: [String: String] = [:]
    private var rows: [String: ObjectHandle] = [:]
    private var problemLabels: [String: ObjectHandle] = [:]
    private let generalLabel: ObjectHandle

    init(name: String, title: String, explanation: String, confirm: String, fields: [Field], parent: ObjectHandle?) {
        window = ObjectHandle(adw_window_new()!, transfer: .none)
        gtk_widget_set_name(window.widget, name)
        gtk_window_set_title(window.cPointer(), title)
        gtk_window_set_modal(window.cPointer(), 1)
        gtk_window_set_default_size(window.cPointer(), 600, -1)
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }

        let header = gtk_header_bar_new()!
        gtk_header_bar_set_show_title_buttons(gcast(header), 0)
        let cancel = ObjectHandle(gtk_button_new_with_mnemonic(tr("_Cancel"))!, transfer: .none)
        gtk_header_bar_pack_start(gcast(header), cancel.widget)
        let confirmButton = ObjectHandle(gtk_button_new_with_mnemonic(confirm)!, transfer: .none)
        gtk_widget_set_name(confirmButton.widget, "confirm-button")
        gtk_widget_add_css_class(confirmButton.widget, "suggested-action")
        gtk_header_bar_pack_end(gcast(header), confirmButton.widget)
        gtk_window_set_default_widget(window.cPointer(), confirmButton.widget)

        let content = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!
        gtk_box_append(gcast(content), header)
        let body = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6)!
        gtk_widget_set_margin_start(body, 18)
        gtk_widget_set_margin_end(body, 18)
        gtk_widget_set_margin_bottom(body, 18)
        gtk_widget_set_margin_top(body, 12)
        let about = gtk_label_new(explanation)!
        gtk_label_set_wrap(gcast(about), 1)
        gtk_label_set_xalign(gcast(about), 0)
        gtk_label_set_max_width_chars(gcast(about), 60)
        gtk_widget_add_css_class(about, "dim-label")
        gtk_box_append(gcast(body), about)
        generalLabel = Self.problemLabel(name: "dialog-problem")
        gtk_box_append(gcast(body), generalLabel.widget)
        gtk_box_append(gcast(content), body)
        adw_window_set_content(window.cPointer(), content)
        for field in fields { add(field, to: body) }

        cancel.connect("clicked") { [weak self] in self?.close() }
        confirmButton.connect("clicked") { [weak self] in self?.confirm() }
    }

    public func present() { gtk_window_present(window.cPointer()) }
    public func close() { gtk_window_close(window.cPointer()) }

    // MARK: Reading and filling (tests call the same)

    public func text(_ key: String) -> String { rows[key].map(EntryText.text(of:))?.trimmingCharacters(in: .whitespaces) ?? "" }

    public func set(_ key: String, _ text: String) {
        if let row = rows[key] { EntryText.set(text, on: row) }
    }

    /// The field's date, or an error naming it.
    func date(_ key: String) throws -> CalendarDate {
        let text = text(key)
        guard let date = CalendarDate(ddMMyyyy: text) else {
            throw InputError(key: key, message: text.isEmpty ? tr("Enter a date as dd.mm.yyyy.")
                : tr("“%1$@” is not a date: write it as dd.mm.yyyy.", text))
        }
        return date
    }

    public func choice(_ key: String) -> Int { rows[key].map { Int(adw_combo_row_get_selected($0.cPointer())) } ?? 0 }

    public func choose(_ key: String, _ index: Int) {
        if let row = rows[key] { adw_combo_row_set_selected(row.cPointer(), guint(index)) }
    }

    public func toggle(_ key: String) -> Bool { rows[key].map { gtk_switch_get_active($0.cPointer()) != 0 } ?? false }

    public func setToggle(_ key: String, _ on: Bool) {
        if let row = rows[key] { gtk_switch_set_active(row.cPointer(), on ? 1 : 0) }
    }

    /// Runs the change; closes on success, shows the refusal at its field otherwise.
    public func confirm() {
        show([:], general: nil)
        do {
            try onConfirm?(self)
            close()
        } catch let error as InputError {
            show([error.key: error.message], general: nil)
        } catch let error as MagazineError where problemLabels[error.field.rawValue] != nil {
            show([error.field.rawValue: MagazineModel.message(of: error)], general: nil)
        } catch {
            show([:], general: MagazineModel.message(of: error))
        }
    }

    // MARK: Inside

    private func show(_ problems: [String: String], general: String?) {
        shownProblems = problems
        if let general { shownProblems[""] = general }
        for (key, label) in problemLabels { Self.say(problems[key], on: label) }
        Self.say(general, on: generalLabel)
    }

    private static func say(_ text: String?, on label: ObjectHandle) {
        gtk_label_set_text(label.cPointer(), text ?? "")
        gtk_widget_set_visible(label.widget, text == nil ? 0 : 1)
    }

    private static func problemLabel(name: String) -> ObjectHandle {
        let label = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(label.widget, name)
        gtk_label_set_wrap(label.cPointer(), 1)
        gtk_label_set_xalign(label.cPointer(), 0)
        gtk_label_set_max_width_chars(label.cPointer(), 60)
        gtk_widget_add_css_class(label.widget, "error")
        gtk_widget_set_visible(label.widget, 0)
        return label
    }

    private func add(_ field: Field, to body: UnsafeMutablePointer<GtkWidget>) {
        let list = gtk_list_box_new()!
        gtk_list_box_set_selection_mode(gcast(list), GTK_SELECTION_NONE)
        gtk_widget_add_css_class(list, "boxed-list")
        gtk_widget_set_margin_top(list, 6)
        let row: UnsafeMutablePointer<GtkWidget>
        switch field.input {
        case let .text(text):
            row = adw_entry_row_new()!
            gtk_editable_set_text(gcast(row), text)
            confirmOnEnter(row)
            rows[field.key] = ObjectHandle(row, transfer: .none)
        case let .date(date):
            row = adw_entry_row_new()!
            gtk_editable_set_text(gcast(row), date?.ddMMyyyy ?? "")
            confirmOnEnter(row)
            rows[field.key] = ObjectHandle(row, transfer: .none)
        case let .choice(choices, selected):
            row = adw_combo_row_new()!
            let model = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
            for choice in choices { gtk_string_list_append(model.opaque, choice) }
            adw_combo_row_set_model(gcast(row), model.opaque)
            adw_combo_row_set_selected(gcast(row), guint(selected))
            rows[field.key] = ObjectHandle(row, transfer: .none)
        case let .toggle(on):
            row = adw_action_row_new()!
            let toggle = gtk_switch_new()!
            gtk_switch_set_active(gcast(toggle), on ? 1 : 0)
            gtk_widget_set_valign(toggle, GTK_ALIGN_CENTER)
            adw_action_row_add_suffix(gcast(row), toggle)
            adw_action_row_set_activatable_widget(gcast(row), toggle)
            rows[field.key] = ObjectHandle(toggle, transfer: .none)
        }
        gtk_widget_set_name(row, "field-" + field.key)
        adw_preferences_row_set_title(gcast(row), field.title)
        if let hint = field.hint {
            if case .toggle = field.input {
                adw_action_row_set_subtitle(gcast(row), hint)
            } else {
                gtk_widget_set_tooltip_text(row, hint)
            }
        }
        gtk_list_box_append(gcast(list), row)
        gtk_box_append(gcast(body), list)
        let problem = Self.problemLabel(name: "problem-" + field.key)
        problemLabels[field.key] = problem
        gtk_box_append(gcast(body), problem.widget)
    }

    /// Enter in an entry row confirms, as the default button would.
    private func confirmOnEnter(_ row: UnsafeMutablePointer<GtkWidget>) {
        ObjectHandle(row, transfer: .none).connect("entry-activated") { [weak self] in self?.confirm() }
    }
}
