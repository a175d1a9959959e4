import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// What the last sync found, above the warehouses and balances: one line when the balances are
/// as Qoima expected, or a list of the batches that differ, each with what Qoima expected, what
/// IS ESF reports, and the causes found (a failed or cancelled form, a confirmed or declined
/// SNT, a form made on the portal, or nothing Qoima knows). A cause's document opens from it.
@MainActor
public final class ReconciliationPanel {
    public let widget: ObjectHandle
    /// Opens a form or an SNT the cause names (by local id).
    public var onOpenForm: (@MainActor (Int64) -> Void)?
    public var onOpenSnt: (@MainActor (Int64) -> Void)?
    /// The report shown, if any.
    public private(set) var report: BalanceReconciliationReport?
    /// The differences listed (at most `shownLimit`), and the buttons opening their causes.
    public private(set) var shownDifferences: [BalanceDifference] = []
    public private(set) var causeButtons: [ObjectHandle] = []

    /// A sync against a stale cache may differ everywhere: beyond this many rows the rest is counted.
    static let shownLimit = 200

    private let list: ObjectHandle
    private let expander: ObjectHandle
    private let icon: ObjectHandle

    public init() {
        list = ObjectHandle(gtk_list_box_new()!, transfer: .floating)
        gtk_widget_set_name(list.widget, "reconciliation-list")
        gtk_list_box_set_selection_mode(list.cPointer(), GTK_SELECTION_NONE)
        gtk_widget_add_css_class(list.widget, "boxed-list")
        expander = ObjectHandle(adw_expander_row_new()!, transfer: .none)
        gtk_widget_set_name(expander.widget, "reconciliation-summary")
        icon = ObjectHandle(gtk_image_new()!, transfer: .none)
        adw_expander_row_add_prefix(gcast(expander.widget), icon.widget)
        gtk_list_box_append(list.cPointer(), expander.widget)
        // Many differences scroll inside the panel instead of squeezing the views below it.
        widget = ObjectHandle(gtk_scrolled_window_new()!, transfer: .floating)
        gtk_scrolled_window_set_policy(widget.cPointer(), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_propagate_natural_height(widget.cPointer(), 1)
        gtk_scrolled_window_set_max_content_height(widget.cPointer(), Self.maximumHeight)
        gtk_scrolled_window_set_child(widget.cPointer(), list.widget)
    }

    /// The panel's tallest, in pixels: a third of a laptop screen.
    static let maximumHeight: Int32 = 260

    /// Shows `report`, or nothing without one.
    public func show(_ report: BalanceReconciliationReport?) {
        self.report = report
        for row in shownRows { adw_expander_row_remove(gcast(expander.widget), row) }
        shownRows = []
        causeButtons = []
        shownDifferences = []
        guard let report else { return }
        let language = WarehouseText.language
        adw_preferences_row_set_use_markup(gcast(expander.widget), 0)
        adw_preferences_row_set_title(gcast(expander.widget), report.summary.text(in: language))
        let unexplained = report.unexplainedCount
        adw_expander_row_set_subtitle(gcast(expander.widget), report.differences.isEmpty ? "" : unexplained == 0
            ? tr("Each difference is explained by a document below.")
            : tr("%1$@ of them explained by no document Qoima knows: check what moved outside Qoima.", unexplained))
        let iconName = report.differences.isEmpty
            ? (report.previousSyncAt == nil ? "dialog-information-symbolic" : "emblem-ok-symbolic")
            : "dialog-warning-symbolic"
        gtk_image_set_from_icon_name(icon.cPointer(), iconName)
        for style in ["success", "warning", "dim-label"] { gtk_widget_remove_css_class(icon.widget, style) }
        gtk_widget_add_css_class(icon.widget, report.differences.isEmpty
            ? (report.previousSyncAt == nil ? "dim-label" : "success") : "warning")
        adw_expander_row_set_enable_expansion(gcast(expander.widget), report.differences.isEmpty ? 0 : 1)
        adw_expander_row_set_expanded(gcast(expander.widget), report.differences.isEmpty ? 0 : 1)
        shownDifferences = Array(report.differences.prefix(Self.shownLimit))
        for (index, difference) in shownDifferences.enumerated() {
            add(row(for: difference, index: index, language: language))
        }
        if report.differences.count > Self.shownLimit {
            let more = adw_action_row_new()!
            adw_preferences_row_set_title(gcast(more), tr("…and %1$@ more", report.differences.count - Self.shownLimit))
            add(more)
        }
    }

    /// The summary line as shown.
    public var summaryText: String {
        adw_preferences_row_get_title(gcast(expander.widget)).map { String(cString: $0) } ?? ""
    }

    private var shownRows: [UnsafeMutablePointer<GtkWidget>] = []

    private func add(_ row: UnsafeMutablePointer<GtkWidget>) {
        adw_expander_row_add_row(gcast(expander.widget), row)
        shownRows.append(row)
    }

    private func row(for difference: BalanceDifference, index: Int, language: Language) -> UnsafeMutablePointer<GtkWidget> {
        let row = adw_action_row_new()!
        gtk_widget_set_name(row, "difference-\(index)")
        adw_preferences_row_set_use_markup(gcast(row), 0)
        adw_preferences_row_set_title(gcast(row), difference.batchText.text(in: language))
        let causes = difference.causes.map { cause in
            "• " + cause.text.text(in: language) + " (" + cause.amountText(unit: difference.measureUnitCode).text(in: language) + ")"
        }
        adw_action_row_set_subtitle(gcast(row), ([difference.differenceText.text(in: language)] + causes).joined(separator: "\n"))
        adw_action_row_set_subtitle_lines(gcast(row), 0)
        let box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4)!
        gtk_widget_set_valign(box, GTK_ALIGN_CENTER)
        for cause in difference.causes {
            guard let id = cause.localId, let kind = cause.documentKind else { continue }
            let button = ObjectHandle(gtk_button_new_with_label(tr("Open %1$@", cause.documentNumber ?? String(id)))!,
                                      transfer: .none)
            gtk_widget_set_name(button.widget, "open-cause-\(index)-\(causeButtons.count)")
            gtk_widget_add_css_class(button.widget, "flat")
            button.connect("clicked") { [weak self] in
                if kind == .form { self?.onOpenForm?(id) } else { self?.onOpenSnt?(id) }
            }
            gtk_box_append(gcast(box), button.widget)
            causeButtons.append(button)
        }
        adw_action_row_add_suffix(gcast(row), box)
        return row
    }
}
