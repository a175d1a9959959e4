import Foundation
import QoimaCore

/// One piece of work on its way to IS ESF — sending an SNT, or confirming, declining or revoking
/// one — kept in the database so that no send is lost or made twice, whatever happens to the
/// network or to Qoima between the request and its answer.
public struct OutboxJob: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case sendSnt, confirmSnt, declineSnt, revokeSnt
    }

    /// Where a job is. Only `pending` and `uncertain` jobs are worked on; `done`, `failed` and
    /// `cancelled` are final.
    public enum State: String, CaseIterable, Sendable, Codable {
        /// Waiting to be sent; IS ESF has certainly not received it.
        case pending
        /// A request is on its way. Found in this state after a crash, the job becomes uncertain.
        case sending
        /// A request went out and its answer was lost: IS ESF may have acted on it. It is never
        /// sent again before IS ESF has been asked whether it did.
        case uncertain
        /// IS ESF took the document (it has an IS ESF id) and is still checking it.
        case accepted
        /// Registered, or the action applied.
        case done
        /// IS ESF refused it; `lastError` says why.
        case failed
        /// Withdrawn by the user before it was ever sent.
        case cancelled

        public var isFinal: Bool { self == .done || self == .failed || self == .cancelled }

        /// The state as the user reads it.
        public func label(in language: Language) -> String {
            switch self {
            case .pending: LocalizedText(kk: "Жіберуді күтуде", ru: "Ожидает отправки", en: "Waiting to be sent")
                .text(in: language)
            case .sending: LocalizedText(kk: "Жіберілуде", ru: "Отправляется", en: "Sending").text(in: language)
            case .uncertain:
                LocalizedText(kk: "Жауап жоғалды: ЭШФ АЖ-дан тексеріледі",
                              ru: "Ответ потерян: проверяется в ИС ЭСФ",
                              en: "Answer lost: being checked with IS ESF").text(in: language)
            case .accepted: LocalizedText(kk: "ЭШФ АЖ қабылдады, тексерілуде", ru: "Принят ИС ЭСФ, проверяется",
                                          en: "Accepted by IS ESF, being checked").text(in: language)
            case .done: LocalizedText(kk: "Орындалды", ru: "Выполнено", en: "Done").text(in: language)
            case .failed: LocalizedText(kk: "Қабылданбады", ru: "Отклонено", en: "Refused").text(in: language)
            case .cancelled: LocalizedText(kk: "Болдырылмады", ru: "Отменено", en: "Cancelled").text(in: language)
            }
        }
    }

    public var id: Int64
    public var companyId: Int64
    public var kind: Kind
    /// The local SNT the job is about.
    public var sntId: Int64?
    /// IS ESF's id of the document: known once accepted (a send) or from the start (an action).
    public var esfId: Int64?
    /// The document's own number and date (A 1, A 2), how a lost send is found again.
    public var number: String?
    public var documentDate: CalendarDate?
    /// What the job needs besides the document (an action's cause, power of attorney), as JSON.
    public var payload: String
    public var state: State
    public var attempts: Int
    /// When the first request went out; a lost send is looked for from shortly before.
    public var firstSentAt: Date?
    public var lastAttemptAt: Date?
    /// The outcome in words: the registration number, or the status reached.
    public var result: String?
    /// Why the last attempt did not finish the job.
    public var lastError: String?
    public var createdAt: Date
}

/// What a new job is, before it has an id.
public struct NewOutboxJob: Hashable, Sendable {
    public var companyId: Int64
    public var kind: OutboxJob.Kind
    public var sntId: Int64?
    public var esfId: Int64?
    public var number: String?
    public var documentDate: CalendarDate?
    public var payload: String
    /// Two requests for the same work share a key, so the second finds the first job instead
    /// of making another (a double click, a second `snt send` of the same draft).
    public var idempotencyKey: String

    public init(companyId: Int64, kind: OutboxJob.Kind, sntId: Int64?, esfId: Int64? = nil, number: String? = nil,
                documentDate: CalendarDate? = nil, payload: String = "{}", idempotencyKey: String) {
        self.companyId = companyId
        self.kind = kind
        self.sntId = sntId
        self.esfId = esfId
        self.number = number
        self.documentDate = documentDate
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }
}
