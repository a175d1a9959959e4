import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import QoimaXML
import XCTest

/// A desk for editor tests: a temporary database with the own company, its priority warehouse
/// and balances (stored through the store APIs, as a sync leaves them), one SNT sent earlier
/// to a regular customer, and a fixed clock (20 January 2026 in Kazakhstan).
@MainActor
final class EditorTestDesk {
    static let bin = "000140000002"
    static let customerBin = "000140000012"
    static let gtin = "4870001234560"
    nonisolated static let now = Date(timeIntervalSince1970: 1_768_903_200) // 20.01.2026 15:00 in Kazakhstan
    static let today = CalendarDate(year: 2026, month: 1, day: 20)!

    let folder: URL
    let database: QoimaDatabase
    let company: OwnCompany
    let context: DeskContext

    init() throws {
        folder = try scratchDirectory("editor")
        context = try scratchDesk(in: folder, bin: Self.bin, name: "ТОО «Қойма Сауда»", now: { Self.now })
        database = context.database
        company = context.company

        try WarehouseStore(database: database).replace(companyId: company.id, with: [
            StoredWarehouse(storeId: 1001, name: "Негізгі қойма", typeCode: "WAREHOUSE", status: "VALID",
                            address: "Қарағанды қ., Бұқар жырау даңғ., 1", responsiblePersonIin: nil, isDefault: true,
                            signs: [:]),
        ])
        try BalanceStore(database: database).stage([
            StoredBalance(balanceId: 1, storeId: 1001, batch: 812004, name: "Сера комовая", kpvedCode: "08.91.12.01",
                          tnvedCode: "2503001000", gtin: nil, measureUnitCode: "166", unitPrice: 100, quantity: 500,
                          reserveQuantity: nil),
            StoredBalance(balanceId: 2, storeId: 1001, batch: 5001, name: "Коньяк «Бақыт» 0,5 л", kpvedCode: "11.01.10.10",
                          tnvedCode: "2208201200", gtin: Self.gtin, measureUnitCode: "868", unitPrice: 2500,
                          quantity: 40, reserveQuantity: nil),
        ], companyId: company.id, lastBalanceId: 2, last: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// An SNT sent earlier to the regular customer, registered and confirmed.
    @discardableResult
    func storeSentSnt(number: String = "СНТ-2026/0041") throws -> Int64 {
        var snt = Snt(number: number, date: CalendarDate(year: 2026, month: 1, day: 12), type: .primary,
                      seller: SntParty(tin: TaxpayerNumber(Self.bin), nonResident: false, name: "ТОО «Қойма Сауда»",
                                       registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                       actualAddress: "Қарағанды қ., Бұқар жырау даңғ., 1", storeId: 1001),
                      customer: SntParty(tin: TaxpayerNumber(Self.customerBin), nonResident: false, name: "ТОО «Алтын Дән»",
                                         registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                         actualAddress: "Астана қ., Сарыарқа даңғ., 12", storeId: 2002))
        snt.shippingDate = snt.date
        snt.currencyCode = .tenge
        snt.contract = SntContract(isContract: true, number: "Д-17/2025", date: CalendarDate(year: 2025, month: 12, day: 10),
                                   deliveryCondition: "DAP")
        snt.carriage = SntCarriage(tin: TaxpayerNumber(Self.bin), nonResident: false, name: "ТОО «Қойма Сауда»",
                                   transportTypes: [.automobile], carStateNumber: "123ABC09")
        let line = GoodsLineArithmetic.completed(GoodsLine(
            productNumber: 1, truOriginCode: 1, productName: "Сера комовая", tnvedCode: TnvedCode("2503001000"),
            measureUnitCode: MeasureUnitCode("166"), quantity: 5, price: 100, ndsRate: 16,
            productId: VirtualProductId("08.91.12.01-2503001000<812004>")))
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: [line]), lines: [line])
        let id = try SntDraftStore(database: database).createDraft(companyId: company.id, snt)
        try SntRegistrationStore(database: database).record(id: id, registrationNumber: "KZ-SNT-0000-000140000002-20260112-3",
                                                            esfId: 7001, status: .confirmed)
        return id
    }

    var factory: SntDraftFactory { SntDraftFactory(database: database, company: company, today: Self.today) }

    // MARK: Widgets

    static func widget(named name: String, in root: ObjectHandle) -> UnsafeMutablePointer<GtkWidget>? {
        WidgetTree.find(named: name, in: root.widget)
    }

    static func handle(named name: String, in root: ObjectHandle) throws -> ObjectHandle {
        ObjectHandle(try XCTUnwrap(widget(named: name, in: root), "no widget \(name)"), transfer: .none)
    }

    /// Types `text` into the editable widget named `name`, as the user would (all of it at once).
    static func type(_ text: String, into name: String, in root: ObjectHandle) throws {
        EntryText.set(text, on: try handle(named: name, in: root))
        MainContext.drain()
    }

    /// Presses Enter in an entry: emits its `activate`, as GtkText does on Enter.
    static func pressEnter(in entry: ObjectHandle) {
        var instance = GValue()
        g_value_init(&instance, gtk_entry_get_type())
        g_value_set_object(&instance, entry.raw)
        g_signal_emitv(&instance, g_signal_lookup("activate", gtk_entry_get_type()), 0, nil)
        g_value_unset(&instance)
        MainContext.drain()
    }

    static func hasError(_ name: String, in root: ObjectHandle) -> Bool {
        guard let widget = widget(named: name, in: root) else { return false }
        return gtk_widget_has_css_class(widget, "error") != 0
    }
}
