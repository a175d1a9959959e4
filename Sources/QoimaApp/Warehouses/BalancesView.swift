import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaPrint
import QoimaStore

/// The Balances view of the Warehouses page: the batches of one warehouse or all in a table that
/// stays smooth at hundreds of thousands of rows (`BigTable`, paged from the store), search as
/// you type, filters, grouping by product with subtotals, and, beside the table, which SNTs and
/// forms hold the selected batch's reserve.
@MainActor
public final class BalancesView {
    /// The view's root widget.
    public let widget: ObjectHandle
    @_spi(Benchmark) public let model: BalancesModel
    @_spi(Benchmark) public let table: BigTable<BalancesModel.Row>
    public let searchEntry: ObjectHandle
    public let warehouseDropDown: ObjectHandle
    public let reservedToggle: ObjectHandle
    public let nonZeroToggle: ObjectHandle
    public let groupToggle: ObjectHandle
    public let countLabel: ObjectHandle
    public let holdsSummary: ObjectHandle
    public let holdsList: ObjectHandle
    /// An SNT that holds a batch was activated: its local id.
    public var onOpenSnt: (@MainActor (Int64) -> Void)?
    /// A form that holds a batch was activated: its local id.
    public var onOpenForm: (@MainActor (Int64) -> Void)?
    /// What the reservation panel lists now.
    public private(set) var shownHolds: [BatchHold] = []

    private let context: DeskContext
    private let builder: Builder
    private var warehouses: [StoredWarehouse] = []
    private var appliedQuery: (BalanceListQuery, Bool)?
    private var quiet = false
    private var settleRequest = 0

    public init(context: DeskContext) {
        self.context = context
        // The view may open without the application (the benchmark); registering is idempotent.
        ResourceBundle.register(base64: embeddedGResourceBase64)
        builder = Builder(resource: "/kz/qoima/Qoima/ui/balances.ui")
        let model = BalancesModel(companyId: context.company.id, database: context.database)
        self.model = model
        table = BigTable(columns: Self.columns(), pageSize: 100) { model.page(offset: $0, limit: $1) }
        widget = ObjectHandle(gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!, transfer: .floating)
        gtk_widget_set_name(widget.widget, "balances-view")
        gtk_widget_set_name(table.view.widget, "balances-table")

        let bar: ObjectHandle = builder.object("filter_bar")
        searchEntry = builder.object("search_entry")
        warehouseDropDown = builder.object("warehouse_dropdown")
        reservedToggle = builder.object("reserved_toggle")
        nonZeroToggle = builder.object("nonzero_toggle")
        groupToggle = builder.object("group_toggle")
        gtk_box_append(widget.cPointer(), bar.widget)

        countLabel = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(countLabel.widget, "balances-count")
        gtk_label_set_xalign(countLabel.cPointer(), 0)
        gtk_widget_add_css_class(countLabel.widget, "dim-label")
        gtk_widget_set_margin_start(countLabel.widget, 12)
        gtk_widget_set_margin_bottom(countLabel.widget, 6)
        gtk_box_append(widget.cPointer(), countLabel.widget)

        let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
        gtk_widget_set_vexpand(paned, 1)
        gtk_paned_set_start_child(gcast(paned), table.widget.widget)
        gtk_paned_set_resize_start_child(gcast(paned), 1)
        gtk_paned_set_shrink_end_child(gcast(paned), 0)
        // The table takes what the window gains; the panel keeps its width.
        gtk_paned_set_resize_end_child(gcast(paned), 0)
        gtk_paned_set_shrink_start_child(gcast(paned), 0)
        gtk_widget_set_hexpand(table.widget.widget, 1)
        let side = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6)!
        gtk_widget_set_name(side, "balances-holds")
        gtk_widget_set_size_request(side, 260, -1)
        gtk_widget_set_hexpand(side, 0)
        for margin in [gtk_widget_set_margin_start, gtk_widget_set_margin_end, gtk_widget_set_margin_top] { margin(side, 12) }
        let title = gtk_label_new(tr("Why reserved"))!
        gtk_label_set_xalign(gcast(title), 0)
        gtk_widget_add_css_class(title, "heading")
        gtk_box_append(gcast(side), title)
        holdsSummary = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(holdsSummary.widget, "holds-summary")
        gtk_label_set_wrap(holdsSummary.cPointer(), 1)
        gtk_label_set_max_width_chars(holdsSummary.cPointer(), 30)
        gtk_label_set_width_chars(holdsSummary.cPointer(), 30)
        gtk_label_set_xalign(holdsSummary.cPointer(), 0)
        gtk_box_append(gcast(side), holdsSummary.widget)
        holdsList = ObjectHandle(gtk_list_box_new()!, transfer: .none)
        gtk_widget_set_name(holdsList.widget, "holds-list")
        gtk_widget_add_css_class(holdsList.widget, "boxed-list")
        gtk_list_box_set_selection_mode(holdsList.cPointer(), GTK_SELECTION_NONE)
        gtk_widget_set_visible(holdsList.widget, 0)
        let scroller = gtk_scrolled_window_new()!
        gtk_widget_set_vexpand(scroller, 1)
        gtk_scrolled_window_set_policy(gcast(scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(gcast(scroller), holdsList.widget)
        gtk_box_append(gcast(side), scroller)
        gtk_paned_set_end_child(gcast(paned), side)
        gtk_box_append(widget.cPointer(), paned)

        reloadWarehouses()
        connect()
        setUpPrinting()
        requery()
        showHolds()
    }

    // MARK: Public API

    /// Rows the table shows (product headers included when grouped).
    public var rowCount: Int { model.count }

    /// As if `text` were typed into the search entry (without its delay).
    public func setSearch(_ text: String) {
        quiet = true
        gtk_editable_set_text(searchEntry.cPointer(), text)
        quiet = false
        model.setSearch(text)
        requery()
    }

    /// Shows one warehouse (nil: all), as the warehouse filter would.
    public func showWarehouse(_ storeId: Int64?) {
        let index = storeId.flatMap { id in warehouses.firstIndex { $0.storeId == id }.map { $0 + 1 } } ?? 0
        gtk_drop_down_set_selected(warehouseDropDown.cPointer(), guint(index))
    }

    /// Reads the warehouses and the balances again (after a sync).
    public func reload() {
        reloadWarehouses()
        appliedQuery = nil
        requery()
        showHolds()
    }

    public func focusSearch() { gtk_widget_grab_focus(searchEntry.widget) }

    // MARK: Querying

    private func requery() {
        let selectedStore = Int(gtk_drop_down_get_selected(warehouseDropDown.cPointer()))
        model.setWarehouse(selectedStore > 0 && selectedStore <= warehouses.count ? warehouses[selectedStore - 1].storeId : nil)
        model.setReservedOnly(gtk_toggle_button_get_active(reservedToggle.cPointer()) != 0)
        model.setNonZeroOnly(gtk_toggle_button_get_active(nonZeroToggle.cPointer()) != 0)
        model.setGrouped(gtk_toggle_button_get_active(groupToggle.cPointer()) != 0)
        if let applied = appliedQuery, applied.0 == model.query, applied.1 == model.grouped { return }
        appliedQuery = (model.query, model.grouped)
        do {
            try model.recount(grouped: { [weak self] in self?.showRows() })
            showCount()
        } catch {
            showProblem(error)
        }
        table.reset(rowCount: model.count, firstRows: model.head)
        showHolds()
        countExactly()
    }

    /// The rows of a grouping read off the main thread.
    private func showRows() {
        if let failure = model.groupingFailure { showProblem(failure) } else { showCount() }
        table.reset(rowCount: model.count, firstRows: model.head)
        showHolds()
    }

    private func showProblem(_ error: any Error) {
        gtk_label_set_text(countLabel.cPointer(), tr("The balances could not be read: %1$@", String(describing: error)))
    }

    /// Whether the table waits for a grouping (tests and the benchmark wait for it).
    public var isGrouping: Bool { model.grouping }

    /// Once the user stops typing, the exact count of a long result, read off the main thread.
    private func countExactly() {
        settleRequest += 1
        let request = settleRequest
        DispatchQueue.main.asyncAfter(deadline: .now() + SntListPage.settleDelay) { [weak self] in
            MainActor.assumeIsolated {
                guard let self, self.settleRequest == request else { return }
                self.model.settle { [weak self] in
                    guard let self else { return }
                    self.table.resize(rowCount: self.model.count)
                    self.showCount()
                }
            }
        }
    }

    /// Whether the count shown is exact (tests wait for it).
    public var countIsExact: Bool { model.countIsExact }

    private func showCount() {
        let text: String
        if model.grouping {
            text = tr("Grouping by product…")
        } else if model.cacheIsEmpty {
            text = tr("No balances yet: sync with IS ESF to bring them.")
        } else if model.grouped {
            text = tr("Products: %1$@, batches: %2$@", SntListFormat.grouped(model.productGroups.count),
                      SntListFormat.grouped(model.count - model.productGroups.count))
        } else {
            text = tr("Batches: %1$@", model.countIsExact ? SntListFormat.grouped(model.count)
                : SntListFormat.grouped(BalancesModel.countCap) + "+")
        }
        gtk_label_set_text(countLabel.cPointer(), model.searchTooShort
            ? text + " " + tr("Search starts at two letters or digits.") : text)
    }

    private func reloadWarehouses() {
        let selected = model.query.storeId
        warehouses = (try? WarehouseStore(database: context.database).warehouses(companyId: context.company.id)) ?? []
        let labels = [tr("All warehouses")] + warehouses.map { tr("%1$@ (%2$@)", $0.name, String($0.storeId)) }
        let list = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
        for label in labels { gtk_string_list_append(list.opaque, label) }
        quiet = true
        gtk_drop_down_set_model(warehouseDropDown.cPointer(), list.opaque)
        let index = selected.flatMap { id in warehouses.firstIndex { $0.storeId == id }.map { $0 + 1 } } ?? 0
        gtk_drop_down_set_selected(warehouseDropDown.cPointer(), guint(index))
        quiet = false
    }

    // MARK: Reservations

    /// Lists what holds the selected batch, and whether it adds up to IS ESF's reserve.
    private func showHolds() {
        while let child = gtk_widget_get_first_child(holdsList.widget) { gtk_list_box_remove(holdsList.cPointer(), child) }
        shownHolds = []
        guard let position = table.selectedPosition, let row = table.row(at: position)?.batch else {
            gtk_label_set_text(holdsSummary.cPointer(), tr("Select a batch to see which SNTs and forms hold its goods."))
            gtk_widget_set_visible(holdsList.widget, 0)
            return
        }
        let holds = (try? model.holds(of: row)) ?? []
        shownHolds = holds
        let known = holds.filter { $0.status != UFormStatus.draft.rawValue }.reduce(Decimal(0)) { $0 + $1.quantity }
        let reserve = WarehouseText.amount(row.reserved)
        var summary: String
        if row.reserved == 0, holds.isEmpty {
            summary = tr("Nothing holds batch %1$@: all %2$@ are available.", String(row.batch ?? 0),
                         WarehouseText.amount(row.quantity))
        } else if known == row.reserved {
            summary = tr("IS ESF reserves %1$@; the documents below hold exactly that.", reserve)
        } else if known < row.reserved {
            summary = tr("IS ESF reserves %1$@; the documents Qoima knows of hold %2$@. The other %3$@ are held by documents made elsewhere (the portal or another program): sync to bring them.",
                         reserve, WarehouseText.amount(known), WarehouseText.amount(row.reserved - known))
        } else {
            summary = tr("IS ESF reserves %1$@, less than the %2$@ the documents below hold: some are not registered yet, or IS ESF released them; sync to see.",
                         reserve, WarehouseText.amount(known))
        }
        if holds.contains(where: { $0.status == UFormStatus.draft.rawValue }) {
            summary += " " + tr("Draft forms hold nothing in IS ESF until they are sent.")
        }
        gtk_label_set_text(holdsSummary.cPointer(), summary)
        for hold in holds {
            let item = adw_action_row_new()!
            adw_preferences_row_set_use_markup(gcast(item), 0)
            adw_preferences_row_set_title(gcast(item), Self.title(of: hold))
            var parts = [Self.status(of: hold)]
            if let date = hold.date { parts.append(date.ddMMyyyy) }
            if let registration = hold.registrationNumber, !registration.isEmpty { parts.append(registration) }
            adw_action_row_set_subtitle(gcast(item), parts.joined(separator: " · "))
            let quantity = gtk_label_new(WarehouseText.amount(hold.quantity))!
            gtk_widget_add_css_class(quantity, "numeric")
            adw_action_row_add_suffix(gcast(item), quantity)
            gtk_list_box_row_set_activatable(gcast(item), 1)
            gtk_list_box_append(holdsList.cPointer(), item)
        }
        gtk_widget_set_visible(holdsList.widget, holds.isEmpty ? 0 : 1)
    }

    static func title(of hold: BatchHold) -> String {
        switch hold.document {
        case let .snt(customer): tr("SNT No. %1$@ to %2$@", hold.number, customer)
        case let .form(type): tr("%1$@ No. %2$@", formName(type), hold.number)
        }
    }

    static func formName(_ type: UFormType?) -> String {
        switch type {
        case .writeOff?: tr("Write-off")
        case .movement?: tr("Internal movement")
        case .manufacture?: tr("Production")
        case .detailing?: tr("Detailing")
        default: tr("Form")
        }
    }

    static func status(of hold: BatchHold) -> String {
        if hold.isSnt, let status = SntStatus(rawValue: hold.status) { return SntStatusBadge.text(of: status) }
        switch UFormStatus(rawValue: hold.status) {
        case .draft?: return tr("Draft, not sent")
        case .created?: return tr("Sent, waiting for IS ESF")
        case .inProcessing?: return tr("In processing")
        case .waitInStock?: return tr("Waiting for stock")
        case .waitDocument?: return tr("Waiting for a document")
        default: return hold.status
        }
    }

    // MARK: Wiring

    private func connect() {
        searchEntry.connect("search-changed") { [weak self] in
            guard let self, !self.quiet else { return }
            self.model.setSearch(String(cString: gtk_editable_get_text(self.searchEntry.cPointer())))
            self.requery()
        }
        warehouseDropDown.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self, !self.quiet else { return }
            self.requery()
        }
        for button in [reservedToggle, nonZeroToggle, groupToggle] {
            button.connect("toggled") { [weak self] in self?.requery() }
        }
        table.onSortChanged = { [weak self] column, ascending in
            guard let self else { return }
            self.model.setOrder(column.flatMap(BalanceListColumn.init(rawValue:)).map { BalanceListOrder($0, ascending: ascending) }
                ?? .byName)
            self.requery()
        }
        table.onSelectionChanged = { [weak self] in self?.showHolds() }
        holdsList.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            guard let self, let row else { return }
            let index = Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self)))
            guard self.shownHolds.indices.contains(index) else { return }
            let hold = self.shownHolds[index]
            if hold.isSnt { self.onOpenSnt?(hold.localId) } else { self.onOpenForm?(hold.localId) }
        }
    }

    // MARK: Printing

    /// Print (Ctrl+P) and Save as PDF: the balances report of the warehouse chosen (or all).
    private func setUpPrinting() {
        let actions = ObjectHandle(g_simple_action_group_new()!, transfer: .full)
        let map = ActionMap(actions)
        _ = map.add("print") { [weak self] in
            guard let self, let window = self.window, let report = report() else { return }
            ReportPrinting.print(report.document(), over: window)
        }
        _ = map.add("save-pdf") { [weak self] in
            guard let self, let window = self.window, let report = report() else { return }
            ReportPrinting.saveAsPDF(report.document(), suggestedName: ReportPrinting.fileName(report.title), over: window)
        }
        gtk_widget_insert_action_group(widget.widget, "balances", actions.cPointer())
        PageKeys.add("<Control>p", action: "balances.print", to: widget)
    }

    private var window: ObjectHandle? {
        gtk_widget_get_root(widget.widget).map { ObjectHandle($0, transfer: .none) }
    }

    /// The balances report of the warehouse the filter shows (every warehouse when none is chosen);
    /// nil, with the reason in a dialog, when it cannot be read.
    public func report() -> BalancesReport? {
        let storeId = model.query.storeId
        var problem: String
        do {
            if let report = try BalancesReport.read(from: context.database, company: context.company, storeId: storeId,
                                                    language: ReportPrinting.language) {
                return report
            }
            // Gone since the filter was filled (a sync removed it).
            problem = tr("Warehouse %1$@ is no longer among the company's warehouses.", String(storeId ?? 0))
        } catch {
            problem = String(describing: error)
        }
        if let window { ReportPrinting.tell(over: window, heading: tr("The balances could not be read"), body: problem) }
        return nil
    }

    // MARK: Columns

    static func columns() -> [BigTable<BalancesModel.Row>.Column] {
        typealias Column = BigTable<BalancesModel.Row>.Column
        typealias Cell = BigTable<BalancesModel.Row>.Cell
        func text(_ id: BalanceListColumn, _ title: String, width: Int = 12, expands: Bool = false,
                  batch: @escaping @MainActor (BalanceListRow) -> String,
                  product: @escaping @MainActor (BalanceProductGroup) -> String = { _ in "" }) -> Column {
            Column(id: id.rawValue, title: title, expands: expands, widthChars: width) { row in
                switch row {
                case let .batch(line): Cell(batch(line))
                case let .product(group): Cell(product(group), styleClasses: ["heading"])
                }
            }
        }
        func amount(_ id: BalanceListColumn, _ title: String, batch: @escaping @MainActor (BalanceListRow) -> Decimal?,
                    product: @escaping @MainActor (BalanceProductGroup) -> Decimal? = { _ in nil }) -> Column {
            Column(id: id.rawValue, title: title, xalign: 1, widthChars: 8) { row in
                switch row {
                case let .batch(line):
                    let value = batch(line)
                    return Cell(WarehouseText.amount(value), styleClasses: (value ?? 0) < 0 ? ["error"] : [])
                case let .product(group): return Cell(WarehouseText.amount(product(group)), styleClasses: ["heading"])
                }
            }
        }
        return [
            text(.name, tr("Name"), width: 24, expands: true, batch: { $0.name }, product: { group in
                tr("%1$@ · batches: %2$@", group.key.name, String(group.rowIds.count)) }),
            text(.warehouse, tr("Warehouse"), width: 9, batch: { $0.storeName ?? String($0.storeId) }),
            text(.kpved, tr("KPVED"), width: 9, batch: { $0.kpvedCode ?? "" }, product: { $0.key.kpvedCode ?? "" }),
            text(.tnved, tr("TN VED"), width: 10, batch: { $0.tnvedCode ?? "" }, product: { $0.key.tnvedCode ?? "" }),
            text(.gtin, tr("GTIN"), width: 11, batch: { $0.gtin ?? "" }, product: { $0.key.gtin ?? "" }),
            text(.batch, tr("Product id"), width: 7, batch: { $0.batch.map(String.init) ?? "" }),
            text(.unit, tr("Unit"), width: 4, batch: { $0.measureUnitCode ?? "" }, product: { $0.key.measureUnitCode ?? "" }),
            amount(.unitPrice, tr("Unit price"), batch: { $0.unitPrice }),
            amount(.quantity, tr("Quantity"), batch: { $0.quantity }, product: { $0.quantity }),
            amount(.reserved, tr("Reserved"), batch: { $0.reserved == 0 ? nil : $0.reserved },
                   product: { $0.reserved == 0 ? nil : $0.reserved }),
            amount(.available, tr("Available"), batch: { $0.available }, product: { $0.available }),
        ]
    }
}
