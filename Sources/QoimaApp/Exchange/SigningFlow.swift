import CGtk
import Foundation
import GtkKit
import QoimaSigning

/// Signing and sending one document: the signing dialog over the window that asked, the send
/// off the main thread with its progress in the dialog, and the outcome, both shown and handed to
/// `finished`. Closing the dialog before anything was sent cancels; closing it while the send
/// runs only stops the waiting. `SendFlow` (an SNT) and `FormSendFlow` (a form) are its two uses.
@MainActor
public final class SigningFlow<Outcome: Sendable> {
    /// How a use of the flow sends and speaks.
    struct Use {
        /// What the dialog says is signed.
        var summary: String
        /// Sends with the key the user opened, telling progress.
        var send: @MainActor (any Signer, _ progress: @escaping @MainActor @Sendable (String) -> Void) async -> Outcome
        /// The outcome as the dialog shows it: success, a title and the details.
        var describe: @MainActor (Outcome) -> (Bool, String, String)
        var cancelled: Outcome
        /// Closed while the send runs: the document is still on its way.
        var stoppedWaiting: Outcome
    }

    public let dialog: ObjectHandle
    let signing: SigningDialog
    private let use: Use
    private var finished: (@MainActor (Outcome) -> Void)?

    static func start(_ use: Use, exchange: DeskExchange, over parent: ObjectHandle,
                      finished: @escaping @MainActor (Outcome) -> Void) -> SigningFlow {
        let flow = SigningFlow(use, exchange: exchange, parent: parent, finished: finished)
        RunningFlows.all[ObjectIdentifier(flow)] = flow
        flow.signing.present()
        return flow
    }

    private init(_ use: Use, exchange: DeskExchange, parent: ObjectHandle, finished: @escaping @MainActor (Outcome) -> Void) {
        self.use = use
        self.finished = finished
        signing = SigningDialog(exchange: exchange, title: tr("Sign and Send"), summary: use.summary,
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

    private func send(with signer: any Signer) async {
        signing.showProgress(tr("Sending to IS ESF…"))
        let outcome = await use.send(signer) { [weak self] text in self?.signing.showProgress(text) }
        let (success, title, text) = use.describe(outcome)
        signing.showResult(success: success, title: title, text: text)
        tell(outcome)
    }

    private func closed(in phase: SigningDialog.Phase) {
        switch phase {
        case .form, .opening: tell(use.cancelled)
        case .working: tell(use.stoppedWaiting)
        case .finished, .closed: break
        }
        RunningFlows.all[ObjectIdentifier(self)] = nil
    }

    private func tell(_ outcome: Outcome) {
        guard let finished else { return }
        self.finished = nil
        finished(outcome)
    }
}

/// Flows alive until their outcome is told (nobody else need keep them).
@MainActor
private enum RunningFlows {
    static var all: [ObjectIdentifier: AnyObject] = [:]
}
