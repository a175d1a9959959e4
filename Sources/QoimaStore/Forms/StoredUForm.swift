import Foundation
import QoimaCore

/// Where a form's send stands. The form's row is its own outbox job: it is marked `sending` and
/// committed before the upload leaves, so a send whose answer was lost (`uncertain`) is looked
/// for in IS ESF before it is ever sent again.
public enum UFormSendState: String, CaseIterable, Sendable, Codable {
    /// Queued; IS ESF has certainly not received it.
    case pending
    /// An upload is on its way; found so after a crash, the send becomes uncertain.
    case sending
    /// The answer was lost: IS ESF may hold the form.
    case uncertain
    /// IS ESF took it (it has an IS ESF id) and has not said its last word.
    case accepted
    /// IS ESF's status is final: processed or cancelled.
    case done
    /// Refused at upload or failed IS ESF's checks; `sendError` says why.
    case failed

    /// On its way: the form cannot be edited, deleted or queued again.
    public var isActive: Bool { self == .pending || self == .sending || self == .uncertain || self == .accepted }

    public var label: LocalizedText {
        switch self {
        case .pending: LocalizedText(kk: "Жіберуді күтуде", ru: "Ожидает отправки", en: "Waiting to be sent")
        case .sending: LocalizedText(kk: "Жіберілуде", ru: "Отправляется", en: "Sending")
        case .uncertain: LocalizedText(kk: "Жауап жоғалды: ЭШФ АЖ-дан тексеріледі",
                                       ru: "Ответ потерян: проверяется в ИС ЭСФ",
                                       en: "Answer lost: being checked with IS ESF")
        case .accepted: LocalizedText(kk: "ЭШФ АЖ қабылдады, өңделуде", ru: "Принята ИС ЭСФ, обрабатывается",
                                      en: "Accepted by IS ESF, being processed")
        case .done: LocalizedText(kk: "Аяқталды", ru: "Завершено", en: "Finished")
        case .failed: LocalizedText(kk: "Қабылданбады", ru: "Отклонено", en: "Refused")
        }
    }
}

/// Who made a stored form: drawn up in Qoima, or found in IS ESF's update feed (the portal,
/// another program).
public enum UFormOrigin: String, CaseIterable, Sendable, Codable {
    case qoima, esf
}

/// What IS ESF says of a stored form, and how far its send got.
public struct UFormExchange: Hashable, Sendable {
    public var esfId: Int64?
    /// Given when processed.
    public var registrationNumber: String?
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    /// Why IS ESF cancelled or failed it.
    public var cancelReason: String?
    /// IS ESF's errors, each mapped to the form's field and line where it could be.
    public var errors: [ExchangeError]
    public var sendState: UFormSendState?
    /// The revision that was signed and sent.
    public var sentRevision: Int?
    public var attempts: Int
    public var firstSentAt: Date?
    public var lastAttemptAt: Date?
    public var sendError: String?

    public init(esfId: Int64? = nil, registrationNumber: String? = nil, inputDate: Date? = nil,
                lastUpdateDate: Date? = nil, cancelReason: String? = nil, errors: [ExchangeError] = [],
                sendState: UFormSendState? = nil, sentRevision: Int? = nil, attempts: Int = 0, firstSentAt: Date? = nil,
                lastAttemptAt: Date? = nil, sendError: String? = nil) {
        self.esfId = esfId
        self.registrationNumber = registrationNumber
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.errors = errors
        self.sendState = sendState
        self.sentRevision = sentRevision
        self.attempts = attempts
        self.firstSentAt = firstSentAt
        self.lastAttemptAt = lastAttemptAt
        self.sendError = sendError
    }
}

/// A universal form as the store keeps it.
public struct StoredUForm: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var companyId: Int64
    /// The form as the editor shows it: the user's comment and the write-off's details apart.
    public var form: UForm
    /// The UFormV1 body exactly as `UFormXMLWriter` wrote it from `form.forWire`: what is signed.
    public var body: String
    public var status: UFormStatus
    /// Counts saves, from 1.
    public var revision: Int
    /// The problems of the last check, as saved.
    public var problems: [UFormProblem]
    public var origin: UFormOrigin
    public var exchange: UFormExchange
    public var createdAt: Date
    public var updatedAt: Date

    /// Drafts and failed forms can be changed, unless a send is on its way.
    public var isEditable: Bool {
        (status == .draft || status == .failed) && !(exchange.sendState?.isActive ?? false) && origin == .qoima
    }

    /// Only drafts IS ESF has never seen can be deleted.
    public var isDeletable: Bool { status == .draft && exchange.esfId == nil && !(exchange.sendState?.isActive ?? false) }

    /// Whether the form has problems that stop it from being sent.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
