import CAdw
import CGtk
import CGtkShim
import Foundation
import GtkKit
import QoimaCore
import QoimaSigning

/// The dialog every signature goes through (a send, a confirmation, a decline, a revocation):
/// the user picks the key (a .p12 file or NCALayer) and types its password; once the key opens
/// the dialog shows whom it names and how long it is valid; when no IS ESF session is open yet
/// it also asks for the AUTH key's password (offering the signing key's, which is usually the
/// same) and the cabinet password. Then it shows the work's progress and its outcome.
///
/// A wrong password is said at its field and the dialog stays open. Closing it while the work
/// runs only stops waiting: what was sent stays sent, and the outbox finishes it.
@MainActor
final class SigningDialog {
    enum Phase: Equatable {
        /// The user fills in the form.
        case form
        /// The key and the session are being opened; nothing has been sent.
        case opening
        /// The work runs (something may be on its way to IS ESF).
        case working
        case finished
        case closed
    }

    let window: ObjectHandle
    private(set) var phase = Phase.form
    /// The work to do with the opened signer; it reports through `showProgress` / `showResult`.
    var work: (@MainActor (any Signer) async -> Void)?
    /// Called once when the user closes the dialog, with the phase it was in.
    var onClosed: (@MainActor (Phase) -> Void)?
    /// Checks the fields the caller added (`addExtra`) before anything opens; false keeps the
    /// form, with the checker's own message shown.
    var validate: (@MainActor () -> Bool)?
    /// The signer the key opened as, once it has.
    private(set) var signer: (any Signer)?

    private let exchange: DeskExchange
    private let builder: Builder
    private var keyPath: String
    private var cabinetRemembered = false

    init(exchange: DeskExchange, title: String, summary: String, acceptLabel: String, transientFor parent: ObjectHandle?) {
        self.exchange = exchange
        builder = Builder(resource: "/kz/qoima/Qoima/ui/signing-dialog.ui")
        window = builder.object("signing_dialog")
        let settings = exchange.context.settings
        let remembered = settings.string("signing-key-path")
        keyPath = remembered.isEmpty ? exchange.login?.signKeyPath ?? "" : remembered

        gtk_window_set_title(window.cPointer(), title)
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }
        gtk_label_set_text(widget("summary_label").cPointer(), summary)
        gtk_button_set_label(widget("accept_button").cPointer(), acceptLabel)
        gtk_button_set_use_underline(widget("accept_button").cPointer(), 1)
        qoima_accessible_set_label(widget("choose_button").widget, tr("Choose the key file"))
        adw_combo_row_set_selected(widget("source_row").cPointer(),
                                   settings.string("signing-key-source") == "ncalayer" ? 1 : 0)
        showKeyPath()
        showSourceFields()
        connectSignals()
        Task { @MainActor [weak self] in
            guard let self, !exchange.hasSession else { return }
            if await exchange.hasRememberedCabinetPassword() { markCabinetRemembered() }
        }
    }

    /// Puts the caller's own fields (a cause, a power of attorney) above the key.
    func addExtra(_ content: ObjectHandle) {
        gtk_box_append(widget("extra_box").cPointer(), content.widget)
        gtk_widget_set_visible(widget("extra_box").widget, 1)
    }

    /// Marks the accept button as destructive (a decline or revocation cannot be undone).
    func markAcceptDestructive() {
        gtk_widget_remove_css_class(widget("accept_button").widget, "suggested-action")
        gtk_widget_add_css_class(widget("accept_button").widget, "destructive-action")
    }

    func present() {
        gtk_window_present(window.cPointer())
        if isFileKey { gtk_widget_grab_focus(widget("password_row").widget) }
    }

    // MARK: What the user does (tests call the same)

    func enterPassword(_ text: String) { gtk_editable_set_text(widget("password_row").cPointer(), text) }
    func enterAuthenticationPassword(_ text: String) {
        gtk_switch_set_active(widget("same_password_switch").cPointer(), 0)
        gtk_editable_set_text(widget("auth_password_row").cPointer(), text)
    }
    func enterCabinetPassword(_ text: String) { gtk_editable_set_text(widget("cabinet_password_row").cPointer(), text) }
    func chooseKeyFile(_ path: String) {
        keyPath = path
        showKeyPath()
    }
    func useNCALayer(_ on: Bool) { adw_combo_row_set_selected(widget("source_row").cPointer(), on ? 1 : 0) }

    /// Opens the key and the session, then runs the work. Does nothing unless the form is shown.
    func accept() {
        guard phase == .form else { return }
        clearErrors()
        if let validate, !validate() { return }
        let choice: SigningKeyChoice
        let password = text(of: "password_row")
        if isFileKey {
            guard !keyPath.isEmpty else { return keyError(tr("Choose the key file first.")) }
            choice = .file(path: keyPath, password: SecretBytes(password))
        } else {
            choice = .ncaLayer
        }
        let needsSession = !exchange.hasSession
        let cabinet = text(of: "cabinet_password_row")
        if needsSession, cabinet.isEmpty, !cabinetRemembered {
            return sessionError(tr("Enter the password of your IS ESF cabinet."), at: "cabinet_password_row")
        }
        let samePassword = isFileKey && gtk_switch_get_active(widget("same_password_switch").cPointer()) != 0
        let authPassword = samePassword ? password : text(of: "auth_password_row")
        let remember = gtk_switch_get_active(widget("remember_switch").cPointer()) != 0
        begin(.opening, tr("Opening the key…"))
        Task { @MainActor in
            do throws(DeskExchangeError) {
                let signer = try await exchange.openSigner(choice)
                guard phase == .opening else { return }
                self.signer = signer
                showSigner(signer.certificate)
                rememberKeyChoice()
                if needsSession {
                    showProgress(tr("Logging in to IS ESF…"))
                    try await exchange.openSession(authenticationKeyPassword: SecretBytes(authPassword),
                                                   cabinetPassword: cabinet.isEmpty ? nil : SecretBytes(cabinet),
                                                   rememberCabinetPassword: remember)
                    guard phase == .opening else { return }
                    gtk_widget_set_visible(widget("session_group").widget, 0)
                }
                phase = .working
                await work?(signer)
            } catch {
                guard phase == .opening else { return }
                backToForm(after: error, samePassword: samePassword)
            }
        }
    }

    /// Closes the dialog as its Cancel (or Close) button would.
    func cancel() {
        gtk_window_close(window.cPointer())
    }

    // MARK: Progress and outcome

    func showProgress(_ text: String) {
        gtk_label_set_text(widget("progress_label").cPointer(), text)
    }

    /// The text under the spinner, for tests that watch the progress.
    var progressText: String? {
        guard phase == .opening || phase == .working else { return nil }
        return String(cString: gtk_label_get_text(widget("progress_label").cPointer()))
    }

    /// Ends the work: the outcome replaces the progress, and Cancel becomes Close.
    func showResult(success: Bool, title: String, text: String) {
        guard phase != .closed else { return }
        phase = .finished
        gtk_spinner_stop(widget("spinner").cPointer())
        gtk_widget_set_visible(widget("progress_box").widget, 0)
        gtk_widget_set_visible(widget("result_box").widget, 1)
        gtk_image_set_from_icon_name(widget("result_icon").cPointer(),
                                     success ? "emblem-ok-symbolic" : "dialog-warning-symbolic")
        gtk_label_set_text(widget("result_title").cPointer(), title)
        gtk_label_set_text(widget("result_text").cPointer(), text)
        gtk_widget_set_visible(widget("accept_button").widget, 0)
        gtk_button_set_label(widget("cancel_button").cPointer(), tr("_Close"))
        gtk_widget_grab_focus(widget("cancel_button").widget)
    }

    // MARK: Building blocks

    private func widget(_ id: String) -> ObjectHandle { builder.object(id) }

    private func text(of id: String) -> String {
        String(cString: gtk_editable_get_text(widget(id).cPointer()))
    }

    private var isFileKey: Bool { adw_combo_row_get_selected(widget("source_row").cPointer()) == 0 }

    private func connectSignals() {
        widget("accept_button").connect("clicked") { [weak self] in self?.accept() }
        widget("cancel_button").connect("clicked") { [weak self] in self?.cancel() }
        widget("choose_button").connect("clicked") { [weak self] in self?.openFileChooser() }
        widget("source_row").connect("notify::selected") { [weak self] (_: UnsafeMutableRawPointer?) in
            self?.showSourceFields()
        }
        widget("same_password_switch").connect("notify::active") { [weak self] (_: UnsafeMutableRawPointer?) in
            self?.showSourceFields()
        }
        window.connectReturning("close-request") { [weak self] in
            guard let self else { return false }
            let was = phase
            phase = .closed
            onClosed?(was)
            onClosed = nil
            return false
        }
    }

    private func showKeyPath() {
        adw_action_row_set_subtitle(widget("file_row").cPointer(), keyPath.isEmpty ? tr("No key file chosen") : keyPath)
    }

    /// The file rows for a key file, a hint for NCALayer; the AUTH password row unless the
    /// signing key's password is reused.
    private func showSourceFields() {
        let file = isFileKey
        gtk_widget_set_visible(widget("file_row").widget, file ? 1 : 0)
        gtk_widget_set_visible(widget("password_row").widget, file ? 1 : 0)
        gtk_widget_set_visible(widget("ncalayer_hint").widget, file ? 0 : 1)
        gtk_widget_set_visible(widget("same_password_row").widget, file ? 1 : 0)
        let same = file && gtk_switch_get_active(widget("same_password_switch").cPointer()) != 0
        gtk_widget_set_visible(widget("auth_password_row").widget, same ? 0 : 1)
        if exchange.hasSession { gtk_widget_set_visible(widget("session_group").widget, 0) }
    }

    private func markCabinetRemembered() {
        cabinetRemembered = true
        adw_preferences_row_set_title(widget("cabinet_password_row").cPointer(),
                                      tr("_Cabinet password (remembered in the keyring)"))
    }

    private func openFileChooser() {
        FileChooser.open(title: tr("Choose the Signing Key"), over: window, filterName: tr("Key files (.p12)"),
                         patterns: ["*.p12", "*.P12", "*.pfx"]) { [weak self] path in self?.chooseKeyFile(path) }
    }

    /// The form is locked and the spinner turns while the key, the session and the work run.
    private func begin(_ next: Phase, _ text: String) {
        phase = next
        for id in ["extra_box", "key_group", "session_group"] { gtk_widget_set_sensitive(widget(id).widget, 0) }
        gtk_widget_set_sensitive(widget("accept_button").widget, 0)
        gtk_widget_set_visible(widget("progress_box").widget, 1)
        gtk_spinner_start(widget("spinner").cPointer())
        showProgress(text)
        Task { @MainActor [weak self] in
            while let self, self.phase == .opening || self.phase == .working {
                gtk_progress_bar_pulse(self.widget("progress_bar").cPointer())
                try? await Task.sleep(for: .milliseconds(150))
            }
        }
    }

    private func backToForm(after error: DeskExchangeError, samePassword: Bool) {
        phase = .form
        for id in ["extra_box", "key_group", "session_group"] { gtk_widget_set_sensitive(widget(id).widget, 1) }
        gtk_widget_set_sensitive(widget("accept_button").widget, 1)
        gtk_spinner_stop(widget("spinner").cPointer())
        gtk_widget_set_visible(widget("progress_box").widget, 0)
        switch error {
        case .signingKey(.wrongPassword):
            keyError(tr("Wrong password for this key. Type it again (letters are case-sensitive)."))
            gtk_widget_grab_focus(widget("password_row").widget)
        case .signingKey:
            keyError(error.message)
        case .authenticationKey(.wrongPassword) where samePassword:
            gtk_switch_set_active(widget("same_password_switch").cPointer(), 0)
            sessionError(tr("The AUTH key does not open with the signing key's password: enter its own password."),
                         at: "auth_password_row")
        case .authenticationKey(.wrongPassword):
            sessionError(tr("Wrong password for the AUTH key."), at: "auth_password_row")
        case _ where error.isWrongCabinetPassword:
            sessionError(error.message, at: "cabinet_password_row")
        default:
            sessionError(error.message, at: nil)
        }
    }

    private func clearErrors() {
        for id in ["key_error", "session_error", "validity_warning"] {
            gtk_widget_set_visible(widget(id).widget, 0)
        }
        for id in ["password_row", "auth_password_row", "cabinet_password_row"] {
            gtk_widget_remove_css_class(widget(id).widget, "error")
        }
    }

    private func keyError(_ text: String) {
        gtk_label_set_text(widget("key_error").cPointer(), text)
        gtk_widget_set_visible(widget("key_error").widget, 1)
        gtk_widget_add_css_class(widget("password_row").widget, "error")
    }

    private func sessionError(_ text: String, at row: String?) {
        gtk_label_set_text(widget("session_error").cPointer(), text)
        gtk_widget_set_visible(widget("session_error").widget, 1)
        if let row {
            gtk_widget_add_css_class(widget(row).widget, "error")
            gtk_widget_grab_focus(widget(row).widget)
        }
    }

    /// The error said under the key password, for tests.
    var keyErrorText: String? { visibleText("key_error") }
    /// The error said under the login fields, for tests.
    var sessionErrorText: String? { visibleText("session_error") }

    private func visibleText(_ id: String) -> String? {
        gtk_widget_get_visible(widget(id).widget) != 0 ? String(cString: gtk_label_get_text(widget(id).cPointer())) : nil
    }

    /// The key file the dialog will open.
    var keyPathShown: String { keyPath }
    var isSpinning: Bool { gtk_spinner_get_spinning(widget("spinner").cPointer()) != 0 }
    var passwordFieldMarked: Bool { gtk_widget_has_css_class(widget("password_row").widget, "error") != 0 }
    /// The outcome's details once shown.
    var resultText: String? { phase == .finished ? String(cString: gtk_label_get_text(widget("result_text").cPointer())) : nil }

    // MARK: The signer

    /// Name, IIN/BIN and validity of the opened key, with a warning when it has expired or
    /// expires within `SignerValidity.warningDays`.
    private func showSigner(_ certificate: Certificate) {
        let card = SignerCard(certificate: certificate, now: exchange.context.now())
        for row in ["signer_name_row", "signer_number_row", "validity_row"] {
            adw_preferences_row_set_use_markup(widget(row).cPointer(), 0)
        }
        adw_action_row_set_subtitle(widget("signer_name_row").cPointer(), card.name)
        adw_action_row_set_subtitle(widget("signer_number_row").cPointer(), card.numbers)
        adw_action_row_set_subtitle(widget("validity_row").cPointer(), card.validity)
        gtk_widget_set_visible(widget("signer_group").widget, 1)
        if let warning = card.warning {
            gtk_label_set_text(widget("validity_warning").cPointer(), warning)
            gtk_widget_set_visible(widget("validity_warning").widget, 1)
        }
    }

    /// What the signer group shows, for tests.
    var signerText: String? {
        guard gtk_widget_get_visible(widget("signer_group").widget) != 0 else { return nil }
        return ["signer_name_row", "signer_number_row", "validity_row"].map { id in
            adw_action_row_get_subtitle(widget(id).cPointer()).map { String(cString: $0) } ?? ""
        }.joined(separator: "\n")
    }

    private func rememberKeyChoice() {
        let settings = exchange.context.settings
        settings.setString("signing-key-source", isFileKey ? "file" : "ncalayer")
        if isFileKey { settings.setString("signing-key-path", keyPath) }
    }
}

/// The signer's name, numbers and validity in words, and a warning when the key is expired,
/// not yet valid, or expires within `warningDays` days.
struct SignerCard {
    static let warningDays = 30

    let name: String
    let numbers: String
    let validity: String
    let warning: String?

    init(certificate: Certificate, now: Date) {
        let subject = certificate.subject
        name = [subject.fullName, subject.organization ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
        numbers = [certificate.iin.map { tr("IIN %1$@", $0.rawValue) }, certificate.bin.map { tr("BIN %1$@", $0.rawValue) }]
            .compactMap { $0 }.joined(separator: ", ")
        let from = KazakhstanClock.day(of: certificate.notBefore).ddMMyyyy
        let until = KazakhstanClock.day(of: certificate.notAfter).ddMMyyyy
        validity = tr("From %1$@ to %2$@", from, until)
        switch certificate.validity(at: now) {
        case .expired:
            warning = tr("This key expired on %1$@: IS ESF does not accept its signature. Get a new key from NUC.", until)
        case .notYetValid:
            warning = tr("This key is valid only from %1$@.", from)
        case .valid:
            let days = Int(certificate.notAfter.timeIntervalSince(now) / 86_400)
            warning = days < Self.warningDays
                ? tr("This key expires on %1$@, in %2$@ days: renew it at NUC in good time.", until, days) : nil
        }
    }
}
