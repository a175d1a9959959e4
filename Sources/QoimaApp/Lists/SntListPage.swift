import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// One SNT list of the desk: Outgoing, Incoming or Drafts of the company at work. A table that
/// stays smooth at millions of rows (`BigTable`, paged from the store, sorted by the store),
/// search as you type, filters, and the count in the header; it follows the store by itself.
@MainActor
public final class SntListPage {
    public enum Kind: String, CaseIterable, Sendable {
        case outgoing, incoming, drafts
    }

    public let kind: Kind
    /// The root widget, for the main window's stack.
    public let widget: ObjectHandle
    /// A row was activated (Enter, double click): its local SNT id.
    public var onOpen: (@MainActor (Int64) -> Void)?
    /// Drafts only: a draft was deleted; `undo` puts it back.
    public var onDeleted: (@MainActor (_ number: String, _ undo: @escaping @MainActor () -> Void) -> Void)?

    /// The query state and store reads (the benchmark watches its pages).
    @_spi(Benchmark) public let model: SntListModel
    @_spi(Benchmark) public let table: BigTable<SntListRow>
    let filters: SntListFilterBar
    private let context: DeskContext
    private let builder = Builder(resource: "/kz/qoima/Qoima/ui/snt-list.ui")
    private let countLabel: ObjectHandle
    private let problemLabel: ObjectHandle
    private let contentStack: ObjectHandle
    private var observation: SntTableObservation?
    private var appliedQuery: SntListQuery?
    private lazy var storeRefresh = CoalescedRefresh { [weak self] in self?.refreshInPlace() }
    /// Bumped by every query: a settle scheduled for an older one does nothing.
    private var settleRequest = 0
    private var counterpartiesLoaded = false
    /// Drafts: the live Magazine entries of drafts issued on paper, read with the list.
    private let paperMarks: PaperMarks
    /// What went wrong with the last action (a delete, reading the store), shown under the filters.
    private var actionProblem: String?

    public init(kind: Kind, context: DeskContext) {
        self.kind = kind
        self.context = context
        let model = SntListModel(kind: kind, companyId: context.company.id, database: context.database)
        self.model = model
        let marks = PaperMarks()
        paperMarks = marks
        table = BigTable(columns: SntListColumns.columns(for: kind, today: { context.today }, paper: { marks.entries[$0] }),
                         pageSize: 100) {
            model.page(offset: $0, limit: $1)
        }
        widget = builder.object("page")
        countLabel = builder.object("count_label")
        problemLabel = builder.object("problem_label")
        contentStack = builder.object("content_stack")
        let warehouses = (try? WarehouseStore(database: context.database).warehouses(companyId: context.company.id)) ?? []
        filters = SntListFilterBar(builder: builder, statuses: model.filterableStatuses, warehouses: warehouses)

        gtk_widget_set_name(widget.widget, "snt-list-" + kind.rawValue)
        gtk_widget_set_name(table.view.widget, "snt-table")
        gtk_stack_add_named(contentStack.cPointer(), table.widget.widget, "table")
        gtk_label_set_text(builder.object("title_label").cPointer(), title)
        buildEmptyPage()
        // The header shows the store's default order, newest first; from here on a click re-queries.
        table.sort(byColumn: SntListColumn.date.rawValue, ascending: false)
        connect()
        addKeyboard()
        requery()
        observation = SntTableObservation(database: context.database) { [weak self] in
            MainActor.assumeIsolated { self?.storeChanged() }
        }
    }

    // MARK: Public API

    /// The local id of the selected SNT.
    public var selectedId: Int64? { table.selectedPosition.flatMap { table.row(at: $0)?.id } }

    /// Rows after search and filters (at most `SntListModel.countCap + 1` until counted exactly).
    public var rowCount: Int { model.count }

    public func focusSearch() {
        gtk_widget_grab_focus(filters.searchEntry.widget)
    }

    /// Reads the list again, keeping the scroll position and the selection where it can.
    public func reload() {
        refreshInPlace()
    }

    /// As if `text` were typed into the search entry (without waiting for its delay).
    public func setSearch(_ text: String) {
        filters.setSearchText(text)
        model.setSearch(text)
        requery()
    }

    /// Drafts: deletes the selected draft and offers to undo through `onDeleted`.
    public func deleteSelected() {
        guard kind == .drafts, let position = table.selectedPosition, let id = selectedId else { return }
        let trash = SntDraftTrash(database: context.database)
        do {
            let deleted = try trash.delete(draftId: id)
            actionProblem = nil
            refreshInPlace()
            table.select(model.count == 0 ? nil : min(position, model.count - 1))
            onDeleted?(deleted.number) { [weak self] in
                do {
                    try trash.restore(deleted)
                    self?.actionProblem = nil
                    self?.refreshInPlace()
                    if let found = self?.table.cachedRows.first(where: { $0.row.id == deleted.id }) {
                        self?.table.select(found.position)
                    }
                } catch {
                    self?.show(problem: Self.message(of: error))
                }
            }
        } catch {
            show(problem: Self.message(of: error))
        }
    }

    // MARK: Querying

    /// Runs the query the search, filters and sort make now, from the top, unless it is the one shown.
    private func requery() {
        model.setStatuses(filters.statuses)
        model.setDates(from: filters.from, to: filters.to)
        model.setCounterparty(filters.counterpartyTin)
        model.setWarehouse(filters.storeId)
        updateProblem()
        guard model.query != appliedQuery else { return }
        appliedQuery = model.query
        readPaperMarks()
        do {
            try model.recount()
        } catch {
            show(problem: Self.message(of: error))
        }
        table.reset(rowCount: model.count, firstRows: model.head)
        updateState()
        countExactly()
    }

    /// The same query after the store changed: counted again, rows on screen read again.
    private func refreshInPlace() {
        let selected = selectedId, position = table.selectedPosition
        readPaperMarks()
        do {
            try model.recount(sameQuery: true)
        } catch {
            show(problem: Self.message(of: error))
        }
        table.refresh(rowCount: model.count, firstRows: model.head)
        if let selected, let position, table.row(at: position)?.id != selected {
            table.select(table.cachedRows.first { $0.row.id == selected }?.position)
        }
        updateState()
        countExactly()
    }

    /// What waits until the user stops typing (and the first frame is out): the exact count and
    /// the ids of a long list, read off the main thread, and the counterparties for the filter.
    /// Run at every keystroke, they would pile up and slow the searches they serve.
    private func countExactly() {
        settleRequest += 1
        let request = settleRequest
        DispatchQueue.main.asyncAfter(deadline: .now() + Self.settleDelay) { [weak self] in
            MainActor.assumeIsolated {
                guard let self, self.settleRequest == request else { return }
                self.model.settle { [weak self] in
                    guard let self else { return }
                    self.table.resize(rowCount: self.model.count)
                    self.updateState()
                }
                if !self.counterpartiesLoaded {
                    self.counterpartiesLoaded = true
                    self.model.loadCounterparties { [weak self] in self?.filters.counterparties = $0 }
                }
            }
        }
    }

    private func readPaperMarks() {
        guard kind == .drafts else { return }
        paperMarks.entries = (try? MagazineStore(database: context.database).liveEntries(companyId: context.company.id)) ?? [:]
    }

    /// Longer than the pause between two keys of someone typing.
    static let settleDelay = 0.4

    /// Store changes come one per transaction; a burst is read once.
    private func storeChanged() { storeRefresh.schedule() }

    // MARK: Showing

    private var title: String {
        switch kind {
        case .outgoing: AppPage.outgoing.title
        case .incoming: AppPage.incoming.title
        case .drafts: AppPage.drafts.title
        }
    }

    private func buildEmptyPage() {
        let page: AppPage = switch kind {
        case .outgoing: .outgoing
        case .incoming: .incoming
        case .drafts: .drafts
        }
        let empty = builder.object("empty_page")
        adw_status_page_set_icon_name(empty.opaque, page.iconName)
        let emptyTitle = switch kind {
        case .outgoing: tr("No Outgoing SNTs Yet")
        case .incoming: tr("No Incoming SNTs Yet")
        case .drafts: tr("No Drafts")
        }
        adw_status_page_set_title(empty.opaque, emptyTitle)
        adw_status_page_set_description(empty.opaque, page.placeholder)
    }

    private func updateState() {
        let count = model.countIsCapped ? SntListFormat.grouped(SntListModel.countCap) + "+" : SntListFormat.grouped(model.count)
        gtk_label_set_text(countLabel.cPointer(), model.searchTooShort
            ? tr("SNTs: %1$@. Search starts at two letters or digits.", count) : tr("SNTs: %1$@", count))
        let visible = model.count > 0 ? "table" : model.listIsEmpty ? "empty" : "no-results"
        gtk_stack_set_visible_child_name(contentStack.cPointer(), visible)
    }

    private func show(problem: String) {
        actionProblem = problem
        updateProblem()
    }

    private func updateProblem() {
        let problem = filters.dateProblem ?? actionProblem
        gtk_label_set_text(problemLabel.cPointer(), problem ?? "")
        gtk_widget_set_visible(problemLabel.widget, problem == nil ? 0 : 1)
    }

    private static func message(of error: Error) -> String {
        let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        if let trashError = error as? DraftTrashError { return trashError.message(in: language) }
        if let storeError = error as? StoreError { return storeError.message(in: language) }
        return tr("The list could not be read: %1$@", String(describing: error))
    }

    // MARK: Wiring

    private func connect() {
        table.onSortChanged = { [weak self] column, ascending in
            guard let self else { return }
            self.model.setOrder(column.flatMap(SntListColumn.init(rawValue:)).map { SntListOrder($0, ascending: ascending) }
                ?? .newestFirst)
            self.requery()
        }
        table.onActivate = { [weak self] position in
            guard let self, let id = self.table.row(at: position)?.id else { return }
            self.onOpen?(id)
        }
        filters.onSearchChanged = { [weak self] text in
            self?.model.setSearch(text)
            self?.requery()
        }
        filters.onFiltersChanged = { [weak self] in self?.requery() }
        filters.onClear = { [weak self] in self?.clearSearchAndFilters() }
        builder.object("no_results_clear_button").connect("clicked") { [weak self] in self?.clearSearchAndFilters() }
    }

    private func clearSearchAndFilters() {
        filters.clear()
        model.setSearch("")
        requery()
    }

    /// Ctrl+F (within the page; the window binds it too) and Delete on the table for drafts.
    private func addKeyboard() {
        let group = ObjectHandle(UnsafeMutableRawPointer(g_simple_action_group_new()!), transfer: .full)
        let actions = ActionMap(group)
        actions.add("focus-search") { [weak self] in self?.focusSearch() }
        actions.add("delete") { [weak self] in self?.deleteSelected() }
        gtk_widget_insert_action_group(widget.widget, "list", group.opaque)
        PageKeys.add("<Control>f", action: "list.focus-search", to: widget)
        if kind == .drafts { PageKeys.add("Delete", action: "list.delete", to: table.view) }
    }
}

/// The Drafts list's marks of drafts issued on paper, shared by the page and its column.
@MainActor
final class PaperMarks {
    var entries: [Int64: MagazineEntry] = [:]
}
