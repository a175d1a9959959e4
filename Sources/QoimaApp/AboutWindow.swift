import CAdw
import CGtk
import GtkKit
import QoimaCore

/// The About Qoima window.
@MainActor
enum AboutWindow {
    static func make(transientFor parent: ObjectHandle) -> ObjectHandle {
        let about = ObjectHandle(adw_about_window_new()!, transfer: .none)
        let window = about.opaque
        adw_about_window_set_application_name(window, "Qoima")
        adw_about_window_set_application_icon(window, QoimaVersion.applicationID)
        adw_about_window_set_version(window, QoimaVersion.string)
        adw_about_window_set_developer_name(window, "Qoima")
        adw_about_window_set_website(window, QoimaVersion.website)
        adw_about_window_set_license_type(window, GTK_LICENSE_GPL_3_0)
        adw_about_window_set_copyright(window, "© 2026 Qoima")
        adw_about_window_set_comments(window, tr("Accompanying waybills (SNT) and virtual warehouses of IS ESF, on the Linux desktop."))
        adw_about_window_set_translator_credits(window, tr("translator-credits"))
        gtk_window_set_transient_for(about.cPointer(), parent.cPointer())
        gtk_window_set_modal(about.cPointer(), 1)
        return about
    }
}
