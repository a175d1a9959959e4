import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The SNT editor: one window per draft, one group per section of the form (A–G, K), the goods
/// lines with their form, problems at their fields and in a list, and autosave with no Save
/// button. The model (`SntEditorModel`) holds everything but the widgets.
@MainActor
public final class SntEditorWindow {
    public let window: ObjectHandle
    public let model: SntEditorModel
    /// "Sign and send" (Ctrl+Return): called with the draft id after autosave is flushed, only
    /// when there are no errors (otherwise the first one is focused).
    public var onSend: (@MainActor (Int64) -> Void)?
    /// "Issue on paper…" (Ctrl+I): called with the draft id (the desk asks and issues).
    public var onIssueOnPaper: (@MainActor (Int64) -> Void)?
    /// How field C 30's button asks IS ESF for the customer's warehouses (the desk sets it).
    public var warehouseLookup: CounterpartyWarehouseFinder.Lookup?

    let goods: SntGoodsGroup
    let problemsList: ProblemsPopover<EditorProblem>
    let counterpartyPicker: TypeAheadPicker<Counterparty>
    private(set) var lineDialog: SntGoodsLineDialog?
    private(set) var fieldRows: [String: SntFieldRow] = [:]
    private(set) var customerWarehouse: CustomerWarehouseButton?
    private let builder: Builder
    private let page: ObjectHandle
    private let header: EditorHeader
    private let sendButton: ObjectHandle
    private var problemIndex: Int?
    private let actions: ObjectHandle
    /// Open editors keep themselves alive until their window closes.
    private static var open: [ObjectIdentifier: SntEditorWindow] = [:]

    public init(draftId: Int64, context: DeskContext, transientFor parent: ObjectHandle?) throws {
        model = try SntEditorModel(database: context.database, company: context.company, draftId: draftId,
                                   today: context.today)
        // The window may open without the application (the benchmark); registering is idempotent.
        ResourceBundle.register(base64: embeddedGResourceBase64)
        builder = Builder(resource: "/kz/qoima/Qoima/ui/snt-editor.ui")
        window = builder.object("editor_window")
        page = builder.object("form_page")
        header = EditorHeader(builder: builder)
        sendButton = builder.object("send_button")
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }
        gtk_widget_set_name(window.widget, "snt-editor")
        actions = ObjectHandle(g_simple_action_group_new()!, transfer: .full)
        gtk_widget_insert_action_group(window.widget, "editor", actions.opaque)

        var rows: [String: SntFieldRow] = [:]
        func register(_ row: SntFieldRow) { for code in row.binding.codes { rows[code] = row } }
        let model = model
        var builtGoods: SntGoodsGroup?
        weak var weakSelf: SntEditorWindow?
        counterpartyPicker = SntCounterpartyPicker.make(model: model)
        for section in SntFormSection.all() {
            if section.letter == "C" { adw_preferences_page_add(page.cPointer(), counterpartyPicker.group.cPointer()) }
            let group = SntSectionGroupBuilder.group(for: section, model: model, register: register)
            adw_preferences_page_add(page.cPointer(), group.cPointer())
            if section.letter == "G" {
                let goods = SntGoodsGroup(group: group, model: model, openLine: { weakSelf?.openLine($0) })
                // The totals close section G, before K.
                adw_preferences_page_add(page.cPointer(), goods.totalsGroup.cPointer())
                builtGoods = goods
            }
        }
        fieldRows = rows
        customerWarehouse = rows[SntField.customer.storeId.code].map { row in
            CustomerWarehouseButton(row: row, model: model) { weakSelf?.warehouseLookup }
        }
        goods = builtGoods!
        problemsList = ProblemsPopover(builder: builder, describe: {
            .init(location: $0.location, message: $0.message, isError: $0.severity == .error)
        }, jump: { weakSelf?.focus($0) })
        weakSelf = self

        addActions()
        addShortcuts()
        let templateButton = builder.object("template_button")
        setAccessibleLabel(templateButton, tr("Save as a template"))
        templateButton.connect("clicked") { weakSelf?.askTemplateName() }
        window.connectReturning("close-request") {
            weakSelf?.closing()
            return false
        }
        model.onChange = { change in weakSelf?.show(change) }
        showTitle()
        showSaveState()
        problemsList.show(model.problems)
        showProblemsAtFields()
        model.reloadFromStore()
        showPaperEntry((try? MagazineStore(database: context.database).liveEntry(sntId: draftId)) ?? nil,
                       today: context.today)
        Self.open[ObjectIdentifier(self)] = self
    }

    public func present() {
        gtk_window_present(window.cPointer())
    }

    /// After a send: the registration number and status (read-only), or IS ESF's errors at their
    /// fields and in the problems list.
    public func reloadFromStore() {
        model.reloadFromStore()
    }

    /// Scrolls to and focuses the field's widget; a goods column opens its line (the first line
    /// with a problem there, else the first line).
    public func focus(_ field: SntField) {
        if let problem = model.problems.first(where: { $0.fieldCode == field.code }) {
            focus(problem)
        } else if field.code.hasPrefix("G1."), !model.lines.isEmpty {
            focus(EditorProblem(fieldCode: field.code, line: 1, message: "", severity: .warning, source: .check))
        } else {
            focusField(code: field.code)
        }
    }

    public func nextProblem() { stepProblem(by: 1) }
    public func previousProblem() { stepProblem(by: -1) }

    // MARK: Showing the model

    private func show(_ change: SntEditorModel.Change) {
        switch change {
        case .fields:
            for row in Set(fieldRows.values.map { ObjectIdentifier($0) }).compactMap({ id in
                fieldRows.values.first { ObjectIdentifier($0) == id } }) {
                row.show(model.snt)
            }
            showTitle()
        case let .lines(index):
            if let index { goods.refresh(line: index) } else { goods.refreshAll() }
            lineDialog?.refresh()
        case .problems:
            problemsList.show(model.problems)
            showProblemsAtFields()
            lineDialog?.show(problems: model.problems)
            goods.show(problems: model.problems)
        case .saveState:
            showSaveState()
            showTitle()
        case .registration:
            showRegistration()
        }
    }

    private func showProblemsAtFields() {
        var byRow: [ObjectIdentifier: [EditorProblem]] = [:]
        for problem in model.problems where problem.line == nil {
            if let row = fieldRows[problem.fieldCode] { byRow[ObjectIdentifier(row), default: []].append(problem) }
        }
        var seen = Set<ObjectIdentifier>()
        for row in fieldRows.values where seen.insert(ObjectIdentifier(row)).inserted {
            row.show(problems: byRow[ObjectIdentifier(row)] ?? [])
        }
    }

    private func showTitle() {
        let number = model.snt.number.isEmpty ? tr("(no number)") : model.snt.number
        header.showTitle(tr("SNT %1$@", number), company: model.company)
    }

    /// What the save indicator says now.
    var saveText: String { header.saveText }

    private func showSaveState() { header.showSaveState(model.saveState) }

    private func showRegistration() {
        guard let registration = model.registration else { return }
        let text = registration.number.map { tr("Registered as %1$@, status %2$@.", $0, registration.status.rawValue) }
            ?? tr("Sent to IS ESF, status %1$@.", registration.status.rawValue)
        header.showStatus(text)
        gtk_widget_set_sensitive(page.widget, 0)
        gtk_widget_set_sensitive(sendButton.widget, 0)
        gtk_widget_set_sensitive(builder.object("paper_button").widget, 0)
    }

    /// The banner of a draft issued on paper: its Magazine entry and until when to enter it.
    public func showPaperEntry(_ entry: MagazineEntry?, today: CalendarDate = KazakhstanClock.today()) {
        let label = builder.object("paper_label")
        gtk_label_set_text(label.cPointer(), entry.map { MagazineModel.paperBanner($0, today: today) } ?? "")
        gtk_widget_set_visible(label.widget, entry == nil ? 0 : 1)
        // One live entry per draft: issuing again waits until its blank is spoiled.
        gtk_widget_set_sensitive(builder.object("paper_button").widget, entry == nil && model.registration == nil ? 1 : 0)
        let overdue = entry?.isOverdue(on: today) == true
        gtk_widget_remove_css_class(label.widget, overdue ? "warning" : "error")
        gtk_widget_add_css_class(label.widget, overdue ? "error" : "warning")
    }

    /// The paper entry's banner, when shown.
    var paperText: String? {
        let label = builder.object("paper_label")
        return gtk_widget_get_visible(label.widget) != 0 ? String(cString: gtk_label_get_text(label.cPointer())) : nil
    }

    /// The text of the status line above the form (registration or IS ESF's verdict).
    var statusText: String? { header.statusText }

    // MARK: Moving around

    func focus(_ problem: EditorProblem) {
        if let index = model.problems.firstIndex(of: problem) { problemIndex = index }
        if problem.fieldCode.hasPrefix("G1."), let line = problem.line {
            let number = String(problem.fieldCode.dropFirst(3))
            let dialog = openLine(line - 1)
            if let column = GoodsLineField.allCases.first(where: { $0.number == number }) { dialog?.focus(column) }
            return
        }
        focusField(code: problem.fieldCode)
    }

    private func focusField(code: String) {
        if let row = fieldRows[code] {
            row.focus()
        } else if code == SntField.goods.code || code.hasPrefix("G1") {
            gtk_widget_grab_focus(goods.barcode.entry.widget)
        } else if code.hasPrefix("52"), let widget = findChild(named: "field-" + code) {
            gtk_widget_grab_focus(widget)
        }
    }

    private func findChild(named name: String) -> UnsafeMutablePointer<GtkWidget>? {
        WidgetTree.find(named: name, in: window.widget)
    }

    private func stepProblem(by step: Int) {
        let problems = model.problems
        guard !problems.isEmpty else { return }
        let next = problemIndex.map { ($0 + step + problems.count) % problems.count } ?? (step > 0 ? 0 : problems.count - 1)
        focus(problems[next])
        problemIndex = next
    }

    /// Opens the form of goods line `index` (0-based), closing another one that was open.
    @discardableResult
    func openLine(_ index: Int) -> SntGoodsLineDialog? {
        guard model.lines.indices.contains(index) else { return nil }
        if let open = lineDialog, open.line == index { open.present(); return open }
        lineDialog?.close()
        let dialog = SntGoodsLineDialog(model: model, line: index, transientFor: window)
        dialog.window.connectReturning("close-request") { [weak self, weak dialog] in
            if let self, let dialog, self.lineDialog === dialog { self.lineDialog = nil }
            return false
        }
        lineDialog = dialog
        goods.select(index)
        dialog.present()
        return dialog
    }

    // MARK: Actions and keys

    private func addActions() {
        let map = ActionMap(actions)
        map.add("send") { [weak self] in self?.send() }
        map.add("issue-on-paper") { [weak self] in
            guard let self, self.model.registration == nil else { return }
            self.onIssueOnPaper?(self.model.draftId)
        }
        map.add("next-problem") { [weak self] in self?.nextProblem() }
        map.add("previous-problem") { [weak self] in self?.previousProblem() }
        map.add("focus-barcode") { [weak self] in
            guard let self else { return }
            gtk_widget_grab_focus(self.goods.barcode.entry.widget)
        }
        map.add("add-line") { [weak self] in
            guard let self else { return }
            self.openLine(self.model.addLine())
        }
        map.add("line-up") { [weak self] in self?.goods.moveSelected(by: -1) }
        map.add("line-down") { [weak self] in self?.goods.moveSelected(by: 1) }
    }

    /// The window's keys (`EditorKeys`; the shortcuts window lists them).
    static let shortcuts: [(String, String)] = [
        ("<Control>Return", "editor.send"), ("<Control>KP_Enter", "editor.send"),
        ("F8", "editor.next-problem"), ("<Shift>F8", "editor.previous-problem"),
        ("<Control>b", "editor.focus-barcode"), ("<Control>i", "editor.issue-on-paper"), ("<Control>l", "editor.add-line"), ("Insert", "editor.add-line"),
        ("<Control>w", "window.close"),
    ]

    private func addShortcuts() { EditorKeys.install(Self.shortcuts, on: window) }

    /// Flushes autosave, checks now, and hands the draft over, or shows the first error.
    func send() {
        guard model.registration == nil else { return }
        model.flush()
        model.checkNow()
        if let first = model.problems.first(where: { $0.severity == .error }) {
            focus(first)
            return
        }
        onSend?(model.draftId)
    }

    private func closing() {
        model.flush()
        lineDialog?.close()
        lineDialog = nil
        Self.open[ObjectIdentifier(self)] = nil
    }

    // MARK: Templates

    private func askTemplateName() {
        let dialog = adw_message_dialog_new(window.cPointer(), tr("Save as a template"),
                                            tr("New SNTs can start from it: the customer, goods, contract and transport are kept."))!
        let entry = gtk_entry_new()!
        gtk_entry_set_activates_default(gcast(entry), 1)
        gtk_entry_set_placeholder_text(gcast(entry), tr("Template name"))
        setAccessibleLabel(ObjectHandle(entry, transfer: .none), tr("Template name"))
        adw_message_dialog_set_extra_child(gcast(dialog), entry)
        adw_message_dialog_add_response(gcast(dialog), "cancel", tr("_Cancel"))
        adw_message_dialog_add_response(gcast(dialog), "save", tr("_Save"))
        adw_message_dialog_set_response_appearance(gcast(dialog), "save", ADW_RESPONSE_SUGGESTED)
        adw_message_dialog_set_default_response(gcast(dialog), "save")
        let handle = ObjectHandle(dialog, transfer: .none)
        let entryPointer: OpaquePointer = OpaquePointer(entry)
        handle.connect("response") { [weak self] (response: UnsafeMutableRawPointer?) in
            guard let self, let response, String(cString: response.assumingMemoryBound(to: CChar.self)) == "save" else { return }
            let name = gtk_editable_get_text(entryPointer).map { String(cString: $0) } ?? ""
            do {
                try self.model.saveAsTemplate(named: name)
            } catch {
                self.header.showStatus(String(describing: error))
            }
        }
        gtk_window_present(gcast(dialog))
    }
}
