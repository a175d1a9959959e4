import CAdw
import CGtk
import GtkKit
import QoimaCore
import QoimaESF

/// The button beside the SNT editor's field C 30 (the customer's warehouse): it opens a
/// `CounterpartyWarehouseFinder` for the customer's IIN/BIN (C 22), and the warehouse picked
/// fills the field. Without a way to ask IS ESF (the editor opened on its own) it is hidden.
@MainActor
final class CustomerWarehouseButton {
    let button: ObjectHandle
    let finder: CounterpartyWarehouseFinder
    private let popover: ObjectHandle

    init(row: SntFieldRow, model: SntEditorModel, lookup: @escaping @MainActor () -> CounterpartyWarehouseFinder.Lookup?) {
        finder = CounterpartyWarehouseFinder(title: tr("The customer's warehouses")) { tin, done in
            guard let ask = lookup() else { return done(.failure(tr("Open the SNT from the desk to ask IS ESF."))) }
            ask(tin, done)
        }
        button = ObjectHandle(gtk_menu_button_new()!, transfer: .none)
        gtk_menu_button_set_icon_name(button.cPointer(), "system-search-symbolic")
        gtk_widget_set_tooltip_text(button.widget, tr("Find the customer's warehouses in IS ESF"))
        gtk_widget_set_name(button.widget, "find-customer-warehouse")
        gtk_widget_set_valign(button.widget, GTK_ALIGN_CENTER)
        gtk_widget_add_css_class(button.widget, "flat")
        popover = ObjectHandle(gtk_popover_new()!, transfer: .none)
        let box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!
        gtk_widget_set_size_request(box, 420, -1)
        gtk_box_append(gcast(box), finder.widget.widget)
        gtk_popover_set_child(popover.cPointer(), box)
        gtk_menu_button_set_popover(button.cPointer(), popover.widget)
        adw_entry_row_add_suffix(row.row.cPointer(), button.widget)

        let popover = popover
        popover.connect("show") { [weak self, weak model] in
            guard let self, let model else { return }
            let tin = model.snt.customer.tin?.rawValue ?? ""
            if self.finder.bin != tin || self.finder.found.isEmpty {
                self.finder.bin = tin
                if !tin.isEmpty { self.finder.find() }
            }
        }
        finder.onPick = { [weak model, weak row] store in
            guard let model, let row else { return }
            model.setText(String(store.id), for: row.binding)
            row.show(model.snt)
            gtk_popover_popdown(popover.cPointer())
        }
    }
}
