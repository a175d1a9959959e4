import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// Sending one SNT draft through the outbox (`SigningFlow`).
public typealias SendFlow = SigningFlow<SendOutcome>

extension SigningFlow where Outcome == SendOutcome {
    /// Opens the signing dialog over `parent` for the draft, sends it, and calls `finished` on the main actor.
    @discardableResult
    public static func start(draftId: Int64, exchange: DeskExchange, over parent: ObjectHandle,
                             finished: @escaping @MainActor (SendOutcome) -> Void) -> SendFlow {
        start(Use(summary: summary(draftId: draftId, exchange: exchange),
                  send: { signer, progress in await exchange.send(draftId: draftId, signer: signer, progress: progress) },
                  describe: describe,
                  cancelled: .cancelled,
                  stoppedWaiting: .pending(tr("Qoima stopped waiting, but the SNT is still on its way to IS ESF: its status updates by itself."))),
              exchange: exchange, over: parent, finished: finished)
    }

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
