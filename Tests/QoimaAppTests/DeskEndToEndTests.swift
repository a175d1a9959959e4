import CAdw
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

/// The whole desk through the real main window, over a real database and a sandbox in this
/// process: an SNT made from scratch in the editor the New action opens (typed fields, a
/// counterparty and a batch picked, a GTIN scanned), a problem seen at its field and fixed,
/// the SNT signed and sent until IS ESF registers it; an incoming SNT confirmed; the lists'
/// search and filters.
final class DeskEndToEndTests: XCTestCase {
    func testAnSntFromScratchToRegistrationAndAnIncomingOneConfirmed() throws {
        try MainActor.assumeIsolated {
            let world = try waitFor { try await ExchangeTestWorld.start() }
            defer { _ = try? waitFor { await world.stop() } }
            let incomingNumber = try Self.prepare(world)
            let scratch = try scratchDirectory("desk-e2e")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path,
                                           database: world.database.path)
            defer { subject.close() }
            let desk = try XCTUnwrap(subject.window.desk, "a database with a company opens the desk")
            desk.exchange.usesKeyring = false
            let incomingList = try XCTUnwrap(desk.lists[.incoming])
            XCTAssertTrue(MainContext.run(until: { incomingList.rowCount == 1 }, timeout: 10))

            // New (Ctrl+N) opens the editor of a blank draft.
            ActionMap(subject.window.window).activate("new-snt")
            let (draftId, editor) = try XCTUnwrap(desk.editors.first)
            let window = editor.window
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(window.widget) != 0 }, timeout: 10))
            XCTAssertEqual(editor.model.snt.seller.tin?.rawValue, ExchangeTestWorld.ownCompany.bin.rawValue)
            let number = ExchangeTestWorld.number("e2e")
            try EditorTestDesk.type(number, into: "field-A1", in: window)

            // The counterparty by type-ahead: the address book knows them from their incoming SNT.
            try EditorTestDesk.type("Құрылыс", into: "counterparty-search", in: window)
            gtk_widget_activate(gcast(try XCTUnwrap(editor.counterpartyPicker.resultRow(0), "no counterparty found")))
            MainContext.drain()
            XCTAssertEqual(editor.model.snt.customer.tin?.rawValue, ExchangeTestWorld.counterpartyCompany.bin.rawValue)

            // A batch picked by name from the synced balances, with its quantity.
            gtk_widget_activate_action_variant(window.widget, "editor.add-line", nil)
            let dialog = try XCTUnwrap(editor.lineDialog)
            try EditorTestDesk.type("Сахар", into: "batch-search", in: dialog.window)
            gtk_widget_activate(gcast(try XCTUnwrap(dialog.batchPicker.resultRow(0), "no sugar batch")))
            MainContext.drain()
            try EditorTestDesk.type("3", into: "line-field-quantity", in: dialog.window)
            try EditorTestDesk.type("1", into: "line-field-truOriginCode", in: dialog.window)
            dialog.close()
            MainContext.drain()
            XCTAssertEqual(editor.model.lines.first?.quantity, 3)

            // The scanner adds the batch with that GTIN, then one more of it.
            let barcode = try EditorTestDesk.handle(named: "barcode-entry", in: window)
            for _ in 0..<2 {
                EntryText.set(Self.vodkaGtin, on: barcode)
                EditorTestDesk.pressEnter(in: barcode)
            }
            XCTAssertEqual(editor.model.lines.count, 2, editor.goods.barcode.resultText)
            XCTAssertEqual(editor.model.lines[1].gtinCode?.rawValue, Self.vodkaGtin)
            XCTAssertEqual(editor.model.lines[1].quantity, 2)

            // A wrong IIN/BIN: the problem shows at C22 and in the problems list; fixed, it goes.
            try EditorTestDesk.type("000140000013", into: "field-C22", in: window)
            XCTAssertTrue(MainContext.run(until: { EditorTestDesk.hasError("field-C22", in: window) }, timeout: 5))
            XCTAssertTrue(editor.problemsList.rowTexts.contains { $0.hasPrefix("C22 · ") }, "\(editor.problemsList.rowTexts)")
            try EditorTestDesk.type(ExchangeTestWorld.counterpartyCompany.bin.rawValue, into: "field-C22", in: window)
            XCTAssertTrue(MainContext.run(until: {
                editor.model.problemsAreCurrent && !EditorTestDesk.hasError("field-C22", in: window)
            }, timeout: 5))
            XCTAssertEqual(editor.model.errorCount, 0, "\(editor.model.problems)")

            // Sign and send (Ctrl+Return in the editor): the signing dialog, then IS ESF's number.
            gtk_widget_activate_action_variant(window.widget, "editor.send", nil)
            let flow = try XCTUnwrap(desk.sending, "the send opens the signing dialog")
            flow.enterPassword(TestPKI.defaultPassword)
            flow.enterCabinetPassword(SandboxSeed.cabinetPassword)
            flow.accept()
            XCTAssertTrue(MainContext.run(until: { desk.lastSendOutcome != nil }, timeout: 90),
                          flow.signingDialog.sessionErrorText ?? "no outcome")
            guard case let .registered(registration, _) = desk.lastSendOutcome else {
                return XCTFail("not registered: \(String(describing: desk.lastSendOutcome))")
            }
            let state = try XCTUnwrap(SntExchangeStore(database: world.database).exchangeState(id: draftId))
            XCTAssertEqual(state.registrationNumber, registration)
            XCTAssertEqual(editor.model.registration?.number, registration, "the editor shows the registration")
            gtk_window_close(flow.dialog.cPointer())
            gtk_window_close(window.cPointer())
            MainContext.drain()

            // The outgoing list finds it by its number; a search for nothing shows nothing.
            let outgoing = try XCTUnwrap(desk.lists[.outgoing])
            subject.window.show(.outgoing)
            XCTAssertTrue(MainContext.run(until: { outgoing.rowCount >= 1 }, timeout: 10))
            outgoing.setSearch(number)
            XCTAssertTrue(MainContext.run(until: { outgoing.rowCount == 1 && outgoing.table.row(at: 0)?.number == number }, timeout: 10))
            outgoing.setSearch("несуществующий-номер-zzz")
            XCTAssertTrue(MainContext.run(until: { outgoing.rowCount == 0 }, timeout: 10))
            outgoing.setSearch("")

            // The incoming SNT, opened from its list, confirmed with a power of attorney.
            subject.window.show(.incoming)
            incomingList.table.select(0)
            let incomingId = try XCTUnwrap(incomingList.selectedId)
            let rows = try XCTUnwrap(Self.listView(in: incomingList.table.view.widget))
            XCTAssertNotEqual(gtk_widget_activate_action_variant(rows, "list.activate-item", g_variant_new_uint32(0)), 0)
            let document = try XCTUnwrap(desk.documents[incomingId], "Enter opens the document window: \(desk.lastProblem ?? "")")
            XCTAssertEqual(adw_action_row_get_subtitle(gcast(try XCTUnwrap(findWidget(named: "field-A1", in: document.window.widget))))
                .map { String(cString: $0) }, incomingNumber)
            gtk_widget_activate_action_variant(document.window.widget, "doc.confirm", nil)
            let confirm = try XCTUnwrap(document.actionFlow)
            confirm.enterPowerOfAttorney(number: "Д-5", date: KazakhstanClock.today().ddMMyyyy)
            confirm.signing.enterPassword(TestPKI.defaultPassword)
            confirm.signing.accept()
            XCTAssertTrue(MainContext.run(until: {
                (try? SntExchangeStore(database: world.database).exchangeState(id: incomingId)?.status) == .confirmed
            }, timeout: 60), confirm.signing.sessionErrorText ?? "not confirmed")
            // The list's status filter: the confirmed SNT leaves the "awaiting an answer" view.
            incomingList.reload()
            for status in [SntStatus.notViewed, .delivered] {
                gtk_check_button_set_active(try XCTUnwrap(incomingList.filters.statusChecks[status]).cPointer(), 1)
            }
            XCTAssertTrue(MainContext.run(until: { incomingList.rowCount == 0 }, timeout: 10), "awaiting an answer")
            for status in [SntStatus.notViewed, .delivered] {
                gtk_check_button_set_active(try XCTUnwrap(incomingList.filters.statusChecks[status]).cPointer(), 0)
            }
            gtk_check_button_set_active(try XCTUnwrap(incomingList.filters.statusChecks[.confirmed]).cPointer(), 1)
            XCTAssertTrue(MainContext.run(until: { incomingList.rowCount == 1 }, timeout: 10), "confirmed")
            confirm.signing.cancel()
            gtk_window_close(document.window.cPointer())
            MainContext.drain()
        }
    }

    /// The GtkListView inside a column view, which carries its `list.activate-item` action.
    @MainActor static func listView(in root: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutablePointer<GtkWidget>? {
        WidgetTree.first(in: root) { ObjectHandle($0, transfer: .none).isA(gtk_list_view_get_type()) }
    }

    /// The sandbox's vodka batch of the user's company (SeedGoods.trade).
    static let vodkaGtin = "4870000000029"

    /// The user's database as after a day's work: warehouses and balances synced, and an SNT
    /// from the counterparty received. Returns that SNT's number.
    @MainActor static func prepare(_ world: ExchangeTestWorld) throws -> String {
        let number = ExchangeTestWorld.number("in")
        let seller = world.counterparty
        let own = world.ownDesk
        let database = world.database, company = world.company
        try waitFor {
            let (snt, _) = try await seller.shipment(to: ExchangeTestWorld.ownCompany, number: number, quantity: 1)
            _ = try await seller.send(try seller.draft(snt))
            _ = try await VirtualWarehouseSync(client: own.client, database: database, company: company).run()
            _ = try await SntSync(client: own.client, database: database, company: company,
                                  firstSyncSince: Date().addingTimeInterval(-86_400)).run()
        }
        return number
    }
}
