import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore

/// Section G: currency, the barcode field, the goods lines and the totals. Lines are a
/// GtkListView over one string per line, so a thousand lines cost only the rows on screen;
/// each row shows its line from the model when bound, and opens the line form when activated.
@MainActor
final class SntGoodsGroup {
    let linesView: ObjectHandle
    let totalsGroup: ObjectHandle
    let barcode: SntBarcodeField
    private let list: ObjectHandle
    private let selection: ObjectHandle
    private let factory: ObjectHandle
    private let totalLabels: [GoodsTotalField: ObjectHandle]
    private unowned let model: SntEditorModel
    private let openLine: @MainActor (Int) -> Void
    private var problemLines: Set<Int> = []

    init(group: ObjectHandle, model: SntEditorModel, openLine: @escaping @MainActor (Int) -> Void) {
        self.model = model
        self.openLine = openLine
        barcode = SntBarcodeField(model: model)
        adw_preferences_group_add(group.cPointer(), barcode.box.widget)

        list = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
        selection = ObjectHandle(gtk_single_selection_new(OpaquePointer(g_object_ref(list.raw)))!, transfer: .full)
        gtk_single_selection_set_autoselect(selection.cPointer(), 0)
        gtk_single_selection_set_can_unselect(selection.cPointer(), 1)
        factory = ObjectHandle(gtk_signal_list_item_factory_new()!, transfer: .full)
        linesView = ObjectHandle(gtk_list_view_new(OpaquePointer(g_object_ref(selection.raw)),
                                                   OpaquePointer(g_object_ref(factory.raw)))!, transfer: .none)
        gtk_widget_set_name(linesView.widget, "goods-lines")
        gtk_widget_add_css_class(linesView.widget, "boxed-list")
        setAccessibleLabel(linesView, tr("Goods lines"))
        let scroller = gtk_scrolled_window_new()!
        gtk_scrolled_window_set_child(gcast(scroller), linesView.widget)
        gtk_scrolled_window_set_policy(gcast(scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_min_content_height(gcast(scroller), 120)
        gtk_scrolled_window_set_max_content_height(gcast(scroller), 440)
        gtk_scrolled_window_set_propagate_natural_height(gcast(scroller), 1)
        gtk_widget_set_margin_top(scroller, 6)
        gtk_widget_add_css_class(scroller, "card")
        adw_preferences_group_add(group.cPointer(), scroller)

        let add = gtk_button_new_with_mnemonic(tr("_Add a line"))!
        gtk_actionable_set_action_name(gcast(add), "editor.add-line")
        gtk_widget_set_tooltip_text(add, tr("Add a goods line (Ctrl+L or Insert)"))
        gtk_widget_set_halign(add, GTK_ALIGN_START)
        gtk_widget_set_margin_top(add, 6)
        gtk_widget_set_name(add, "add-line")
        adw_preferences_group_add(group.cPointer(), add)

        totalsGroup = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        adw_preferences_group_set_title(totalsGroup.cPointer(), tr("Totals"))
        let names: [GoodsTotalField: String] = [
            .totalPriceWithoutTax: tr("Value without taxes"), .totalExciseAmount: tr("Excise"),
            .totalNdsAmount: tr("VAT"), .totalPriceWithTax: tr("Value with taxes"),
        ]
        var labels: [GoodsTotalField: ObjectHandle] = [:]
        for total in GoodsTotalField.allCases {
            let row = adw_action_row_new()!
            let code = SntField.total(total, in: .g1).code
            adw_preferences_row_set_title(gcast(row), tr("%1$@ · %2$@", code, names[total]!))
            gtk_widget_set_name(row, "field-" + code)
            let label = ObjectHandle(gtk_label_new("")!, transfer: .none)
            gtk_widget_set_name(label.widget, "total-" + code)
            gtk_label_set_selectable(label.cPointer(), 1)
            gtk_widget_add_css_class(label.widget, "numeric")
            adw_action_row_add_suffix(gcast(row), label.widget)
            adw_preferences_group_add(totalsGroup.cPointer(), row)
            labels[total] = label
        }
        totalLabels = labels

        connectFactory()
        linesView.connect("activate") { [weak self] (position: UnsafeMutableRawPointer?) in
            // A guint in a pointer-sized slot: only its low 32 bits are the position.
            let index = Int(UInt32(truncatingIfNeeded: UInt(bitPattern: position)))
            self?.openLine(index)
        }
        addLineShortcuts()
        refreshAll()
    }

    /// The selected line, if any.
    var selectedLine: Int? {
        let position = gtk_single_selection_get_selected(selection.cPointer())
        return position == GTK_INVALID_LIST_POSITION ? nil : Int(position)
    }

    func select(_ index: Int) {
        guard index >= 0, index < model.lines.count else { return }
        gtk_single_selection_set_selected(selection.cPointer(), guint(index))
        gtk_widget_activate_action_variant(linesView.widget, "list.scroll-to-item", g_variant_new_uint32(guint(index)))
    }

    /// How many rows the list has (one per line).
    var rowCount: Int { Int(g_list_model_get_n_items(list.opaque)) }

    /// Re-shows every line (their count or order changed) and the totals.
    func refreshAll() {
        let count = model.lines.count
        let old = g_list_model_get_n_items(list.opaque)
        var strings = (0..<count).map { strdup(String($0)) } + [nil]
        defer { strings.forEach { free($0) } }
        strings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                gtk_string_list_splice(list.opaque, 0, old, $0)
            }
        }
        refreshTotals()
    }

    /// Re-shows one line and the totals.
    func refresh(line index: Int) {
        guard index < rowCount else { return refreshAll() }
        let text = strdup(String(index))
        var strings: [UnsafePointer<CChar>?] = [UnsafePointer(text), nil]
        gtk_string_list_splice(list.opaque, guint(index), 1, &strings)
        free(text)
        refreshTotals()
    }

    /// Marks the lines that have problems.
    func show(problems: [EditorProblem]) {
        let lines = Set(problems.compactMap { $0.fieldCode.hasPrefix("G1.") ? $0.line : nil })
        guard lines != problemLines else { return }
        problemLines = lines
        refreshAll()
    }

    func refreshTotals() {
        let totals = model.totals
        let values: [GoodsTotalField: Decimal?] = [
            .totalPriceWithoutTax: totals.totalPriceWithoutTax, .totalExciseAmount: totals.totalExciseAmount,
            .totalNdsAmount: totals.totalNdsAmount, .totalPriceWithTax: totals.totalPriceWithTax,
        ]
        for (total, label) in totalLabels {
            gtk_label_set_text(label.cPointer(), Self.money(values[total] ?? nil))
        }
    }

    /// The text of a total as shown, e.g. `1 120.00`.
    func totalText(_ total: GoodsTotalField) -> String {
        String(cString: gtk_label_get_text(totalLabels[total]!.cPointer()))
    }

    static func money(_ value: Decimal?) -> String {
        guard let value else { return "—" }
        return DecimalText.format(GoodsLineArithmetic.money(value))
    }

    // MARK: Rows

    private func connectFactory() {
        factory.connect("setup") { [weak self] (item: UnsafeMutableRawPointer?) in
            guard let self, let item else { return }
            self.setUp(OpaquePointer(item))
        }
        factory.connect("bind") { [weak self] (item: UnsafeMutableRawPointer?) in
            guard let self, let item else { return }
            self.bind(OpaquePointer(item))
        }
    }

    private func setUp(_ item: OpaquePointer) {
        let box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8)!
        gtk_widget_set_margin_start(box, 8)
        gtk_widget_set_margin_end(box, 4)
        gtk_widget_set_margin_top(box, 4)
        gtk_widget_set_margin_bottom(box, 4)
        let number = gtk_label_new("")!
        gtk_label_set_width_chars(gcast(number), 4)
        gtk_label_set_xalign(gcast(number), 1)
        gtk_widget_add_css_class(number, "dim-label")
        gtk_widget_add_css_class(number, "numeric")
        let name = gtk_label_new("")!
        gtk_label_set_xalign(gcast(name), 0)
        gtk_label_set_ellipsize(gcast(name), PANGO_ELLIPSIZE_END)
        gtk_widget_set_hexpand(name, 1)
        let amount = gtk_label_new("")!
        gtk_label_set_xalign(gcast(amount), 1)
        gtk_widget_add_css_class(amount, "numeric")
        for label in [number, name, amount] { gtk_box_append(gcast(box), label) }

        let buttons: [(String, String, @MainActor (Int) -> Void)] = [
            ("go-up-symbolic", tr("Move the line up (Alt+Up)"), { [weak self] in self?.move($0, by: -1) }),
            ("go-down-symbolic", tr("Move the line down (Alt+Down)"), { [weak self] in self?.move($0, by: 1) }),
            ("document-edit-symbolic", tr("Edit the line"), { [weak self] in self?.openLine($0) }),
            ("user-trash-symbolic", tr("Remove the line"), { [weak self] in self?.model.removeLine(at: $0) }),
        ]
        for (icon, label, action) in buttons {
            let button = ObjectHandle(gtk_button_new_from_icon_name(icon)!, transfer: .none)
            gtk_widget_add_css_class(button.widget, "flat")
            gtk_widget_set_tooltip_text(button.widget, label)
            setAccessibleLabel(button, label)
            gtk_widget_set_valign(button.widget, GTK_ALIGN_CENTER)
            button.connect("clicked") {
                let position = gtk_list_item_get_position(item)
                guard position != GTK_INVALID_LIST_POSITION else { return }
                action(Int(position))
            }
            gtk_box_append(gcast(box), button.widget)
        }
        gtk_list_item_set_child(item, box)
    }

    private func bind(_ item: OpaquePointer) {
        let index = Int(gtk_list_item_get_position(item))
        guard let box = gtk_list_item_get_child(item), model.lines.indices.contains(index) else { return }
        let line = model.lines[index]
        let number = gtk_widget_get_first_child(box)!
        let name = gtk_widget_get_next_sibling(number)!
        let amount = gtk_widget_get_next_sibling(name)!
        gtk_label_set_text(gcast(number), String(index + 1))
        let quantity = line.quantity.map(DecimalText.format) ?? "?"
        let price = line.price.map(DecimalText.format) ?? "?"
        let title = line.productName.isEmpty ? tr("(no name)") : line.productName
        gtk_label_set_text(gcast(name), tr("%1$@ — %2$@ × %3$@", title, quantity, price))
        gtk_label_set_text(gcast(amount), Self.money(line.priceWithTax))
        gtk_widget_set_name(box, "line-\(index + 1)")
        if problemLines.contains(index + 1) {
            gtk_widget_add_css_class(box, "error")
        } else {
            gtk_widget_remove_css_class(box, "error")
        }
    }

    private func move(_ index: Int, by offset: Int) {
        let target = model.moveLine(at: index, by: offset)
        select(target)
    }

    /// Alt+Up / Alt+Down move the selected line.
    private func addLineShortcuts() {
        let controller = gtk_shortcut_controller_new()!
        for (accelerator, action) in [("<Alt>Up", "editor.line-up"), ("<Alt>Down", "editor.line-down")] {
            let shortcut = gtk_shortcut_new(gtk_shortcut_trigger_parse_string(accelerator), gtk_named_action_new(action))
            gtk_shortcut_controller_add_shortcut(gcast(controller), shortcut)
        }
        gtk_widget_add_controller(linesView.widget, controller)
    }

    /// Moves the selected line (the window's line-up / line-down actions).
    func moveSelected(by offset: Int) {
        guard let index = selectedLine else { return }
        move(index, by: offset)
    }
}
