/// What can be printed: laid out into pages on a canvas, then drawn page by page. The one
/// renderer behind PDF export, PNG rendering and GtkPrintOperation's draw-page.
public protocol PrintDocument: AnyObject {
    /// The paper the document is laid out for, and its orientation.
    var paper: PaperSize { get }
    /// Lays the document out on `canvas`'s page size, measuring text there; returns the number
    /// of pages. Call before `draw`.
    func paginate(measuring canvas: PrintCanvas) -> Int
    /// Pages laid out by the last `paginate`.
    var pageCount: Int { get }
    /// Draws page `page` (from 0) on `canvas`.
    func draw(page: Int, on canvas: PrintCanvas)
}
