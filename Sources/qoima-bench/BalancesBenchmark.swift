import CAdw
import CGtk
import Foundation
import GtkKit
@_spi(Benchmark) import QoimaApp
import QoimaCore
import QoimaStore

/// The Balances view at 200,000 batches in four warehouses, under a display: opening it (view
/// built, put in a window and its first frame painted with the first rows) and each search or
/// filter change up to its first rows read. Without a display it says so and measures nothing.
@MainActor
struct BalancesBenchmark {
    let folder: URL
    let total: Int
    let clock = ContinuousClock()
    let runs = 7

    func run() throws -> [String: Any]? {
        guard let database = try WindowBenchmarkSetup.start("balances", folder: folder) else { return nil }
        defer { try? FileManager.default.removeItem(at: folder) }
        let companies = CompanyStore(database: database)
        _ = try companies.findOrAdd(bin: "000140000002", name: "ТОО «Склад»")
        let company = try companies.all()[0]
        let seedStart = clock.now
        try seed(database, companyId: company.id)
        let seeding = (clock.now - seedStart).seconds
        print(String(format: "balances, %d batches (seeded in %.1f s):", total, seeding))
        let paths = ApplicationPaths.locate()
        let settings = try Settings(schemaID: QoimaVersion.applicationID, schemaDirectory: paths.schemaDirectory,
                                    file: folder.appendingPathComponent("settings.ini").path)
        let context = DeskContext(database: database, company: company, settings: settings)

        // Open: the view built over the whole table, in a window, to its first painted frame.
        var opened: [Double] = []
        var revealed: [Double] = []
        var view: BalancesView!
        var window: ObjectHandle!
        var painted = false
        for _ in 0..<runs {
            if let window { gtk_window_destroy(window.cPointer()); MainContext.drain() }
            painted = false
            let start = clock.now
            view = BalancesView(context: context)
            window = ObjectHandle(gtk_window_new()!, transfer: .none)
            gtk_window_set_default_size(window.cPointer(), 1280, 800)
            gtk_window_set_child(window.cPointer(), view.widget.widget)
            gtk_window_present(window.cPointer())
            MainContext.run(until: { gtk_widget_get_realized(window.widget) != 0 }, timeout: 10)
            if let frameClock = gtk_widget_get_frame_clock(window.widget) {
                ObjectHandle(frameClock, transfer: .none).connect("after-paint") { painted = true }
            }
            guard MainContext.run(until: { painted }, timeout: 10) else { fatalError("the balances view never painted") }
            opened.append((clock.now - start).seconds)
            // The rest of GTK's row widgets follow a step per frame (`BigTable.revealAll`): timed too.
            MainContext.run(until: { view.table.revealedRows == view.table.rowCount }, timeout: 10)
            revealed.append((clock.now - start).seconds)
            // The exact count follows off the main thread, as the user sees "1 000+" turn into it.
            MainContext.run(until: { view.countIsExact }, timeout: 30)
            precondition(view.rowCount == total && view.table.row(at: 0) != nil, "the view must show every batch")
        }
        var open = StoreBenchmark.summary("open (first frame with the first rows)", opened)
        open["targetMilliseconds"] = 200
        let whole = StoreBenchmark.summary("open, every row widget made (after the first frame)", revealed)
        open["everyRowWidget"] = whole
        StoreBenchmark.report(open)
        StoreBenchmark.report(whole)

        // Filter: search as a clerk types it, a letter at a time, and each filter switched on and off.
        var times: [Double] = []
        var slowest: [(String, Double, Int)] = []
        var grouping: [Double] = []
        func measure(_ label: String, grouped: Bool = false, _ change: () -> Void) {
            var count = 0
            let start = clock.now
            change()
            // A grouping is read off the main thread: timed until its first rows are in.
            while view.isGrouping { _ = g_main_context_iteration(nil, 1) }
            count = view.rowCount
            _ = view.table.row(at: 0)
            let seconds = (clock.now - start).seconds
            if grouped {
                grouping.append(seconds)
                print(String(format: "    grouping: “%@” %.1f ms (%d rows)", label, seconds * 1e3, count))
            } else {
                times.append(seconds)
                slowest.append((label, seconds * 1e3, count))
            }
            MainContext.run(for: 0.02)  // the frame the user sees, not timed
        }
        let typed = ["цемент", "Арматура А500", "7208", "4870001", "батарея"]
        for text in typed {
            for length in 1...text.count { measure(String(text.prefix(length))) { view.setSearch(String(text.prefix(length))) } }
            measure("(search cleared)") { view.setSearch("") }
        }
        let toggles: [(String, ObjectHandle)] = [("has reserve", view.reservedToggle), ("non-zero only", view.nonZeroToggle)]
        for (label, toggle) in toggles {
            measure(label + " on") { gtk_toggle_button_set_active(toggle.cPointer(), 1) }
            measure(label + " off") { gtk_toggle_button_set_active(toggle.cPointer(), 0) }
        }
        for store in Self.stores {
            measure("warehouse \(store)") { view.showWarehouse(store) }
        }
        measure("all warehouses") { view.showWarehouse(nil) }
        // Grouping by product reads the whole result to total it: a view mode, measured on its own.
        measure("grouped by product, all warehouses", grouped: true) { gtk_toggle_button_set_active(view.groupToggle.cPointer(), 1) }
        measure("grouped, ungrouped again", grouped: true) { gtk_toggle_button_set_active(view.groupToggle.cPointer(), 0) }
        measure("grouped, one warehouse, searched", grouped: true) {
            view.showWarehouse(Self.stores[1])
            gtk_toggle_button_set_active(view.groupToggle.cPointer(), 1)
            view.setSearch("цем")
        }
        var filter = StoreBenchmark.summary("filter (change to first rows, \(times.count) changes)", times)
        filter["targetP95Milliseconds"] = 100
        StoreBenchmark.report(filter)
        slowest.sort { $0.1 > $1.1 }
        for (label, milliseconds, count) in slowest.prefix(5) {
            print(String(format: "    slowest: “%@” %.1f ms (%d rows)", label, milliseconds, count))
        }
        filter["slowest"] = slowest.prefix(5).map { ["change": $0.0, "milliseconds": $0.1, "rows": $0.2] }
        let groupingSummary = StoreBenchmark.summary("grouping by product (\(grouping.count) changes)", grouping)
        StoreBenchmark.report(groupingSummary)
        gtk_window_destroy(window.cPointer())
        MainContext.drain()
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return ["batches": total, "warehouses": Self.stores.count, "build": build, "renderer": "cairo",
                "seedingSeconds": seeding, "open": open, "filter": filter,
                "grouping": groupingSummary, "countCap": BalancesModel.countCap]
    }

    static let stores: [Int64] = [1001, 1002, 1003, 1004]

    /// Batches as a sync leaves them: a few hundred products, each in many batches across the
    /// warehouses; every 40th batch partly reserved, every 25th used up.
    private func seed(_ database: QoimaDatabase, companyId: Int64) throws {
        try WarehouseStore(database: database).replace(companyId: companyId, with: Self.stores.enumerated().map { index, id in
            StoredWarehouse(storeId: id, name: "Склад №\(index + 1)", typeCode: "STORE_HOUSE", status: "VALID",
                            address: "Алматы, ул. Складская, \(index + 1)", responsiblePersonIin: nil,
                            isDefault: index == 0, signs: [:])
        })
        let goods = ["Цемент М400", "Цемент М500", "Арматура А500С", "Арматура А240", "Кирпич облицовочный",
                     "Батарея аккумуляторная", "Плитка керамическая", "Труба стальная", "Лист горячекатаный",
                     "Краска фасадная", "Гвозди строительные", "Саморез кровельный", "Утеплитель минеральный"]
        let store = BalanceStore(database: database)
        let pageSize = 10_000
        var page: [StoredBalance] = []
        page.reserveCapacity(pageSize)
        for index in 0..<total {
            let product = index % 997
            let quantity = Decimal(index % 25 == 0 ? 0 : 1 + index % 500)
            page.append(StoredBalance(
                balanceId: Int64(index + 1), storeId: Self.stores[index % Self.stores.count], batch: Int64(500_000 + index),
                name: "\(goods[product % goods.count]) \(product / goods.count + 1)",
                kpvedCode: String(format: "23.%02d.12.%03d", product % 100, product % 1000),
                tnvedCode: String(format: "72%02d%06d", product % 100, product), gtin: String(format: "0487%010d", product),
                measureUnitCode: "796", unitPrice: Decimal(100 + product), quantity: quantity,
                reserveQuantity: index % 40 == 0 && quantity > 0 ? 1 : nil))
            if page.count == pageSize || index == total - 1 {
                try store.stage(page, companyId: companyId, lastBalanceId: Int64(index + 1), last: index == total - 1)
                page.removeAll(keepingCapacity: true)
            }
        }
    }
}
