import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaStore

/// The Warehouses page: "Warehouses | Balances", two views of the company's virtual warehouse.
/// The first lists the warehouses with their type, signs, status and responsible person, creates
/// new ones, activates and deactivates them (never the priority one, and the page says why) and
/// finds a counterparty's; the second is the balances table (`BalancesView`). The sync button,
/// its progress and the time of the last sync serve both; above them, `reconciliation` lists what
/// the last sync found different from what Qoima expected.
@MainActor
public final class WarehousesPage {
    public let widget: ObjectHandle
    public let balances: BalancesView
    public let finder: CounterpartyWarehouseFinder
    public let exchange: WarehouseExchange
    /// The differences between what Qoima expected and what IS ESF reports, after a sync.
    public let reconciliation: ReconciliationPanel
    let reconciliationBox: ObjectHandle
    public let viewStack: ObjectHandle
    public let syncButton: ObjectHandle
    public let syncLabel: ObjectHandle
    /// Says something briefly (the main window's toast).
    public var say: (@MainActor (String) -> Void)?
    /// The warehouses as listed, with the status switch of each.
    public private(set) var warehouses: [StoredWarehouse] = []
    public private(set) var statusSwitches: [Int64: ObjectHandle] = [:]
    /// Whether a sync runs now.
    public private(set) var syncing = false
    /// How many syncs finished, well or not, since the page opened.
    public private(set) var syncsFinished = 0
    /// The progress text of the sync in progress, or of the last one.
    public private(set) var syncProgressText = ""
    /// The dialog creating a warehouse, while open.
    public private(set) var newWarehouseDialog: NewWarehouseDialog?
    /// The last thing said about a call (tests read it).
    public private(set) var lastMessage: String?

    private let context: DeskContext
    private let builder = Builder(resource: "/kz/qoima/Qoima/ui/warehouses.ui")
    private let list: ObjectHandle
    private let problemLabel: ObjectHandle
    private let progress: ObjectHandle
    private var pulse: UInt32 = 0
    private var quietSwitches = false

    public init(context: DeskContext, exchange: DeskExchange) {
        self.context = context
        self.exchange = WarehouseExchange(desk: exchange)
        widget = builder.object("page")
        gtk_widget_set_name(widget.widget, "warehouses-page")
        list = builder.object("warehouse_list")
        problemLabel = builder.object("warehouses_problem")
        progress = builder.object("sync_progress")
        reconciliationBox = builder.object("reconciliation_box")
        reconciliation = ReconciliationPanel()
        gtk_box_append(reconciliationBox.cPointer(), reconciliation.widget.widget)
        viewStack = builder.object("view_stack")
        syncButton = builder.object("sync_button")
        syncLabel = builder.object("sync_label")
        balances = BalancesView(context: context)
        gtk_box_append(builder.object("balances_box").cPointer(), balances.widget.widget)
        finder = CounterpartyWarehouseFinder(title: tr("A counterparty's warehouses"), lookup: self.exchange.lookup(over: nil))
        gtk_box_append(builder.object("warehouses_box").cPointer(), finder.widget.widget)
        connect()
        // A sync from here or after a processed form: both change what is shown.
        exchange.onBalancesSynced { [weak self] _ in self?.reload() }
        reload()
    }

    // MARK: Public API

    /// Shows the balances view (true) or the warehouses (false).
    public func showBalances(_ on: Bool) {
        adw_view_stack_set_visible_child_name(viewStack.opaque, on ? "balances" : "warehouses")
    }

    public var showsBalances: Bool {
        adw_view_stack_get_visible_child_name(viewStack.opaque).map { String(cString: $0) } == "balances"
    }

    /// Reads the warehouses, the balances and the time of the last sync again.
    public func reload() {
        warehouses = (try? WarehouseStore(database: context.database).warehouses(companyId: context.company.id)) ?? []
        fillList()
        showLastSync()
        balances.reload()
        let report = try? ReconciliationStore(database: context.database).lastReport(companyId: context.company.id)
        reconciliation.show(report)
        gtk_widget_set_visible(reconciliationBox.widget, report == nil ? 0 : 1)
    }

    /// Syncs the warehouses and balances with IS ESF, opening the session first when needed.
    public func sync() {
        guard !syncing else { return }
        exchange.withSession(title: tr("Sync with IS ESF"), over: parentWindow) { [weak self] client in
            guard let self else { return nil }
            return await self.runSync(client)
        }
    }

    /// Activates or deactivates a warehouse in IS ESF. The priority warehouse is never deactivated.
    public func setActive(_ active: Bool, storeId: Int64) {
        guard let warehouse = warehouses.first(where: { $0.storeId == storeId }) else { return }
        if !active, warehouse.isDefault {
            fillList()
            return tell(tr("The priority warehouse cannot be deactivated: goods arrive there by default."))
        }
        let title = active ? tr("Activate a warehouse") : tr("Deactivate a warehouse")
        exchange.withSession(title: title, over: parentWindow, cancelled: { [weak self] in self?.fillList() }) { [weak self] client in
            guard let self else { return nil }
            let result = await self.exchange.changeStatus(storeId: storeId, activate: active, client: client)
            self.reload()
            switch result {
            case let .success(change?) where !change.errors.isEmpty:
                let text = change.errors.map(\.text).joined(separator: "\n")
                self.tell(tr("IS ESF did not change warehouse %1$@: %2$@", warehouse.name, text))
                return (false, text)
            case .success:
                let text = active ? tr("Warehouse %1$@ is active.", warehouse.name)
                    : tr("Warehouse %1$@ is deactivated.", warehouse.name)
                self.tell(text)
                return (true, text)
            case let .failure(error):
                self.tell(error.message)
                return (false, error.message)
            }
        }
    }

    /// Opens the dialog that creates a warehouse.
    public func newWarehouse() {
        let dialog = NewWarehouseDialog(context: context, exchange: exchange, existing: warehouses, parent: parentWindow)
        dialog.onCreated = { [weak self] name in
            self?.reload()
            self?.tell(tr("Warehouse %1$@ created in IS ESF.", name))
        }
        dialog.onClosed = { [weak self] in self?.newWarehouseDialog = nil }
        newWarehouseDialog = dialog
        dialog.present()
    }

    // MARK: Sync

    private func runSync(_ client: ESFClient) async -> (success: Bool, text: String)? {
        syncing = true
        gtk_widget_set_sensitive(syncButton.widget, 0)
        gtk_widget_set_visible(progress.widget, 1)
        showProgress(tr("Syncing the warehouses…"))
        pulse = g_timeout_add(150, { data in
            gtk_progress_bar_pulse(OpaquePointer(data))
            return 1
        }, progress.raw)
        let result = await exchange.sync(client: client) { [weak self] report in
            self?.showProgress(tr("Balances: %1$@ batches (page %2$@)", SntListFormat.grouped(report.balances),
                                  String(report.pages)))
        }
        g_source_remove(pulse)
        syncing = false
        syncsFinished += 1
        gtk_widget_set_sensitive(syncButton.widget, 1)
        gtk_widget_set_visible(progress.widget, 0)
        switch result {
        case let .success(outcome):
            let report = outcome.sync
            var text = tr("Synced: %1$@, %2$@.", trn("%1$@ warehouse", "%1$@ warehouses", report.warehouses, report.warehouses),
                          trn("%1$@ batch", "%1$@ batches", report.balances, SntListFormat.grouped(report.balances)))
            if !outcome.report.differences.isEmpty {
                text += " " + Self.differencesText(outcome.report.differences.count)
            }
            syncProgressText = text
            showLastSync()
            tell(text)
            return (true, text)
        case let .failure(error):
            reload()
            syncProgressText = error.message
            tell(tr("The sync did not finish: %1$@", error.message))
            return (false, error.message)
        }
    }

    private func showProgress(_ text: String) {
        syncProgressText = text
        gtk_label_set_text(syncLabel.cPointer(), text)
    }

    private func showLastSync() {
        guard !syncing else { return }
        let store = BalanceStore(database: context.database)
        let times = [try? WarehouseStore(database: context.database).syncedAt(companyId: context.company.id),
                     try? store.syncedAt(companyId: context.company.id)].compactMap { $0 }
        guard let last = times.max() else {
            return gtk_label_set_text(syncLabel.cPointer(), tr("Not synced with IS ESF yet"))
        }
        gtk_label_set_text(syncLabel.cPointer(), tr("Last sync: %1$@", KazakhstanClock.minuteText(of: last)))
    }

    // MARK: The list

    private func fillList() {
        quietSwitches = true
        defer { quietSwitches = false }
        while let child = gtk_widget_get_first_child(list.widget) { gtk_list_box_remove(list.cPointer(), child) }
        statusSwitches = [:]
        if warehouses.isEmpty {
            let row = adw_action_row_new()!
            adw_preferences_row_set_title(gcast(row), tr("No warehouses yet"))
            adw_action_row_set_subtitle(gcast(row), tr("Sync with IS ESF to list the company's warehouses, or create one."))
            gtk_list_box_append(list.cPointer(), row)
            return
        }
        for warehouse in warehouses { gtk_list_box_append(list.cPointer(), row(for: warehouse)) }
    }

    private func row(for warehouse: StoredWarehouse) -> UnsafeMutablePointer<GtkWidget> {
        let row = adw_action_row_new()!
        gtk_widget_set_name(row, "warehouse-\(warehouse.storeId)")
        adw_preferences_row_set_use_markup(gcast(row), 0)
        adw_preferences_row_set_title(gcast(row), warehouse.name.isEmpty ? tr("Warehouse %1$@", String(warehouse.storeId)) : warehouse.name)
        var lines = [[tr("ID %1$@", String(warehouse.storeId)), WarehouseText.type(code: warehouse.typeCode),
                      warehouse.address].filter { !$0.isEmpty }.joined(separator: " · ")]
        if let iin = warehouse.responsiblePersonIin, !iin.isEmpty { lines.append(tr("Responsible: IIN %1$@", iin)) }
        let signs = WarehouseText.signs(of: warehouse)
        if !signs.isEmpty { lines.append(signs.map(WarehouseText.sign).joined(separator: ", ")) }
        if let tins = warehouse.signs["permittedTinList"] { lines.append(tr("Participants: %1$@", tins)) }
        if let lessee = warehouse.signs["lesseeTin"] {
            lines.append(tr("Lessee %1$@, contract %2$@ of %3$@", lessee, warehouse.signs["lesseeContractNumber"] ?? "—",
                            warehouse.signs["lesseeContractDate"] ?? "—"))
        }
        if warehouse.isDefault {
            lines.append(tr("The priority warehouse cannot be deactivated: goods arrive there by default."))
        }
        adw_action_row_set_subtitle(gcast(row), lines.joined(separator: "\n"))
        adw_action_row_set_subtitle_lines(gcast(row), 0)

        let active = WarehouseText.isActive(warehouse)
        let status = gtk_label_new(active ? tr("Active") : tr("Deactivated"))!
        gtk_widget_add_css_class(status, "badge")
        gtk_widget_add_css_class(status, active ? "success" : "dim-label")
        gtk_widget_set_valign(status, GTK_ALIGN_CENTER)
        adw_action_row_add_suffix(gcast(row), status)
        let toggle = ObjectHandle(gtk_switch_new()!, transfer: .none)
        gtk_widget_set_name(toggle.widget, "active-\(warehouse.storeId)")
        gtk_widget_set_valign(toggle.widget, GTK_ALIGN_CENTER)
        gtk_switch_set_active(toggle.cPointer(), active ? 1 : 0)
        qoima_accessible_set_label(toggle.widget, tr("Active"))
        if warehouse.isDefault {
            // Disabled, with the reason where the user looks for it.
            gtk_widget_set_sensitive(toggle.widget, 0)
            gtk_widget_set_tooltip_text(row, tr("The priority warehouse cannot be deactivated: goods arrive there by default."))
        } else {
            gtk_widget_set_tooltip_text(toggle.widget, active ? tr("Deactivate in IS ESF") : tr("Activate in IS ESF"))
        }
        let storeId = warehouse.storeId, pointer: OpaquePointer = toggle.cPointer()
        toggle.connect("notify::active") { [weak self] (_: UnsafeMutableRawPointer?) in
            guard let self, !self.quietSwitches else { return }
            // The switch shows IS ESF's answer once the list is read again.
            self.setActive(gtk_switch_get_active(pointer) != 0, storeId: storeId)
        }
        adw_action_row_add_suffix(gcast(row), toggle.widget)
        statusSwitches[storeId] = toggle
        return row
    }

    private func tell(_ text: String) {
        lastMessage = text
        gtk_label_set_text(problemLabel.cPointer(), "")
        gtk_widget_set_visible(problemLabel.widget, 0)
        if let say { say(text) } else {
            gtk_label_set_text(problemLabel.cPointer(), text)
            gtk_widget_set_visible(problemLabel.widget, 1)
        }
    }

    private var parentWindow: ObjectHandle? {
        guard let root = gtk_widget_get_root(widget.widget) else { return nil }
        return ObjectHandle(UnsafeMutableRawPointer(root), transfer: .none)
    }

    private func connect() {
        syncButton.connect("clicked") { [weak self] in self?.sync() }
        builder.object("new_warehouse_button").connect("clicked") { [weak self] in self?.newWarehouse() }
    }
}

extension WarehousesPage {
    /// What a sync says about the batches that differ from what Qoima expected.
    static func differencesText(_ count: Int) -> String {
        trn("%1$@ batch differs from what Qoima expected.", "%1$@ batches differ from what Qoima expected.", count, count)
    }
}
