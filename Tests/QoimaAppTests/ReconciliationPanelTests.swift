import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import XCTest

/// The reconciliation panel with reports made here: a quiet report is one line, not expandable;
/// a long one lists its first rows, counts the rest, and scrolls inside a bounded height so the
/// warehouses and balances below keep their room.
final class ReconciliationPanelTests: XCTestCase {
    static func difference(_ index: Int, unexplained: Bool) -> BalanceDifference {
        let cause = unexplained ? ReconciliationCause(kind: .unexplained, quantity: -1)
            : ReconciliationCause(kind: .sntConfirmed, documentKind: .outgoingSnt, localId: Int64(index),
                                  documentNumber: "С-\(index)", quantity: -1, reserved: -1)
        return BalanceDifference(storeId: 1001, batch: Int64(800_000 + index), name: "Тауар \(index)", measureUnitCode: "166",
                                 expectedQuantity: 10, reportedQuantity: 9, expectedReserved: unexplained ? 0 : 1,
                                 reportedReserved: 0, causes: [cause])
    }

    func testAQuietReportIsOneLineAndALongOneIsBoundedAndCounted() throws {
        try MainActor.assumeIsolated {
            initializeAdwaita()
            let panel = ReconciliationPanel()
            let window = ObjectHandle(gtk_window_new()!, transfer: .none)
            defer { gtk_window_destroy(window.cPointer()) }
            let box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!
            gtk_box_append(gcast(box), panel.widget.widget)
            let below = gtk_label_new("below")!
            gtk_widget_set_vexpand(below, 1)
            gtk_box_append(gcast(box), below)
            gtk_window_set_child(window.cPointer(), box)
            gtk_window_set_default_size(window.cPointer(), 900, 700)
            gtk_window_present(window.cPointer())

            let ran = Date(timeIntervalSince1970: 1_795_000_000)
            panel.show(BalanceReconciliationReport(ranAt: ran, previousSyncAt: ran.addingTimeInterval(-600), batchesCompared: 40,
                                                   documentsConsidered: 3, differences: []))
            MainContext.run(for: 0.2)
            XCTAssertTrue(panel.summaryText.contains("40"), panel.summaryText)
            XCTAssertEqual(panel.shownDifferences, [])
            XCTAssertNil(findWidget(named: "difference-0", in: panel.widget.widget))

            let differences = (0..<300).map { Self.difference($0, unexplained: $0 % 3 == 0) }
            panel.show(BalanceReconciliationReport(ranAt: ran, previousSyncAt: ran.addingTimeInterval(-600),
                                                   batchesCompared: 5_000, documentsConsidered: 200, differences: differences))
            MainContext.run(for: 0.3)
            XCTAssertEqual(panel.shownDifferences.count, ReconciliationPanel.shownLimit)
            XCTAssertEqual(panel.causeButtons.count, ReconciliationPanel.shownLimit * 2 / 3, "a button per document cause")
            XCTAssertNotNil(findWidget(named: "difference-199", in: panel.widget.widget))
            XCTAssertNil(findWidget(named: "difference-200", in: panel.widget.widget))
            let row = try XCTUnwrap(findWidget(named: "difference-1", in: panel.widget.widget))
            let subtitle = adw_action_row_get_subtitle(gcast(row)).map { String(cString: $0) } ?? ""
            let language = WarehouseText.language
            XCTAssertTrue(subtitle.contains(differences[1].differenceText.text(in: language)), subtitle)
            XCTAssertTrue(subtitle.contains(differences[1].causes[0].amountText(unit: "166").text(in: language)), subtitle)
            XCTAssertLessThanOrEqual(gtk_widget_get_height(panel.widget.widget), ReconciliationPanel.maximumHeight + 2)
            XCTAssertGreaterThan(gtk_widget_get_height(below), 300, "the views below keep their room")

            panel.show(nil)
            XCTAssertNil(panel.report)
            XCTAssertEqual(panel.causeButtons.count, 0)
        }
    }
}
