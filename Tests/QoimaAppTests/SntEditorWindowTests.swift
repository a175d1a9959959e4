import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The editor driven through its real widgets under Xvfb, over a real database.
final class SntEditorWindowTests: XCTestCase {
    func testFillingANewSntFromBlankThroughTheForm() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            try desk.storeSentSnt()
            let draftId = try desk.factory.blank()
            let editor = try SntEditorWindow(draftId: draftId, context: desk.context, transientFor: nil)
            let window = editor.window
            editor.present()
            defer { gtk_window_close(window.cPointer()); MainContext.drain() }
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(window.widget) != 0 }, timeout: 10))

            // Defaults: the seller from the last SNT sent, the next number, today.
            XCTAssertEqual(editor.model.snt.number, "СНТ-2026/0042")
            XCTAssertEqual(editor.model.snt.seller.storeId, 1001)
            XCTAssertEqual(EntryText.text(of: try EditorTestDesk.handle(named: "field-A2", in: window)), "20.01.2026")

            // Number and dates typed into the real entries; a date that is no date is said at A3.
            try EditorTestDesk.type("СНТ-77", into: "field-A1", in: window)
            try EditorTestDesk.type("19.01.2026", into: "field-A2", in: window)
            try EditorTestDesk.type("32.01.2026", into: "field-A3", in: window)
            XCTAssertTrue(EditorTestDesk.hasError("field-A3", in: window))
            XCTAssertTrue(editor.problemsList.rowTexts.contains { $0.hasPrefix("A3 · Write the date as DD.MM.YYYY") })
            try EditorTestDesk.type("20.01.2026", into: "field-A3", in: window)
            XCTAssertFalse(editor.model.problems.contains { $0.fieldCode == "A3" })
            XCTAssertEqual(editor.model.snt.number, "СНТ-77")
            XCTAssertEqual(editor.model.snt.date, CalendarDate(year: 2026, month: 1, day: 19))

            // The counterparty picker's type-ahead fills section C and the contract from the last SNT to them.
            try EditorTestDesk.type("алтын", into: "counterparty-search", in: window)
            let match = try XCTUnwrap(editor.counterpartyPicker.resultRow(0))
            gtk_widget_activate(gcast(match))
            MainContext.drain()
            XCTAssertEqual(editor.model.snt.customer.tin?.rawValue, EditorTestDesk.customerBin)
            XCTAssertEqual(editor.model.snt.customer.storeId, 2002)
            XCTAssertEqual(editor.model.snt.contract?.number, "Д-17/2025")
            XCTAssertEqual(EntryText.text(of: try EditorTestDesk.handle(named: "field-C23", in: window)), "ТОО «Алтын Дән»")
            XCTAssertEqual(EntryText.text(of: try EditorTestDesk.handle(named: "field-F44.1", in: window)), "Д-17/2025")

            // A line with a batch picked by name, then its quantity: the totals follow.
            gtk_widget_activate_action_variant(window.widget, "editor.add-line", nil)
            MainContext.drain()
            let dialog = try XCTUnwrap(editor.lineDialog)
            try EditorTestDesk.type("сера", into: "batch-search", in: dialog.window)
            gtk_widget_activate(gcast(try XCTUnwrap(dialog.batchPicker.resultRow(0))))
            MainContext.drain()
            XCTAssertEqual(editor.model.lines.first?.productId?.rawValue, "08.91.12.01-2503001000<812004>")
            XCTAssertEqual(editor.model.lines.first?.price, 100)
            try EditorTestDesk.type("10", into: "line-field-quantity", in: dialog.window)
            try EditorTestDesk.type("1", into: "line-field-truOriginCode", in: dialog.window)
            XCTAssertEqual(editor.goods.totalText(.totalPriceWithoutTax), "1000")
            XCTAssertEqual(editor.goods.totalText(.totalPriceWithTax), "1160", "16 % VAT in 2026")
            dialog.close()
            MainContext.drain()
            XCTAssertNil(editor.lineDialog)

            // The scanner: a new line for the GTIN's batch, then one more of it; an unknown GTIN is said.
            let barcode = try EditorTestDesk.handle(named: "barcode-entry", in: window)
            for _ in 0..<2 {
                EntryText.set(EditorTestDesk.gtin, on: barcode)
                EditorTestDesk.pressEnter(in: barcode)
            }
            XCTAssertEqual(editor.model.lines.count, 2, editor.goods.barcode.resultText)
            XCTAssertEqual(editor.model.lines[1].quantity, 2)
            XCTAssertEqual(editor.model.lines[1].truOriginCode, 1, "the origin sign of the line before")
            XCTAssertEqual(editor.goods.barcode.resultText, "Line 2: quantity is now 2.")
            XCTAssertEqual(EntryText.text(of: barcode), "", "ready for the next scan")
            XCTAssertEqual(editor.goods.totalText(.totalPriceWithTax), "6960", "1160 + 2 × 2500 × 1.16")
            EntryText.set("4006381333931", on: barcode)
            EditorTestDesk.pressEnter(in: barcode)
            XCTAssertEqual(editor.goods.barcode.resultText,
                           "No batch in warehouse 1001 has GTIN 4006381333931: pick the goods by name instead.")
            XCTAssertEqual(editor.goods.rowCount, 2)

            // A wrong customer IIN/BIN: the error at C22 and in the problems list, which jumps to it.
            try EditorTestDesk.type("000140000013", into: "field-C22", in: window)
            XCTAssertTrue(MainContext.run(until: { EditorTestDesk.hasError("field-C22", in: window) }, timeout: 5))
            let rows = editor.problemsList.rowTexts
            let index = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("C22 · ") }, "\(rows)")
            XCTAssertEqual(editor.problemsList.badgeText, String(editor.model.problems.count))
            let c22 = try XCTUnwrap(EditorTestDesk.widget(named: "field-C22", in: window))
            XCTAssertNotNil(gtk_widget_get_tooltip_text(c22))
            try EditorTestDesk.type("", into: "barcode-entry", in: window)
            gtk_widget_grab_focus(barcode.widget)
            editor.problemsList.activateRow(index)
            MainContext.drain()
            let focused = try XCTUnwrap(gtk_root_get_focus(gcast(window.widget)))
            XCTAssertTrue(focused == c22 || gtk_widget_is_ancestor(focused, c22) != 0, "the problem's row has the focus")

            // Fixed: the problem goes.
            try EditorTestDesk.type(EditorTestDesk.customerBin, into: "field-C22", in: window)
            XCTAssertTrue(MainContext.run(until: {
                editor.model.problemsAreCurrent && !EditorTestDesk.hasError("field-C22", in: window)
            }, timeout: 5))
            XCTAssertFalse(editor.problemsList.rowTexts.contains { $0.hasPrefix("C22") })
            XCTAssertEqual(editor.model.errorCount, 0, "\(editor.model.problems)")

            // Saved, and the store holds what is on screen.
            XCTAssertTrue(MainContext.run(until: { editor.saveText.hasPrefix("Saved at") }, timeout: 10), editor.saveText)
            let stored = try XCTUnwrap(SntDraftStore(database: desk.database).draft(id: draftId)).snt
            XCTAssertEqual(stored, editor.model.snt)
            XCTAssertEqual(stored.number, "СНТ-77")
            XCTAssertEqual(stored.goods?.totals.totalPriceWithTax, 6960)

            // Sign and send: no errors, so the draft is handed over.
            var sent: Int64?
            editor.onSend = { sent = $0 }
            gtk_widget_activate_action_variant(window.widget, "editor.send", nil)
            XCTAssertEqual(sent, draftId)
        }
    }

    func testSendJumpsToTheFirstErrorAndLinesMoveAndGo() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let editor = try SntEditorWindow(draftId: try desk.factory.blank(), context: desk.context, transientFor: nil)
            let window = editor.window
            editor.present()
            defer { gtk_window_close(window.cPointer()); MainContext.drain() }
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(window.widget) != 0 }, timeout: 10))

            var sent = false
            editor.onSend = { _ in sent = true }
            editor.send()
            XCTAssertFalse(sent, "a blank SNT has errors")
            let first = try XCTUnwrap(editor.model.problems.first { $0.severity == .error })
            let focused = try XCTUnwrap(gtk_root_get_focus(gcast(window.widget)))
            let row = try XCTUnwrap(EditorTestDesk.widget(named: "field-" + first.fieldCode, in: window))
            XCTAssertTrue(gtk_widget_is_ancestor(focused, row) != 0 || focused == row, "focus on \(first.location)")

            // F8 walks the problems.
            editor.nextProblem()
            editor.nextProblem()
            XCTAssertNotNil(gtk_root_get_focus(gcast(window.widget)))

            for name in ["Первый", "Второй", "Третий"] {
                let index = editor.model.addLine()
                editor.model.setText(name, for: GoodsLineBinding.all()[0], line: index)
            }
            MainContext.drain()
            XCTAssertEqual(editor.goods.rowCount, 3)
            editor.goods.select(2)
            gtk_widget_activate_action_variant(window.widget, "editor.line-up", nil)
            XCTAssertEqual(editor.model.lines.map(\.productName), ["Первый", "Третий", "Второй"])
            XCTAssertEqual(editor.model.lines.map(\.productNumber), [1, 2, 3])
            editor.model.removeLine(at: 0)
            MainContext.drain()
            XCTAssertEqual(editor.goods.rowCount, 2)
            XCTAssertEqual(editor.model.lines.map(\.productName), ["Третий", "Второй"])

            // Keys are on the window: every shortcut the brief names is there.
            let accelerators = SntEditorWindow.shortcuts.map(\.0)
            for key in ["<Control>Return", "F8", "<Shift>F8", "<Control>b", "<Control>l", "Insert", "<Control>w"] {
                XCTAssertTrue(accelerators.contains(key), key)
            }
            gtk_widget_activate_action_variant(window.widget, "editor.focus-barcode", nil)
            let focus = try XCTUnwrap(gtk_root_get_focus(gcast(window.widget)))
            let barcode = try XCTUnwrap(EditorTestDesk.widget(named: "barcode-entry", in: window))
            XCTAssertTrue(focus == barcode || gtk_widget_is_ancestor(focus, barcode) != 0)
        }
    }

    func testClosingFlushesTheLastEdit() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let draftId = try desk.factory.blank()
            let editor = try SntEditorWindow(draftId: draftId, context: desk.context, transientFor: nil)
            editor.present()
            try EditorTestDesk.type("ПОСЛЕДНИЙ-1", into: "field-A1", in: editor.window)
            XCTAssertTrue(editor.model.hasUnsavedEdits, "autosave waits a second")
            gtk_window_close(editor.window.cPointer())
            MainContext.drain()
            XCTAssertEqual(try SntDraftStore(database: desk.database).draft(id: draftId)?.snt.number, "ПОСЛЕДНИЙ-1")
        }
    }

    func testRegisteredSntsAreNotEditedAndIsEsfErrorsShowAtTheirFields() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let registered = try desk.storeSentSnt()
            XCTAssertThrowsError(try SntEditorWindow(draftId: registered, context: desk.context, transientFor: nil)) { error in
                XCTAssertEqual(error as? SntEditorError, .notDraft(registered, .confirmed))
                XCTAssertTrue(String(describing: error).contains("only drafts are edited"))
            }

            let draftId = try desk.factory.copy(of: registered)
            let editor = try SntEditorWindow(draftId: draftId, context: desk.context, transientFor: nil)
            editor.present()
            defer { gtk_window_close(editor.window.cPointer()); MainContext.drain() }
            try SntExchangeStore(database: desk.database).recordErrors(id: draftId, errors: [
                ExchangeError(property: "customer.tin", code: "TIN_NOT_FOUND", text: "Налогоплательщик не найден",
                              field: "C22", line: nil),
                ExchangeError(property: "productSet.products[0].quantity", code: "QUANTITY", text: "Недостаточно товара",
                              field: "G1.6", line: 1),
            ])
            editor.reloadFromStore()
            MainContext.drain()
            XCTAssertTrue(EditorTestDesk.hasError("field-C22", in: editor.window))
            XCTAssertTrue(editor.problemsList.rowTexts.contains("G1.6[1] · QUANTITY: Недостаточно товара"))
            editor.focus(SntField.line(.quantity, in: .g1))
            MainContext.drain()
            let dialog = try XCTUnwrap(editor.lineDialog, "a line field opens its line")
            XCTAssertTrue(EditorTestDesk.hasError("line-field-quantity", in: dialog.window))
            dialog.close()

            try SntRegistrationStore(database: desk.database).record(
                id: draftId, registrationNumber: "KZ-SNT-0000-000140000002-20260120-4", esfId: 7002, status: .notViewed)
            editor.reloadFromStore()
            XCTAssertEqual(editor.statusText, "Registered as KZ-SNT-0000-000140000002-20260120-4, status NOT_VIEWED.")
        }
    }
}
