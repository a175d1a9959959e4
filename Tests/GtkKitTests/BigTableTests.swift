import CGtk
@testable import GtkKit
import XCTest

final class BigTableTests: GtkTestCase {
    private static let rowCount = 100_000

    /// A source of `rowCount` numbered rows that sorts itself: its fetcher records every page it
    /// is asked for.
    @MainActor
    private final class NumberSource {
        var descending = false
        var requests: [Range<Int>] = []

        func page(_ offset: Int, _ limit: Int) -> [Int] {
            let end = min(offset + limit, BigTableTests.rowCount)
            requests.append(offset..<end)
            return (offset..<end).map { descending ? BigTableTests.rowCount - $0 : $0 + 1 }
        }
    }

    @MainActor
    private static func makeTable(_ source: NumberSource) -> (BigTable<Int>, ObjectHandle) {
        let table = BigTable<Int>(columns: [
            .init(id: "number", title: "Number") { .init(String($0)) },
            .init(id: "name", title: "Name", expands: true) { .init("Row \($0)") },
        ], pageSize: 50) { source.page($0, $1) }
        table.reset(rowCount: rowCount)
        let window = ObjectHandle(gtk_window_new()!, transfer: .none)
        gtk_window_set_child(window.cPointer(), table.widget.widget)
        gtk_window_set_default_size(window.cPointer(), 600, 400)
        gtk_window_present(window.cPointer())
        MainContext.run(for: 0.5)
        return (table, window)
    }

    func testOnlyVisibleRowsAreMadeAndFetched() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let (table, window) = Self.makeTable(source)
            defer { gtk_window_destroy(window.cPointer()) }
            XCTAssertEqual(table.rowCount, Self.rowCount)
            XCTAssertGreaterThan(table.pagesFetched, 0, "nothing was drawn")
            // GtkListView keeps about 200 rows beyond the screen ready; 100,000 rows are 2,000 pages.
            XCTAssertLessThanOrEqual(table.pagesFetched * table.pageSize, 300, "more rows fetched than a screen needs")
            XCTAssertLessThan(table.itemsMade, 2_000, "items were made for rows that are not on screen")
            XCTAssertEqual(source.requests.first, 0..<50)
            XCTAssertTrue(source.requests.allSatisfy { $0.count <= 50 })
            XCTAssertEqual(table.text(ofColumn: "name", at: 0), "Row 1")
        }
    }

    /// A long first result: its first frame has the rows a tall window shows, the rest of GTK's
    /// 200 follow a step per frame, then the whole count; a row selected meanwhile is there at once.
    func testALongFirstResultIsRevealedAStepPerFrame() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let table = BigTable<Int>(columns: [.init(id: "number", title: "Number") { .init(String($0)) }],
                                      pageSize: 50) { source.page($0, $1) }
            let window = ObjectHandle(gtk_window_new()!, transfer: .none)
            defer { gtk_window_destroy(window.cPointer()) }
            gtk_window_set_child(window.cPointer(), table.widget.widget)
            gtk_window_set_default_size(window.cPointer(), 600, 400)
            var frames = 0, firstFrameRows: Int?
            var revealedByFrame: [Int] = []
            table.reset(rowCount: Self.rowCount)
            gtk_window_present(window.cPointer())
            MainContext.run(until: { gtk_widget_get_realized(window.widget) != 0 })
            let clock = ObjectHandle(gtk_widget_get_frame_clock(window.widget)!, transfer: .none)
            clock.connect("after-paint") {
                frames += 1
                if firstFrameRows == nil { firstFrameRows = table.revealedRows }
                revealedByFrame.append(table.revealedRows)
            }
            XCTAssertEqual(table.rowCount, Self.rowCount, "the count is the whole result from the start")
            XCTAssertTrue(MainContext.run(until: { table.revealedRows == Self.rowCount }, timeout: 10), "\(revealedByFrame)")
            XCTAssertEqual(firstFrameRows, BigTable<Int>.firstFrameRows, "\(revealedByFrame)")
            XCTAssertGreaterThanOrEqual(frames, 3, "\(revealedByFrame)")
            let steps = zip(revealedByFrame, revealedByFrame.dropFirst()).map { $1 - $0 }.filter { $0 > 0 && $0 < 1_000 }
            XCTAssertTrue(steps.allSatisfy { $0 <= BigTable<Int>.rowsPerFrame }, "\(revealedByFrame)")

            // Another long result keeps the widgets: shown whole at once.
            table.reset(rowCount: Self.rowCount - 1)
            XCTAssertEqual(table.revealedRows, Self.rowCount - 1)
            // A short one lets GTK drop its rows; a long one after it is revealed again.
            table.reset(rowCount: 10)
            XCTAssertEqual(table.revealedRows, 10)
            table.reset(rowCount: Self.rowCount)
            XCTAssertEqual(table.revealedRows, BigTable<Int>.firstFrameRows)
            XCTAssertTrue(MainContext.run(until: { table.revealedRows == Self.rowCount }, timeout: 10))
        }
    }

    func testSelectingARowNotRevealedYetRevealsEverything() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let table = BigTable<Int>(columns: [.init(id: "number", title: "Number") { .init(String($0)) }],
                                      pageSize: 50) { source.page($0, $1) }
            table.reset(rowCount: Self.rowCount)
            XCTAssertEqual(table.revealedRows, BigTable<Int>.firstFrameRows)
            table.select(150)
            XCTAssertEqual(table.revealedRows, Self.rowCount)
            XCTAssertEqual(table.selectedPosition, 150)
        }
    }

    func testScrollingToTheEndFetchesTheLastPageOnly() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let (table, window) = Self.makeTable(source)
            defer { gtk_window_destroy(window.cPointer()) }
            let before = table.pagesFetched
            let adjustment = gtk_scrolled_window_get_vadjustment(table.widget.cPointer())
            gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment) - gtk_adjustment_get_page_size(adjustment))
            MainContext.run(for: 0.5)
            XCTAssertTrue(source.requests.contains { $0.contains(Self.rowCount - 1) }, "the last row was not fetched")
            XCTAssertLessThanOrEqual((table.pagesFetched - before) * table.pageSize, 300, "scrolling read rows it skipped over")
        }
    }

    func testHeaderSortIsReadOffTheViewSorterAndLeftToTheSource() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let (table, window) = Self.makeTable(source)
            defer { gtk_window_destroy(window.cPointer()) }
            var heard: [String] = []
            table.onSortChanged = { column, ascending in
                heard.append("\(column ?? "none") \(ascending ? "asc" : "desc")")
                source.descending = !ascending
                table.reset(rowCount: Self.rowCount)
            }
            table.sort(byColumn: "name", ascending: false)
            XCTAssertEqual(heard, ["name desc"])
            XCTAssertEqual(table.text(ofColumn: "number", at: 0), String(Self.rowCount), "the source's order is shown")
            table.sort(byColumn: "number", ascending: true)
            table.sort(byColumn: "number", ascending: false)
            XCTAssertEqual(heard, ["name desc", "number asc", "number desc"], "the primary column is the one probed first")
            XCTAssertEqual(table.sortColumn, "number")
            // A click on the header toggles the direction through GTK's own sorter.
            let column = g_list_model_get_item(gtk_column_view_get_columns(table.view.cPointer()), 0)!
            defer { g_object_unref(column) }
            gtk_column_view_sort_by_column(table.view.cPointer(), OpaquePointer(column), GTK_SORT_ASCENDING)
            XCTAssertEqual(heard.last, "number asc")
            XCTAssertEqual(table.text(ofColumn: "number", at: 0), "1")
            gtk_column_view_sort_by_column(table.view.cPointer(), nil, GTK_SORT_ASCENDING)
            XCTAssertEqual(heard.last, "none asc", "no sort column is reported as the source's own order")
        }
    }

    func testRefreshKeepsSelectionAndRefillsRowsOnScreen() {
        MainActor.assumeIsolated {
            let source = NumberSource()
            let (table, window) = Self.makeTable(source)
            defer { gtk_window_destroy(window.cPointer()) }
            table.select(3)
            let requests = source.requests.count
            source.descending = true
            table.refresh(rowCount: Self.rowCount - 10)
            MainContext.run(for: 0.2)
            XCTAssertEqual(table.selectedPosition, 3, "a refresh keeps the selected position")
            XCTAssertEqual(table.rowCount, Self.rowCount - 10)
            XCTAssertGreaterThan(source.requests.count, requests, "rows on screen were fetched again")
            XCTAssertEqual(table.text(ofColumn: "number", at: 0), String(Self.rowCount))
            table.reset(rowCount: 5)
            XCTAssertEqual(table.rowCount, 5)
            XCTAssertNil(table.row(at: 5))
        }
    }

    func testThePositionUnderAPointIsTheRowDrawnThere() throws {
        try MainActor.assumeIsolated {
            let (table, window) = Self.makeTable(NumberSource())
            defer { gtk_window_destroy(window.cPointer()) }
            let cell = try XCTUnwrap(table.cellWidget(row: 3, column: 1), "row 3 is on screen")
            var x = 0.0, y = 0.0
            XCTAssertNotEqual(gtk_widget_translate_coordinates(cell, table.view.widget, 2, 2, &x, &y), 0)
            XCTAssertEqual(table.position(atX: x, y: y), 3)
            XCTAssertNil(table.position(atX: x, y: 1), "the header is no row")
        }
    }
}
