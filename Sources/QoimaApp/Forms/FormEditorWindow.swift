import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The editor of one universal form: its header fields for the kind (the write-off reason's
/// own details appear as the reason is chosen), its line tables picked from the balances or
/// typed in, the balances after the form beside them, problems at their fields and in a list,
/// and autosave with no Save button. The model (`FormEditorModel`) holds everything but widgets.
@MainActor
public final class FormEditorWindow {
    public let window: ObjectHandle
    public let model: FormEditorModel
    /// "Sign and send" (Ctrl+Return): called with the form's id after autosave is flushed,
    /// only when there are no errors (otherwise the first one is focused).
    public var onSend: (@MainActor (Int64) -> Void)?

    private(set) var headerRows: [FormHeaderField: ObjectHandle] = [:]
    private(set) var lineGroups: [FormLineSide: FormLinesGroup] = [:]
    let problemsList: ProblemsPopover<FormProblem>
    let preview: FormPreviewGroup
    private let builder: Builder
    private let page: ObjectHandle
    private let detailsGroup: ObjectHandle
    private var detailRows: [ObjectHandle] = []
    private let header: EditorHeader
    private var problemIndex: Int?
    private let actions: ObjectHandle
    private var shownReason: WriteOffReason?
    /// Open editors keep themselves alive until their window closes.
    private static var open: [ObjectIdentifier: FormEditorWindow] = [:]

    /// A form IS ESF has (sent, processed, failed) opens read-only when `showingSent`.
    public init(formId: Int64, context: DeskContext, transientFor parent: ObjectHandle?, showingSent: Bool = false) throws {
        model = try FormEditorModel(formId: formId, database: context.database, company: context.company,
                                    today: context.today, showingSent: showingSent)
        ResourceBundle.register(base64: embeddedGResourceBase64)
        builder = Builder(resource: "/kz/qoima/Qoima/ui/form-editor.ui")
        window = builder.object("editor_window")
        page = builder.object("form_page")
        header = EditorHeader(builder: builder)
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }
        gtk_widget_set_name(window.widget, "form-editor")
        actions = ObjectHandle(g_simple_action_group_new()!, transfer: .full)
        gtk_widget_insert_action_group(window.widget, "editor", actions.opaque)

        weak var weakSelf: FormEditorWindow?
        let kind = model.kind
        problemsList = ProblemsPopover(builder: builder, describe: {
            .init(location: $0.location(kind: kind), message: $0.message, isError: $0.severity == .error)
        }, jump: { weakSelf?.focus($0) })
        preview = FormPreviewGroup(group: builder.object("preview_group"))
        detailsGroup = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        gtk_widget_set_name(detailsGroup.widget, "form-write-off-details")
        adw_preferences_group_set_title(detailsGroup.cPointer(), tr("What the write-off rests on"))
        adw_preferences_group_set_description(detailsGroup.cPointer(),
                                              tr("Kept with the form and written at the head of its comment."))
        weakSelf = self

        let header = buildHeader()
        adw_preferences_page_add(page.cPointer(), header.cPointer())
        adw_preferences_page_add(page.cPointer(), detailsGroup.cPointer())
        for side in model.sides {
            let lines = FormLinesGroup(side: side, model: model)
            lineGroups[side] = lines
            for group in lines.groups { adw_preferences_page_add(page.cPointer(), group.cPointer()) }
        }
        showDetails()
        addActions()
        addShortcuts()
        window.connectReturning("close-request") {
            weakSelf?.closing()
            return false
        }
        model.onChange = { change in weakSelf?.show(change) }
        showTitle()
        show(.problems)
        if model.isReadOnly {
            showSent(Self.readOnlyText(status: model.status, number: model.registrationNumber), editable: false)
            gtk_widget_set_visible(builder.object("preview_page").widget, 0)
        }
        Self.open[ObjectIdentifier(self)] = self
    }

    /// Why a sent form is only shown.
    static func readOnlyText(status: UFormStatus, number: String?) -> String {
        let state = FormStatusBadge.text(of: status)
        guard let number, !number.isEmpty else { return tr("%1$@: IS ESF has this form; it is shown as it was sent.", state) }
        return tr("%1$@ (%2$@): IS ESF has this form; it is shown as it was sent.", state, number)
    }

    public func present() {
        gtk_window_present(window.cPointer())
    }

    // MARK: Building

    private func buildHeader() -> ObjectHandle {
        let group = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        gtk_widget_set_name(group.widget, "form-header")
        adw_preferences_group_set_title(group.cPointer(), model.kind.map(FormWords.title(of:)) ?? tr("Form"))
        let form = model.form
        let model = model
        let warehouses = model.warehouses
        let warehouseLabels = warehouses.map { warehouse in
            let name = warehouse.name.isEmpty ? tr("Warehouse %1$@", warehouse.storeId) : warehouse.name
            return warehouse.isActive ? tr("%1$@ (%2$@)", name, warehouse.storeId)
                : tr("%1$@ (%2$@, inactive)", name, warehouse.storeId)
        }
        for field in model.headerFields {
            let title = FormEditorModel.title(of: field)
            let name = "form-" + field.key
            let row: ObjectHandle
            switch field {
            case .number:
                row = FormRows.entry(title: title, name: name, text: form.number) { model.setNumber($0) }
            case .date:
                row = FormRows.entry(title: tr("Date (dd.mm.yyyy)"), name: name, text: form.date?.ddMMyyyy ?? "") {
                    model.setDate($0)
                }
            case .comment:
                row = FormRows.entry(title: title, name: name, text: form.comment ?? "") { model.setComment($0) }
            case .sender, .recipient:
                let party = field == .sender ? form.sender : form.recipient
                let selected = warehouses.firstIndex { $0.storeId == party?.storeId }
                row = FormRows.choice(title: title, name: name, labels: warehouseLabels, selected: selected) { index in
                    if field == .sender {
                        model.setSender(storeId: warehouses[index].storeId)
                    } else {
                        model.setRecipient(storeId: warehouses[index].storeId)
                    }
                }
            case .writeOffReason:
                let reasons = WriteOffReason.allCases
                row = FormRows.choice(title: title, name: name, labels: reasons.map(FormWords.title(of:)),
                                      selected: form.writeOffReason.flatMap(reasons.firstIndex(of:))) {
                    model.setWriteOffReason(reasons[$0])
                }
            case .detailingType:
                let types = DetailingType.allCases
                row = FormRows.choice(title: title, name: name, labels: types.map(FormWords.title(of:)),
                                      selected: form.detailingType.flatMap(types.firstIndex(of:))) {
                    model.setDetailingType(types[$0])
                }
            case .detail:
                continue
            }
            adw_preferences_group_add(group.cPointer(), row.widget)
            headerRows[field] = row
        }
        return group
    }

    /// The details the chosen reason asks for, built again when the reason changes.
    private func showDetails() {
        let reason = model.kind == .writeOff ? model.form.writeOffReason : nil
        guard reason != shownReason || detailRows.isEmpty else { return }
        shownReason = reason
        FormRows.clear(detailsGroup, rows: &detailRows)
        for field in Set(headerRows.keys) { if case .detail = field { headerRows[field] = nil } }
        let model = model
        for field in model.headerFields {
            guard case let .detail(detail) = field else { continue }
            let title = model.requires(detail) ? FormWords.title(of: detail)
                : tr("%1$@ (if any)", FormWords.title(of: detail))
            let row = FormRows.entry(title: detail.valueKind == .date ? tr("%1$@ (dd.mm.yyyy)", title) : title,
                                     name: "form-detail-" + detail.rawValue,
                                     text: model.form.writeOffDetails[detail] ?? "") { model.setDetail(detail, $0) }
            adw_preferences_group_add(detailsGroup.cPointer(), row.widget)
            detailRows.append(row)
            headerRows[field] = row
        }
        gtk_widget_set_visible(detailsGroup.widget, detailRows.isEmpty ? 0 : 1)
    }

    // MARK: Showing the model

    private func show(_ change: FormEditorModel.Change) {
        switch change {
        case .header:
            showDetails()
            showProblemsAtFields()
        case let .lines(side):
            lineGroups[side]?.rebuild()
            preview.show(model)
        case let .line(side, index):
            lineGroups[side]?.refresh(line: index)
        case .problems:
            problemsList.show(model.problems)
            showProblemsAtFields()
            for group in lineGroups.values { group.showProblems() }
            preview.show(model)
            showTitle()
        case .saveState:
            showSaveState()
        }
    }

    private func showProblemsAtFields() {
        for (field, row) in headerRows {
            let here = model.problems.filter { $0.place == .header(field) }.map(\.message)
            FormRows.show(problems: here, on: row)
        }
    }

    private func showTitle() {
        let kind = model.kind.map(FormWords.title(of:)) ?? tr("Form")
        let number = model.form.number.isEmpty ? tr("(no number)") : model.form.number
        header.showTitle(tr("%1$@ %2$@", kind, number), company: model.company)
    }

    /// What the save indicator says now.
    var saveText: String { header.saveText }

    private func showSaveState() { header.showSaveState(model.saveState) }

    /// Says where the form stands after a send, and stops editing once IS ESF has it.
    public func showSent(_ text: String, editable: Bool) {
        header.showStatus(text)
        gtk_widget_set_sensitive(page.widget, editable ? 1 : 0)
        gtk_widget_set_sensitive(builder.object("send_button").widget, editable ? 1 : 0)
    }

    /// The status line above the form, when shown.
    var statusText: String? { header.statusText }

    // MARK: Moving around

    /// Scrolls to and focuses where the problem is.
    func focus(_ problem: FormProblem) {
        if let index = model.problems.firstIndex(of: problem) { problemIndex = index }
        switch problem.place {
        case let .header(field):
            if let row = headerRows[field] { gtk_widget_grab_focus(row.widget) }
        case let .line(side, index, column):
            guard let group = lineGroups[side], group.rows.indices.contains(index) else { return }
            group.rows[index].focus(column: column)
        case .form:
            let side = model.sides.first!
            if let picker = lineGroups[side]?.picker {
                gtk_widget_grab_focus(picker.entry.widget)
            } else if let add = WidgetTree.find(named: "form-add-line-" + side.rawValue, in: window.widget) {
                gtk_widget_grab_focus(add)
            }
        }
    }

    public func nextProblem() { stepProblem(by: 1) }
    public func previousProblem() { stepProblem(by: -1) }

    private func stepProblem(by step: Int) {
        let problems = model.problems
        guard !problems.isEmpty else { return }
        let next = problemIndex.map { ($0 + step + problems.count) % problems.count } ?? (step > 0 ? 0 : problems.count - 1)
        focus(problems[next])
        problemIndex = next
    }

    // MARK: Actions and keys

    private func addActions() {
        let map = ActionMap(actions)
        map.add("send") { [weak self] in self?.send() }
        map.add("next-problem") { [weak self] in self?.nextProblem() }
        map.add("previous-problem") { [weak self] in self?.previousProblem() }
        map.add("add-line") { [weak self] in
            guard let self, let side = self.model.sides.last(where: self.model.allowsFreeEntry) else { return }
            self.model.addLine(side)
        }
    }

    /// The window's keys (`EditorKeys`; the shortcuts window lists them).
    static let shortcuts: [(String, String)] = [
        ("<Control>Return", "editor.send"), ("<Control>KP_Enter", "editor.send"),
        ("F8", "editor.next-problem"), ("<Shift>F8", "editor.previous-problem"),
        ("<Control>l", "editor.add-line"), ("<Control>w", "window.close"),
    ]

    private func addShortcuts() { EditorKeys.install(Self.shortcuts, on: window) }

    /// Flushes autosave, checks now, and hands the form over, or shows the first error.
    func send() {
        guard !model.isReadOnly else { return }
        model.flush()
        model.recheck()
        if let first = model.problems.first(where: { $0.severity == .error }) {
            focus(first)
            return
        }
        onSend?(model.formId)
    }

    private func closing() {
        model.flush()
        Self.open[ObjectIdentifier(self)] = nil
    }
}
