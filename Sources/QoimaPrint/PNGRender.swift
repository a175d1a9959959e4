import CPangoCairo
import Foundation

/// Renders one page of a document to a PNG at a resolution, on white: for tests and docs.
public enum PNGRender {
    /// Lays `document` out and writes page `page` (from 0) to `url` at `dpi` dots per inch.
    public static func write(_ document: PrintDocument, page: Int, dpi: Double, to url: URL) throws {
        let paper = document.paper
        let scale = dpi / 72
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((paper.width * scale).rounded()),
                                                 Int32((paper.height * scale).rounded()))!
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_scale(context, scale, scale)
        let canvas = PrintCanvas(context: context, pageWidth: paper.width, pageHeight: paper.height)
        let pages = document.paginate(measuring: canvas)
        guard page < pages else {
            throw PDFExport.Failure(path: url.path, reason: "the document has \(pages) pages, not \(page + 1)")
        }
        document.draw(page: page, on: canvas)
        withExtendedLifetime(canvas) {}
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let status = cairo_surface_write_to_png(surface, temporary.path)
        guard status == CAIRO_STATUS_SUCCESS, rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw PDFExport.Failure(path: url.path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
