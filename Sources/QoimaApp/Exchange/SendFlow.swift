import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaSigning
import QoimaStore

/// Sending one draft: the signing dialog over the window that asked, the send through the
/// outbox (off the main thread), its progress in the dialog, and the outcome, both shown and
/// handed to `finished`.
@MainActor
public final class SendFlow {
    public let dialog: ObjectHandle
    private let signing: SigningDialog
    private let draftId: Int64
    private let exchange: DeskExchange
    private var finished: (@MainActor (SendOutcome) -> Void)?
    /// Flows alive until their outcome is told (nobody else need keep them).
    private static var running: [ObjectIdentifier: SendFlow] = [:]

    /// Opens the signing dialog over `parent` for the draft, sends it, and calls `finished` on the main actor.
    @discardableResult
    public static func start(draftId: Int64, exchange: DeskExchange, over parent: ObjectHandle,
                             finished: @escaping @MainActor (SendOutcome) -> Void) -> SendFlow {
        let flow = SendFlow(draftId: draftId, exchange: exchange, parent: parent, finished: finished)
        running[ObjectIdentifier(flow)] = flow
        flow.signing.present()
        return flow
    }

    private init(draftId: Int64, exchange: DeskExchange, parent: ObjectHandle,
                 finished: @escaping @MainActor (SendOutcome) -> Void) {
        self.draftId = draftId
        self.exchange = exchange
        self.finished = finished
        signing = SigningDialog(exchange: exchange, title: tr("Sign and Send"),
                                summary: Self.summary(draftId: draftId, exchange: exchange),
                                acceptLabel: tr("_Sign and Send"), transientFor: parent)
        dialog = signing.window
        signing.work = { [weak self] signer in await self?.send(with: signer) }
        signing.onClosed = { [weak self] phase in self?.closed(in: phase) }
    }

    // MARK: Test hooks: what the user does

    public func enterPassword(_ text: String) { signing.enterPassword(text) }
    public func enterCabinetPassword(_ text: String) { signing.enterCabinetPassword(text) }
    public func accept() { signing.accept() }

    /// The dialog itself, for tests that read what it shows.
    var signingDialog: SigningDialog { signing }

    // MARK: The send

    private func send(with signer: any Signer) async {
        signing.showProgress(tr("Sending to IS ESF…"))
        let outcome = await exchange.send(draftId: draftId, signer: signer) { [weak self] text in
            self?.signing.showProgress(text)
        }
        let (success, title, text) = Self.describe(outcome)
        signing.showResult(success: success, title: title, text: text)
        tell(outcome)
    }

    /// The user closed the dialog: before anything was sent the send is cancelled; while it
    /// runs, Qoima only stops waiting for it.
    private func closed(in phase: SigningDialog.Phase) {
        switch phase {
        case .form, .opening: tell(.cancelled)
        case .working: tell(.pending(tr("Qoima stopped waiting, but the SNT is still on its way to IS ESF: its status updates by itself.")))
        case .finished, .closed: break
        }
        Self.running[ObjectIdentifier(self)] = nil
    }

    private func tell(_ outcome: SendOutcome) {
        guard let finished else { return }
        self.finished = nil
        finished(outcome)
    }

    // MARK: Words

    private static func summary(draftId: Int64, exchange: DeskExchange) -> String {
        guard let draft = try? SntDraftStore(database: exchange.context.database).draft(id: draftId)?.snt else {
            return tr("SNT")
        }
        return tr("SNT No. %1$@ of %2$@ to %3$@", draft.number, draft.date?.ddMMyyyy ?? "—", draft.customer.name)
    }

    /// The outcome as the dialog shows it: success, a title and the details.
    static func describe(_ outcome: SendOutcome) -> (Bool, String, String) {
        switch outcome {
        case let .registered(number, status):
            return (true, tr("Registered in IS ESF"),
                    tr("Registration number: %1$@\nStatus: %2$@", number, SntStatusBadge.text(of: status)))
        case let .failed(errors):
            return (false, tr("IS ESF did not register the SNT"), errors.map(errorLine).joined(separator: "\n"))
        case let .pending(text):
            return (true, tr("Sent; IS ESF has not answered yet"), text)
        case .cancelled:
            return (false, tr("Not sent"), "")
        }
    }

    /// `G1.6[1]: text`, or the text alone for an error about the whole document.
    static func errorLine(_ error: ExchangeError) -> String {
        guard let location = error.location else { return error.text }
        return location + ": " + error.text
    }
}
