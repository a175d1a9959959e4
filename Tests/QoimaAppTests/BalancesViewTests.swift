import CGtk
import Foundation
import GtkKit
@_spi(Benchmark) @testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import XCTest

/// The Balances view over balances synced from a sandbox in this process: search as you type,
/// the warehouse and reserve filters, grouping by product with subtotals, and a reserve that a
/// sent SNT holds, explained beside the table.
final class BalancesViewTests: ExchangeWorldTestCase {
    func testSearchFiltersGroupingAndTheReserveOfASentSntExplained() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, world) = try WarehousesPageTests.page("balances")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try WarehousesPageTests.connect(page)
            WarehousesPageTests.sync(page)
            page.showBalances(true)
            XCTAssertTrue(page.showsBalances)
            let view = page.balances
            XCTAssertEqual(view.rowCount, 6)

            // A shipment of 3 from one batch, sent and registered: IS ESF reserves it.
            let desk = world.ownDesk
            let snt = try waitFor {
                try await desk.shipment(to: ExchangeTestWorld.counterpartyCompany, number: ExchangeTestWorld.number("reserve"),
                                        quantity: 3).snt
            }
            let draftId = try SntDraftStore(database: world.database).createDraft(companyId: world.company.id, snt)
            let keys = ExchangeTestWorld.pki.company(bin: ExchangeTestWorld.ownCompany.bin.rawValue)!
            let signer = try Pkcs12Signer(path: ExchangeTestWorld.pki.path(keys.signing.pkcs12),
                                          password: SecretBytes(TestPKI.defaultPassword))
            let exchange = page.exchange.desk
            let outcome = try waitFor { await exchange.send(draftId: draftId, signer: signer) }
            guard case .registered = outcome else { return XCTFail("\(outcome)") }
            WarehousesPageTests.sync(page)
            let batch = try XCTUnwrap(snt.goods?.lines.first?.productId?.parts?.batch)
            let name = try XCTUnwrap(snt.goods?.lines.first?.productName)

            // Only the reserved batch, then every batch again.
            gtk_toggle_button_set_active(view.reservedToggle.cPointer(), 1)
            XCTAssertEqual(view.rowCount, 1)
            XCTAssertEqual(view.table.row(at: 0)?.batch?.batch, batch)
            XCTAssertEqual(view.table.text(ofColumn: "reserved", at: 0), "3")
            // Selecting it says which SNT holds the 3.
            view.table.select(0)
            XCTAssertEqual(view.shownHolds.count, 1)
            XCTAssertEqual(view.shownHolds.first?.localId, draftId)
            XCTAssertEqual(view.shownHolds.first?.quantity, 3)
            XCTAssertEqual(view.shownHolds.first?.status, SntStatus.notViewed.rawValue)
            let summary = String(cString: gtk_label_get_text(view.holdsSummary.cPointer()))
            XCTAssertEqual(summary, tr("IS ESF reserves %1$@; the documents below hold exactly that.", "3"))
            var opened: Int64?
            view.onOpenSnt = { opened = $0 }
            let holdRow = gtk_widget_get_first_child(view.holdsList.widget)!
            g_signal_emit_by_name_row_activated(view.holdsList, holdRow)
            XCTAssertEqual(opened, draftId)
            gtk_toggle_button_set_active(view.reservedToggle.cPointer(), 0)
            XCTAssertEqual(view.rowCount, 6)
            XCTAssertNil(view.table.selectedPosition)
            XCTAssertTrue(view.shownHolds.isEmpty)

            // Search as you type: a word's beginning in any case, a TN VED's first digits.
            let word = String(name.split(separator: " ")[0].prefix(4)).uppercased()
            view.setSearch(word)
            XCTAssertEqual(view.rowCount, 1, word)
            view.setSearch(String(snt.goods!.lines[0].tnvedCode!.rawValue.prefix(6)))
            XCTAssertEqual(view.rowCount, 1)
            view.setSearch("нет-такого-товара")
            XCTAssertEqual(view.rowCount, 0)
            view.setSearch("")

            // One warehouse: the point of sale has no balances.
            let point = try XCTUnwrap(page.warehouses.first { $0.typeCode == "POINT_OF_SALE" })
            view.showWarehouse(point.storeId)
            XCTAssertEqual(view.rowCount, 0)
            view.showWarehouse(nil)
            XCTAssertEqual(view.rowCount, 6)

            // Grouped by product: a header with subtotals before each product's batches.
            gtk_toggle_button_set_active(view.groupToggle.cPointer(), 1)
            // Read off the main thread: the table waits, saying so, and the window keeps drawing.
            XCTAssertTrue(view.isGrouping)
            XCTAssertEqual(view.rowCount, 0)
            XCTAssertEqual(String(cString: gtk_label_get_text(view.countLabel.cPointer())), tr("Grouping by product…"))
            XCTAssertTrue(MainContext.run(until: { !view.isGrouping }, timeout: 10))
            XCTAssertEqual(view.model.productGroups.count, 6)
            XCTAssertEqual(view.rowCount, 12)
            guard case let .product(group)? = view.table.row(at: 0) else { return XCTFail("no product header first") }
            XCTAssertEqual(view.table.text(ofColumn: "quantity", at: 0), WarehouseText.amount(group.quantity))
            XCTAssertNotNil(view.table.row(at: 1)?.batch)
            let reservedGroup = try XCTUnwrap(view.model.productGroups.first { $0.key.name == name })
            XCTAssertEqual(reservedGroup.reserved, 3)
            XCTAssertEqual(reservedGroup.available, reservedGroup.quantity - 3)
            // A header is not a batch: selecting it explains nothing.
            view.table.select(0)
            XCTAssertTrue(view.shownHolds.isEmpty)
            XCTAssertEqual(String(cString: gtk_label_get_text(view.holdsSummary.cPointer())),
                           tr("Select a batch to see which SNTs and forms hold its goods."))
        }
    }
}

/// Emits `row-activated` on a list box, as a click on the row would.
@MainActor
private func g_signal_emit_by_name_row_activated(_ list: ObjectHandle, _ row: UnsafeMutablePointer<GtkWidget>) {
    gtk_widget_activate(row)
}
