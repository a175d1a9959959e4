import CGtk
import CGtkShim
import Foundation

/// A table for millions of rows: GtkColumnView ← single selection ← a list of positions whose
/// items are made on demand (`QoimaRowList`). The rows stay in their source, which counts them,
/// sorts them and hands them over one page of positions at a time; nothing is sorted or filtered
/// in GTK. A header click is read off the view's sorter (`SortProbe`) and reported through
/// `onSortChanged`, so the source sorts where its indexes are. Cells are GtkInscriptions (or a
/// label for badges) filled from an LRU of pages, so only what is on screen is ever read.
@MainActor
public final class BigTable<Row> {
    /// What one cell shows.
    public struct Cell {
        public var text: String
        /// CSS classes of the cell widget, e.g. `warning`.
        public var styleClasses: [String]
        public var tooltip: String?

        public init(_ text: String, styleClasses: [String] = [], tooltip: String? = nil) {
            self.text = text
            self.styleClasses = styleClasses
            self.tooltip = tooltip
        }
    }

    public enum CellStyle: Sendable {
        /// A GtkInscription: one line, ellipsized, cheap.
        case text
        /// A GtkLabel carrying the `badge` class and the cell's classes (a coloured pill).
        case badge
    }

    public struct Column {
        public let id: String
        public let title: String
        public let expands: Bool
        public let sortable: Bool
        public let style: CellStyle
        /// 0 puts the text at the start, 1 at the end (amounts).
        public let xalign: Float
        /// The natural width, in characters.
        public let widthChars: Int
        /// The width a text column never gets narrower than, in characters (0: GTK's default).
        public let minChars: Int
        public let value: @MainActor (Row) -> Cell

        public init(id: String, title: String, expands: Bool = false, sortable: Bool = true, style: CellStyle = .text,
                    xalign: Float = 0, widthChars: Int = 12, minChars: Int = 0, value: @escaping @MainActor (Row) -> Cell) {
            self.id = id
            self.title = title
            self.expands = expands
            self.sortable = sortable
            self.style = style
            self.xalign = xalign
            self.widthChars = widthChars
            self.minChars = minChars
            self.value = value
        }
    }

    /// Rows `offset ..< offset + limit` in the source's current order (fewer at the end).
    public typealias PageFetcher = @MainActor (_ offset: Int, _ limit: Int) -> [Row]

    public let columns: [Column]
    /// The scrolled window holding the column view: the widget to put on screen.
    public let widget: ObjectHandle
    public let view: ObjectHandle
    public let pageSize: Int
    /// How many pages were fetched so far (tests watch that scrolling reads only what it shows).
    public private(set) var pagesFetched = 0
    /// The column the source should sort by (nil: its own default order), and the direction.
    public private(set) var sortColumn: String?
    public private(set) var sortAscending = true
    /// A header was clicked (or `sort(byColumn:ascending:)` called): re-query in this order.
    public var onSortChanged: (@MainActor (_ column: String?, _ ascending: Bool) -> Void)?
    /// A row was activated (Enter, double click): its position.
    public var onActivate: (@MainActor (Int) -> Void)?
    public var onSelectionChanged: (@MainActor () -> Void)?

    private let rowList: ObjectHandle
    private let selection: ObjectHandle
    private let fetchPage: PageFetcher
    private var pages: [Int: [Row]] = [:]
    private var pageUse: [Int] = []
    private let maximumCachedPages = 64
    /// The list items on screen, with their column, so a refresh can refill them in place.
    private var boundCells: [UnsafeMutableRawPointer: Int] = [:]
    /// The CSS classes and tooltip each list item's cell was given (kept while GTK reuses it),
    /// so only what changed is set again: restyling invalidates CSS, and setting a tooltip makes
    /// GTK look for the widget under the pointer.
    private var cellLooks: [UnsafeMutableRawPointer: CellLook] = [:]
    private var probe = SortProbe()

    public init(columns: [Column], pageSize: Int = 100, fetchPage: @escaping PageFetcher) {
        self.columns = columns
        self.pageSize = pageSize
        self.fetchPage = fetchPage

        rowList = ObjectHandle(qoima_row_list_new()!, transfer: .full)
        // gtk_single_selection_new takes ownership of its model: hand it a reference of its own.
        selection = ObjectHandle(gtk_single_selection_new(g_object_ref(rowList.raw).asOpaque)!, transfer: .full)
        gtk_single_selection_set_autoselect(selection.opaque, 0)
        gtk_single_selection_set_can_unselect(selection.opaque, 1)
        view = ObjectHandle(gtk_column_view_new(nil)!, transfer: .floating)
        gtk_column_view_set_model(view.opaque, selection.opaque)
        gtk_column_view_set_show_column_separators(view.opaque, 0)
        gtk_widget_add_css_class(view.widget, "big-table")
        widget = ObjectHandle(gtk_scrolled_window_new()!, transfer: .floating)
        gtk_scrolled_window_set_child(widget.opaque, view.widget)
        gtk_widget_set_vexpand(widget.widget, 1)
        for (position, column) in columns.enumerated() { addColumn(column, at: position) }
        connectSignals()
    }

    // MARK: Rows

    /// How many rows the table shows.
    public var rowCount: Int { count }
    private var count = 0

    /// Shows `count` rows of a new result (another query): from the top, nothing selected, every
    /// row fetched again. Items are positions, so the rows on screen keep their widgets and are
    /// refilled: only the tail that appeared or went away changes in GTK (replacing every item
    /// costs a new row of widgets each, a tenth of a second at every keystroke).
    /// `firstRows`, when the source has them already, are the first rows of the result.
    public func reset(rowCount count: Int, firstRows: [Row] = []) {
        select(nil)
        gtk_adjustment_set_value(gtk_scrolled_window_get_vadjustment(widget.opaque), 0)
        refresh(rowCount: count, firstRows: firstRows)
    }

    /// The same result changed (a store change): rows are fetched again and the ones on screen
    /// refilled in place, so the scroll position and the selected position stay.
    public func refresh(rowCount count: Int, firstRows: [Row] = []) {
        forgetPages()
        // Whole pages are kept, and a short last one only when the rows are the whole result,
        // so a page is never taken for shorter than it is.
        let whole = firstRows.count >= count
        for page in 0..<((firstRows.count + (whole ? pageSize - 1 : 0)) / pageSize) {
            pages[page] = Array(firstRows[page * pageSize..<min(firstRows.count, (page + 1) * pageSize)])
            pageUse.append(page)
        }
        show(count: count)
        for listItem in boundCells.keys { fill(listItem) }
    }

    /// More or fewer rows of the same result (the exact count arrived): cached rows stay.
    public func resize(rowCount count: Int) { show(count: count) }

    // MARK: Revealing

    /// GTK 4.8's list view keeps a row of widgets for up to 200 items around what is on screen,
    /// visible or not, and makes them all in the frame that first shows a long result: most of
    /// a first frame's time. So a long result's first frame gets the rows that fill a tall
    /// window, and the rest of the 200 come a step per frame after it; beyond them the count is
    /// only a number (no widgets), set at once.
    static var firstFrameRows: Int { 60 }
    static var rowsPerFrame: Int { 40 }
    static var widgetWindow: Int { 200 }
    /// The rows GTK's list holds now (fewer than `rowCount` only while revealing).
    public var revealedRows: Int { Int(qoima_row_list_get_count(rowList.opaque)) }
    private var revealTick: guint = 0
    private var revealFrames = 0

    private func show(count new: Int) {
        count = new
        let revealed = revealedRows
        // Fewer: at once (a reveal under way ends at its next step).
        if new <= revealed { return qoima_row_list_set_count(rowList.opaque, guint(new)) }
        if revealTick != 0 { return }  // the reveal under way reaches the new count
        if revealed >= Self.widgetWindow || new <= Self.firstFrameRows {
            return qoima_row_list_set_count(rowList.opaque, guint(new))
        }
        qoima_row_list_set_count(rowList.opaque, guint(max(revealed, Self.firstFrameRows)))
        revealFrames = 0
        let box = Unmanaged.passRetained(RevealTarget(self)).toOpaque()
        revealTick = gtk_widget_add_tick_callback(view.widget, { _, _, data in
            let target = Unmanaged<RevealTarget>.fromOpaque(data!).takeUnretainedValue()
            return MainActor.assumeIsolated { target.table?.revealStep() ?? false } ? 1 : 0
        }, box, { data in Unmanaged<RevealTarget>.fromOpaque(data!).release() })
    }

    /// One frame's step; false once every row is in the list.
    fileprivate func revealStep() -> Bool {
        revealFrames += 1
        if revealFrames == 1 { return true }  // the first frame paints with the first rows alone
        let target = revealedRows + Self.rowsPerFrame
        guard target < min(count, Self.widgetWindow) else {
            revealTick = 0
            qoima_row_list_set_count(rowList.opaque, guint(count))
            return false
        }
        qoima_row_list_set_count(rowList.opaque, guint(target))
        return true
    }

    /// Puts every row in the list now (a row beyond the revealed ones is selected).
    public func revealAll() {
        if revealTick != 0 {
            gtk_widget_remove_tick_callback(view.widget, revealTick)
            revealTick = 0
        }
        if revealedRows != count { qoima_row_list_set_count(rowList.opaque, guint(count)) }
    }

    /// The row at a position, fetched with its page when not cached.
    public func row(at position: Int) -> Row? {
        guard position >= 0, position < rowCount else { return nil }
        let page = position / pageSize
        if pages[page] == nil { load(page: page) }
        pageUse.removeAll { $0 == page }
        pageUse.append(page)
        guard let rows = pages[page], position - page * pageSize < rows.count else { return nil }
        return rows[position - page * pageSize]
    }

    /// The positions of the rows cached now (tests, and finding a row again after a refresh).
    public var cachedRows: [(position: Int, row: Row)] {
        pages.sorted { $0.key < $1.key }.flatMap { page, rows in
            rows.enumerated().map { (page * pageSize + $0.offset, $0.element) }
        }
    }

    /// The text a cell shows, as the view would fill it.
    public func text(ofColumn id: String, at position: Int) -> String? {
        guard let column = columns.first(where: { $0.id == id }), let row = row(at: position) else { return nil }
        return column.value(row).text
    }

    /// How many list items the position list has made (laziness check).
    public var itemsMade: UInt64 { qoima_row_list_items_made(rowList.opaque) }

    private func load(page: Int) {
        pages[page] = fetchPage(page * pageSize, pageSize)
        pagesFetched += 1
        if pageUse.count >= maximumCachedPages, let oldest = pageUse.first {
            pageUse.removeFirst()
            pages[oldest] = nil
        }
    }

    private func forgetPages() {
        pages.removeAll()
        pageUse.removeAll()
    }

    // MARK: Selection

    /// The row under a point of `view` (where a right click landed), if any.
    public func position(atX x: Double, y: Double) -> Int? {
        var widget = gtk_widget_pick(view.widget, x, y, GTK_PICK_DEFAULT)
        while let picked = widget, picked != view.widget {
            if let listItem = boundCells.keys.first(where: { gtk_list_item_get_child(OpaquePointer($0)) == picked }),
               let item = gtk_list_item_get_item(OpaquePointer(listItem)) {
                return Int(qoima_row_item_get_position(OpaquePointer(item)))
            }
            widget = gtk_widget_get_parent(picked)
        }
        return nil
    }

    /// The widget drawing row `row`'s cell of column `column` (index), while it is bound.
    func cellWidget(row: Int, column: Int) -> UnsafeMutablePointer<GtkWidget>? {
        for (listItem, index) in boundCells where index == column {
            guard let item = gtk_list_item_get_item(OpaquePointer(listItem)),
                  Int(qoima_row_item_get_position(OpaquePointer(item))) == row else { continue }
            return gtk_list_item_get_child(OpaquePointer(listItem))
        }
        return nil
    }

    public var selectedPosition: Int? {
        let selected = gtk_single_selection_get_selected(selection.opaque)
        return selected == guint(GTK_INVALID_LIST_POSITION) ? nil : Int(selected)
    }

    /// Selects a row (nil: none), as a click would.
    public func select(_ position: Int?) {
        let target = position.map { guint($0) } ?? guint(GTK_INVALID_LIST_POSITION)
        if let position, position >= revealedRows { revealAll() }
        gtk_single_selection_set_selected(selection.opaque, target)
    }

    // MARK: Sorting

    /// Sorts by a column, as a click on its header would; the source hears of it through `onSortChanged`.
    public func sort(byColumn id: String, ascending: Bool) {
        guard let index = columns.firstIndex(where: { $0.id == id }) else { return }
        let column = g_list_model_get_item(gtk_column_view_get_columns(view.opaque), guint(index))!
        defer { g_object_unref(column) }
        gtk_column_view_sort_by_column(view.opaque, column.asOpaque, ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING)
    }

    /// GTK 4.8 cannot say which column its view sorter sorts by (`gtk_column_view_sorter_*` came
    /// in 4.10). Each column has a custom sorter of its own that notes it was asked and calls its
    /// items smaller; comparing two items with the view's sorter then reaches the primary column
    /// first, and the view's answer is inverted when that column sorts descending.
    private func readSortOrder() {
        guard let sorter = gtk_column_view_get_sorter(view.opaque) else { return }
        let first = UnsafeMutableRawPointer(qoima_row_item_new(0)!), second = UnsafeMutableRawPointer(qoima_row_item_new(1)!)
        defer {
            g_object_unref(first)
            g_object_unref(second)
        }
        probe = SortProbe(active: true)
        let order = gtk_sorter_compare(sorter, first, second)
        let column = order == GTK_ORDERING_EQUAL ? nil : probe.firstAsked
        probe = SortProbe()
        let ascending = order != GTK_ORDERING_LARGER
        guard column != sortColumn || (column != nil && ascending != sortAscending) else { return }
        sortColumn = column
        sortAscending = ascending
        onSortChanged?(column, ascending)
    }

    // MARK: Building

    private func connectSignals() {
        if let sorter = gtk_column_view_get_sorter(view.opaque) {
            ObjectHandle(sorter, transfer: .none).connect("changed") { [weak self] (_: UnsafeMutableRawPointer?) in
                self?.readSortOrder()
            }
        }
        view.connect("activate") { [weak self] (position: UnsafeMutableRawPointer?) in
            // A guint argument arrives in the pointer-sized slot.
            self?.onActivate?(Int(UInt(bitPattern: Int(bitPattern: position)) & 0xFFFF_FFFF))
        }
        selection.connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            self?.onSelectionChanged?()
        }
    }

    private func addColumn(_ column: Column, at position: Int) {
        let factory = ObjectHandle(gtk_signal_list_item_factory_new()!, transfer: .full)
        factory.connect("setup") { (listItem: UnsafeMutableRawPointer?) in
            gtk_list_item_set_child(OpaquePointer(listItem), Self.makeCell(for: column))
        }
        factory.connect("bind") { [weak self] (listItem: UnsafeMutableRawPointer?) in
            guard let self, let listItem else { return }
            self.boundCells[listItem] = position
            self.fill(listItem)
        }
        factory.connect("unbind") { [weak self] (listItem: UnsafeMutableRawPointer?) in
            guard let listItem else { return }
            self?.boundCells[listItem] = nil
        }
        factory.connect("teardown") { [weak self] (listItem: UnsafeMutableRawPointer?) in
            guard let listItem else { return }
            self?.cellLooks[listItem] = nil
        }
        let viewColumn = gtk_column_view_column_new(column.title, factory.opaque)!
        g_object_ref(UnsafeMutableRawPointer(factory.raw))  // the column took our reference; keep the handle's own
        gtk_column_view_column_set_expand(viewColumn, column.expands ? 1 : 0)
        gtk_column_view_column_set_resizable(viewColumn, 1)
        if column.sortable {
            let box = Unmanaged.passRetained(CallbackBox { [weak self] (_: Int) -> Int32 in
                self?.probe.asked(column.id)
                return GTK_ORDERING_SMALLER.rawValue
            }).toOpaque()
            let sorter = gtk_custom_sorter_new({ _, _, data in
                MainActor.assumeIsolated {
                    Unmanaged<CallbackBox<(Int) -> Int32>>.fromOpaque(data!).takeUnretainedValue().call(0)
                }
            }, box, releaseCallbackBox)!
            gtk_column_view_column_set_sorter(viewColumn, UnsafeMutableRawPointer(sorter).assumingMemoryBound(to: GtkSorter.self))
            g_object_unref(UnsafeMutableRawPointer(sorter))
        }
        gtk_column_view_append_column(view.opaque, viewColumn)
        g_object_unref(UnsafeMutableRawPointer(viewColumn))
    }

    private static func makeCell(for column: Column) -> UnsafeMutablePointer<GtkWidget> {
        switch column.style {
        case .text:
            let inscription = gtk_inscription_new(nil)!
            gtk_inscription_set_nat_chars(OpaquePointer(inscription), guint(column.widthChars))
            if column.minChars > 0 { gtk_inscription_set_min_chars(OpaquePointer(inscription), guint(column.minChars)) }
            gtk_inscription_set_xalign(OpaquePointer(inscription), column.xalign)
            gtk_inscription_set_text_overflow(OpaquePointer(inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END)
            return inscription
        case .badge:
            let label = gtk_label_new(nil)!
            gtk_widget_set_halign(label, GTK_ALIGN_START)
            gtk_widget_set_valign(label, GTK_ALIGN_CENTER)
            gtk_label_set_ellipsize(OpaquePointer(label), PANGO_ELLIPSIZE_END)
            return label
        }
    }

    private func fill(_ listItem: UnsafeMutableRawPointer) {
        guard let index = boundCells[listItem], let item = gtk_list_item_get_item(OpaquePointer(listItem)),
              let child = gtk_list_item_get_child(OpaquePointer(listItem)) else { return }
        let column = columns[index]
        let cell = row(at: Int(qoima_row_item_get_position(OpaquePointer(item)))).map(column.value) ?? Cell("")
        let classes: [String]
        switch column.style {
        case .text:
            gtk_inscription_set_text(OpaquePointer(child), cell.text)
            classes = cell.styleClasses
        case .badge:
            gtk_label_set_text(OpaquePointer(child), cell.text)
            classes = cell.text.isEmpty ? [] : ["badge"] + cell.styleClasses
        }
        let look = CellLook(classes: classes, tooltip: cell.tooltip)
        let before = cellLooks[listItem] ?? CellLook(classes: [], tooltip: nil)
        if look.classes != before.classes { Self.setClasses(classes, on: child) }
        if look.tooltip != before.tooltip { gtk_widget_set_tooltip_text(child, look.tooltip) }
        cellLooks[listItem] = look
    }

    private static func setClasses(_ classes: [String], on widget: UnsafeMutablePointer<GtkWidget>) {
        var names = classes.map { strdup($0) } + [nil]
        defer { names.forEach { free($0) } }
        names.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                gtk_widget_set_css_classes(widget, $0)
            }
        }
    }
}

private struct CellLook: Equatable {
    var classes: [String]
    var tooltip: String?
}

/// What the columns' sorters noticed while the view's sorter was compared.
private struct SortProbe {
    var active = false
    private(set) var firstAsked: String?

    mutating func asked(_ column: String) {
        if active, firstAsked == nil { firstAsked = column }
    }
}

/// What a table's reveal tick reaches: the table, while it lives.
@MainActor
private protocol RevealingTable: AnyObject {
    func revealStep() -> Bool
}

extension BigTable: RevealingTable {}

private final class RevealTarget {
    weak var table: (any RevealingTable)?
    init(_ table: any RevealingTable) { self.table = table }
}

/// A Swift closure handed to a C API as user data; released by the API's destroy notify.
final class CallbackBox<Function> {
    private let function: Function
    init(_ function: Function) { self.function = function }
    func call<In, Out>(_ input: In) -> Out where Function == (In) -> Out { function(input) }
}

private func releaseCallbackBox(_ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

extension UnsafeMutableRawPointer {
    var asOpaque: OpaquePointer { OpaquePointer(self) }
}
