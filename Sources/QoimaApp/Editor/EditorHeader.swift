import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaStore

/// What the SNT and form editors show around the document, from the same ids in their .ui
/// files: the title with the company under it, the save indicator, and the status line above
/// the page (where IS ESF has the document, or what went wrong).
@MainActor
struct EditorHeader {
    let windowTitle: ObjectHandle
    let saveLabel: ObjectHandle
    let statusLabel: ObjectHandle

    init(builder: Builder) {
        windowTitle = builder.object("window_title")
        saveLabel = builder.object("save_label")
        statusLabel = builder.object("status_label")
    }

    /// The document's title; the company's name (Russian, else Kazakh) under it.
    func showTitle(_ title: String, company: OwnCompany) {
        adw_window_title_set_title(windowTitle.opaque, title)
        adw_window_title_set_subtitle(windowTitle.opaque, company.nameRu.isEmpty ? company.nameKk : company.nameRu)
    }

    func showSaveState(_ state: EditorSaveState) {
        let text: String
        switch state {
        case .unchanged: text = ""
        case .saving: text = tr("Saving…")
        case let .saved(date):
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm"
            text = tr("Saved at %1$@", formatter.string(from: date))
        case let .failed(reason): text = tr("Not saved yet, retrying: %1$@", reason)
        }
        gtk_label_set_text(saveLabel.cPointer(), text)
    }

    /// What the save indicator says now.
    var saveText: String { String(cString: gtk_label_get_text(saveLabel.cPointer())) }

    func showStatus(_ text: String) {
        gtk_label_set_text(statusLabel.cPointer(), text)
        gtk_widget_set_visible(statusLabel.widget, 1)
    }

    /// The status line, when shown.
    var statusText: String? {
        gtk_widget_get_visible(statusLabel.widget) != 0 ? String(cString: gtk_label_get_text(statusLabel.cPointer())) : nil
    }
}
