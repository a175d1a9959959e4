import CAdw
import CGtk
import Foundation
import GtkKit

/// Asks which saved template a new SNT starts from: a message dialog with a drop-down of the
/// company's templates, newest first as the store lists them.
@MainActor
enum TemplateChooser {
    /// The dialog on screen (tests answer it through `choose`).
    private(set) static var dialog: ObjectHandle?
    private static var pending: (templates: [(id: Int64, name: String)], dropDown: ObjectHandle,
                                 chosen: @MainActor (Int64) -> Void)?

    static func present(_ templates: [(id: Int64, name: String)], over parent: ObjectHandle,
                        chosen: @escaping @MainActor (Int64) -> Void) {
        let message = ObjectHandle(adw_message_dialog_new(parent.cPointer(), tr("New SNT from a Template"),
                                                          tr("The new draft gets the template's parties, contract, transport and goods; dates and number are today's."))!,
                                   transfer: .none)
        var names = templates.map { strdup($0.name) } + [nil]
        defer { names.forEach { free($0) } }
        let dropDown = names.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                ObjectHandle(gtk_drop_down_new_from_strings($0)!, transfer: .floating)
            }
        }
        gtk_widget_set_name(dropDown.widget, "template-choice")
        setAccessibleLabel(dropDown, tr("Template"))
        adw_message_dialog_set_extra_child(message.cPointer(), dropDown.widget)
        adw_message_dialog_add_response(message.cPointer(), "cancel", tr("_Cancel"))
        adw_message_dialog_add_response(message.cPointer(), "use", tr("_Start from Template"))
        adw_message_dialog_set_response_appearance(message.cPointer(), "use", ADW_RESPONSE_SUGGESTED)
        adw_message_dialog_set_default_response(message.cPointer(), "use")
        adw_message_dialog_set_close_response(message.cPointer(), "cancel")
        pending = (templates, dropDown, chosen)
        dialog = message
        message.connect("response") { (response: UnsafeMutableRawPointer?) in
            let answer = response.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) }
            Self.finish(use: answer == "use")
        }
        gtk_window_present(message.cPointer())
    }

    /// Picks the template at `index` and answers "use", as the user would.
    static func choose(_ index: Int) {
        guard let pending else { return }
        gtk_drop_down_set_selected(pending.dropDown.opaque, guint(index))
        if let dialog { adw_message_dialog_response(dialog.cPointer(), "use") }
    }

    private static func finish(use: Bool) {
        guard let current = pending else { return }
        pending = nil
        dialog = nil
        let index = Int(gtk_drop_down_get_selected(current.dropDown.opaque))
        if use, index < current.templates.count { current.chosen(current.templates[index].id) }
    }
}
