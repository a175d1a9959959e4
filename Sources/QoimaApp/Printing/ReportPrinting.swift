import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaPrint

/// Printing a report from a window, and saving it as a PDF: the one renderer (`PrintDocument`)
/// drawn through GtkPrintOperation or into a file. The Magazine page prints a `MagazineReport`
/// with `ReportPrinting.print(report.document(), over: window)` and saves one with
/// `ReportPrinting.saveAsPDF(report.document(), suggestedName: …, over: window)` (docs/printing.md).
@MainActor
public enum ReportPrinting {
    /// The language the reports are printed in: the interface's.
    public static var language: Language { Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// A print operation over `document`: laid out on the printer's own cairo context and sheet
    /// (the paper chosen in the dialog), so on A4 its pages are those of the PDF export.
    public static func operation(_ document: PrintDocument, jobName: String) -> PrintOperation {
        PrintOperation(jobName: jobName, landscape: document.paper.isLandscape, paginate: { cairo, width, height in
            document.paginate(measuring: PrintCanvas(context: cairo, pageWidth: width, pageHeight: height))
        }, draw: { cairo, page, width, height in
            document.draw(page: page, on: PrintCanvas(context: cairo, pageWidth: width, pageHeight: height))
        })
    }

    /// Shows the print dialog for `document` over `window`; a failure is reported in a dialog.
    public static func print(_ document: ReportDocument, over window: ObjectHandle) {
        let outcome = operation(document, jobName: document.title).runDialog(over: window)
        if case let .failed(reason) = outcome {
            tell(over: window, heading: tr("Printing failed"), body: reason)
        }
    }

    /// Asks where to save `document` as a PDF and writes it there (a temporary file renamed into place).
    public static func saveAsPDF(_ document: ReportDocument, suggestedName: String, over window: ObjectHandle) {
        FileChooser.save(title: tr("Save as PDF"), over: window, suggestedName: suggestedName, filterName: tr("PDF files"),
                         patterns: ["*.pdf"]) { path in
            do {
                try PDFExport.write(document, title: document.title, to: URL(fileURLWithPath: path))
            } catch {
                tell(over: window, heading: tr("The PDF was not saved"), body: String(describing: error))
            }
        }
    }

    static func tell(over window: ObjectHandle, heading: String, body: String) {
        let dialog = adw_message_dialog_new(window.cPointer(), heading, body)!
        adw_message_dialog_add_response(gcast(dialog), "close", tr("_Close"))
        gtk_window_present(gcast(dialog))
    }

    /// A file name from a title: what a file system accepts.
    static func fileName(_ title: String) -> String {
        title.map { "/\\:*?\"<>|".contains($0) ? "-" : $0 }.reduce(into: "") { $0.append($1) } + ".pdf"
    }
}
