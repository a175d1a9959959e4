import CGtk
@testable import GtkKit
import XCTest

final class BigTableTests: GtkTestCase {
    private static let rowCount = 100_000

    /// A table of `rowCount` rows in a shown window; its fetcher records every page it is asked for.
    @MainActor
    private static func makeTable() -> (BigTable, ObjectHandle, () -> [[Int64]]) {
        var requests: [[Int64]] = []
        let table = BigTable(columns: [
            .init(id: "number", title: "Number"),
            .init(id: "name", title: "Name", expands: true),
        ], pageSize: 50) { ids in
            requests.append(ids)
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, [String($0), "Row \($0)"]) })
        }
        table.setRowIDs((1...Int64(rowCount)).map { $0 })
        let window = ObjectHandle(gtk_window_new()!, transfer: .none)
        let scroller = gtk_scrolled_window_new()!
        gtk_scrolled_window_set_child(gcast(scroller), table.view.cPointer())
        gtk_window_set_child(window.cPointer(), scroller)
        gtk_window_set_default_size(window.cPointer(), 600, 400)
        gtk_window_present(window.cPointer())
        MainContext.run(for: 0.5)
        return (table, window, { requests })
    }

    func testOnlyVisibleRowsAreMadeAndFetched() {
        MainActor.assumeIsolated {
            let (table, window, requests) = Self.makeTable()
            defer { gtk_window_destroy(window.cPointer()) }
            XCTAssertEqual(table.visibleRowCount, Self.rowCount)
            XCTAssertGreaterThan(table.pagesFetched, 0, "nothing was drawn")
            // GtkListView keeps about 200 rows beyond the screen ready; 100,000 rows are 2,000 pages.
            XCTAssertLessThanOrEqual(table.pagesFetched * table.pageSize, 300, "more rows fetched than a screen needs")
            XCTAssertLessThan(table.itemsMade, 2_000, "items were made for rows that are not on screen")
            XCTAssertEqual(requests().first?.first, 1)
            XCTAssertTrue(requests().allSatisfy { $0.count <= 50 })
            XCTAssertEqual(table.cells(ofRowAt: 0), ["1", "Row 1"])
        }
    }

    func testScrollingToTheEndFetchesTheLastPageOnly() {
        MainActor.assumeIsolated {
            let (table, window, requests) = Self.makeTable()
            defer { gtk_window_destroy(window.cPointer()) }
            let before = table.pagesFetched
            let scroller = gtk_widget_get_parent(table.view.cPointer())
            let adjustment = gtk_scrolled_window_get_vadjustment(gcast(scroller!))
            gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment) - gtk_adjustment_get_page_size(adjustment))
            MainContext.run(for: 0.5)
            XCTAssertTrue(requests().contains { $0.contains(Int64(Self.rowCount)) }, "the last row was not fetched")
            XCTAssertLessThanOrEqual((table.pagesFetched - before) * table.pageSize, 300, "scrolling read rows it skipped over")
        }
    }

    func testHeaderSorterReordersThroughTheSortModel() {
        MainActor.assumeIsolated {
            let table = BigTable(columns: [.init(id: "name", title: "Name")], pageSize: 10) { ids in
                Dictionary(uniqueKeysWithValues: ids.map { ($0, ["item \($0)"]) })
            }
            table.setRowIDs([3, 10, 1, 2])
            XCTAssertEqual(table.rowID(at: 0), 3, "unsorted order is the source's")
            table.sort(byColumn: "name", ascending: true)
            XCTAssertEqual((0..<4).compactMap { table.rowID(at: $0) }, [1, 2, 3, 10], "numbers sort naturally")
            table.sort(byColumn: "name", ascending: false)
            XCTAssertEqual((0..<4).compactMap { table.rowID(at: $0) }, [10, 3, 2, 1])
        }
    }

    func testFilterModelHidesRows() {
        MainActor.assumeIsolated {
            let table = BigTable(columns: [.init(id: "n", title: "N")]) { ids in
                Dictionary(uniqueKeysWithValues: ids.map { ($0, [String($0)]) })
            }
            table.setRowIDs((1...1_000).map { $0 })
            table.setFilter { $0 % 10 == 0 }
            XCTAssertEqual(table.visibleRowCount, 100)
            XCTAssertEqual(table.rowID(at: 0), 10)
            table.setFilter { $0 > 990 }
            XCTAssertEqual(table.visibleRowCount, 10)
            table.setFilter(nil)
            XCTAssertEqual(table.visibleRowCount, 1_000)
        }
    }
}
