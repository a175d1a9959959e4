import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaSigning

/// Confirming, declining or revoking one SNT: the signing dialog with the answer's own fields
/// (a power of attorney, or a cause with the warning that the linked ESF is cancelled too), the
/// action through the outbox off the main thread, and its outcome.
@MainActor
final class SntActionFlow {
    let kind: SntActionKind
    let signing: SigningDialog
    private let fields: Builder
    private let sntId: Int64
    private let exchange: DeskExchange
    private var finished: (@MainActor (ActionOutcome) -> Void)?
    private var powerOfAttorney: (number: String, date: CalendarDate)?
    private var cause = ""
    private static var running: [ObjectIdentifier: SntActionFlow] = [:]

    /// Opens the dialog for `kind` on SNT `sntId` (`summary` names it) over `parent`.
    @discardableResult
    static func start(_ kind: SntActionKind, sntId: Int64, summary: String, exchange: DeskExchange,
                      over parent: ObjectHandle?, finished: @escaping @MainActor (ActionOutcome) -> Void) -> SntActionFlow {
        let flow = SntActionFlow(kind, sntId: sntId, summary: summary, exchange: exchange, parent: parent,
                                 finished: finished)
        running[ObjectIdentifier(flow)] = flow
        flow.signing.present()
        // The answer's own fields come first.
        gtk_widget_grab_focus(flow.fields.object(SntAnswerRules.needsCause(kind) ? "cause_row" : "poa_number_row").widget)
        return flow
    }

    private init(_ kind: SntActionKind, sntId: Int64, summary: String, exchange: DeskExchange, parent: ObjectHandle?,
                 finished: @escaping @MainActor (ActionOutcome) -> Void) {
        self.kind = kind
        self.sntId = sntId
        self.exchange = exchange
        self.finished = finished
        let (title, accept) = Self.titles(kind)
        signing = SigningDialog(exchange: exchange, title: title, summary: summary, acceptLabel: accept,
                                transientFor: parent)
        fields = Builder(resource: "/kz/qoima/Qoima/ui/snt-action-dialog.ui")
        let needsCause = SntAnswerRules.needsCause(kind)
        gtk_widget_set_visible(fields.object("poa_group").widget, needsCause ? 0 : 1)
        gtk_widget_set_visible(fields.object("cause_group").widget, needsCause ? 1 : 0)
        if SntAnswerRules.cancelsLinkedInvoice(kind) {
            gtk_label_set_text(fields.object("warning_label").cPointer(), kind == .decline
                ? tr("Declining is final. If an ESF was issued on this SNT, IS ESF cancels it too (“cancelled upon rejection of the SNT”), and the supplier's reserved goods are released.")
                : tr("Revoking is final. If an ESF was issued on this SNT, IS ESF cancels it too (“cancelled upon recall of the SNT”), and the reserved goods return to your balance."))
            gtk_widget_set_visible(fields.object("warning_label").widget, 1)
            signing.markAcceptDestructive()
        }
        signing.addExtra(fields.object("action_fields"))
        signing.validate = { [weak self] in self?.readFields() ?? false }
        signing.work = { [weak self] signer in await self?.perform(with: signer) }
        signing.onClosed = { [weak self] phase in self?.closed(in: phase) }
    }

    // MARK: What the user does (tests call the same)

    func enterPowerOfAttorney(number: String, date: String) {
        gtk_editable_set_text(fields.object("poa_number_row").cPointer(), number)
        gtk_editable_set_text(fields.object("poa_date_row").cPointer(), date)
    }

    func enterCause(_ text: String) { gtk_editable_set_text(fields.object("cause_row").cPointer(), text) }

    /// The message under the fields, when one is shown.
    var fieldErrorText: String? {
        let label = fields.object("error_label")
        return gtk_widget_get_visible(label.widget) != 0 ? String(cString: gtk_label_get_text(label.cPointer())) : nil
    }

    /// The warning shown for a decline or revocation.
    var warningText: String? {
        let label = fields.object("warning_label")
        return gtk_widget_get_visible(label.widget) != 0 ? String(cString: gtk_label_get_text(label.cPointer())) : nil
    }

    // MARK: Checking and doing

    /// Reads the answer's fields; says what is wrong, and where, when they will not do.
    private func readFields() -> Bool {
        for id in ["poa_number_row", "poa_date_row", "cause_row"] {
            gtk_widget_remove_css_class(fields.object(id).widget, "error")
        }
        gtk_widget_set_visible(fields.object("error_label").widget, 0)
        if SntAnswerRules.needsCause(kind) {
            cause = text("cause_row").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !cause.isEmpty else {
                return refuse(kind == .decline ? tr("Say why you decline the SNT: IS ESF does not accept a decline without a cause.")
                                               : tr("Say why you revoke the SNT: IS ESF does not accept a revocation without a cause."),
                              at: "cause_row")
            }
            return true
        }
        let number = text("poa_number_row").trimmingCharacters(in: .whitespaces)
        let dateText = text("poa_date_row").trimmingCharacters(in: .whitespaces)
        if number.isEmpty, dateText.isEmpty {
            powerOfAttorney = nil
            return true
        }
        guard !dateText.isEmpty || !SntAnswerRules.powerOfAttorneyNeedsBothParts else {
            return refuse(tr("86.3: give the date of power of attorney %1$@ as dd.mm.yyyy.", number), at: "poa_date_row")
        }
        guard let date = CalendarDate(ddMMyyyy: dateText) else {
            return refuse(tr("86.3: “%1$@” is not a date; write it as dd.mm.yyyy, e.g. 05.03.2026.", dateText),
                          at: "poa_date_row")
        }
        guard !number.isEmpty || !SntAnswerRules.powerOfAttorneyNeedsBothParts else {
            return refuse(tr("86.2: give the number of the power of attorney dated %1$@.", dateText), at: "poa_number_row")
        }
        powerOfAttorney = (number, date)
        return true
    }

    private func refuse(_ message: String, at row: String) -> Bool {
        let label = fields.object("error_label")
        gtk_label_set_text(label.cPointer(), message)
        gtk_widget_set_visible(label.widget, 1)
        gtk_widget_add_css_class(fields.object(row).widget, "error")
        gtk_widget_grab_focus(fields.object(row).widget)
        return false
    }

    private func text(_ id: String) -> String {
        String(cString: gtk_editable_get_text(fields.object(id).cPointer()))
    }

    private func perform(with signer: any Signer) async {
        signing.showProgress(tr("Sending the answer to IS ESF…"))
        let outcome: ActionOutcome
        switch kind {
        case .confirm: outcome = await exchange.confirm(sntId: sntId, powerOfAttorney: powerOfAttorney, signer: signer)
        case .decline: outcome = await exchange.decline(sntId: sntId, cause: cause, signer: signer)
        case .revoke: outcome = await exchange.revoke(sntId: sntId, cause: cause, signer: signer)
        }
        switch outcome {
        case let .applied(status):
            signing.showResult(success: true, title: tr("Done"), text: tr("Status: %1$@", SntStatusBadge.text(of: status)))
        case let .failed(text):
            signing.showResult(success: false, title: tr("IS ESF did not accept the answer"), text: text)
        case let .pending(text):
            signing.showResult(success: true, title: tr("Sent; IS ESF has not answered yet"), text: text)
        case .cancelled:
            break
        }
        tell(outcome)
    }

    private func closed(in phase: SigningDialog.Phase) {
        switch phase {
        case .form, .opening: tell(.cancelled)
        case .working: tell(.pending(tr("Qoima stopped waiting, but the answer is still on its way to IS ESF.")))
        case .finished, .closed: break
        }
        Self.running[ObjectIdentifier(self)] = nil
    }

    private func tell(_ outcome: ActionOutcome) {
        guard let finished else { return }
        self.finished = nil
        finished(outcome)
    }

    private static func titles(_ kind: SntActionKind) -> (String, String) {
        switch kind {
        case .confirm: (tr("Confirm the SNT"), tr("_Sign and Confirm"))
        case .decline: (tr("Decline the SNT"), tr("_Sign and Decline"))
        case .revoke: (tr("Revoke the SNT"), tr("_Sign and Revoke"))
        }
    }
}
