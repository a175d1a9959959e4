import CPangoCairo
import Foundation

/// Writes a document to a PDF file: laid out on the PDF surface itself, written beside the
/// target and renamed over it, so a failure never leaves half a file.
public enum PDFExport {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `document` to `url` with `title` in the PDF's metadata; returns the page count.
    @discardableResult
    public static func write(_ document: PrintDocument, title: String, to url: URL) throws -> Int {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let paper = document.paper
        guard let surface = cairo_pdf_surface_create(temporary.path, paper.width, paper.height) else {
            throw Failure(path: url.path, reason: "cairo could not create a PDF surface")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Qoima")
        let context = cairo_create(surface)!
        let canvas = PrintCanvas(context: context, pageWidth: paper.width, pageHeight: paper.height)
        let pages = document.paginate(measuring: canvas)
        for page in 0..<pages {
            cairo_save(context)
            document.draw(page: page, on: canvas)
            cairo_restore(context)
            cairo_show_page(context)
        }
        withExtendedLifetime(canvas) {}
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: String(cString: cairo_status_to_string(status)))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: reason)
        }
        return pages
    }
}
