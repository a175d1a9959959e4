import CAdw
import CGtk
import GtkKit

/// What demo mode's welcome dialog shows: where the in-process sandbox listens and who can log
/// in, with the key files and both passwords, so a newcomer can try everything at once.
public struct DemoWelcome: Sendable {
    public struct User: Sendable {
        public var companyName: String
        public var bin: String
        public var personName: String
        public var iin: String
        public var authKeyPath: String
        public var signKeyPath: String
        public var keyPassword: String
        public var cabinetPassword: String
        /// The company whose documents the window shows; the other is its counterparty.
        public var isOwn: Bool

        public init(companyName: String, bin: String, personName: String, iin: String, authKeyPath: String,
                    signKeyPath: String, keyPassword: String, cabinetPassword: String, isOwn: Bool) {
            self.companyName = companyName
            self.bin = bin
            self.personName = personName
            self.iin = iin
            self.authKeyPath = authKeyPath
            self.signKeyPath = signKeyPath
            self.keyPassword = keyPassword
            self.cabinetPassword = cabinetPassword
            self.isOwn = isOwn
        }
    }

    public var serverURL: String
    public var users: [User]

    public init(serverURL: String, users: [User]) {
        self.serverURL = serverURL
        self.users = users
    }

    /// The dialog's text: the sandbox, then each user.
    public var text: String {
        var lines = [tr("The IS ESF sandbox runs inside Qoima at %1$@. Everything you send goes there, never to the real IS ESF.",
                        serverURL), ""]
        for user in users {
            lines.append(user.isOwn ? tr("Your company: %1$@ (BIN %2$@)", user.companyName, user.bin)
                                    : tr("Counterparty: %1$@ (BIN %2$@)", user.companyName, user.bin))
            lines.append(tr("Director: %1$@, IIN %2$@", user.personName, user.iin))
            lines.append(tr("Authentication key: %1$@", user.authKeyPath))
            lines.append(tr("Signing key: %1$@", user.signKeyPath))
            lines.append(tr("Key password: %1$@", user.keyPassword))
            lines.append(tr("IS ESF cabinet password: %1$@", user.cabinetPassword))
            lines.append("")
        }
        lines.append(tr("The demo documents show every SNT status; the demo keeps your changes until you start it with --demo-reset."))
        return lines.joined(separator: "\n")
    }

    /// Presents the dialog over `parent`; returns it (tests read its text).
    @MainActor
    func present(over parent: ObjectHandle) -> ObjectHandle {
        let dialog = ObjectHandle(adw_message_dialog_new(parent.cPointer(), tr("Demo mode"), nil)!, transfer: .none)
        let label = gtk_label_new(text)!
        gtk_label_set_selectable(gcast(label), 1)
        gtk_label_set_wrap(gcast(label), 1)
        gtk_label_set_xalign(gcast(label), 0)
        gtk_widget_set_name(label, "demo-welcome-text")
        adw_message_dialog_set_extra_child(dialog.cPointer(), label)
        adw_message_dialog_add_response(dialog.cPointer(), "start", tr("Start"))
        adw_message_dialog_set_default_response(dialog.cPointer(), "start")
        adw_message_dialog_set_response_appearance(dialog.cPointer(), "start", ADW_RESPONSE_SUGGESTED)
        gtk_window_present(dialog.cPointer())
        return dialog
    }
}
