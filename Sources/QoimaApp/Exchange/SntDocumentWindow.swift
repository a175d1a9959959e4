import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaPrint
import QoimaStore

/// A sent or received SNT, read-only: its status and registration number, the time left to
/// answer an incoming one, the form's sections by field number, the goods, the acceptance data
/// and the history (IS ESF's when a session is open, the local audit log otherwise). The
/// answers the status allows sit in the header bar: Confirm (Ctrl+Return) and Decline (Ctrl+D)
/// for an incoming SNT, Revoke for an own registered one; Print (Ctrl+P) and Save as PDF for any. Each signs through the signing dialog
/// and runs off the main thread; the window reloads when it is done.
@MainActor
public final class SntDocumentWindow {
    public let window: ObjectHandle
    /// Called after an action changed the document, with its id.
    public var onChanged: (@MainActor (Int64) -> Void)?

    private let sntId: Int64
    private let context: DeskContext
    private let exchange: DeskExchange
    private let builder: Builder
    private let actions: ObjectHandle
    private var actionHandles: [SntActionKind: ObjectHandle] = [:]
    private var document: StoredSntDocument
    private var lines: [GoodsLine] = []
    private let goods: ObjectHandle
    private var addedRows: [(group: String, row: ObjectHandle)] = []
    /// The answer in progress, if any (tests drive it).
    private(set) var actionFlow: SntActionFlow?
    private static var open: [ObjectIdentifier: SntDocumentWindow] = [:]

    public init(sntId: Int64, context: DeskContext, exchange: DeskExchange, transientFor parent: ObjectHandle?) throws {
        guard let document = try SntDocumentStore(database: context.database).document(id: sntId) else {
            throw DraftError.missing(sntId)
        }
        guard !document.status.isEditable else { throw DraftError.notEditable(sntId, document.status.rawValue) }
        self.sntId = sntId
        self.context = context
        self.exchange = exchange
        self.document = document
        builder = Builder(resource: "/kz/qoima/Qoima/ui/snt-document-window.ui")
        window = builder.object("document_window")
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }
        actions = ObjectHandle(g_simple_action_group_new()!, transfer: .full)
        gtk_widget_insert_action_group(window.widget, "doc", actions.cPointer())
        goods = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
        qoima_accessible_set_label(builder.object("refresh_button").widget, tr("Update from IS ESF"))
        setUpActions()
        setUpGoods()
        builder.object("refresh_button").connect("clicked") { [weak self] in self?.refreshFromServer() }
        window.connectReturning("close-request") { [weak self] in
            if let self { Self.open[ObjectIdentifier(self)] = nil }
            return false
        }
        Self.open[ObjectIdentifier(self)] = self
        show()
    }

    public func present() { gtk_window_present(window.cPointer()) }

    /// Reads the document again from the store and shows it.
    public func reload() {
        if let fresh = try? SntDocumentStore(database: context.database).document(id: sntId) { document = fresh }
        show()
    }

    // MARK: Actions

    private func setUpActions() {
        let map = ActionMap(actions)
        actionHandles[.confirm] = map.add("confirm") { [weak self] in self?.startAction(.confirm) }
        actionHandles[.decline] = map.add("decline") { [weak self] in self?.startAction(.decline) }
        actionHandles[.revoke] = map.add("revoke") { [weak self] in self?.startAction(.revoke) }
        for variant in [SntPrintout.Variant.standard, .roadTransit] {
            let suffix = variant == .roadTransit ? "-road" : ""
            _ = map.add("print" + suffix) { [weak self] in
                guard let self else { return }
                ReportPrinting.print(printout(variant).document(), over: window)
            }
            _ = map.add("save-pdf" + suffix) { [weak self] in
                guard let self else { return }
                let printout = printout(variant)
                ReportPrinting.saveAsPDF(printout.document(), suggestedName: ReportPrinting.fileName(printout.title), over: window)
            }
        }
    }

    /// The document as printed (docs/printing.md), in the interface's language: the standard copy,
    /// or the road-transit copy the driver carries (vehicle and driver first, the driver's signature).
    func printout(_ variant: SntPrintout.Variant = .standard) -> SntPrintout {
        SntPrintout(snt: document.snt, registrationNumber: document.record.registration?.registrationNumber?.rawValue,
                    variant: variant, language: ReportPrinting.language)
    }

    /// The actions the document's direction and status allow right now.
    var allowedActions: [SntActionKind] {
        SntAnswerRules.actions(direction: document.direction, status: document.status,
                               registered: document.record.registration?.sntId != nil)
    }

    /// Opens the signing dialog for `kind`, as its button or shortcut does.
    @discardableResult
    func startAction(_ kind: SntActionKind) -> SntActionFlow? {
        guard allowedActions.contains(kind), actionFlow == nil else { return nil }
        let snt = document.snt
        let summary = tr("SNT No. %1$@ of %2$@ from %3$@", snt.number, snt.date?.ddMMyyyy ?? "—",
                         document.direction == .incoming ? snt.seller.name : snt.customer.name)
        let flow = SntActionFlow.start(kind, sntId: sntId, summary: summary, exchange: exchange, over: window) {
            [weak self] outcome in
            guard let self else { return }
            actionFlow = nil
            if case .cancelled = outcome { return }
            reload()
            onChanged?(sntId)
        }
        actionFlow = flow
        return flow
    }

    /// Syncs with IS ESF (when a session is open) and shows what came.
    private func refreshFromServer() {
        guard exchange.hasSession else { return say(tr("Log in to IS ESF (send or answer an SNT) to update it from there.")) }
        Task { @MainActor [weak self] in
            guard let self else { return }
            do throws(DeskExchangeError) {
                try await exchange.refresh()
                reload()
            } catch {
                say(error.message)
            }
        }
    }

    private func say(_ message: String) {
        let label = builder.object("message_label")
        gtk_label_set_text(label.cPointer(), message)
        gtk_widget_set_visible(label.widget, 1)
    }

    // MARK: Showing

    private func show() {
        let snt = document.snt
        let status = document.status
        let title = builder.object("title")
        adw_window_title_set_title(title.cPointer(), tr("SNT No. %1$@", snt.number))
        adw_window_title_set_subtitle(title.cPointer(), document.direction == .incoming
            ? tr("Incoming, from %1$@", snt.seller.name) : tr("Outgoing, to %1$@", snt.customer.name))
        gtk_window_set_title(window.cPointer(), tr("SNT No. %1$@", snt.number))

        let badge = builder.object("status_badge")
        // The same pill as in the lists.
        for status in SntStatus.allCases { gtk_widget_remove_css_class(badge.widget, SntStatusBadge.styleClass(of: status)) }
        gtk_widget_add_css_class(badge.widget, "badge")
        gtk_widget_add_css_class(badge.widget, SntStatusBadge.styleClass(of: status))
        gtk_label_set_text(badge.cPointer(), SntStatusBadge.text(of: status))
        let number = document.record.registration?.registrationNumber?.rawValue
        gtk_label_set_text(builder.object("registration_label").cPointer(),
                           number.map { tr("Registration number: %1$@", $0) } ?? tr("Not registered"))
        showDeadline()

        let allowed = allowedActions
        for (kind, action) in actionHandles {
            g_simple_action_set_enabled(action.cPointer(), allowed.contains(kind) ? 1 : 0)
        }
        for (id, kind) in [("confirm_button", SntActionKind.confirm), ("decline_button", .decline), ("revoke_button", .revoke)] {
            gtk_widget_set_visible(builder.object(id).widget, allowed.contains(kind) ? 1 : 0)
        }

        for (group, row) in addedRows { adw_preferences_group_remove(builder.object(group).cPointer(), row.widget) }
        addedRows = []
        showSections()
        showGoods()
        showAcceptance()
        showHistory()
    }

    private func showDeadline() {
        let label = builder.object("deadline_label")
        guard document.direction == .incoming, SntAnswerDeadline.awaitsAnswer(document.status),
              let date = document.snt.date else {
            gtk_widget_set_visible(label.widget, 0)
            return
        }
        let deadline = SntAnswerDeadline(sntDate: date)
        let left = deadline.businessDaysLeft(on: context.today)
        let last = deadline.lastDay.ddMMyyyy
        let text = left > 0 ? tr("%1$@ business days left to confirm or decline (until %2$@).", left, last)
            : left == 0 ? tr("Today (%1$@) is the last day to confirm or decline.", last)
            : tr("The time to answer passed on %1$@: confirm or decline the SNT now.", last)
        for style in ["warning", "error", "dim-label"] { gtk_widget_remove_css_class(label.widget, style) }
        gtk_widget_add_css_class(label.widget, left < 0 ? "error" : left <= 3 ? "warning" : "dim-label")
        gtk_label_set_text(label.cPointer(), text)
        gtk_widget_set_visible(label.widget, 1)
    }

    /// Deadline text, for tests.
    var deadlineText: String? { visibleText("deadline_label") }
    var messageText: String? { visibleText("message_label") }

    private func visibleText(_ id: String) -> String? {
        let label = builder.object(id)
        return gtk_widget_get_visible(label.widget) != 0 ? String(cString: gtk_label_get_text(label.cPointer())) : nil
    }

    private func showSections() {
        let box = builder.object("sections_box")
        while let child = gtk_widget_get_first_child(box.widget) { gtk_box_remove(box.cPointer(), child) }
        let sections = SntDocumentSections(document.snt, registrationNumber: document.record.registration?.registrationNumber?.rawValue)
        for section in sections.sections {
            let group = adw_preferences_group_new()!
            adw_preferences_group_set_title(gcast(group), section.title)
            for row in section.rows {
                adw_preferences_group_add(gcast(group), readOnlyRow(field: row.field, label: row.label, value: row.value))
            }
            gtk_box_append(box.cPointer(), group)
        }
    }

    private func readOnlyRow(field: String, label: String, value: String) -> UnsafeMutablePointer<GtkWidget> {
        let row = adw_action_row_new()!
        adw_preferences_row_set_use_markup(gcast(row), 0)
        adw_preferences_row_set_title(gcast(row), field + " · " + label)
        adw_action_row_set_subtitle(gcast(row), value)
        gtk_widget_set_name(row, "field-\(field)")
        return row
    }

    private func addRow(to group: String, field: String, label: String, value: String?) {
        guard let value, !value.isEmpty else { return }
        let row = ObjectHandle(readOnlyRow(field: field, label: label, value: value), transfer: .none)
        adw_preferences_group_add(builder.object(group).cPointer(), row.widget)
        addedRows.append((group, row))
    }

    private func showAcceptance() {
        let acceptance = document.record.registration?.acceptance
        let cause = document.record.registration?.cancelReason
        addRow(to: "acceptance_group", field: "M84", label: tr("Accepted or rejected by"), value: acceptance?.producer)
        addRow(to: "acceptance_group", field: "M85", label: tr("When"), value: acceptance?.date.map(Self.instantText))
        addRow(to: "acceptance_group", field: "M86", label: tr("Name"), value: acceptance?.acceptorName)
        addRow(to: "acceptance_group", field: "86.2", label: tr("Power of attorney number"),
               value: acceptance?.powerOfAttorneyNumber)
        addRow(to: "acceptance_group", field: "86.3", label: tr("Power of attorney date"),
               value: acceptance?.powerOfAttorneyDate?.ddMMyyyy)
        addRow(to: "acceptance_group", field: "cancelReason", label: tr("Cause"), value: cause)
        let shown = addedRows.contains { $0.group == "acceptance_group" }
        gtk_widget_set_visible(builder.object("acceptance_group").widget, shown ? 1 : 0)
    }

    /// The local audit log at once; IS ESF's history replaces it when it arrives.
    private func showHistory() {
        let entries = (try? SntDocumentStore(database: context.database).auditTrail(id: sntId)) ?? []
        adw_preferences_group_set_description(builder.object("history_group").cPointer(),
                                              tr("From this computer's log"))
        for entry in entries {
            addRow(to: "history_group", field: entry.at.map(Self.instantText) ?? "—", label: entry.osUser,
                   value: [entry.action, entry.detail].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        guard let esfId = document.record.registration?.sntId, exchange.hasSession else { return }
        Task { @MainActor [weak self] in
            guard let remote = await self?.exchange.history(esfId: esfId), let self else { return }
            showRemoteHistory(remote)
        }
    }

    private func showRemoteHistory(_ entries: [RemoteSntHistoryEntry]) {
        for (group, row) in addedRows where group == "history_group" {
            adw_preferences_group_remove(builder.object(group).cPointer(), row.widget)
        }
        addedRows.removeAll { $0.group == "history_group" }
        adw_preferences_group_set_description(builder.object("history_group").cPointer(), tr("From IS ESF"))
        for entry in entries.sorted(by: { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }) {
            let status = entry.status.map(SntStatusBadge.text(of:)) ?? entry.statusText ?? ""
            addRow(to: "history_group", field: entry.date.map(Self.instantText) ?? "—",
                   label: [entry.action, entry.tin].compactMap { $0 }.joined(separator: " · "),
                   value: [status, entry.statusDescription ?? ""].filter { !$0.isEmpty }.joined(separator: " — "))
        }
        historySource = .remote
    }

    enum HistorySource { case local, remote }
    /// Where the shown history came from, for tests.
    private(set) var historySource = HistorySource.local

    private static func instantText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Almaty")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }

    // MARK: Goods

    private struct Column {
        let field: GoodsLineField
        let title: String
        let value: (GoodsLine) -> String?
    }

    private var columns: [Column] {
        let number = SntDocumentSections.number
        return [
            Column(field: .productNumber, title: tr("No."), value: { $0.productNumber.map(String.init) }),
            Column(field: .productName, title: tr("Name"), value: { $0.productName }),
            Column(field: .tnvedCode, title: tr("TN VED"), value: { $0.tnvedCode?.rawValue }),
            Column(field: .measureUnitCode, title: tr("Unit"), value: { $0.measureUnitCode?.rawValue }),
            Column(field: .quantity, title: tr("Quantity"), value: { $0.quantity.map(number) }),
            Column(field: .price, title: tr("Price"), value: { $0.price.map(number) }),
            Column(field: .ndsRate, title: tr("VAT rate"), value: { $0.ndsRate.map(String.init) }),
            Column(field: .priceWithTax, title: tr("Total with VAT"), value: { $0.priceWithTax.map(number) }),
            Column(field: .productId, title: tr("Product id"), value: { $0.productId?.rawValue }),
        ]
    }

    private func setUpGoods() {
        let view = builder.object("goods_view")
        for column in columns {
            let factory = gtk_signal_list_item_factory_new()!
            let handle = ObjectHandle(factory, transfer: .full)
            handle.connect("setup") { (item: UnsafeMutableRawPointer?) in
                let label = gtk_label_new(nil)!
                gtk_label_set_xalign(gcast(label), 0)
                gtk_label_set_selectable(gcast(label), 1)
                gtk_list_item_set_child(gcast(item!), label)
            }
            let value = column.value
            handle.connect("bind") { [weak self] (item: UnsafeMutableRawPointer?) in
                guard let self, let item, let object = gtk_list_item_get_item(gcast(item)),
                      let label = gtk_list_item_get_child(gcast(item)) else { return }
                let index = Int(String(cString: gtk_string_object_get_string(gcast(object)))) ?? -1
                let text = lines.indices.contains(index) ? value(lines[index]) ?? "" : ""
                gtk_label_set_text(gcast(label), text)
            }
            let title = "G1.\(column.field.number) " + column.title
            let viewColumn = gtk_column_view_column_new(title, gcast(handle.raw))!
            g_object_ref(handle.raw)  // the column took the factory's reference; the handle keeps its own
            gtk_column_view_column_set_resizable(viewColumn, 1)
            if column.field == .productName { gtk_column_view_column_set_expand(viewColumn, 1) }
            gtk_column_view_append_column(view.cPointer(), viewColumn)
            g_object_unref(UnsafeMutableRawPointer(viewColumn))
        }
        g_object_ref(goods.raw)  // gtk_no_selection_new adopts a reference; `goods` keeps its own
        let selection = ObjectHandle(gtk_no_selection_new(gcast(goods.raw))!, transfer: .full)
        gtk_column_view_set_model(view.cPointer(), selection.cPointer())
    }

    private func showGoods() {
        lines = document.snt.goods?.lines ?? []
        let count = g_list_model_get_n_items(goods.cPointer())
        var indices = lines.indices.map { strdup(String($0)) } + [nil]
        defer { indices.forEach { free($0) } }
        indices.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                gtk_string_list_splice(goods.cPointer(), 0, count, $0)
            }
        }
        let totals = document.snt.goods?.totals
        gtk_label_set_text(builder.object("totals_label").cPointer(),
                           tr("52.4 Total with VAT: %1$@", totals?.totalPriceWithTax.map(SntDocumentSections.number) ?? "—"))
    }

    /// The goods as the column view shows them, one text per cell, for tests.
    var goodsCells: [[String]] {
        lines.map { line in columns.map { $0.value(line) ?? "" } }
    }
}
