import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The Forms page: the company's universal forms, newest first, with their kind, number, date,
/// warehouses, total, status and problems; filters by kind and status, search as you type, the
/// New menu with the six kinds, open, and deleting a draft with undo.
@MainActor
public final class FormsPage {
    /// The root widget, for the main window's stack.
    public let widget: ObjectHandle
    /// A form was activated (Enter, double click, Open): its local id.
    public var onOpen: (@MainActor (Int64) -> Void)?
    /// New Form → a kind.
    public var onNew: (@MainActor (UFormType) -> Void)?
    /// A draft was deleted; `undo` puts it back.
    public var onDeleted: (@MainActor (_ number: String, _ undo: @escaping @MainActor () -> Void) -> Void)?

    let table: BigTable<UFormListRow>
    /// The kinds the kind filter offers after "All kinds".
    static let filterKinds = UFormType.userKinds
    static let filterStatuses = UFormStatus.allCases
    /// What the page asks the store for; the table's page reader reads it too.
    private let source: FormsPageQuery
    var query: UFormListQuery {
        get { source.query }
        set { source.query = newValue }
    }
    private(set) var count = 0
    private let context: DeskContext
    private let store: UFormStore
    private let builder = Builder(resource: "/kz/qoima/Qoima/ui/forms-page.ui")
    private let countLabel: ObjectHandle
    private let problemLabel: ObjectHandle
    private let contentStack: ObjectHandle
    private let searchEntry: ObjectHandle
    private let kindDropdown: ObjectHandle
    private let statusDropdown: ObjectHandle

    public init(context: DeskContext) {
        self.context = context
        store = UFormStore(database: context.database)
        let source = FormsPageQuery(UFormListQuery(companyId: context.company.id))
        self.source = source
        let store = store
        table = BigTable(columns: Self.columns(), pageSize: 100) { offset, limit in
            (try? store.list(source.query, offset: offset, limit: limit)) ?? []
        }
        widget = builder.object("page")
        countLabel = builder.object("count_label")
        problemLabel = builder.object("problem_label")
        contentStack = builder.object("content_stack")
        searchEntry = builder.object("search_entry")
        kindDropdown = builder.object("kind_dropdown")
        statusDropdown = builder.object("status_dropdown")
        gtk_widget_set_name(widget.widget, "forms-page")
        gtk_widget_set_name(table.view.widget, "forms-table")
        gtk_stack_add_named(contentStack.cPointer(), table.widget.widget, "table")
        fillDropdowns()
        buildNewMenu()
        connect()
        reload()
    }

    static func columns() -> [BigTable<UFormListRow>.Column] {
        typealias Column = BigTable<UFormListRow>.Column
        typealias Cell = BigTable<UFormListRow>.Cell
        return [
            Column(id: "kind", title: tr("Kind"), sortable: false, widthChars: 16) { row in
                var text = row.type.map(FormWords.title(of:)) ?? ""
                if let reason = row.writeOffReason { text += " · " + FormWords.title(of: reason) }
                if let detailing = row.detailingType { text += " · " + FormWords.title(of: detailing) }
                return Cell(text, tooltip: text)
            },
            Column(id: "number", title: tr("Number"), sortable: false, widthChars: 14) { Cell($0.number) },
            Column(id: "date", title: tr("Date"), sortable: false, widthChars: 10) { Cell(SntListFormat.date($0.date)) },
            Column(id: "warehouses", title: tr("Warehouse"), expands: true, sortable: false, widthChars: 24) { row in
                Cell(warehouses(of: row))
            },
            Column(id: "total", title: tr("Total"), sortable: false, xalign: 1, widthChars: 14) {
                Cell(SntListFormat.amount($0.totalSum, currency: nil))
            },
            Column(id: "status", title: tr("Status"), sortable: false, style: .badge, widthChars: 14) { row in
                Cell(FormStatusBadge.text(of: row.status), styleClasses: [FormStatusBadge.styleClass(of: row.status)],
                     tooltip: row.sendState.map { FormWords.text($0.label) })
            },
            Column(id: "registration", title: tr("Registration number"), sortable: false, widthChars: 20) {
                Cell($0.registrationNumber ?? "")
            },
            Column(id: "problems", title: tr("Problems"), sortable: false, xalign: 1, widthChars: 6) { row in
                let count = row.errorCount + row.warningCount
                return Cell(count == 0 ? "" : String(count), styleClasses: row.errorCount > 0 ? ["error"] : count > 0 ? ["warning"] : [],
                            tooltip: count == 0 ? nil : tr("%1$@ errors, %2$@ warnings", row.errorCount, row.warningCount))
            },
        ]
    }

    /// `Main → Shop` for a movement, the sender's warehouse otherwise.
    static func warehouses(of row: UFormListRow) -> String {
        func name(_ id: Int64?, _ name: String?) -> String? {
            guard let id else { return nil }
            return (name ?? "").isEmpty ? String(id) : name
        }
        let sender = name(row.senderStoreId, row.senderStoreName)
        let recipient = name(row.recipientStoreId, row.recipientStoreName)
        return [sender, recipient].compactMap { $0 }.joined(separator: " → ")
    }

    // MARK: Public API

    /// The local id of the selected form.
    public var selectedId: Int64? { table.selectedPosition.flatMap { table.row(at: $0)?.id } }

    /// Rows after search and filters.
    public var rowCount: Int { count }

    public func focusSearch() { gtk_widget_grab_focus(searchEntry.widget) }

    /// Reads the list again, keeping the selection where it can.
    public func reload() {
        let selected = selectedId
        do {
            count = try store.count(query)
            let first = try store.list(query, offset: 0, limit: 100)
            table.refresh(rowCount: count, firstRows: first)
            if let selected, let found = table.cachedRows.first(where: { $0.row.id == selected }) {
                table.select(found.position)
            }
            show(problem: nil)
        } catch {
            show(problem: String(describing: error))
        }
        updateState()
    }

    /// As if `text` were typed into the search entry.
    public func setSearch(_ text: String) {
        EntryText.set(text, on: searchEntry)
        query.search = text
        requery()
    }

    /// Filters to one kind (nil: every kind), as the kind filter does.
    public func setKind(_ kind: UFormType?) {
        let index = kind.flatMap { Self.filterKinds.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        gtk_drop_down_set_selected(kindDropdown.cPointer(), guint(index))
    }

    /// Filters to one status (nil: every status), as the status filter does.
    public func setStatus(_ status: UFormStatus?) {
        let index = status.flatMap { Self.filterStatuses.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        gtk_drop_down_set_selected(statusDropdown.cPointer(), guint(index))
    }

    /// Selects the form with this id when it is listed.
    public func select(id: Int64) {
        for position in 0..<count where table.row(at: position)?.id == id {
            table.select(position)
            return
        }
    }

    /// Deletes the selected draft and offers to undo through `onDeleted`.
    public func deleteSelected() {
        guard let position = table.selectedPosition, let id = selectedId else { return }
        do {
            let deleted = try store.delete(draftId: id)
            reload()
            table.select(count == 0 ? nil : min(position, count - 1))
            updateState()
            onDeleted?(deleted.number) { [weak self] in
                guard let self else { return }
                do {
                    try self.store.restore(deleted)
                    self.reload()
                    self.select(id: deleted.id)
                } catch {
                    self.show(problem: Self.message(of: error))
                }
            }
        } catch {
            show(problem: Self.message(of: error))
        }
    }

    public func openSelected() {
        if let id = selectedId { onOpen?(id) }
    }

    // MARK: Inside

    private func requery() {
        do {
            count = try store.count(query)
            table.reset(rowCount: count, firstRows: try store.list(query, offset: 0, limit: 100))
            show(problem: nil)
        } catch {
            show(problem: Self.message(of: error))
        }
        updateState()
    }

    private func updateState() {
        let filtered = !query.types.isEmpty || !query.statuses.isEmpty || !query.search.isEmpty
        gtk_label_set_text(countLabel.cPointer(), filtered ? tr("%1$@ found", count) : tr("%1$@ forms", count))
        let total = filtered ? ((try? store.count(UFormListQuery(companyId: context.company.id))) ?? 0) : count
        gtk_stack_set_visible_child_name(contentStack.cPointer(), total == 0 ? "empty" : "table")
        let selected = selectedId.flatMap { id in table.cachedRows.first { $0.row.id == id }?.row }
        gtk_widget_set_sensitive(builder.object("open_button").widget, selected == nil ? 0 : 1)
        gtk_widget_set_sensitive(builder.object("delete_button").widget,
                                 selected.map { $0.status == .draft && $0.sendState == nil && $0.origin == .qoima } == true ? 1 : 0)
    }

    private func show(problem: String?) {
        gtk_label_set_text(problemLabel.cPointer(), problem ?? "")
        gtk_widget_set_visible(problemLabel.widget, problem == nil ? 0 : 1)
    }

    /// The problem shown under the filters, if any.
    var problemText: String? {
        gtk_widget_get_visible(problemLabel.widget) != 0 ? String(cString: gtk_label_get_text(problemLabel.cPointer())) : nil
    }

    private static func message(of error: any Error) -> String {
        (error as? UFormStoreError)?.message(in: DeskExchange.language) ?? String(describing: error)
    }

    private func fillDropdowns() {
        let kinds = FormRows.stringList([tr("All kinds")] + Self.filterKinds.map(FormWords.title(of:)))
        gtk_drop_down_set_model(kindDropdown.cPointer(), kinds)
        g_object_unref(UnsafeMutableRawPointer(kinds))
        let statuses = FormRows.stringList([tr("All statuses")] + Self.filterStatuses.map(FormStatusBadge.text(of:)))
        gtk_drop_down_set_model(statusDropdown.cPointer(), statuses)
        g_object_unref(UnsafeMutableRawPointer(statuses))
    }

    private func buildNewMenu() {
        let box = builder.object("new_box")
        for kind in UFormType.userKinds {
            let button = ObjectHandle(gtk_button_new_with_label(FormWords.title(of: kind))!, transfer: .none)
            gtk_widget_set_name(button.widget, "forms-new-" + kind.rawValue)
            gtk_widget_add_css_class(button.widget, "flat")
            gtk_label_set_xalign(gcast(gtk_button_get_child(button.cPointer())), 0)
            let popover = gtk_menu_button_get_popover(builder.object("new_button").cPointer())
            button.connect("clicked") { [weak self] in
                if let popover { gtk_popover_popdown(popover) }
                self?.onNew?(kind)
            }
            gtk_box_append(box.cPointer(), button.widget)
        }
    }

    private func connect() {
        searchEntry.connect("search-changed") { [weak self] in
            guard let self else { return }
            self.query.search = EntryText.text(of: self.searchEntry)
            self.requery()
        }
        kindDropdown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self else { return }
            let index = Int(gtk_drop_down_get_selected(self.kindDropdown.cPointer()))
            self.query.types = index > 0 && index <= Self.filterKinds.count ? [Self.filterKinds[index - 1]] : []
            self.requery()
        }
        statusDropdown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self else { return }
            let index = Int(gtk_drop_down_get_selected(self.statusDropdown.cPointer()))
            self.query.statuses = index > 0 && index <= Self.filterStatuses.count ? [Self.filterStatuses[index - 1]] : []
            self.requery()
        }
        table.onActivate = { [weak self] position in
            guard let self, let id = self.table.row(at: position)?.id else { return }
            self.onOpen?(id)
        }
        table.onSelectionChanged = { [weak self] in self?.updateState() }
        builder.object("open_button").connect("clicked") { [weak self] in self?.openSelected() }
        builder.object("delete_button").connect("clicked") { [weak self] in self?.deleteSelected() }
        let group = ObjectHandle(UnsafeMutableRawPointer(g_simple_action_group_new()!), transfer: .full)
        let actions = ActionMap(group)
        actions.add("focus-search") { [weak self] in self?.focusSearch() }
        actions.add("delete") { [weak self] in self?.deleteSelected() }
        gtk_widget_insert_action_group(widget.widget, "forms", group.opaque)
        for (trigger, action) in Self.shortcuts {
            PageKeys.add(trigger, action: action, to: action == "forms.delete" ? table.view : widget)
        }
    }
}

extension FormsPage {
    /// The page's keys (the help overlay lists them): Delete only where the table has focus.
    static let shortcuts: [(String, String)] = [("<Control>f", "forms.focus-search"), ("Delete", "forms.delete")]
}

/// The forms page's current query, shared by the page and its table's page reader.
@MainActor
final class FormsPageQuery {
    var query: UFormListQuery

    init(_ query: UFormListQuery) {
        self.query = query
    }
}
