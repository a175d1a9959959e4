import CGtk
import CGtkShim
import Foundation

/// A table for hundreds of thousands of rows: GtkColumnView ← single selection ← sort model
/// (the view's own sorter) ← filter model ← a list of row ids whose items are made on demand.
/// Cells are GtkInscriptions from GtkSignalListItemFactory; their text comes from a cache that
/// fetches rows one page of ids at a time, so only what is on screen is ever read.
@MainActor
public final class BigTable {
    public struct Column: Sendable {
        public let id: String
        public let title: String
        public let expands: Bool
        public let sortable: Bool

        public init(id: String, title: String, expands: Bool = false, sortable: Bool = true) {
            self.id = id
            self.title = title
            self.expands = expands
            self.sortable = sortable
        }
    }

    /// Cell texts for the given ids, in column order; called with one page of ids at a time.
    public typealias PageFetcher = @MainActor ([Int64]) -> [Int64: [String]]

    public let columns: [Column]
    public let view: ObjectHandle
    public let pageSize: Int
    /// How many pages were fetched so far (tests watch that scrolling reads only what it shows).
    public private(set) var pagesFetched = 0

    private let rowList: ObjectHandle
    private let filterModel: ObjectHandle
    private let sortModel: ObjectHandle
    private let selection: ObjectHandle
    private let fetchPage: PageFetcher
    private var ids: [Int64] = []
    private var pages: [Int: [Int64: [String]]] = [:]
    private var pageUse: [Int] = []
    private let maximumCachedPages = 64
    private var predicate: ((Int64) -> Bool)?
    private var customFilter: ObjectHandle?

    public init(columns: [Column], pageSize: Int = 100, fetchPage: @escaping PageFetcher) {
        self.columns = columns
        self.pageSize = pageSize
        self.fetchPage = fetchPage

        rowList = ObjectHandle(qoima_row_list_new()!, transfer: .full)
        // Each *_new below takes ownership of its model and sorter: hand it a reference of its own.
        filterModel = ObjectHandle(gtk_filter_list_model_new(g_object_ref(rowList.raw).asOpaque, nil)!, transfer: .full)
        let columnView = ObjectHandle(gtk_column_view_new(nil)!, transfer: .floating)
        view = columnView
        let viewSorter = gtk_column_view_get_sorter(columnView.opaque)
        sortModel = ObjectHandle(
            gtk_sort_list_model_new(
                g_object_ref(filterModel.raw).asOpaque,
                viewSorter.map { g_object_ref(UnsafeMutableRawPointer($0)).assumingMemoryBound(to: GtkSorter.self) }
            )!,
            transfer: .full
        )
        selection = ObjectHandle(gtk_single_selection_new(g_object_ref(sortModel.raw).asOpaque)!, transfer: .full)
        gtk_column_view_set_model(columnView.opaque, selection.opaque)
        gtk_column_view_set_show_column_separators(columnView.opaque, 0)
        for column in columns { addColumn(column) }
    }

    // MARK: Data

    /// Replaces the rows, in the order the source gives them, and forgets cached pages.
    public func setRowIDs(_ newIDs: [Int64]) {
        ids = newIDs
        pages.removeAll()
        pageUse.removeAll()
        newIDs.withUnsafeBufferPointer { buffer in
            qoima_row_list_set_ids(rowList.opaque, buffer.baseAddress, guint(buffer.count))
        }
    }

    /// Shows only the rows for which `predicate` holds; `nil` shows all.
    public func setFilter(_ predicate: ((Int64) -> Bool)?) {
        self.predicate = predicate
        guard predicate != nil else {
            gtk_filter_list_model_set_filter(filterModel.opaque, nil)
            customFilter = nil
            return
        }
        if let customFilter {
            gtk_filter_changed(customFilter.pointer(to: GtkFilter.self), GTK_FILTER_CHANGE_DIFFERENT)
            return
        }
        let box = Unmanaged.passRetained(CallbackBox { [weak self] (item: UnsafeMutableRawPointer?) -> Bool in
            guard let self, let predicate = self.predicate, let item else { return true }
            return predicate(qoima_row_item_get_id(item.asOpaque))
        }).toOpaque()
        let filter = ObjectHandle(gtk_custom_filter_new({ item, data in
            MainActor.assumeIsolated {
                Unmanaged<CallbackBox<(UnsafeMutableRawPointer?) -> Bool>>.fromOpaque(data!).takeUnretainedValue()
                    .call(item) ? 1 : 0
            }
        }, box, releaseCallbackBox)!, transfer: .full)
        customFilter = filter
        gtk_filter_list_model_set_filter(filterModel.opaque, filter.pointer(to: GtkFilter.self))
    }

    /// Number of rows after filtering.
    public var visibleRowCount: Int { Int(g_list_model_get_n_items(selection.opaque)) }

    /// The id of the row at a position of the view (after filter and sort).
    public func rowID(at position: Int) -> Int64? {
        guard let item = g_list_model_get_item(selection.opaque, guint(position)) else { return nil }
        defer { g_object_unref(item) }
        return qoima_row_item_get_id(item.asOpaque)
    }

    /// The cell texts of a row, fetched with its page when not cached.
    public func cells(ofRowAt index: Int) -> [String] {
        guard index >= 0, index < ids.count else { return [] }
        let page = index / pageSize
        if pages[page] == nil { load(page: page) }
        pageUse.removeAll { $0 == page }
        pageUse.append(page)
        return pages[page]?[ids[index]] ?? []
    }

    /// How many list items the id list has made (laziness check).
    public var itemsMade: UInt64 { qoima_row_list_items_made(rowList.opaque) }

    /// Sorts by a column, as a click on its header would.
    public func sort(byColumn id: String, ascending: Bool) {
        guard let index = columns.firstIndex(where: { $0.id == id }) else { return }
        let list = g_list_model_get_item(gtk_column_view_get_columns(view.opaque), guint(index))!
        defer { g_object_unref(list) }
        gtk_column_view_sort_by_column(view.opaque, list.asOpaque, ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING)
    }

    private func load(page: Int) {
        let start = page * pageSize
        let end = min(start + pageSize, ids.count)
        pages[page] = fetchPage(Array(ids[start..<end]))
        pagesFetched += 1
        if pageUse.count >= maximumCachedPages, let oldest = pageUse.first {
            pageUse.removeFirst()
            pages[oldest] = nil
        }
    }

    // MARK: Columns

    private func addColumn(_ column: Column) {
        let position = columns.firstIndex { $0.id == column.id }!
        let factory = ObjectHandle(gtk_signal_list_item_factory_new()!, transfer: .full)
        factory.connect("setup") { (listItem: UnsafeMutableRawPointer?) in
            let label = gtk_inscription_new(nil)!
            gtk_inscription_set_nat_chars(OpaquePointer(label), 12)
            gtk_list_item_set_child(OpaquePointer(listItem), label)
        }
        factory.connect("bind") { [weak self] (listItem: UnsafeMutableRawPointer?) in
            guard let self, let item = gtk_list_item_get_item(OpaquePointer(listItem)) else { return }
            let index = Int(qoima_row_item_get_index(OpaquePointer(item)))
            let cells = self.cells(ofRowAt: index)
            let text = position < cells.count ? cells[position] : ""
            gtk_inscription_set_text(OpaquePointer(gtk_list_item_get_child(OpaquePointer(listItem))), text)
        }
        let viewColumn = gtk_column_view_column_new(column.title, factory.opaque)!
        g_object_ref(UnsafeMutableRawPointer(factory.raw))  // the column took our reference; keep the handle's own
        gtk_column_view_column_set_expand(viewColumn, column.expands ? 1 : 0)
        gtk_column_view_column_set_resizable(viewColumn, 1)
        if column.sortable {
            let box = Unmanaged.passRetained(CallbackBox { [weak self] (pair: (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?)) -> Int32 in
                guard let self, let left = pair.0, let right = pair.1 else { return 0 }
                let a = self.cells(ofRowAt: Int(qoima_row_item_get_index(left.asOpaque)))
                let b = self.cells(ofRowAt: Int(qoima_row_item_get_index(right.asOpaque)))
                let x = position < a.count ? a[position] : "", y = position < b.count ? b[position] : ""
                switch x.localizedStandardCompare(y) {
                case .orderedAscending: return -1
                case .orderedDescending: return 1
                case .orderedSame: return 0
                }
            }).toOpaque()
            let sorter = gtk_custom_sorter_new({ a, b, data in
                MainActor.assumeIsolated {
                    Unmanaged<CallbackBox<((UnsafeMutableRawPointer?, UnsafeMutableRawPointer?)) -> Int32>>
                        .fromOpaque(data!).takeUnretainedValue().call((UnsafeMutableRawPointer(mutating: a), UnsafeMutableRawPointer(mutating: b)))
                }
            }, box, releaseCallbackBox)!
            gtk_column_view_column_set_sorter(viewColumn, UnsafeMutableRawPointer(sorter).assumingMemoryBound(to: GtkSorter.self))
            g_object_unref(UnsafeMutableRawPointer(sorter))
        }
        gtk_column_view_append_column(view.opaque, viewColumn)
        g_object_unref(UnsafeMutableRawPointer(viewColumn))
    }
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
