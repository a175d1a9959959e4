import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaStore

/// Sending one form: uploaded and followed until IS ESF's verdict (`SigningFlow`).
public typealias FormSendFlow = SigningFlow<FormSendOutcome>

extension SigningFlow where Outcome == FormSendOutcome {
    @discardableResult
    public static func start(formId: Int64, exchange: DeskExchange, options: UFormSender.Options = UFormSender.Options(),
                             over parent: ObjectHandle, finished: @escaping @MainActor (FormSendOutcome) -> Void) -> FormSendFlow {
        start(Use(summary: summary(formId: formId, database: exchange.context.database),
                  send: { signer, progress in
                      await exchange.sendForm(id: formId, signer: signer, options: options, progress: progress)
                  },
                  describe: describe,
                  cancelled: .cancelled,
                  stoppedWaiting: .pending(tr("Qoima stopped waiting, but the form is still on its way to IS ESF: its status updates by itself."))),
              exchange: exchange, over: parent, finished: finished)
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
