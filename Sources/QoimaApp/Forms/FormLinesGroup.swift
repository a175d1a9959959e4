import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// One table of a form's lines (the goods, or the inputs or outputs of production and
/// detailing): a batch picker over the sender's balances where lines take from stock, an
/// "Add line" button where they are typed in, and one expandable row per line with its
/// quantity always in sight and a problem said at the line.
@MainActor
final class FormLinesGroup {
    let side: FormLineSide
    /// The picker's group (when the side picks from stock), then the lines' group.
    let groups: [ObjectHandle]
    let picker: TypeAheadPicker<StoredBalance>?
    private(set) var rows: [FormLineRow] = []
    private let group: ObjectHandle
    private weak var model: FormEditorModel?

    init(side: FormLineSide, model: FormEditorModel) {
        self.side = side
        self.model = model
        group = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        gtk_widget_set_name(group.widget, "form-lines-" + side.rawValue)
        adw_preferences_group_set_title(group.cPointer(), FormWords.linesTitle(of: model.kind, side: side))
        if model.picksFromStock(side) {
            let picker = TypeAheadPicker<StoredBalance>(
                title: model.takesFromStock(side) ? tr("Take from the warehouse") : tr("Start from a batch"),
                placeholder: tr("_Find a batch by name, GTIN, TN VED or batch number"),
                name: "form-batch-search-" + side.rawValue,
                search: { [weak model] text in model?.searchBatches(text) ?? [] },
                describe: FormLinesGroup.describe,
                pick: { [weak model] batch in model?.pickBatch(batch, side: side) })
            self.picker = picker
            groups = [picker.group, group]
        } else {
            picker = nil
            groups = [group]
        }
        if model.allowsFreeEntry(side) {
            let add = ObjectHandle(gtk_button_new_from_icon_name("list-add-symbolic")!, transfer: .none)
            gtk_button_set_label(add.cPointer(), tr("Add line"))
            gtk_widget_set_name(add.widget, "form-add-line-" + side.rawValue)
            gtk_widget_add_css_class(add.widget, "flat")
            add.connect("clicked") { [weak model] in _ = model?.addLine(side) }
            adw_preferences_group_set_header_suffix(group.cPointer(), add.widget)
        }
        rebuild()
    }

    static func describe(_ batch: StoredBalance) -> (title: String, subtitle: String) {
        let details = [batch.batch.map { tr("batch %1$@", $0) }, batch.tnvedCode, batch.gtin,
                       tr("available %1$@", DecimalText.format(batch.available)),
                       batch.unitPrice.map { tr("price %1$@", DecimalText.format($0)) }]
        return (batch.name, details.compactMap { $0 }.joined(separator: " · "))
    }

    /// Builds the rows again after lines were added or removed.
    func rebuild() {
        guard let model else { return }
        for row in rows { adw_preferences_group_remove(group.cPointer(), row.row.widget) }
        rows = model.lines(side).indices.map { FormLineRow(side: side, index: $0, model: model) }
        for row in rows { adw_preferences_group_add(group.cPointer(), row.row.widget) }
        showProblems()
    }

    func refresh(line index: Int) {
        if rows.indices.contains(index) { rows[index].refresh() }
    }

    func showProblems() {
        for row in rows { row.showProblems() }
    }
}

/// One line of a form: an expander row titled with the line's goods, its quantity beside it,
/// a remove button, and inside either the columns to type (a new batch) or what the batch is.
@MainActor
final class FormLineRow {
    let row: ObjectHandle
    let quantity: ObjectHandle
    let side: FormLineSide
    let index: Int
    private(set) var columns: [FormLineColumn: ObjectHandle] = [:]
    private weak var model: FormEditorModel?

    init(side: FormLineSide, index: Int, model: FormEditorModel) {
        self.side = side
        self.index = index
        self.model = model
        row = ObjectHandle(adw_expander_row_new()!, transfer: .none)
        adw_preferences_row_set_use_markup(row.cPointer(), 0)
        let stem = "\(side.rawValue)-\(index + 1)"
        gtk_widget_set_name(row.widget, "form-line-" + stem)

        quantity = ObjectHandle(gtk_entry_new()!, transfer: .none)
        gtk_widget_set_name(quantity.widget, "form-line-quantity-" + stem)
        gtk_editable_set_width_chars(quantity.opaque, 9)
        gtk_entry_set_alignment(quantity.cPointer(), 1)
        gtk_entry_set_input_purpose(quantity.cPointer(), GTK_INPUT_PURPOSE_NUMBER)
        gtk_entry_set_placeholder_text(quantity.cPointer(), tr("Quantity"))
        gtk_widget_set_valign(quantity.widget, GTK_ALIGN_CENTER)
        setAccessibleLabel(quantity, tr("Quantity of line %1$@", index + 1))
        adw_expander_row_add_action(row.cPointer(), quantity.widget)

        let remove = ObjectHandle(gtk_button_new_from_icon_name("user-trash-symbolic")!, transfer: .none)
        gtk_widget_set_name(remove.widget, "form-line-remove-" + stem)
        gtk_widget_add_css_class(remove.widget, "flat")
        gtk_widget_set_valign(remove.widget, GTK_ALIGN_CENTER)
        gtk_widget_set_tooltip_text(remove.widget, tr("Remove line %1$@", index + 1))
        setAccessibleLabel(remove, tr("Remove line %1$@", index + 1))
        adw_expander_row_add_action(row.cPointer(), remove.widget)
        remove.connect("clicked") { [weak model] in model?.removeLine(side, at: index) }

        let line = model.lines(side)[index]
        EntryText.set(FormLineColumn.quantity.text(of: line), on: quantity)
        let editable = quantity.opaque
        quantity.connect("changed") { [weak self, weak model] in
            guard let self, let model else { return }
            model.setText(gtk_editable_get_text(editable).map { String(cString: $0) } ?? "", column: .quantity,
                          side: side, line: index)
            self.showTitle()
        }
        if model.takesFromStock(side) {
            addBatchRows(model: model)
        } else {
            for column in FormEditorModel.lineColumns where column != .quantity {
                let entry = FormRows.entry(title: column.title, name: "form-line-\(column.rawValue)-" + stem,
                                           text: column.text(of: line)) { [weak self, weak model] text in
                    model?.setText(text, column: column, side: side, line: index)
                    self?.showTitle()
                }
                if column == .price || column == .quantity {
                    adw_entry_row_set_input_purpose(entry.cPointer(), GTK_INPUT_PURPOSE_NUMBER)
                }
                adw_expander_row_add_row(row.cPointer(), entry.widget)
                columns[column] = entry
            }
            // A new line is typed in at once.
            if (line.name ?? "").isEmpty { adw_expander_row_set_expanded(row.cPointer(), 1) }
        }
        showTitle()
    }

    /// What the batch is: shown, not edited (IS ESF knows it by its number).
    private func addBatchRows(model: FormEditorModel) {
        let line = model.lines(side)[index]
        let batch = model.batch(line.productId)
        let facts: [(String, String?)] = [
            (tr("Batch"), line.productId.map(String.init)),
            (tr("TN VED code"), line.tnvedCode?.rawValue), (tr("GSVS code"), line.gsvsCode?.rawValue),
            (tr("Unit of measure code"), line.measureUnitCode?.rawValue),
            (tr("Price per unit"), line.price.map(DecimalText.format)),
            (tr("In stock"), batch.map { DecimalText.format($0.quantity) }),
            (tr("Reserved"), batch.map { DecimalText.format($0.reserveQuantity ?? 0) }),
            (tr("Available"), batch.map { DecimalText.format($0.available) }),
        ]
        for case let (title, value?) in facts {
            let fact = adw_action_row_new()!
            adw_preferences_row_set_use_markup(gcast(fact), 0)
            adw_preferences_row_set_title(gcast(fact), title)
            adw_action_row_set_subtitle(gcast(fact), value)
            gtk_widget_add_css_class(fact, "property")
            adw_expander_row_add_row(row.cPointer(), fact)
        }
    }

    /// Redraws the line after it changed from outside the row (a batch picked into it).
    func refresh() {
        guard let model, model.lines(side).indices.contains(index) else { return }
        let line = model.lines(side)[index]
        EntryText.set(FormLineColumn.quantity.text(of: line), on: quantity)
        for (column, entry) in columns { EntryText.set(column.text(of: line), on: entry) }
        showTitle()
    }

    /// The title names the goods; the subtitle sums the line up, or says what is wrong with it.
    private func showTitle() {
        guard let model, model.lines(side).indices.contains(index) else { return }
        let line = model.lines(side)[index]
        let name = (line.name ?? "").isEmpty ? tr("(no name)") : line.name!
        adw_preferences_row_set_title(row.cPointer(), tr("%1$@. %2$@", index + 1, name))
        showProblems()
    }

    func showProblems() {
        guard let model, model.lines(side).indices.contains(index) else { return }
        let problems = model.problems(side: side, line: index)
        let line = model.lines(side)[index]
        if problems.isEmpty {
            var parts: [String] = []
            if let batch = line.productId { parts.append(tr("batch %1$@", batch)) }
            if let quantity = line.quantity {
                parts.append(FormWords.text(UnitSymbol.quantity(quantity, line.measureUnitCode?.rawValue)))
            }
            if let sum = line.sum { parts.append(tr("sum %1$@", SntListFormat.amount(sum, currency: nil))) }
            adw_expander_row_set_subtitle(row.cPointer(), parts.joined(separator: " · "))
            gtk_widget_remove_css_class(row.widget, "error")
        } else {
            adw_expander_row_set_subtitle(row.cPointer(), problems.map(\.message).joined(separator: "\n"))
            gtk_widget_add_css_class(row.widget, "error")
        }
        let atQuantity = problems.filter { if case .line(_, _, "quantity") = $0.place { true } else { false } }
        FormRows.show(problems: atQuantity.map(\.message), on: quantity)
        for (column, entry) in columns {
            let here = problems.filter { if case let .line(_, _, name) = $0.place { name == column.element } else { false } }
            FormRows.show(problems: here.map(\.message), on: entry)
        }
    }

    /// The subtitle as shown (tests read what the line says).
    var subtitle: String {
        adw_expander_row_get_subtitle(row.cPointer()).map { String(cString: $0) } ?? ""
    }

    /// Puts the cursor where the problem is: the quantity, or the column inside the row.
    func focus(column: String) {
        if let entry = columns.first(where: { $0.key.element == column })?.value {
            adw_expander_row_set_expanded(row.cPointer(), 1)
            gtk_widget_grab_focus(entry.widget)
        } else {
            gtk_widget_grab_focus(quantity.widget)
        }
    }
}
