import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The form editor over a real database: batches picked through the type-ahead, a quantity
/// above what is available refused at its line with the amount, the preview, the write-off
/// reason's own fields, free entry of opening balances, and autosave.
final class FormEditorWindowTests: XCTestCase {
    @MainActor private static func open(_ id: Int64, _ desk: FormTestDesk) throws -> FormEditorWindow {
        let editor = try FormEditorWindow(formId: id, context: desk.context, transientFor: nil)
        desk.windows.append(editor.window)
        editor.present()
        MainContext.drain()
        return editor
    }

    func testAWriteOffPicksABatchAndRefusesMoreThanIsAvailable() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let id = try desk.draft(.writeOff)
            let editor = try Self.open(id, desk)
            let picker = try XCTUnwrap(editor.lineGroups[.products]?.picker)

            // Type-ahead by name, GTIN and batch number.
            picker.update("цемент")
            XCTAssertEqual(picker.matches.map(\.batch), [501])
            picker.update("4870001000011")
            XCTAssertEqual(picker.matches.map(\.batch), [501])
            picker.update("502")
            XCTAssertEqual(picker.matches.first?.batch, 502)
            type("Цемент", into: "form-batch-search-products", in: editor.window)
            gtk_widget_activate(gcast(try XCTUnwrap(picker.resultRow(0))))
            MainContext.drain()
            XCTAssertEqual(editor.model.lines(.products).map(\.productId), [501])
            XCTAssertEqual(editor.model.lines(.products).first?.quantity, 1)

            // 40 in stock, 10 reserved: 31 is one more than is available.
            type("31", into: "form-line-quantity-products-1", in: editor.window)
            let line = try XCTUnwrap(editor.lineGroups[.products]?.rows.first)
            XCTAssertTrue(line.subtitle.contains("Line 1 takes 1 pcs more than the 30 pcs available (batch 501)."),
                          line.subtitle)
            XCTAssertTrue(gtk_widget_has_css_class(line.quantity.widget, "error") != 0)
            XCTAssertTrue(editor.problemsList.rowTexts.contains {
                $0.hasPrefix("Goods written off, line 1 · Line 1 takes 1 pcs more") }, "\(editor.problemsList.rowTexts)")
            XCTAssertEqual(editor.preview.shown.first?.subtitle, "Негізгі қойма: 40 → 9 pcs\navailable 30 → -1")

            // Sending is refused while it is wrong: the cursor goes to the first error.
            var sent: Int64?
            editor.onSend = { sent = $0 }
            editor.send()
            XCTAssertNil(sent)

            type("30", into: "form-line-quantity-products-1", in: editor.window)
            XCTAssertFalse(line.subtitle.contains("more than the"), line.subtitle)
            XCTAssertEqual(editor.preview.shown.first?.subtitle, "Негізгі қойма: 40 → 10 pcs\navailable 30 → 0")
            // The reason is still missing.
            XCTAssertTrue(editor.model.problems.contains { $0.place == .header(.writeOffReason) })
        }
    }

    func testTheReasonsOwnFieldsAppearAsTheReasonChanges() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let editor = try Self.open(try desk.draft(.writeOff), desk)
            @MainActor func details() -> [WriteOffDetail] {
                editor.model.headerFields.compactMap { if case let .detail(detail) = $0 { detail } else { nil } }
            }
            XCTAssertTrue(details().isEmpty)

            let reason = try XCTUnwrap(WidgetTree.find(named: "form-writeOffReason", in: editor.window.widget))
            adw_combo_row_set_selected(gcast(reason), guint(WriteOffReason.allCases.firstIndex(of: .writeOffByGuilty)!))
            MainContext.drain()
            XCTAssertEqual(editor.model.form.writeOffReason, .writeOffByGuilty)
            for detail in WriteOffReason.writeOffByGuilty.requiredDetails {
                XCTAssertNotNil(WidgetTree.find(named: "form-detail-" + detail.rawValue, in: editor.window.widget), "\(detail)")
            }
            XCTAssertTrue(WriteOffReason.writeOffByGuilty.requiredDetails.contains(.guiltyPersonIin))
            type("880101300123", into: "form-detail-guiltyPersonIin", in: editor.window)
            XCTAssertEqual(editor.model.form.writeOffDetails[.guiltyPersonIin], "880101300123")

            adw_combo_row_set_selected(gcast(reason), guint(WriteOffReason.allCases.firstIndex(of: .soldInRetailOrCoupons)!))
            MainContext.drain()
            XCTAssertNil(WidgetTree.find(named: "form-detail-guiltyPersonIin", in: editor.window.widget))
            for detail in WriteOffReason.soldInRetailOrCoupons.requiredDetails {
                XCTAssertNotNil(WidgetTree.find(named: "form-detail-" + detail.rawValue, in: editor.window.widget), "\(detail)")
            }
        }
    }

    func testOpeningBalancesAreTypedInAndSaved() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let id = try desk.draft(.balance)
            let editor = try Self.open(id, desk)
            XCTAssertNil(editor.lineGroups[.products]?.picker)
            let add = try XCTUnwrap(WidgetTree.find(named: "form-add-line-products", in: editor.window.widget))
            gtk_widget_activate(add)
            // A button shows itself pressed for a moment before it clicks.
            XCTAssertTrue(MainContext.run(until: { editor.model.lines(.products).count == 1 }, timeout: 3))
            type("Гипс", into: "form-line-name-products-1", in: editor.window)
            type("2520100000", into: "form-line-tnvedCode-products-1", in: editor.window)
            type("08.11.20.100-2520100000", into: "form-line-gsvsCode-products-1", in: editor.window)
            type("166", into: "form-line-measureUnitCode-products-1", in: editor.window)
            type("1 200,5", into: "form-line-price-products-1", in: editor.window)
            type("abc", into: "form-line-quantity-products-1", in: editor.window)
            XCTAssertTrue(editor.model.problems(side: .products, line: 0).contains { $0.message == "“abc” is not a number." })
            type("10", into: "form-line-quantity-products-1", in: editor.window)
            let line = try XCTUnwrap(editor.model.lines(.products).first)
            XCTAssertEqual(line.price, Decimal(string: "1200.5"))
            XCTAssertEqual(line.sum, 12005)
            XCTAssertEqual(editor.model.form.totalSum, 12005)
            XCTAssertEqual(editor.preview.shown.first?.title, "Гипс · new batch")
            XCTAssertTrue(editor.model.problems(side: .products, line: 0).isEmpty, "\(editor.model.problems)")

            // Closing writes what is pending: the store has the line.
            gtk_window_close(editor.window.cPointer())
            MainContext.drain()
            let stored = try XCTUnwrap(UFormStore(database: desk.database).form(id: id))
            XCTAssertEqual(stored.form.products.first?.name, "Гипс")
            XCTAssertEqual(stored.form.products.first?.quantity, 10)
        }
    }

    func testAMovementNeedsAnotherWarehouseAndShowsBothSides() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let editor = try Self.open(try desk.draft(.movement), desk)
            XCTAssertTrue(editor.model.problems.contains { $0.place == .header(.recipient) })
            let recipient = try XCTUnwrap(WidgetTree.find(named: "form-recipient", in: editor.window.widget))
            adw_combo_row_set_selected(gcast(recipient), 1)
            MainContext.drain()
            XCTAssertEqual(editor.model.form.recipient?.storeId, FormTestDesk.shop)
            // The batch is picked from the sender's balances through the type-ahead.
            let picker = try XCTUnwrap(editor.lineGroups[.products]?.picker)
            type("Арматура", into: "form-batch-search-products", in: editor.window)
            XCTAssertEqual(picker.matches.map(\.batch), [502])
            gtk_widget_activate(gcast(try XCTUnwrap(picker.resultRow(0))))
            MainContext.drain()
            XCTAssertEqual(editor.model.lines(.products).map(\.productId), [502])
            // 5 in stock: 6 is refused at the line, 5 is fine.
            type("6", into: "form-line-quantity-products-1", in: editor.window)
            let line = try XCTUnwrap(editor.lineGroups[.products]?.rows.first)
            XCTAssertTrue(line.subtitle.contains("Line 1 takes 1 pcs more than the 5 pcs available (batch 502)."),
                          line.subtitle)
            type("5", into: "form-line-quantity-products-1", in: editor.window)
            XCTAssertFalse(line.subtitle.contains("more than the"), line.subtitle)
            XCTAssertEqual(editor.preview.shown.map(\.subtitle), ["Негізгі қойма: 5 → 0 pcs", "Дүкен: 0 → 5 pcs"])
            XCTAssertFalse(editor.model.problems.contains { $0.place == .header(.recipient) })
        }
    }

    /// Types an output line (a new batch) into the products table.
    @MainActor private static func typeOutput(_ name: String, quantity: String, in editor: FormEditorWindow) throws {
        let add = try XCTUnwrap(WidgetTree.find(named: "form-add-line-products", in: editor.window.widget))
        let before = editor.model.lines(.products).count
        gtk_widget_activate(add)
        XCTAssertTrue(MainContext.run(until: { editor.model.lines(.products).count == before + 1 }, timeout: 3))
        let line = String(before + 1)
        type(name, into: "form-line-name-products-" + line, in: editor.window)
        type("6810110000", into: "form-line-tnvedCode-products-" + line, in: editor.window)
        type("23.61.11.100-6810110000", into: "form-line-gsvsCode-products-" + line, in: editor.window)
        type("796", into: "form-line-measureUnitCode-products-" + line, in: editor.window)
        type("900", into: "form-line-price-products-" + line, in: editor.window)
        type(quantity, into: "form-line-quantity-products-" + line, in: editor.window)
    }

    func testProductionTakesItsInputsFromStockAndTypesItsOutputs() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let editor = try Self.open(try desk.draft(.manufacture), desk)
            XCTAssertEqual(editor.model.sides, [.sources, .products])
            XCTAssertNotNil(editor.lineGroups[.sources]?.picker, "inputs are picked from the balances")
            XCTAssertNil(editor.lineGroups[.products]?.picker, "outputs are new batches, typed in")

            let picker = try XCTUnwrap(editor.lineGroups[.sources]?.picker)
            type("Цемент", into: "form-batch-search-sources", in: editor.window)
            gtk_widget_activate(gcast(try XCTUnwrap(picker.resultRow(0))))
            MainContext.drain()
            XCTAssertEqual(editor.model.lines(.sources).map(\.productId), [501])
            type("31", into: "form-line-quantity-sources-1", in: editor.window)
            let input = try XCTUnwrap(editor.lineGroups[.sources]?.rows.first)
            XCTAssertTrue(input.subtitle.contains("takes 1 pcs more than the 30 pcs available (batch 501)."), input.subtitle)
            type("20", into: "form-line-quantity-sources-1", in: editor.window)
            XCTAssertFalse(input.subtitle.contains("more than the"), input.subtitle)

            try Self.typeOutput("Бетон блогы", quantity: "100", in: editor)
            XCTAssertEqual(editor.model.form.totalSum, 90_000)
            XCTAssertEqual(editor.model.problems(side: .products, line: 0), [], "\(editor.model.problems)")
            XCTAssertEqual(editor.model.problems(side: .sources, line: 0), [], "\(editor.model.problems)")
            // The preview: the input's batch goes down, the output is a new batch.
            XCTAssertTrue(editor.preview.shown.contains { $0.subtitle.hasPrefix("Негізгі қойма: 40 → 20 pcs") },
                          "\(editor.preview.shown.map(\.subtitle))")
            XCTAssertTrue(editor.preview.shown.contains { $0.title == "Бетон блогы · new batch" },
                          "\(editor.preview.shown.map(\.title))")

            gtk_window_close(editor.window.cPointer())
            MainContext.drain()
            let stored = try XCTUnwrap(UFormStore(database: desk.database).form(id: editor.model.formId)).form
            XCTAssertEqual(stored.sourceProducts.map(\.quantity), [20])
            XCTAssertEqual(stored.products.map(\.name), ["Бетон блогы"])
        }
    }

    func testDetailingNeedsItsKindAndTurnsAnInputIntoOutputs() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let editor = try Self.open(try desk.draft(.detailing), desk)
            XCTAssertTrue(editor.model.problems.contains { $0.place == .header(.detailingType) }, "\(editor.model.problems)")
            let kind = try XCTUnwrap(WidgetTree.find(named: "form-detailingType", in: editor.window.widget))
            adw_combo_row_set_selected(gcast(kind), guint(DetailingType.allCases.firstIndex(of: .unpacking)!))
            MainContext.drain()
            XCTAssertEqual(editor.model.form.detailingType, .unpacking)
            XCTAssertFalse(editor.model.problems.contains { $0.place == .header(.detailingType) })

            let picker = try XCTUnwrap(editor.lineGroups[.sources]?.picker)
            type("502", into: "form-batch-search-sources", in: editor.window)
            gtk_widget_activate(gcast(try XCTUnwrap(picker.resultRow(0))))
            MainContext.drain()
            XCTAssertEqual(editor.model.lines(.sources).map(\.productId), [502])
            type("6", into: "form-line-quantity-sources-1", in: editor.window)
            XCTAssertTrue(editor.model.problems(side: .sources, line: 0).contains { $0.message.contains("more than the 5 pcs") },
                          "\(editor.model.problems)")
            type("2", into: "form-line-quantity-sources-1", in: editor.window)
            // An output may start from a batch in stock too (the picker) or be typed in.
            XCTAssertNotNil(editor.lineGroups[.products]?.picker)
            try Self.typeOutput("Арматура кесіндісі", quantity: "8", in: editor)
            XCTAssertTrue(editor.preview.shown.contains { $0.subtitle.hasPrefix("Негізгі қойма: 5 → 3 pcs") },
                          "\(editor.preview.shown.map(\.subtitle))")
            XCTAssertTrue(editor.preview.shown.contains { $0.title == "Арматура кесіндісі · new batch" })
            XCTAssertEqual(editor.model.problems(side: .sources, line: 0), [], "\(editor.model.problems)")
        }
    }
}
