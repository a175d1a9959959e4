import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaESF

/// Finds a counterparty's warehouses by IIN/BIN in IS ESF (`getTaxpayerStoreByTin`) and lists
/// them with id, type, address and status; with `onPick`, a click picks one (the SNT editor's
/// field C 30 takes its id). A deactivated warehouse is listed but cannot be picked: IS ESF
/// refuses SNTs to it. A mistyped IIN/BIN is said at the field before anything is asked.
@MainActor
public final class CounterpartyWarehouseFinder {
    /// Asks IS ESF for the warehouses of an IIN/BIN and calls back on the main actor.
    public typealias Lookup = @MainActor (TaxpayerNumber, @escaping @MainActor (Result<[RemoteStore], LookupFailure>) -> Void) -> Void

    /// The group to put on screen.
    public let widget: ObjectHandle
    public let binRow: ObjectHandle
    public let statusLabel: ObjectHandle
    public let results: ObjectHandle
    /// A warehouse was picked; nil lists them without picking.
    public var onPick: (@MainActor (RemoteStore) -> Void)?
    /// What the last lookup found.
    public private(set) var found: [RemoteStore] = []
    /// Whether a lookup is on its way.
    public private(set) var searching = false
    private let lookup: Lookup
    private let spinner: ObjectHandle

    public init(title: String, lookup: @escaping Lookup) {
        self.lookup = lookup
        widget = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        adw_preferences_group_set_title(widget.cPointer(), title)
        adw_preferences_group_set_description(widget.cPointer(),
            tr("IS ESF lists the warehouses registered to an IIN/BIN; SNTs name the customer's by its id (C 30)."))
        gtk_widget_set_name(widget.widget, "warehouse-finder")
        binRow = ObjectHandle(adw_entry_row_new()!, transfer: .none)
        adw_preferences_row_set_title(binRow.cPointer(), tr("Counterparty's IIN/BIN"))
        adw_entry_row_set_input_purpose(binRow.cPointer(), GTK_INPUT_PURPOSE_DIGITS)
        adw_entry_row_set_show_apply_button(binRow.cPointer(), 0)
        gtk_widget_set_name(binRow.widget, "finder-bin")
        let button = gtk_button_new_from_icon_name("system-search-symbolic")!
        gtk_widget_set_valign(button, GTK_ALIGN_CENTER)
        gtk_widget_set_tooltip_text(button, tr("Find the warehouses"))
        gtk_widget_set_name(button, "finder-find")
        gtk_widget_add_css_class(button, "flat")
        spinner = ObjectHandle(gtk_spinner_new()!, transfer: .none)
        adw_entry_row_add_suffix(binRow.cPointer(), spinner.widget)
        adw_entry_row_add_suffix(binRow.cPointer(), button)
        adw_preferences_group_add(widget.cPointer(), binRow.widget)
        results = ObjectHandle(gtk_list_box_new()!, transfer: .none)
        gtk_widget_set_name(results.widget, "finder-results")
        gtk_widget_add_css_class(results.widget, "boxed-list")
        gtk_widget_set_margin_top(results.widget, 6)
        gtk_list_box_set_selection_mode(results.cPointer(), GTK_SELECTION_NONE)
        gtk_widget_set_visible(results.widget, 0)
        statusLabel = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(statusLabel.widget, "finder-status")
        gtk_label_set_wrap(statusLabel.cPointer(), 1)
        gtk_label_set_xalign(statusLabel.cPointer(), 0)
        gtk_widget_set_margin_top(statusLabel.widget, 6)
        gtk_widget_set_visible(statusLabel.widget, 0)
        adw_preferences_group_add(widget.cPointer(), statusLabel.widget)
        adw_preferences_group_add(widget.cPointer(), results.widget)

        ObjectHandle(button, transfer: .none).connect("clicked") { [weak self] in self?.find() }
        binRow.connect("entry-activated") { [weak self] in self?.find() }
        results.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            guard let self, let row else { return }
            self.pick(at: Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self))))
        }
    }

    public var bin: String {
        get { EntryText.text(of: binRow).trimmingCharacters(in: .whitespaces) }
        set { EntryText.set(newValue, on: binRow) }
    }

    /// Looks up the IIN/BIN in the field, unless it is mistyped (then says so at the field).
    public func find() {
        let text = bin
        guard let tin = TaxpayerNumber(validating: text) else {
            gtk_widget_add_css_class(binRow.widget, "error")
            return say(text.isEmpty ? tr("Enter the counterparty's IIN/BIN.")
                : tr("“%1$@” is not an IIN/BIN: 12 digits whose last is the check digit.", text), error: true)
        }
        gtk_widget_remove_css_class(binRow.widget, "error")
        searching = true
        gtk_spinner_start(spinner.cPointer())
        say(tr("Asking IS ESF…"), error: false)
        lookup(tin) { [weak self] result in
            guard let self else { return }
            self.searching = false
            gtk_spinner_stop(self.spinner.cPointer())
            switch result {
            case let .success(stores): self.show(stores, of: tin.rawValue)
            case let .failure(failure):
                self.show([], of: tin.rawValue)
                self.say(failure.text, error: true)
            }
        }
    }

    /// Picks the warehouse listed at `index`, unless it is deactivated.
    public func pick(at index: Int) {
        guard found.indices.contains(index), found[index].isValid != false, let onPick else { return }
        onPick(found[index])
    }

    private func show(_ stores: [RemoteStore], of tin: String) {
        found = stores.sorted { ($0.isValid != false ? 0 : 1, $0.id) < ($1.isValid != false ? 0 : 1, $1.id) }
        while let child = gtk_widget_get_first_child(results.widget) { gtk_list_box_remove(results.cPointer(), child) }
        for store in found {
            let row = adw_action_row_new()!
            adw_preferences_row_set_use_markup(gcast(row), 0)
            adw_preferences_row_set_title(gcast(row), store.storeName ?? tr("Warehouse %1$@", String(store.id)))
            var parts = [tr("ID %1$@", String(store.id)), WarehouseText.type(code: store.storeTypeCode ?? "")]
            if let address = store.address, !address.isEmpty { parts.append(address) }
            if store.isDefault == true { parts.append(WarehouseText.sign(.priority)) }
            if store.isValid == false { parts.append(tr("deactivated: IS ESF refuses SNTs to it")) }
            adw_action_row_set_subtitle(gcast(row), parts.joined(separator: " · "))
            let usable = store.isValid != false && onPick != nil
            gtk_list_box_row_set_activatable(gcast(row), usable ? 1 : 0)
            if store.isValid == false { gtk_widget_add_css_class(row, "dim-label") }
            if usable {
                let icon = gtk_image_new_from_icon_name("go-next-symbolic")!
                adw_action_row_add_suffix(gcast(row), icon)
            }
            gtk_list_box_append(results.cPointer(), row)
        }
        gtk_widget_set_visible(results.widget, found.isEmpty ? 0 : 1)
        say(found.isEmpty ? tr("IS ESF has no warehouses of %1$@.", tin)
            : tr("Warehouses of %1$@: %2$@", tin, String(found.count)), error: false)
    }

    private func say(_ text: String, error: Bool) {
        gtk_label_set_text(statusLabel.cPointer(), text)
        if error { gtk_widget_add_css_class(statusLabel.widget, "error") } else { gtk_widget_remove_css_class(statusLabel.widget, "error") }
        gtk_widget_set_visible(statusLabel.widget, text.isEmpty ? 0 : 1)
    }

    /// The text the status line shows.
    public var statusText: String { String(cString: gtk_label_get_text(statusLabel.cPointer())) }
}
