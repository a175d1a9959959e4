import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// A company with two warehouses and a few batches in the cache, as a sync leaves them, and a
/// desk context over it: the forms page and editor tests work on it.
@MainActor
final class FormTestDesk {
    static let bin = "000140000002"
    static let main: Int64 = 1001
    static let shop: Int64 = 1002
    /// 20.01.2026, at noon in Astana.
    static let today = CalendarDate(year: 2026, month: 1, day: 20)!

    let folder: URL
    let context: DeskContext
    var database: QoimaDatabase { context.database }
    var companyId: Int64 { context.company.id }
    var windows: [ObjectHandle] = []

    init() throws {
        folder = try scratchDirectory("forms")
        let noon = Date(timeIntervalSince1970: TimeInterval(Self.today.dayNumber) * 86_400 + 7 * 3_600)
        context = try scratchDesk(in: folder, bin: Self.bin, name: "ТОО «Қойма Сауда»", now: { noon })
        try WarehouseStore(database: database).replace(companyId: companyId, with: [
            StoredWarehouse(storeId: Self.main, name: "Негізгі қойма", typeCode: "STORE_HOUSE", status: "VALID",
                            address: "Астана", responsiblePersonIin: nil, isDefault: true, signs: [:]),
            StoredWarehouse(storeId: Self.shop, name: "Дүкен", typeCode: "POINT_OF_SALE", status: "VALID",
                            address: "Астана", responsiblePersonIin: nil, isDefault: false, signs: [:]),
        ])
        try BalanceStore(database: database).stage([
            Self.batch(1, batch: 501, "Цемент М400", tnved: "2523290000", gtin: "4870001000011", quantity: 40, reserved: 10),
            Self.batch(2, batch: 502, "Арматура 12 мм", tnved: "7214200000", gtin: nil, quantity: 5, reserved: nil),
            Self.batch(3, batch: 503, "Құм", tnved: "2505100000", gtin: nil, quantity: 100, reserved: nil, store: Self.shop),
        ], companyId: companyId, lastBalanceId: 3, last: true)
    }

    static func batch(_ id: Int64, batch: Int64, _ name: String, tnved: String, gtin: String?, quantity: Decimal,
                      reserved: Decimal?, store: Int64 = main) -> StoredBalance {
        StoredBalance(balanceId: id, storeId: store, batch: batch, name: name, kpvedCode: "23.51.12.100", tnvedCode: tnved,
                      gtin: gtin, measureUnitCode: "796", unitPrice: 2500, quantity: quantity, reserveQuantity: reserved)
    }

    func close() {
        for window in windows { gtk_window_destroy(window.cPointer()) }
        windows.removeAll()
        MainContext.drain()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A window holding `widget`, so it is realised and drawn.
    func show(_ widget: ObjectHandle) {
        let window = ObjectHandle(gtk_window_new()!, transfer: .none)
        gtk_window_set_default_size(window.cPointer(), 1000, 700)
        gtk_window_set_child(window.cPointer(), widget.widget)
        gtk_window_present(window.cPointer())
        windows.append(window)
        MainContext.drain()
    }

    func draft(_ kind: UFormType, edit: (inout UForm) -> Void = { _ in }) throws -> Int64 {
        let store = UFormStore(database: database)
        let id = try store.createDraft(companyId: companyId, type: kind, today: Self.today)
        var form = try XCTUnwrap(store.form(id: id)).form
        edit(&form)
        try store.save(id: id, form)
        return id
    }
}

/// Types into the entry row or entry named `name` inside `root`, as the user would.
@MainActor
func type(_ text: String, into name: String, in root: ObjectHandle, file: StaticString = #filePath, line: UInt = #line) {
    guard let widget = WidgetTree.find(named: name, in: root.widget) else {
        return XCTFail("no widget named \(name)", file: file, line: line)
    }
    gtk_editable_set_text(OpaquePointer(widget), text)
    MainContext.drain()
}
