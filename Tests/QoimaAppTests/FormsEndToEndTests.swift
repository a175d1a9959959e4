import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import XCTest

/// Forms through the real main window against a sandbox in this process: a write-off and an
/// internal movement filled in the editor with lines picked from the synced balances, a
/// quantity above what is available refused at its line with the amount and then fixed,
/// signed and sent through the signing dialog until IS ESF processes them, and the balances
/// changed by exactly what the forms said.
final class FormsEndToEndTests: ExchangeWorldTestCase {
    func testAWriteOffAndAMovementAreFilledSentAndChangeTheBalances() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let own = world.ownDesk, database = world.database, company = world.company
            try waitFor { _ = try await VirtualWarehouseSync(client: own.client, database: database, company: company).run() }
            let scratch = try scratchDirectory("forms-e2e")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path,
                                           database: world.database.path)
            defer { subject.close() }
            let desk = try XCTUnwrap(subject.window.desk)
            desk.exchange.usesKeyring = false
            let forms = desk.forms
            var quick = UFormSender.Options()
            quick.pause = .milliseconds(50)
            forms.senderOptions = quick
            let balances = BalanceStore(database: database)
            let warehouses = try WarehouseStore(database: database).warehouses(companyId: company.id)
            let main = try XCTUnwrap(warehouses.first(where: \.isDefault)).storeId
            let shop = try XCTUnwrap(warehouses.first { !$0.isDefault }).storeId

            // A write-off for damage.
            let writeOffId = try XCTUnwrap(forms.newForm(.writeOff))
            XCTAssertEqual(subject.window.currentPage, .forms)
            let writeOff = try XCTUnwrap(forms.editors[writeOffId])
            let window = writeOff.window
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(window.widget) != 0 }, timeout: 10))
            let reason = try XCTUnwrap(WidgetTree.find(named: "form-writeOffReason", in: window.widget))
            adw_combo_row_set_selected(gcast(reason), guint(WriteOffReason.allCases.firstIndex(of: .damage)!))
            MainContext.drain()
            type("АКТ-7", into: "form-detail-documentNumber", in: window)
            type(desk.context.today.ddMMyyyy, into: "form-detail-documentDate", in: window)
            type("Су басқан қап", into: "form-comment", in: window)

            let batch = try Self.pick("Сахар", in: writeOff)
            let before = try XCTUnwrap(balances.balances(companyId: company.id, storeId: main).first { $0.batch == batch.batch })
            // Five more than is available is refused at the line, saying by how much.
            type(DecimalText.format(before.available + 5), into: "form-line-quantity-products-1", in: window)
            let line = try XCTUnwrap(writeOff.lineGroups[.products]?.rows.first)
            XCTAssertTrue(line.subtitle.contains("Line 1 takes 5"), line.subtitle)
            XCTAssertTrue(line.subtitle.contains(DecimalText.format(before.available)), line.subtitle)
            writeOff.send()
            XCTAssertNil(forms.sending, "a form with errors is not sent")
            type("2", into: "form-line-quantity-products-1", in: window)
            XCTAssertEqual(writeOff.model.errorCount, 0, "\(writeOff.model.problems)")

            try Self.sign(writeOff, forms: forms, firstTime: true)
            guard case let .processed(number)? = forms.lastSendOutcome else {
                return XCTFail("not processed: \(String(describing: forms.lastSendOutcome))")
            }
            XCTAssertNotNil(number)
            XCTAssertEqual(try UFormStore(database: database).form(id: writeOffId)?.status, .processed)
            XCTAssertNotNil(writeOff.statusText)
            XCTAssertTrue(MainContext.run(until: { forms.balancesSynced == 1 }, timeout: 30), forms.lastProblem ?? "")
            let after = try XCTUnwrap(balances.balances(companyId: company.id, storeId: main).first { $0.batch == batch.batch })
            XCTAssertEqual(after.quantity, before.quantity - 2)
            forms.page.setKind(.writeOff)
            XCTAssertEqual(forms.page.table.text(ofColumn: "status", at: 0), "Processed")
            XCTAssertEqual(forms.page.table.text(ofColumn: "registration", at: 0), number)
            // Opened again, the processed form is shown as sent, read-only, and is not sent twice.
            gtk_window_close(writeOff.window.cPointer())
            MainContext.drain()
            forms.open(writeOffId)
            let shown = try XCTUnwrap(forms.editors[writeOffId], forms.lastProblem ?? "")
            XCTAssertTrue(shown.model.isReadOnly)
            XCTAssertEqual(shown.statusText, FormEditorWindow.readOnlyText(status: .processed, number: number))
            XCTAssertTrue(shown.statusText?.contains(number ?? "?") == true)
            XCTAssertEqual(shown.model.lines(.products).first?.quantity, 2)
            XCTAssertEqual(shown.model.problems, [], "a processed form's checks are past")
            XCTAssertEqual(shown.model.preview, [], "its effect is in the balances already")
            shown.send()
            XCTAssertNil(forms.sending, "a processed form is never sent again")
            gtk_window_close(shown.window.cPointer())
            MainContext.drain()

            // A movement of three to the point of sale.
            let movementId = try XCTUnwrap(forms.newForm(.movement))
            let movement = try XCTUnwrap(forms.editors[movementId])
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(movement.window.widget) != 0 }, timeout: 10))
            let recipient = try XCTUnwrap(WidgetTree.find(named: "form-recipient", in: movement.window.widget))
            let shopIndex = try XCTUnwrap(movement.model.warehouses.firstIndex { $0.storeId == shop })
            adw_combo_row_set_selected(gcast(recipient), guint(shopIndex))
            MainContext.drain()
            type(" ", into: "form-comment", in: movement.window)
            _ = try Self.pick("Сахар", in: movement)
            let moved = try XCTUnwrap(balances.balances(companyId: company.id, storeId: main).first { $0.batch == batch.batch })
            type(DecimalText.format(moved.available + 1), into: "form-line-quantity-products-1", in: movement.window)
            XCTAssertTrue(movement.lineGroups[.products]?.rows.first?.subtitle.contains("Line 1 takes 1") == true)
            type("3", into: "form-line-quantity-products-1", in: movement.window)
            XCTAssertEqual(movement.model.errorCount, 0, "\(movement.model.problems)")
            let shopBefore = try balances.balances(companyId: company.id, storeId: shop).first { $0.batch == batch.batch }?.quantity ?? 0

            try Self.sign(movement, forms: forms, firstTime: false)
            guard case .processed? = forms.lastSendOutcome else {
                return XCTFail("not processed: \(String(describing: forms.lastSendOutcome))")
            }
            XCTAssertTrue(MainContext.run(until: { forms.balancesSynced == 2 }, timeout: 30), forms.lastProblem ?? "")
            let mainAfter = try XCTUnwrap(balances.balances(companyId: company.id, storeId: main).first { $0.batch == batch.batch })
            let shopAfter = try XCTUnwrap(balances.balances(companyId: company.id, storeId: shop).first { $0.batch == batch.batch })
            XCTAssertEqual(mainAfter.quantity, moved.quantity - 3)
            XCTAssertEqual(shopAfter.quantity, shopBefore + 3)

            // F5 on the Forms page syncs forms, SNTs and balances: a reconciliation, which finds
            // both processed forms did what was expected.
            let ranBefore = try XCTUnwrap(ReconciliationStore(database: database).lastReport(companyId: company.id)).ranAt
            gtk_widget_activate_action_variant(subject.window.window.widget, "win.refresh", nil)
            XCTAssertTrue(MainContext.run(until: { desk.refreshesFinished == 1 }, timeout: 60), desk.lastProblem ?? "")
            let report = try XCTUnwrap(ReconciliationStore(database: database).lastReport(companyId: company.id))
            XCTAssertGreaterThan(report.ranAt, ranBefore)
            XCTAssertFalse(report.differences.contains { $0.batch == batch.batch }, "\(report.differences)")
        }
    }

    /// Picks the first batch matching `text` through the editor's type-ahead.
    @MainActor private static func pick(_ text: String, in editor: FormEditorWindow) throws -> StoredBalance {
        let picker = try XCTUnwrap(editor.lineGroups[.products]?.picker)
        type(text, into: "form-batch-search-products", in: editor.window)
        let batch = try XCTUnwrap(picker.matches.first, "no batch matching \(text)")
        gtk_widget_activate(gcast(try XCTUnwrap(picker.resultRow(0))))
        MainContext.drain()
        XCTAssertEqual(editor.model.lines(.products).first?.productId, batch.batch)
        return batch
    }

    /// Ctrl+Return in the editor, the key's password (and the cabinet's the first time) in the
    /// signing dialog, and the wait for IS ESF's verdict.
    @MainActor private static func sign(_ editor: FormEditorWindow, forms: FormsDesk, firstTime: Bool) throws {
        gtk_widget_activate_action_variant(editor.window.widget, "editor.send", nil)
        let flow = try XCTUnwrap(forms.sending, "\(editor.model.problems)")
        XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(flow.dialog.widget) != 0 }, timeout: 5))
        flow.enterPassword(TestPKI.defaultPassword)
        if firstTime { flow.enterCabinetPassword(SandboxSeed.cabinetPassword) }
        flow.accept()
        XCTAssertTrue(MainContext.run(until: { forms.sending == nil }, timeout: 120), flow.signing.progressText ?? "")
        flow.signing.cancel()
        MainContext.drain()
    }
}
