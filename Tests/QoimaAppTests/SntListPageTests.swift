import CAdw
import CGtk
import Foundation
import GtkKit
@_spi(Benchmark) @testable import QoimaApp
import QoimaCore
import QoimaStore
import QoimaXML
import XCTest

/// A company's database filled through the store, and a desk context over it, for list pages.
@MainActor
final class ListWorld {
    static let ownBin = "000140000002"
    static let ertis = ("000140000012", "ТОО «Ертіс Құрылыс»")
    static let altyn = ("000140000022", "АО «Алтын Астық»")
    static let seitkali = ("000140000032", "ИП Сейтқали")
    /// 20.01.2026, a Tuesday, at noon in Astana.
    static let today = CalendarDate(year: 2026, month: 1, day: 20)!

    let folder: URL
    let database: QoimaDatabase
    let context: DeskContext
    var windows: [ObjectHandle] = []

    init() throws {
        folder = try scratchDirectory("lists")
        let noon = Date(timeIntervalSince1970: TimeInterval(Self.today.dayNumber) * 86_400 + 7 * 3_600)
        context = try scratchDesk(in: folder, bin: Self.ownBin, name: "ТОО «Қойма Сауда»", now: { noon })
        database = context.database
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func close() {
        for window in windows { gtk_window_destroy(window.cPointer()) }
        windows.removeAll()
        MainContext.drain()
    }

    static func snt(_ number: String, _ date: String, seller: (String, String) = (ownBin, "ТОО «Қойма Сауда»"),
                    customer: (String, String), goods: String = "Цемент М400", total: Decimal = 1000,
                    currency: String = "KZT", ownStore: Int64 = 1001) -> Snt {
        var snt = Snt(number: number, date: CalendarDate(ddMMyyyy: date))
        snt.shippingDate = snt.date?.adding(days: 1)
        snt.currencyCode = CurrencyCode(currency)
        let outgoing = seller.0 == ownBin
        snt.seller = SntParty(tin: TaxpayerNumber(seller.0), name: seller.1, storeId: outgoing ? ownStore : 7001)
        snt.customer = SntParty(tin: TaxpayerNumber(customer.0), name: customer.1, storeId: outgoing ? 7002 : ownStore)
        let line = GoodsLine(productNumber: 1, productName: goods, tnvedCode: TnvedCode("2523290000"),
                             measureUnitCode: MeasureUnitCode("796"), quantity: 1, price: total)
        snt.goods = GoodsSet(totals: GoodsTotals(totalPriceWithTax: total), lines: [line])
        return snt
    }

    /// Stores SNTs as the sync with IS ESF does: outgoing when the company is the seller.
    func received(_ documents: [(Snt, SntStatus, String?)], firstEsfId: Int64 = 1) throws {
        let exchanged = documents.enumerated().map { index, document in
            ExchangedSnt(esfId: firstEsfId + Int64(index), registrationNumber: document.2, status: document.1, inputDate: nil,
                         lastUpdateDate: nil, cancelReason: nil, body: SntXMLWriter.body(of: document.0), signature: nil,
                         acceptance: nil, errors: [])
        }
        let count = try SntExchangeStore(database: database).apply(exchanged, companyId: context.company.id, companyBin: Self.ownBin)
        XCTAssertEqual(count.unreadable, [], "every body reads")
    }

    /// The sample desk: four sent SNTs, two drafts (one made here, one imported), three incoming.
    func fillSamples() throws {
        try received([
            (Self.snt("OUT-001", "10.01.2026", customer: Self.ertis, total: 1500.5), .confirmed, "KZ-SNT-0000000101"),
            (Self.snt("OUT-002", "12.01.2026", customer: Self.altyn, goods: "Пшеница 3 класса", total: 250_000, ownStore: 1002),
             .delivered, "KZ-SNT-0000000102"),
            (Self.snt("OUT-003", "15.01.2026", customer: Self.ertis, goods: "Арматура А500", total: 99.99, currency: "USD"),
             .declined, "KZ-SNT-0000000103"),
            (Self.snt("OUT-004", "19.01.2026", customer: Self.seitkali, goods: "Кирпич", total: 42_000, ownStore: 1002),
             .failed, nil),
            (Self.snt("IN-1", "16.01.2026", seller: Self.altyn, customer: (Self.ownBin, "ТОО «Қойма Сауда»")), .delivered,
             "KZ-SNT-0000000201"),
            (Self.snt("IN-2", "01.12.2025", seller: Self.ertis, customer: (Self.ownBin, "ТОО «Қойма Сауда»")), .notViewed,
             "KZ-SNT-0000000202"),
            (Self.snt("IN-3", "05.01.2026", seller: Self.seitkali, customer: (Self.ownBin, "ТОО «Қойма Сауда»")), .confirmed,
             "KZ-SNT-0000000203"),
        ])
        var unfinished = Self.snt("DR-1", "18.01.2026", customer: Self.ertis, goods: "Щебень")
        unfinished.customer.name = ""
        let problems = SntValidator(context: SntCheckContext(today: Self.today)).check(unfinished)
        _ = try SntDraftStore(database: database).createDraft(companyId: context.company.id, unfinished, problems: problems)
        let file = folder.appendingPathComponent("import.xml").path
        _ = FileManager.default.createFile(atPath: file, contents: Data(SntContainerXML.container(
            of: [Self.snt("IMP-1", "17.01.2026", customer: Self.altyn, goods: "Мука")]).utf8))
        let summary = try SntImporter(database: database, companyBin: Self.ownBin, context: SntCheckContext(today: Self.today))
            .importFiles([file])
        XCTAssertEqual(summary.imported, 1)
    }

    /// A page shown in a window of its own, laid out and painted.
    func page(_ kind: SntListPage.Kind) -> SntListPage {
        let page = SntListPage(kind: kind, context: context)
        let window = ObjectHandle(gtk_window_new()!, transfer: .none)
        gtk_window_set_child(window.cPointer(), page.widget.widget)
        gtk_window_set_default_size(window.cPointer(), 1200, 700)
        gtk_window_present(window.cPointer())
        windows.append(window)
        MainContext.run(for: 0.3)
        return page
    }
}

final class SntListPageTests: XCTestCase {
    private func withWorld(_ body: @MainActor (ListWorld) throws -> Void) throws {
        try MainActor.assumeIsolated {
            let world = try ListWorld()
            defer { world.close() }
            try body(world)
        }
    }

    func testColumnsShowTheStoredValues() throws {
        try withWorld { world in
            try world.fillSamples()
            let outgoing = world.page(.outgoing)
            XCTAssertEqual(numbers(outgoing), ["OUT-004", "OUT-003", "OUT-002", "OUT-001"], "sent SNTs, newest first, no drafts")
            let row = try position(of: "OUT-001", in: outgoing)
            let text = { (column: String) in outgoing.table.text(ofColumn: column, at: row) }
            XCTAssertEqual(text("date"), "10.01.2026")
            XCTAssertEqual(text("shippingDate"), "11.01.2026")
            XCTAssertEqual(text("counterparty"), "ТОО «Ертіс Құрылыс»")
            XCTAssertEqual(text("counterpartyTin"), "000140000012")
            XCTAssertEqual(text("total"), "1\u{202F}500" + SntListFormat.decimalSeparator + "50")
            XCTAssertEqual(text("status"), SntStatusBadge.text(of: .confirmed))
            XCTAssertEqual(text("registrationNumber"), "KZ-SNT-0000000101")
            XCTAssertEqual(outgoing.table.text(ofColumn: "total", at: try position(of: "OUT-003", in: outgoing)),
                           "99" + SntListFormat.decimalSeparator + "99 USD", "a foreign currency is named")
            XCTAssertEqual(SntListFormat.amount(1_234_567.5, currency: "KZT", decimalSeparator: ","), "1\u{202F}234\u{202F}567,50")
            XCTAssertEqual(SntListFormat.amount(-7, currency: "RUB", decimalSeparator: "."), "-7.00 RUB")

            // The status badge is a label on screen with the class of its family.
            let badges = descendants(of: outgoing.table.view.widget).filter { gtk_widget_has_css_class($0, "badge") != 0 }
            let confirmed = try XCTUnwrap(badges.first {
                String(cString: gtk_label_get_text(OpaquePointer($0))) == SntStatusBadge.text(of: .confirmed)
            }, "no badge for CONFIRMED was drawn")
            XCTAssertNotEqual(gtk_widget_has_css_class(confirmed, "status-success"), 0)
            XCTAssertTrue(badges.contains { gtk_widget_has_css_class($0, "status-error") != 0 }, "DECLINED and FAILED are errors")
            let count = String(cString: gtk_label_get_text(try XCTUnwrap(widget(named: "count_label", in: outgoing.widget.widget)).opaque))
            XCTAssertTrue(count.hasSuffix("4"), count)

            let drafts = world.page(.drafts)
            XCTAssertEqual(numbers(drafts), ["DR-1", "IMP-1"], "drafts made here and imported ones")
            XCTAssertNotEqual(drafts.table.text(ofColumn: "problems", at: 0), "", "the unfinished draft shows its problems")
            XCTAssertEqual(drafts.table.text(ofColumn: "status", at: 1), SntStatusBadge.text(of: .imported))
            let incoming = world.page(.incoming)
            XCTAssertEqual(numbers(incoming), ["IN-1", "IN-3", "IN-2"])
            XCTAssertEqual(incoming.table.text(ofColumn: "counterparty", at: 0), "АО «Алтын Астық»", "the seller of an incoming SNT")
        }
    }

    func testHeaderClickSortsInTheStore() throws {
        try withWorld { world in
            try world.fillSamples()
            let page = world.page(.outgoing)
            XCTAssertEqual(numbers(page).first, "OUT-004")
            page.table.sort(byColumn: "total", ascending: true)
            XCTAssertEqual(page.model.query.order, SntListOrder(.total, ascending: true), "the store sorts")
            XCTAssertEqual(numbers(page), ["OUT-003", "OUT-001", "OUT-004", "OUT-002"])
            page.table.sort(byColumn: "counterparty", ascending: false)
            XCTAssertEqual(numbers(page), ["OUT-003", "OUT-001", "OUT-004", "OUT-002"], "ТОО «Ертіс…», ИП…, АО «Алтын…»")
            page.table.sort(byColumn: "number", ascending: true)
            XCTAssertEqual(numbers(page).first, "OUT-001")
            // A click on the sorted header turns the order round, as GTK's sorter does.
            let columns = gtk_column_view_get_columns(page.table.view.cPointer())
            let number = g_list_model_get_item(columns, 0)!
            defer { g_object_unref(number) }
            gtk_column_view_sort_by_column(page.table.view.cPointer(), OpaquePointer(number), GTK_SORT_DESCENDING)
            XCTAssertEqual(numbers(page).first, "OUT-004")
        }
    }

    func testTypingInSearchNarrowsTheRows() throws {
        try withWorld { world in
            try world.fillSamples()
            let page = world.page(.outgoing)
            page.setSearch("Ертіс")
            XCTAssertEqual(page.rowCount, 2)
            XCTAssertEqual(numbers(page), ["OUT-003", "OUT-001"])
            page.setSearch("арм")
            XCTAssertEqual(numbers(page), ["OUT-003"], "goods names are searched by their beginnings")
            page.setSearch("KZ-SNT-0000000102")
            XCTAssertEqual(numbers(page), ["OUT-002"])
            // Typed into the entry, the search runs after the entry's short delay.
            let entry = try XCTUnwrap(widget(named: "search_entry", in: page.widget.widget))
            gtk_editable_set_text(entry.cPointer(), "пшен")
            XCTAssertTrue(MainContext.run(until: { page.rowCount == 1 }, timeout: 3), "typing did not search")
            XCTAssertEqual(numbers(page), ["OUT-002"])
            page.setSearch("Ертіс К")
            XCTAssertEqual(page.model.query.search, "Ертіс", "one-letter words are not searched for")
            page.setSearch("0")
            XCTAssertTrue(page.model.searchTooShort)
            XCTAssertEqual(page.rowCount, 4, "a single character searches nothing yet")
            let count = String(cString: gtk_label_get_text(try XCTUnwrap(widget(named: "count_label", in: page.widget.widget)).opaque))
            XCTAssertTrue(count.contains(tr("SNTs: %1$@. Search starts at two letters or digits.", 4)), count)
            page.setSearch("несуществующий")
            XCTAssertEqual(page.rowCount, 0)
            let stack = try XCTUnwrap(gtk_widget_get_parent(page.table.widget.widget))
            XCTAssertEqual(gtk_stack_get_visible_child_name(OpaquePointer(stack)).map { String(cString: $0) }, "no-results")
            page.setSearch("")
            XCTAssertEqual(page.rowCount, 4)
            XCTAssertEqual(gtk_stack_get_visible_child_name(OpaquePointer(stack)).map { String(cString: $0) }, "table")
        }
    }

    func testEachFilterNarrowsTheRows() throws {
        try withWorld { world in
            try world.fillSamples()
            try WarehouseStore(database: world.database).replace(companyId: world.context.company.id, with: [
                StoredWarehouse(storeId: 1001, name: "Склад Астана", typeCode: "WAREHOUSE", status: "VALID", address: "",
                                responsiblePersonIin: nil, isDefault: true, signs: [:]),
                StoredWarehouse(storeId: 1002, name: "Склад Алматы", typeCode: "WAREHOUSE", status: "VALID", address: "",
                                responsiblePersonIin: nil, isDefault: false, signs: [:]),
            ])
            let page = world.page(.outgoing)
            let root = page.widget.widget

            let confirmed = try XCTUnwrap(page.filters.statusChecks[.confirmed])
            gtk_check_button_set_active(confirmed.cPointer(), 1)
            XCTAssertEqual(numbers(page), ["OUT-001"], "status")
            gtk_check_button_set_active(try XCTUnwrap(page.filters.statusChecks[.failed]).cPointer(), 1)
            XCTAssertEqual(numbers(page), ["OUT-004", "OUT-001"], "two statuses")
            gtk_check_button_set_active(confirmed.cPointer(), 0)
            gtk_check_button_set_active(try XCTUnwrap(page.filters.statusChecks[.failed]).cPointer(), 0)
            XCTAssertEqual(page.rowCount, 4, "no status checked is every status of the list")

            let from = try XCTUnwrap(widget(named: "from_entry", in: root))
            let to = try XCTUnwrap(widget(named: "to_entry", in: root))
            gtk_editable_set_text(from.cPointer(), "12.01.2026")
            gtk_editable_set_text(to.cPointer(), "15.01.2026")
            XCTAssertEqual(numbers(page), ["OUT-003", "OUT-002"], "date range")
            gtk_editable_set_text(to.cPointer(), "32.01.2026")
            XCTAssertNotEqual(gtk_widget_has_css_class(to.widget, "error"), 0, "a wrong date is marked")
            let problem = try XCTUnwrap(widget(named: "problem_label", in: root))
            XCTAssertNotEqual(gtk_widget_get_visible(problem.widget), 0)
            XCTAssertTrue(String(cString: gtk_label_get_text(problem.opaque)).contains("32.01.2026"))
            // Setting an entry's text empties it first: the list is the one of an empty To, and stays.
            XCTAssertEqual(numbers(page), ["OUT-004", "OUT-003", "OUT-002"], "a wrong date keeps the list")
            gtk_editable_set_text(to.cPointer(), "")
            gtk_editable_set_text(from.cPointer(), "")
            XCTAssertEqual(gtk_widget_has_css_class(to.widget, "error"), 0)
            XCTAssertEqual(gtk_widget_get_visible(problem.widget), 0)
            XCTAssertEqual(page.rowCount, 4)

            let counterparty = try XCTUnwrap(widget(named: "counterparty_entry", in: root))
            gtk_editable_set_text(counterparty.cPointer(), ListWorld.ertis.0)
            XCTAssertEqual(numbers(page), ["OUT-003", "OUT-001"], "counterparty by BIN")
            XCTAssertTrue(MainContext.run(until: { !page.filters.counterparties.isEmpty }), "counterparties never loaded")
            gtk_editable_set_text(counterparty.cPointer(), "алтын")
            // The suggestions under the entry: activating one (a click) picks it.
            let suggestions = try XCTUnwrap(widget(named: "counterparty_suggestions", in: counterparty.widget))
            let rows = descendants(of: suggestions.widget).filter { ObjectHandle($0, transfer: .none).isA(gtk_list_box_row_get_type()) }
            XCTAssertEqual(rows.count, 1, "one counterparty is called Алтын")
            gtk_widget_activate(try XCTUnwrap(rows.first))
            XCTAssertEqual(String(cString: gtk_editable_get_text(counterparty.cPointer())), "АО «Алтын Астық»", "picked by name")
            XCTAssertEqual(numbers(page), ["OUT-002"], "counterparty by name")
            gtk_editable_set_text(counterparty.cPointer(), "")
            XCTAssertEqual(page.rowCount, 4)

            let warehouse = try XCTUnwrap(widget(named: "warehouse_dropdown", in: root))
            gtk_drop_down_set_selected(warehouse.cPointer(), 2)
            XCTAssertEqual(numbers(page), ["OUT-004", "OUT-002"], "own warehouse 1002")
            let clear = try XCTUnwrap(widget(named: "clear_button", in: root))
            gtk_widget_activate(clear.widget)
            XCTAssertTrue(MainContext.run(until: { page.rowCount == 4 }), "clear shows everything again")
            XCTAssertEqual(gtk_drop_down_get_selected(warehouse.cPointer()), 0)
        }
    }

    func testIncomingShowsTheTimeLeftToAnswer() throws {
        try withWorld { world in
            try world.fillSamples()
            let page = world.page(.incoming)
            let today = ListWorld.today
            let waiting = try position(of: "IN-1", in: page)
            let left = SntAnswerDeadline(sntDate: CalendarDate(ddMMyyyy: "16.01.2026")!).businessDaysLeft(on: today)
            XCTAssertEqual(left, 18, "16.01 + 20 business days is 13.02: on 20.01, 21.01 to 13.02 are left")
            XCTAssertEqual(page.table.text(ofColumn: "answer", at: waiting), tr("%1$@ work days left", 18))
            let late = try position(of: "IN-2", in: page)
            let overdue = -SntAnswerDeadline(sntDate: CalendarDate(ddMMyyyy: "01.12.2025")!).businessDaysLeft(on: today)
            XCTAssertGreaterThan(overdue, 1)
            XCTAssertEqual(page.table.text(ofColumn: "answer", at: late), tr("%1$@ work days overdue", overdue))
            XCTAssertEqual(page.table.text(ofColumn: "answer", at: try position(of: "IN-3", in: page)), "", "answered")
            let cell = SntListFormat.timeToAnswer(try XCTUnwrap(page.table.row(at: late)), today: today)
            XCTAssertEqual(cell.styleClasses, ["error"])
            // On the last day, and the day before.
            let lastDay = SntAnswerDeadline(sntDate: CalendarDate(ddMMyyyy: "16.01.2026")!).lastDay
            let row = try XCTUnwrap(page.table.row(at: waiting))
            XCTAssertEqual(SntListFormat.timeToAnswer(row, today: lastDay).text, tr("Last day today"))
            XCTAssertEqual(SntListFormat.timeToAnswer(row, today: lastDay.adding(days: 1)).text, tr("1 work day overdue"))
        }
    }

    func testDeleteAndUndoPutTheDraftBack() throws {
        try withWorld { world in
            try world.fillSamples()
            let page = world.page(.drafts)
            var offered: [(String, @MainActor () -> Void)] = []
            page.onDeleted = { number, undo in offered.append((number, undo)) }
            let row = try position(of: "DR-1", in: page)
            page.table.select(row)
            let id = try XCTUnwrap(page.selectedId)
            // The Delete key's action, as the shortcut on the table runs it.
            XCTAssertNotEqual(gtk_widget_activate_action_variant(page.table.view.widget, "list.delete", nil), 0)
            XCTAssertEqual(offered.map(\.0), ["DR-1"])
            XCTAssertEqual(numbers(page), ["IMP-1"])
            XCTAssertNil(try SntDraftStore(database: world.database).draft(id: id))
            offered[0].1()
            XCTAssertEqual(numbers(page), ["DR-1", "IMP-1"], "undo puts it back")
            XCTAssertEqual(page.selectedId, id, "selected again, under its own id")
            XCTAssertEqual(try SntDraftStore(database: world.database).draft(id: id)?.snt.number, "DR-1")

            // A sent SNT is not a draft: the outgoing list never deletes.
            let outgoing = world.page(.outgoing)
            outgoing.table.select(0)
            outgoing.deleteSelected()
            XCTAssertEqual(outgoing.rowCount, 4)
        }
    }

    func testEnterOpensAndTheStoreIsFollowed() throws {
        try withWorld { world in
            try world.fillSamples()
            let page = world.page(.outgoing)
            var opened: [Int64] = []
            page.onOpen = { opened.append($0) }
            page.table.select(1)
            let second = try XCTUnwrap(page.selectedId)
            let list = try XCTUnwrap(descendants(of: page.table.view.widget).first { ObjectHandle($0, transfer: .none).isA(gtk_list_view_get_type()) })
            XCTAssertNotEqual(gtk_widget_activate_action_variant(list, "list.activate-item", g_variant_new_uint32(1)), 0)
            XCTAssertEqual(opened, [second])
            // A new SNT arrives: the list follows, the selected SNT stays selected.
            try world.received([(ListWorld.snt("OUT-005", "20.01.2026", customer: ListWorld.altyn), .delivered, "KZ-SNT-0000000105")],
                               firstEsfId: 100)
            XCTAssertTrue(MainContext.run(until: { page.rowCount == 5 }), "the store change was not followed")
            XCTAssertEqual(numbers(page).first, "OUT-005")
            XCTAssertEqual(page.selectedId, second, "the selection follows its SNT")
        }
    }

    func testAHundredThousandRowsScrollToTheEndReadingFewPages() throws {
        try withWorld { world in
            let total = 100_000
            // One real body per SNT, made from a template so writing them costs little.
            let template = SntXMLWriter.body(of: ListWorld.snt("NUMBER-TEMPLATE", "01.01.2025", customer: ListWorld.ertis))
            for batch in stride(from: 0, to: total, by: 10_000) {
                let exchanged = (batch..<batch + 10_000).map { index in
                    ExchangedSnt(esfId: Int64(index + 1), registrationNumber: nil, status: .confirmed, inputDate: nil,
                                 lastUpdateDate: nil, cancelReason: nil,
                                 body: template.replacingOccurrences(of: "NUMBER-TEMPLATE", with: String(format: "B-%06d", index)),
                                 signature: nil, acceptance: nil, errors: [])
                }
                try SntExchangeStore(database: world.database).apply(exchanged, companyId: world.context.company.id,
                                                                      companyBin: ListWorld.ownBin)
            }
            let page = world.page(.outgoing)
            XCTAssertTrue(MainContext.run(until: { page.model.countIsExact }, timeout: 10), "the exact count never came")
            MainContext.run(for: 0.3)  // the list grows to it at the next layout
            XCTAssertEqual(page.rowCount, total)
            let first = page.model.pagesRead
            XCTAssertEqual(page.model.head.count, 100, "the first page comes with the count")
            XCTAssertLessThanOrEqual(first, 4, "the first screen reads a few pages of 100 at most")
            XCTAssertEqual(page.table.text(ofColumn: "number", at: 0), "B-099999", "newest first (the last one stored)")
            let adjustment = gtk_scrolled_window_get_vadjustment(page.table.widget.cPointer())
            gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment) - gtk_adjustment_get_page_size(adjustment))
            MainContext.run(for: 0.5)
            XCTAssertTrue(page.table.cachedRows.contains { $0.position == total - 1 }, "the last row was not read")
            XCTAssertLessThanOrEqual(page.model.pagesRead - first, 6, "scrolling read pages it skipped over")
            page.table.sort(byColumn: "number", ascending: true)
            XCTAssertEqual(page.table.text(ofColumn: "number", at: 0), "B-000000")
        }
    }
}

/// The widget named `name` under `root`, held.
@MainActor
private func widget(named name: String, in root: UnsafeMutablePointer<GtkWidget>) -> ObjectHandle? {
    findWidget(named: name, in: root).map { ObjectHandle($0, transfer: .none) }
}

@MainActor
private func numbers(_ page: SntListPage) -> [String] {
    (0..<page.rowCount).compactMap { page.table.text(ofColumn: "number", at: $0) }
}

@MainActor
private func position(of number: String, in page: SntListPage) throws -> Int {
    try XCTUnwrap(numbers(page).firstIndex(of: number), "\(number) is not listed")
}

/// Every widget under `widget`, depth first.
@MainActor
private func descendants(of widget: UnsafeMutablePointer<GtkWidget>) -> [UnsafeMutablePointer<GtkWidget>] {
    var found: [UnsafeMutablePointer<GtkWidget>] = []
    var child = gtk_widget_get_first_child(widget)
    while let current = child {
        found.append(current)
        found += descendants(of: current)
        child = gtk_widget_get_next_sibling(current)
    }
    return found
}
