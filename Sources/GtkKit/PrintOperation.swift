import CGtk

/// Prints through GtkPrintOperation with a renderer of the caller's: `paginate` lays the
/// document out on the printer's cairo context (`cairo_t *`, width and height in points) and
/// returns the page count; `draw` draws one page (from 0) on it, on a sheet of the same size.
/// GtkKit knows nothing of what is printed. Units are points and the page is the whole sheet
/// (margins are the document's); the default page setup is A4 in the document's orientation.
@MainActor
public final class PrintOperation {
    public enum Outcome: Equatable, Sendable {
        case printed
        case cancelled
        case failed(String)
    }

    public typealias Paginate = @MainActor (_ cairo: OpaquePointer, _ width: Double, _ height: Double) -> Int
    public typealias Draw = @MainActor (_ cairo: OpaquePointer, _ page: Int, _ width: Double, _ height: Double) -> Void

    private let operation: ObjectHandle
    private let paginate: Paginate
    private let draw: Draw
    /// Pages laid out by begin-print, and how many were drawn (tests check every one was).
    public private(set) var pageCount = 0
    public private(set) var drawnPages: [Int] = []

    public init(jobName: String, landscape: Bool, paginate: @escaping Paginate, draw: @escaping Draw) {
        operation = ObjectHandle(gtk_print_operation_new()!, transfer: .full)
        self.paginate = paginate
        self.draw = draw
        let op: UnsafeMutablePointer<GtkPrintOperation> = operation.cPointer()
        gtk_print_operation_set_job_name(op, jobName)
        gtk_print_operation_set_unit(op, GTK_UNIT_POINTS)
        gtk_print_operation_set_use_full_page(op, 1)
        let setup = gtk_page_setup_new()!
        let a4 = gtk_paper_size_new(GTK_PAPER_NAME_A4)
        gtk_page_setup_set_paper_size(setup, a4)
        gtk_paper_size_free(a4)
        gtk_page_setup_set_orientation(setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT)
        gtk_print_operation_set_default_page_setup(op, setup)
        g_object_unref(UnsafeMutableRawPointer(setup))
        operation.connect("begin-print") { [weak self] (context: UnsafeMutableRawPointer?) in
            guard let self, let context else { return }
            let print = OpaquePointer(context)
            let cairo = gtk_print_context_get_cairo_context(print)!
            pageCount = self.paginate(cairo, gtk_print_context_get_width(print), gtk_print_context_get_height(print))
            gtk_print_operation_set_n_pages(self.operation.cPointer(), Int32(max(pageCount, 1)))
        }
        operation.connect("draw-page") { [weak self] (context: UnsafeMutableRawPointer?, page: UnsafeMutableRawPointer?) in
            guard let self, let context else { return }
            let number = Int(Int32(truncatingIfNeeded: Int(bitPattern: page)))
            let print = OpaquePointer(context)
            let cairo = gtk_print_context_get_cairo_context(print)!
            self.draw(cairo, number, gtk_print_context_get_width(print), gtk_print_context_get_height(print))
            drawnPages.append(number)
        }
    }

    /// Shows the print dialog over `parent` and prints; returns when the job is handed over
    /// or the dialog is cancelled.
    public func runDialog(over parent: ObjectHandle?) -> Outcome {
        run(GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent: parent)
    }

    /// Prints straight to a PDF file without a dialog (GTK's own export; used by tests).
    public func export(to path: String) -> Outcome {
        gtk_print_operation_set_export_filename(operation.cPointer(), path)
        return run(GTK_PRINT_OPERATION_ACTION_EXPORT, parent: nil)
    }

    private func run(_ action: GtkPrintOperationAction, parent: ObjectHandle?) -> Outcome {
        var error: UnsafeMutablePointer<GError>?
        let parentWindow: UnsafeMutablePointer<GtkWindow>? = parent?.cPointer()
        let result = gtk_print_operation_run(operation.cPointer(), action, parentWindow, &error)
        if let error {
            defer { g_error_free(error) }
            return .failed(String(cString: error.pointee.message))
        }
        switch result {
        case GTK_PRINT_OPERATION_RESULT_APPLY, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS: return .printed
        case GTK_PRINT_OPERATION_RESULT_CANCEL: return .cancelled
        default: return .failed("GtkPrintOperation failed")
        }
    }
}
