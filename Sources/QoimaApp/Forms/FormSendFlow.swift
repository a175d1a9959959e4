import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// Sending one form: the same signing dialog as an SNT's (`SigningDialog`), the upload and the
/// wait for IS ESF's verdict off the main thread, the progress in the dialog, and the outcome,
/// both shown and handed to `finished`.
@MainActor
public final class FormSendFlow {
    public let dialog: ObjectHandle
    let signing: SigningDialog
    private let formId: Int64
    private let exchange: DeskExchange
    private let options: UFormSender.Options
    private var finished: (@MainActor (FormSendOutcome) -> Void)?
    /// Flows alive until their outcome is told.
    private static var running: [ObjectIdentifier: FormSendFlow] = [:]

    @discardableResult
    public static func start(formId: Int64, exchange: DeskExchange, options: UFormSender.Options = UFormSender.Options(),
                             over parent: ObjectHandle, finished: @escaping @MainActor (FormSendOutcome) -> Void) -> FormSendFlow {
        let flow = FormSendFlow(formId: formId, exchange: exchange, options: options, parent: parent, finished: finished)
        running[ObjectIdentifier(flow)] = flow
        flow.signing.present()
        return flow
    }

    private init(formId: Int64, exchange: DeskExchange, options: UFormSender.Options, parent: ObjectHandle,
                 finished: @escaping @MainActor (FormSendOutcome) -> Void) {
        self.formId = formId
        self.exchange = exchange
        self.options = options
        self.finished = finished
        signing = SigningDialog(exchange: exchange, title: tr("Sign and Send"),
                                summary: Self.summary(formId: formId, database: exchange.context.database),
                                acceptLabel: tr("_Sign and Send"), transientFor: parent)
        dialog = signing.window
        signing.work = { [weak self] signer in await self?.send(with: signer) }
        signing.onClosed = { [weak self] phase in self?.closed(in: phase) }
    }

    // MARK: Test hooks: what the user does

    public func enterPassword(_ text: String) { signing.enterPassword(text) }
    public func enterCabinetPassword(_ text: String) { signing.enterCabinetPassword(text) }
    public func accept() { signing.accept() }

    private func send(with signer: any Signer) async {
        signing.showProgress(tr("Sending to IS ESF…"))
        let outcome = await exchange.sendForm(id: formId, signer: signer, options: options) { [weak self] text in
            self?.signing.showProgress(text)
        }
        let (success, title, text) = Self.describe(outcome)
        signing.showResult(success: success, title: title, text: text)
        tell(outcome)
    }

    private func closed(in phase: SigningDialog.Phase) {
        switch phase {
        case .form, .opening: tell(.cancelled)
        case .working: tell(.pending(tr("Qoima stopped waiting, but the form is still on its way to IS ESF: its status updates by itself.")))
        case .finished, .closed: break
        }
        Self.running[ObjectIdentifier(self)] = nil
    }

    private func tell(_ outcome: FormSendOutcome) {
        guard let finished else { return }
        self.finished = nil
        finished(outcome)
    }

    private static func summary(formId: Int64, database: QoimaDatabase) -> String {
        guard let form = try? UFormStore(database: database).form(id: formId)?.form else { return tr("Form") }
        return tr("%1$@ No. %2$@ of %3$@", form.type.map(FormWords.title(of:)) ?? tr("Form"), form.number,
                  form.date?.ddMMyyyy ?? "—")
    }

    static func describe(_ outcome: FormSendOutcome) -> (Bool, String, String) {
        switch outcome {
        case let .processed(number):
            return (true, tr("Processed by IS ESF"),
                    number.map { tr("Registration number: %1$@\nThe balances have changed.", $0) }
                        ?? tr("The balances have changed."))
        case let .failed(errors):
            return (false, tr("IS ESF did not process the form"), errors.joined(separator: "\n"))
        case let .pending(text):
            return (true, tr("Sent; IS ESF has not finished with it yet"), text)
        case .cancelled:
            return (false, tr("Not sent"), "")
        }
    }
}
