import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The search entry and filters above an SNT list: statuses (a popover of check buttons), the
/// date range (dd.MM.yyyy, flagged when it cannot be read), the counterparty (IIN/BIN, or a name
/// picked from the list's own counterparties as you type) and the own warehouse. It reads and
/// checks what the user enters and says when the filters changed; the page runs the query.
@MainActor
final class SntListFilterBar {
    let searchEntry: ObjectHandle
    let fromEntry: ObjectHandle
    let toEntry: ObjectHandle
    let counterpartyEntry: ObjectHandle
    let warehouseDropdown: ObjectHandle
    let clearButton: ObjectHandle
    let statusButton: ObjectHandle
    private(set) var statusChecks: [SntStatus: ObjectHandle] = [:]

    /// The search text changed (typed, after the entry's short delay).
    var onSearchChanged: ((String) -> Void)?
    /// A filter changed.
    var onFiltersChanged: (() -> Void)?
    /// Both "clear" buttons: search and filters are to be emptied.
    var onClear: (() -> Void)?

    private(set) var statuses: Set<SntStatus> = []
    private(set) var from: CalendarDate?
    private(set) var to: CalendarDate?
    private(set) var counterpartyTin: String?
    private(set) var storeId: Int64?
    /// What is wrong with the dates as typed, if anything.
    private(set) var dateProblem: String?
    /// The list's counterparties, for suggestions; loaded after the first page is shown.
    var counterparties: [SntCounterparty] = []

    private let offeredStatuses: [SntStatus]
    private let warehouses: [StoredWarehouse]
    private let suggestions: CounterpartySuggestions
    /// Set while the bar writes into its own widgets, so their signals are not taken as typing.
    private var writing = false

    init(builder: Builder, statuses offered: [SntStatus], warehouses: [StoredWarehouse]) {
        searchEntry = builder.object("search_entry")
        fromEntry = builder.object("from_entry")
        toEntry = builder.object("to_entry")
        counterpartyEntry = builder.object("counterparty_entry")
        warehouseDropdown = builder.object("warehouse_dropdown")
        clearButton = builder.object("clear_button")
        statusButton = builder.object("status_button")
        offeredStatuses = offered
        self.warehouses = warehouses
        suggestions = CounterpartySuggestions(entry: counterpartyEntry)
        qoima_accessible_set_label(clearButton.widget, tr("Clear search and filters"))
        buildStatusChecks(in: builder.object("status_box"))
        buildWarehouses()
        updateStatusButton()
        connectSignals()
        suggestions.onChoose = { [weak self] counterparty in self?.choose(counterparty) }
    }

    /// Whether any filter (not the search) narrows the list.
    var isFiltering: Bool { !statuses.isEmpty || from != nil || to != nil || counterpartyTin != nil || storeId != nil }

    var searchText: String { String(cString: gtk_editable_get_text(searchEntry.cPointer())) }

    /// Writes the search text as if typed, without waiting for the entry's delay.
    func setSearchText(_ text: String) {
        write { gtk_editable_set_text(self.searchEntry.cPointer(), text) }
    }

    /// Empties the search and every filter.
    func clear() {
        write {
            gtk_editable_set_text(self.searchEntry.cPointer(), "")
            gtk_editable_set_text(self.fromEntry.cPointer(), "")
            gtk_editable_set_text(self.toEntry.cPointer(), "")
            gtk_editable_set_text(self.counterpartyEntry.cPointer(), "")
            for check in self.statusChecks.values { gtk_check_button_set_active(check.cPointer(), 0) }
            gtk_drop_down_set_selected(self.warehouseDropdown.cPointer(), 0)
        }
        statuses = []
        from = nil
        to = nil
        counterpartyTin = nil
        storeId = nil
        dateProblem = nil
        for entry in [fromEntry, toEntry] { markDate(entry, problem: nil) }
        suggestions.hide()
        updateStatusButton()
    }

    // MARK: Building

    private func buildStatusChecks(in box: ObjectHandle) {
        for status in offeredStatuses {
            let check = ObjectHandle(gtk_check_button_new_with_label(SntStatusBadge.text(of: status))!, transfer: .none)
            gtk_widget_set_name(check.widget, "status-" + status.rawValue)
            check.connect("toggled") { [weak self] in
                guard let self, !self.writing else { return }
                if gtk_check_button_get_active(check.cPointer()) != 0 {
                    self.statuses.insert(status)
                } else {
                    self.statuses.remove(status)
                }
                self.updateStatusButton()
                self.onFiltersChanged?()
            }
            gtk_box_append(box.cPointer(), check.widget)
            statusChecks[status] = check
        }
    }

    private func buildWarehouses() {
        let names = [tr("All warehouses")] + warehouses.map { tr("%1$@ (%2$@)", $0.name, String($0.storeId)) }
        let list = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
        for name in names { gtk_string_list_append(list.opaque, name) }
        gtk_drop_down_set_model(warehouseDropdown.cPointer(), list.opaque)
        gtk_drop_down_set_selected(warehouseDropdown.cPointer(), 0)
        gtk_widget_set_sensitive(warehouseDropdown.widget, warehouses.isEmpty ? 0 : 1)
    }

    private func updateStatusButton() {
        let chosen = offeredStatuses.filter(statuses.contains)
        let label = switch chosen.count {
        case 0: tr("_Status: all")
        case 1: tr("_Status: %1$@", SntStatusBadge.text(of: chosen[0]))
        default: tr("_Status: %1$@ of %2$@", chosen.count, offeredStatuses.count)
        }
        gtk_menu_button_set_label(statusButton.cPointer(), label)
    }

    private func connectSignals() {
        searchEntry.connect("search-changed") { [weak self] in
            guard let self, !self.writing else { return }
            self.onSearchChanged?(self.searchText)
        }
        for entry in [fromEntry, toEntry] {
            entry.connect("changed") { [weak self] in
                guard let self, !self.writing else { return }
                self.readDates()
            }
        }
        counterpartyEntry.connect("changed") { [weak self] in
            guard let self, !self.writing else { return }
            self.readCounterparty()
        }
        counterpartyEntry.connect("activate") { [weak self] in self?.suggestions.chooseFirst() }
        warehouseDropdown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self, !self.writing else { return }
            let selected = Int(gtk_drop_down_get_selected(self.warehouseDropdown.cPointer()))
            let store = selected > 0 && selected <= self.warehouses.count ? self.warehouses[selected - 1].storeId : nil
            guard store != self.storeId else { return }
            self.storeId = store
            self.onFiltersChanged?()
        }
        clearButton.connect("clicked") { [weak self] in self?.onClear?() }
    }

    // MARK: Reading what was typed

    private func readDates() {
        let (newFrom, fromProblem) = Self.date(in: fromEntry, field: tr("From"))
        let (newTo, toProblem) = Self.date(in: toEntry, field: tr("To"))
        markDate(fromEntry, problem: fromProblem)
        markDate(toEntry, problem: toProblem)
        var problem = fromProblem ?? toProblem
        if problem == nil, let newFrom, let newTo, newFrom > newTo {
            problem = tr("The From date %1$@ is after the To date %2$@.", newFrom.ddMMyyyy, newTo.ddMMyyyy)
            markDate(toEntry, problem: problem)
        }
        dateProblem = problem
        // A wrong date keeps the list as it was; the page shows what is wrong.
        if problem != nil {
            onFiltersChanged?()
            return
        }
        let typing = [fromEntry, toEntry].contains { Self.isPartialDate(Self.text(of: $0)) }
        guard !typing, newFrom != from || newTo != to else { return }
        from = newFrom
        to = newTo
        onFiltersChanged?()
    }

    /// The date in an entry, or what is wrong with it. Unfinished input (`05.0`) is neither.
    private static func date(in entry: ObjectHandle, field: String) -> (CalendarDate?, String?) {
        let text = self.text(of: entry)
        if text.isEmpty || isPartialDate(text) { return (nil, nil) }
        if let date = CalendarDate(ddMMyyyy: text) { return (date, nil) }
        return (nil, tr("%1$@: “%2$@” is not a date; write it as dd.mm.yyyy, for example 05.03.2026.", field, text))
    }

    /// Digits and dots that could still become a date.
    private static func isPartialDate(_ text: String) -> Bool {
        text.count < 10 && !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    private static func text(of entry: ObjectHandle) -> String {
        String(cString: gtk_editable_get_text(entry.cPointer())).trimmingCharacters(in: .whitespaces)
    }

    private func markDate(_ entry: ObjectHandle, problem: String?) {
        if problem != nil {
            gtk_widget_add_css_class(entry.widget, "error")
        } else {
            gtk_widget_remove_css_class(entry.widget, "error")
        }
        gtk_widget_set_tooltip_text(entry.widget, problem)
    }

    private func readCounterparty() {
        let text = Self.text(of: counterpartyEntry)
        let tin: String? = text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) ? text : nil
        if tin == nil, !text.isEmpty {
            let needle = text.lowercased()
            let matches = counterparties.filter { $0.tin.hasPrefix(text) || $0.name.lowercased().contains(needle) }
            suggestions.show(Array(matches.prefix(8)))
        } else {
            suggestions.hide()
        }
        guard tin != counterpartyTin else { return }
        counterpartyTin = tin
        onFiltersChanged?()
    }

    private func choose(_ counterparty: SntCounterparty) {
        write { gtk_editable_set_text(self.counterpartyEntry.cPointer(), counterparty.name) }
        gtk_widget_set_tooltip_text(counterpartyEntry.widget, tr("IIN/BIN %1$@", counterparty.tin))
        suggestions.hide()
        guard counterparty.tin != counterpartyTin else { return }
        counterpartyTin = counterparty.tin
        onFiltersChanged?()
    }

    private func write(_ body: () -> Void) {
        writing = true
        body()
        writing = false
    }
}

/// The counterparties matching what is typed, in a popover under the entry: a click or Enter
/// picks one.
@MainActor
final class CounterpartySuggestions {
    var onChoose: ((SntCounterparty) -> Void)?
    private(set) var shown: [SntCounterparty] = []
    private let popover: ObjectHandle
    private let listBox: ObjectHandle

    init(entry: ObjectHandle) {
        popover = ObjectHandle(gtk_popover_new()!, transfer: .none)
        listBox = ObjectHandle(gtk_list_box_new()!, transfer: .none)
        gtk_widget_set_name(listBox.widget, "counterparty_suggestions")
        gtk_list_box_set_selection_mode(listBox.cPointer(), GTK_SELECTION_NONE)
        gtk_popover_set_child(popover.cPointer(), listBox.widget)
        gtk_popover_set_autohide(popover.cPointer(), 0)
        gtk_popover_set_has_arrow(popover.cPointer(), 0)
        gtk_popover_set_position(popover.cPointer(), GTK_POS_BOTTOM)
        gtk_widget_set_parent(popover.widget, entry.widget)
        let popover = popover
        entry.connect("destroy") { gtk_widget_unparent(popover.widget) }
        listBox.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            guard let self, let row else { return }
            let index = Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self)))
            if self.shown.indices.contains(index) { self.onChoose?(self.shown[index]) }
        }
    }

    func show(_ counterparties: [SntCounterparty]) {
        shown = counterparties
        while let row = gtk_widget_get_first_child(listBox.widget) { gtk_list_box_remove(listBox.cPointer(), row) }
        guard !counterparties.isEmpty else { return hide() }
        for counterparty in counterparties {
            let label = gtk_label_new(tr("%1$@ — %2$@", counterparty.name, counterparty.tin))!
            gtk_label_set_xalign(OpaquePointer(label), 0)
            gtk_list_box_append(listBox.cPointer(), label)
        }
        gtk_popover_popup(popover.cPointer())
    }

    func hide() {
        shown = []
        gtk_popover_popdown(popover.cPointer())
    }

    func chooseFirst() {
        if let first = shown.first { onChoose?(first) }
    }
}
