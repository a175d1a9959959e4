import QoimaCore
import QoimaStore

/// Which answers an SNT takes, and what each needs, in one place (domain.md §4, §5.6, §15 U6).
enum SntAnswerRules {
    /// Confirming, declining and revoking are offered while IS ESF waits for the receiver:
    /// NOT_VIEWED and DELIVERED. (IS ESF also lists CREATED, but until it registers the SNT the
    /// receiver does not see it, and revoking what is not registered has no sense.)
    static func actions(direction: SntDirection, status: SntStatus, registered: Bool) -> [SntActionKind] {
        guard registered, SntAnswerDeadline.awaitsAnswer(status) else { return [] }
        return direction == .incoming ? [.confirm, .decline] : [.revoke]
    }

    /// CONFIRM takes an optional power of attorney (number 86.2, date 86.3). Assumed: a number
    /// without its date (or a date without its number) names no document, so both or neither.
    static let powerOfAttorneyNeedsBothParts = true

    /// DECLINE and REVOKE need a cause; IS ESF refuses a decline without one (U10).
    static func needsCause(_ kind: SntActionKind) -> Bool { kind != .confirm }

    /// Declining or revoking an SNT cancels the ESF issued on it: IS ESF gives that ESF the
    /// status "cancelled upon rejection (recall) of the SNT" (domain.md §4, reported; U13).
    static func cancelsLinkedInvoice(_ kind: SntActionKind) -> Bool { kind != .confirm }
}
