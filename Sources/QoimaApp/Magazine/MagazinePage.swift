import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaPrint
import QoimaStore

/// The Paper Magazine page: the company's Magazine of paper SNTs in Magazine order with
/// `MagazineLayout`'s columns and each entry's status, overdue entries standing out and a banner
/// saying how many are overdue or due; filters by year, paper dates, state and words; and the
/// actions on an entry (open its SNT or its registration, set the restore date, enter it
/// electronically, spoil its blank) and recording a spoiled blank.
@MainActor
public final class MagazinePage {
    /// The root widget, for the main window's stack.
    public let widget: ObjectHandle
    public let model: MagazineModel
    /// Opens an SNT (the editor for a draft, the document window otherwise).
    public var onOpenSnt: (@MainActor (Int64) -> Void)?
    /// Enters an entry's draft electronically (signs and sends it).
    public var onEnter: (@MainActor (MagazineEntry) -> Void)?
    /// An entry's draft is about to be changed by the store (its editor saves its edit first).
    public var onDraftChanging: (@MainActor (Int64) -> Void)?
    /// The Magazine changed here (open editors show their entry as it now is).
    public var onChanged: (@MainActor () -> Void)?
    /// Says something in a toast.
    public var say: (@MainActor (String) -> Void)?
    /// The dialog open now, if any (tests fill it).
    public private(set) var dialog: MagazineDialog?
    /// The spoil confirmation open now, if any.
    public private(set) var spoilConfirmation: ObjectHandle?

    let table: BigTable<MagazineRow>
    private let context: DeskContext
    private let builder = Builder(resource: "/kz/qoima/Qoima/ui/magazine-page.ui")
    private let searchEntry: ObjectHandle
    private let yearDropdown: ObjectHandle
    private let stateDropdown: ObjectHandle
    private let fromEntry: ObjectHandle
    private let toEntry: ObjectHandle
    private var dateProblem: String?
    private var actions: [String: ObjectHandle] = [:]
    private var shownYears: [Int] = []
    private var observation: SntTableObservation?
    private lazy var storeRefresh = CoalescedRefresh { [weak self] in self?.reload() }

    public init(context: DeskContext) {
        self.context = context
        let model = MagazineModel(companyId: context.company.id, database: context.database) { context.today }
        self.model = model
        table = BigTable(columns: Self.columns(model), pageSize: 200) { offset, limit in
            Array(model.rows.dropFirst(offset).prefix(limit))
        }
        widget = builder.object("page")
        searchEntry = builder.object("search_entry")
        yearDropdown = builder.object("year_dropdown")
        stateDropdown = builder.object("state_dropdown")
        fromEntry = builder.object("from_entry")
        toEntry = builder.object("to_entry")
        gtk_widget_set_name(widget.widget, "magazine-page")
        gtk_widget_set_name(table.view.widget, "magazine-table")
        gtk_stack_add_named(builder.object("content_stack").cPointer(), table.widget.widget, "table")
        let states = FormRows.stringList(MagazineModel.StateFilter.allCases.map(\.title))
        gtk_drop_down_set_model(stateDropdown.cPointer(), states)
        g_object_unref(UnsafeMutableRawPointer(states))
        connect()
        addActions()
        reload()
        // The columns show the SNTs as stored now: a sync or an edit anywhere changes them.
        observation = SntTableObservation(database: context.database) { [weak self] in
            MainActor.assumeIsolated { self?.storeChanged() }
        }
    }

    /// The current layout's columns, with the entry's status after its number.
    static func columns(_ model: MagazineModel) -> [BigTable<MagazineRow>.Column] {
        typealias Column = BigTable<MagazineRow>.Column
        typealias Cell = BigTable<MagazineRow>.Cell
        let layout = MagazineModel.layout
        var columns = layout.columns.map { column in
            Column(id: column.id, title: column.title.text(in: model.language), expands: column.weight >= 2, sortable: false,
                   xalign: column.id == "number" || column.id == "goods" ? 1 : 0, widthChars: Int(column.weight * 9)) { row in
                let text = model.text(ofColumn: column, in: row)
                return Cell(text, styleClasses: model.isOverdue(row.entry) ? ["error"] : [], tooltip: text.isEmpty ? nil : text)
            }
        }
        // The status goes after the number, where a narrow window still shows it.
        columns.insert(Column(id: "status", title: tr("Status"), sortable: false, widthChars: 36, minChars: 32) { row in
            let text = model.statusText(of: row.entry)
            let deadline = row.entry.deadline(calendar: model.store.calendar)
            return Cell((model.isOverdue(row.entry) ? "⚠ " : "") + text, styleClasses: [model.statusStyle(of: row.entry)],
                        tooltip: deadline.map { $0.text.text(in: model.language) } ?? text)
        }, at: min(1, columns.count))
        return columns
    }

    // MARK: Public API

    public var rowCount: Int { model.rows.count }

    /// The selected entry with its SNT.
    public var selectedRow: MagazineRow? { table.selectedPosition.flatMap { table.row(at: $0) } }

    public func focusSearch() { gtk_widget_grab_focus(searchEntry.widget) }

    /// Reads the Magazine again, keeping the scroll position and the selection.
    public func reload() { read(fromTop: false) }

    /// Selects entry `entryId` when it is listed; false when the filters hide it.
    @discardableResult
    public func select(entryId: Int64) -> Bool {
        guard let position = model.rows.firstIndex(where: { $0.entry.id == entryId }) else { return false }
        table.select(position)
        updateState()
        return true
    }

    /// Shows entry `entryId`, clearing the filters when they hide it.
    public func reveal(entryId: Int64) {
        reload()
        guard !select(entryId: entryId) else { return }
        clearFilters()
        select(entryId: entryId)
    }

    public func setSearch(_ text: String) {
        EntryText.set(text, on: searchEntry)
        model.search = text
        requery()
    }

    /// As the year filter does; nil for every year.
    public func setYear(_ year: Int?) {
        let index = year.flatMap { shownYears.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        gtk_drop_down_set_selected(yearDropdown.cPointer(), guint(index))
        model.year = year
        requery()
    }

    public func setState(_ state: MagazineModel.StateFilter) {
        gtk_drop_down_set_selected(stateDropdown.cPointer(), guint(state.rawValue))
    }

    /// As if the dates were typed into From and To.
    public func setDates(from: String, to: String) {
        EntryText.set(from, on: fromEntry)
        EntryText.set(to, on: toEntry)
        readDates()
    }

    public func clearFilters() {
        EntryText.set("", on: searchEntry)
        setDates(from: "", to: "")
        setState(.all)
        model.search = ""
        model.state = .all
        setYear(nil)
    }

    /// The banner's text, when shown.
    public var bannerText: String? {
        gtk_widget_get_visible(builder.object("banner").widget) != 0
            ? String(cString: gtk_label_get_text(builder.object("banner_label").cPointer())) : nil
    }

    /// The problem under the filters, when shown.
    public var problemText: String? {
        let label = builder.object("problem_label")
        return gtk_widget_get_visible(label.widget) != 0 ? String(cString: gtk_label_get_text(label.cPointer())) : nil
    }

    // MARK: Actions on the selected entry

    public func openSnt() {
        if let id = selectedRow?.snt?.id { onOpenSnt?(id) }
    }

    /// The registered SNT's document window.
    public func openRegistration() {
        guard let row = selectedRow, row.registrationNumber != nil, let id = row.snt?.id else { return }
        onOpenSnt?(id)
    }

    public func enterSelected() {
        guard let row = selectedRow, canEnter(row) else {
            say?(tr("Select a paper SNT that is not entered yet."))
            return
        }
        onEnter?(row.entry)
    }

    /// Asks for the day IS ESF worked again, for the selected open entry or every open one.
    @discardableResult
    public func askRestoreDate() -> MagazineDialog {
        let entry = selectedRow?.entry
        let single = entry.map { $0.state == .issued } ?? false
        let fields = [
            MagazineDialog.Field(MagazineError.Field.restoreDate.rawValue, tr("Restore date"),
                                 .date(entry?.restoreDate ?? context.today), hint: tr("dd.mm.yyyy, as KGD announced it")),
            MagazineDialog.Field("all", single ? tr("Every open entry without one") : tr("Every open entry"),
                                 .toggle(!single), hint: single ? tr("Otherwise only entry %1$@", entry?.label ?? "") : nil),
        ]
        let dialog = MagazineDialog(name: "magazine-restore-dialog", title: tr("Set the Restore Date"),
                                    explanation: tr("The day IS ESF worked again, from KGD's announcement. Paper SNTs must be entered into IS ESF within three working days after it; weekends and Kazakhstan's holidays are skipped."),
                                    confirm: tr("_Set"), fields: fields, parent: parentWindow)
        dialog.onConfirm = { [weak self] dialog in
            guard let self else { return }
            let date = try dialog.date(MagazineError.Field.restoreDate.rawValue)
            if dialog.toggle("all") || !single {
                let changed = try self.model.store.setRestoreDate(date, companyId: self.context.company.id, today: self.context.today)
                self.say?(tr("Restore date %1$@ set for %2$@ entry(ies).", date.ddMMyyyy, changed.count))
            } else if let entry {
                let changed = try self.model.store.setRestoreDate(date, id: entry.id, today: self.context.today)
                self.say?(tr("Entry %1$@: %2$@", changed.label, self.model.statusText(of: changed)))
            }
            self.reload()
            self.onChanged?()
        }
        return present(dialog)
    }

    /// Records a blank spoiled before any SNT was written on it.
    @discardableResult
    public func askSpoiledBlank() -> MagazineDialog {
        let fields = [
            MagazineDialog.Field(MagazineError.Field.paperDate.rawValue, tr("Date"), .date(context.today), hint: tr("dd.mm.yyyy")),
            MagazineDialog.Field(MagazineError.Field.spoilReason.rawValue, tr("Why the blank is spoiled"), .text("")),
            MagazineDialog.Field("responsible", tr("Responsible person"), .text(MagazineDesk.responsible(context))),
        ]
        let dialog = MagazineDialog(name: "magazine-blank-dialog", title: tr("Record a Spoiled Blank"),
                                    explanation: tr("The blank takes the next number of the Magazine and is kept as spoiled: numbers are never skipped or reused."),
                                    confirm: tr("_Record"), fields: fields, parent: parentWindow)
        dialog.onConfirm = { [weak self] dialog in
            guard let self else { return }
            let entry = try self.model.store.recordSpoiledBlank(
                companyId: self.context.company.id, date: try dialog.date(MagazineError.Field.paperDate.rawValue),
                reason: dialog.text(MagazineError.Field.spoilReason.rawValue), responsible: dialog.text("responsible"),
                at: self.context.now(), today: self.context.today)
            self.reveal(entryId: entry.id)
            self.say?(tr("Spoiled blank recorded as No. %1$@.", entry.label))
        }
        return present(dialog)
    }

    /// Asks why the selected entry's blank is spoiled, and to confirm.
    public func askSpoil() {
        guard let entry = selectedRow?.entry, entry.state == .issued else {
            say?(tr("Select a paper SNT that is not entered or spoiled yet."))
            return
        }
        let dialog = adw_message_dialog_new(parentWindow?.cPointer(), tr("Spoil the blank of entry %1$@?", entry.label),
                                            tr("The blank becomes void and its number stays used. The draft loses its paper date and reason and can be issued again on a new blank."))!
        let handle = ObjectHandle(dialog, transfer: .none)
        gtk_widget_set_name(dialog, "magazine-spoil-dialog")
        let reason = ObjectHandle(gtk_entry_new()!, transfer: .none)
        gtk_widget_set_name(reason.widget, "spoil-reason")
        gtk_entry_set_placeholder_text(reason.cPointer(), tr("Why the blank is spoiled"))
        setAccessibleLabel(reason, tr("Why the blank is spoiled"))
        gtk_entry_set_activates_default(reason.cPointer(), 1)
        adw_message_dialog_set_extra_child(gcast(dialog), reason.widget)
        adw_message_dialog_add_response(gcast(dialog), "cancel", tr("_Cancel"))
        adw_message_dialog_add_response(gcast(dialog), "spoil", tr("_Spoil"))
        adw_message_dialog_set_response_appearance(gcast(dialog), "spoil", ADW_RESPONSE_DESTRUCTIVE)
        adw_message_dialog_set_default_response(gcast(dialog), "spoil")
        adw_message_dialog_set_close_response(gcast(dialog), "cancel")
        // The reason is required: Spoil waits for it.
        adw_message_dialog_set_response_enabled(gcast(dialog), "spoil", 0)
        reason.connect("changed") {
            let typed = !EntryText.text(of: reason).trimmingCharacters(in: .whitespaces).isEmpty
            adw_message_dialog_set_response_enabled(gcast(dialog), "spoil", typed ? 1 : 0)
        }
        handle.connect("response") { [weak self] (response: UnsafeMutableRawPointer?) in
            guard let self else { return }
            self.spoilConfirmation = nil
            guard let response, String(cString: response.assumingMemoryBound(to: CChar.self)) == "spoil" else { return }
            self.spoil(entry, because: EntryText.text(of: reason))
        }
        spoilConfirmation = handle
        gtk_window_present(gcast(dialog))
    }

    /// Spoils the blank of `entry` (what the confirmation does).
    public func spoil(_ entry: MagazineEntry, because reason: String) {
        if let sntId = entry.sntId { onDraftChanging?(sntId) }
        do {
            let spoiled = try model.store.spoil(id: entry.id, reason: reason, at: context.now())
            reload()
            onChanged?()
            say?(tr("The blank of entry %1$@ is spoiled; its number stays used.", spoiled.label))
        } catch {
            say?(MagazineModel.message(of: error))
        }
    }

    // MARK: Inside

    private var parentWindow: ObjectHandle? {
        gtk_widget_get_root(widget.widget).map { ObjectHandle(UnsafeMutableRawPointer($0), transfer: .none) }
    }

    private func present(_ dialog: MagazineDialog) -> MagazineDialog {
        self.dialog = dialog
        dialog.window.connectReturning("close-request") { [weak self, weak dialog] in
            if let self, let dialog, self.dialog === dialog { self.dialog = nil }
            return false
        }
        dialog.present()
        return dialog
    }

    private func canEnter(_ row: MagazineRow) -> Bool {
        row.entry.state == .issued && row.snt.map { $0.status.isEditable } == true
    }

    /// The filters changed: the rows from the top.
    private func requery() { read(fromTop: true) }

    private func read(fromTop: Bool) {
        let selected = selectedRow?.entry.id
        do {
            try model.reload()
            show(problem: dateProblem)
        } catch {
            show(problem: MagazineModel.message(of: error))
        }
        let first = Array(model.rows.prefix(200))
        if fromTop {
            table.reset(rowCount: model.rows.count, firstRows: first)
        } else {
            table.refresh(rowCount: model.rows.count, firstRows: first)
        }
        if let selected { select(entryId: selected) }
        fillYears()
        updateState()
    }

    private func updateState() {
        let count = model.rows.count
        gtk_label_set_text(builder.object("count_label").cPointer(), model.isFiltered
            ? tr("%1$@ of %2$@ entries", count, model.totalCount) : tr("%1$@ entries", count))
        let visible = model.totalCount == 0 ? "empty" : count == 0 ? "no-results" : "table"
        gtk_stack_set_visible_child_name(builder.object("content_stack").cPointer(), visible)
        showBanner()
        let row = selectedRow
        let enabled: [String: Bool] = [
            "open-snt": row?.snt != nil,
            "open-registration": row?.registrationNumber != nil && row?.snt != nil,
            "enter": row.map(canEnter) ?? false,
            "spoil": row?.entry.state == .issued,
        ]
        for (name, on) in enabled {
            if let action = actions[name] { g_simple_action_set_enabled(action.opaque, on ? 1 : 0) }
        }
        let buttons = ["open-snt": "open_button", "open-registration": "registration_button", "enter": "enter_button",
                       "spoil": "spoil_button"]
        for (name, button) in buttons { gtk_widget_set_sensitive(builder.object(button).widget, enabled[name] == true ? 1 : 0) }
        let registration = row?.registrationNumber.map { tr("Registration: %1$@", $0) } ?? ""
        gtk_label_set_text(builder.object("selection_label").cPointer(), registration)
    }

    private func showBanner() {
        let banner = builder.object("banner")
        guard let text = model.bannerText else { return gtk_widget_set_visible(banner.widget, 0) }
        gtk_label_set_text(builder.object("banner_label").cPointer(), text)
        gtk_widget_set_visible(banner.widget, 1)
        let urgent = model.bannerIsUrgent
        gtk_widget_remove_css_class(banner.widget, urgent ? "warning" : "error")
        gtk_widget_add_css_class(banner.widget, urgent ? "error" : "warning")
        gtk_image_set_from_icon_name(builder.object("banner_icon").cPointer(),
                                     urgent ? "dialog-error-symbolic" : "alarm-symbolic")
    }

    private func show(problem: String?) {
        let label = builder.object("problem_label")
        gtk_label_set_text(label.cPointer(), problem ?? "")
        gtk_widget_set_visible(label.widget, problem == nil ? 0 : 1)
    }

    /// The year filter: every year, then the Magazine's years (rebuilt when they change).
    private func fillYears() {
        let years = model.years
        guard years != shownYears else { return }
        let selected = model.year
        shownYears = years
        let list = FormRows.stringList([tr("All years")] + years.map(String.init))
        gtk_drop_down_set_model(yearDropdown.cPointer(), list)
        g_object_unref(UnsafeMutableRawPointer(list))
        let index = selected.flatMap { years.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        gtk_drop_down_set_selected(yearDropdown.cPointer(), guint(index))
    }

    private func readDates() {
        var problems: [String] = []
        func date(_ entry: ObjectHandle, _ name: String) -> CalendarDate? {
            let text = EntryText.text(of: entry).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let date = CalendarDate(ddMMyyyy: text) else {
                problems.append(tr("%1$@: “%2$@” is not a date; write it as dd.mm.yyyy.", name, text))
                return nil
            }
            return date
        }
        model.from = date(fromEntry, tr("From"))
        model.to = date(toEntry, tr("To"))
        dateProblem = problems.isEmpty ? nil : problems.joined(separator: " ")
        requery()
    }

    private func storeChanged() { storeRefresh.schedule() }

    private func connect() {
        searchEntry.connect("search-changed") { [weak self] in
            guard let self else { return }
            self.model.search = EntryText.text(of: self.searchEntry)
            self.requery()
        }
        yearDropdown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self else { return }
            let index = Int(gtk_drop_down_get_selected(self.yearDropdown.cPointer()))
            let year = index > 0 && index <= self.shownYears.count ? self.shownYears[index - 1] : nil
            guard year != self.model.year else { return }
            self.model.year = year
            self.requery()
        }
        stateDropdown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self else { return }
            let index = Int(gtk_drop_down_get_selected(self.stateDropdown.cPointer()))
            self.model.state = MagazineModel.StateFilter(rawValue: index) ?? .all
            self.requery()
        }
        for entry in [fromEntry, toEntry] {
            entry.connect("changed") { [weak self] in self?.readDates() }
        }
        table.onActivate = { [weak self] position in
            guard let self, let id = self.table.row(at: position)?.snt?.id else { return }
            self.onOpenSnt?(id)
        }
        table.onSelectionChanged = { [weak self] in self?.updateState() }
        builder.object("open_button").connect("clicked") { [weak self] in self?.openSnt() }
        builder.object("registration_button").connect("clicked") { [weak self] in self?.openRegistration() }
        builder.object("enter_button").connect("clicked") { [weak self] in self?.enterSelected() }
        builder.object("spoil_button").connect("clicked") { [weak self] in self?.askSpoil() }
        builder.object("restore_button").connect("clicked") { [weak self] in self?.askRestoreDate() }
        builder.object("blank_button").connect("clicked") { [weak self] in self?.askSpoiledBlank() }
    }

    /// The page's actions (`magazine.*`), its keys and the table's context menu.
    private func addActions() {
        let group = ObjectHandle(UnsafeMutableRawPointer(g_simple_action_group_new()!), transfer: .full)
        let map = ActionMap(group)
        actions["open-snt"] = map.add("open-snt") { [weak self] in self?.openSnt() }
        actions["open-registration"] = map.add("open-registration") { [weak self] in self?.openRegistration() }
        actions["enter"] = map.add("enter") { [weak self] in self?.enterSelected() }
        actions["spoil"] = map.add("spoil") { [weak self] in self?.askSpoil() }
        map.add("restore") { [weak self] in self?.askRestoreDate() }
        map.add("record-blank") { [weak self] in self?.askSpoiledBlank() }
        map.add("print") { [weak self] in
            guard let self, let window = parentWindow, let report = printedReport() else { return }
            ReportPrinting.print(report.document(), over: window)
        }
        map.add("save-pdf") { [weak self] in
            guard let self, let window = parentWindow, let report = printedReport() else { return }
            ReportPrinting.saveAsPDF(report.document(), suggestedName: ReportPrinting.fileName(report.title), over: window)
        }
        map.add("focus-search") { [weak self] in self?.focusSearch() }
        map.add("context-menu") { [weak self] in self?.popUpMenu(at: nil) }
        gtk_widget_insert_action_group(widget.widget, "magazine", group.opaque)
        for (trigger, action) in Self.shortcuts {
            let onTable = action == "magazine.spoil" || action == "magazine.context-menu"
            PageKeys.add(trigger, action: action, to: onTable ? table.view : widget)
        }
        let click = gtk_gesture_click_new()!
        gtk_gesture_single_set_button(gcast(click), 3)
        let gesture = ObjectHandle(click, transfer: .none)
        gesture.connect("pressed") { [weak self] in
            var x = 0.0, y = 0.0
            let sequence = gtk_gesture_single_get_current_sequence(gesture.cPointer())
            gtk_gesture_get_point(gesture.cPointer(), sequence, &x, &y)
            guard let self else { return }
            // The menu is about the row clicked, as in a file manager.
            if let position = self.table.position(atX: x, y: y) { self.table.select(position) }
            self.popUpMenu(at: (x, y))
        }
        gtk_widget_add_controller(table.view.widget, gcast(click))
    }

    /// The Magazine as printed for the period the filters show (`MagazineModel.printedPeriod`);
    /// nil, with the reason in a toast, when it cannot be read.
    public func printedReport() -> MagazineReport? {
        do {
            return try model.report(of: context.company)
        } catch {
            say?(MagazineModel.message(of: error))
            return nil
        }
    }

    /// The context menu of the selected entry, at the pointer or at the table's corner.
    private func popUpMenu(at point: (Double, Double)?) {
        let menu = g_menu_new()!
        defer { g_object_unref(UnsafeMutableRawPointer(menu)) }
        for (label, action) in Self.menuItems { g_menu_append(menu, label, "magazine." + action) }
        let popover = gtk_popover_menu_new_from_model(gcast(menu))!
        gtk_widget_set_parent(popover, table.view.widget)
        if let point {
            var rectangle = GdkRectangle(x: Int32(point.0), y: Int32(point.1), width: 1, height: 1)
            gtk_popover_set_pointing_to(gcast(popover), &rectangle)
        }
        ObjectHandle(popover, transfer: .none).connect("closed") {
            // Unparented after the item's action ran.
            DispatchQueue.main.async { gtk_widget_unparent(popover) }
        }
        gtk_popover_popup(gcast(popover))
    }

    private static var menuItems: [(String, String)] {
        [(tr("_Open SNT"), "open-snt"), (tr("Open _Registration"), "open-registration"),
         (tr("_Enter Electronically"), "enter"), (tr("Set the _Restore Date…"), "restore"),
         (tr("_Spoil the Blank…"), "spoil"), (tr("Record a Spoiled _Blank…"), "record-blank")]
    }
}

extension MagazinePage {
    /// The page's keys (the help overlay lists them); Ctrl+Return enters the selected entry
    /// through the window's send action (`DeskController.sendSelected`).
    static let shortcuts: [(String, String)] = [
        ("<Control>f", "magazine.focus-search"), ("<Control>p", "magazine.print"), ("<Control>d", "magazine.restore"),
        ("<Control><Shift>b", "magazine.record-blank"), ("<Alt>Return", "magazine.open-registration"),
        ("Delete", "magazine.spoil"), ("Menu", "magazine.context-menu"), ("<Shift>F10", "magazine.context-menu"),
    ]
}
