import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// A form as IS ESF reports it, ready to be stored.
public struct ExchangedUForm: Sendable {
    public var esfId: Int64
    public var status: UFormStatus
    public var registrationNumber: String?
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    public var cancelReason: String?
    /// The `uFormBody` as IS ESF holds it; nil when only the status is known.
    public var body: String?
    public var signature: String?
    public var errors: [ExchangeError]?

    public init(esfId: Int64, status: UFormStatus, registrationNumber: String? = nil, inputDate: Date? = nil,
                lastUpdateDate: Date? = nil, cancelReason: String? = nil, body: String? = nil, signature: String? = nil,
                errors: [ExchangeError]? = nil) {
        self.esfId = esfId
        self.status = status
        self.registrationNumber = registrationNumber
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.body = body
        self.signature = signature
        self.errors = errors
    }
}

/// What a form sync stored.
public struct UFormSyncCount: Hashable, Sendable {
    public var updated = 0
    public var inserted = 0
    /// IS ESF ids whose body could not be read: not stored.
    public var unreadable: [Int64] = []
    public init() {}
}

/// The states a form's send goes through, each one transaction with an audit entry, so that after
/// any crash the row says how far the send got (see `UFormSendState`).
extension UFormStore {
    /// Queues form `id` for sending, after checking it again (`review`: the cached balances may
    /// have changed since it was saved). A form already on its way is returned as it is (queued
    /// once, however often asked); a form with errors, or one IS ESF holds, is refused.
    @discardableResult
    public func queueSend(id: Int64, today: CalendarDate = KazakhstanClock.today()) throws -> StoredUForm {
        // A refusal is returned from the transaction, not thrown in it, so the problems found are kept.
        let outcome: Result<StoredUForm, UFormSendError> = try database.pool.write { db in
            guard let stored = try Self.stored(id: id, db) else { throw UFormStoreError.missing(id) }
            if stored.exchange.sendState?.isActive == true { return .success(stored) }
            guard stored.isEditable else { throw UFormStoreError.notEditable(stored.reference) }
            let review = try Self.review(stored.form, companyId: stored.companyId, today: today, db)
            let errors = review.problems.filter { $0.severity == .error }.count
            try db.execute(sql: "UPDATE uform SET problems = ?, errorCount = ?, warningCount = ? WHERE id = ?",
                           arguments: [UFormProblemList.json(review.problems), errors, review.problems.count - errors, id])
            guard errors == 0 else { return .failure(UFormSendError.hasErrors(stored.reference, review.problems)) }
            try db.execute(sql: """
                UPDATE uform SET sendState = 'pending', sentRevision = revision, sendError = NULL, updatedAt = ?
                WHERE id = ?
                """, arguments: [Timestamp.now(), id])
            try AuditLog.append(db, entity: "uform", id: id, action: "queue", detail: "revision \(stored.revision)")
            return .success(try Self.stored(id: id, db)!)
        }
        return try outcome.get()
    }

    /// The company's forms whose send is in one of `states`, oldest first.
    public func forms(companyId: Int64, sendStates states: Set<UFormSendState>) throws -> [StoredUForm] {
        try database.pool.read { db in
            let marks = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            return try Row.fetchAll(db, sql: "SELECT * FROM uform WHERE companyId = ? AND sendState IN (\(marks)) ORDER BY id",
                                    arguments: [companyId]).map(Self.decode)
        }
    }

    /// The company's forms IS ESF holds whose status is not final.
    public func pendingForms(companyId: Int64) throws -> [StoredUForm] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM uform WHERE companyId = ? AND esfId IS NOT NULL
                    AND status NOT IN ('DRAFT', 'PROCESSED', 'CANCELED', 'FAILED') ORDER BY id
                """, arguments: [companyId]).map(Self.decode)
        }
    }

    /// After a crash: a send left `sending` may have reached IS ESF, so it becomes uncertain.
    @discardableResult
    public func recoverInterruptedSends(companyId: Int64) throws -> Int {
        try database.pool.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM uform WHERE companyId = ? AND sendState = 'sending'",
                                         arguments: [companyId])
            for id in ids { try Self.move(id, to: .uncertain, error: "interrupted while sending", db) }
            return ids.count
        }
    }

    /// Marks the send `sending` and counts the attempt; call it, and let it commit, before the
    /// upload leaves. Returns the body to sign, which is the body of the revision queued.
    public func beginAttempt(id: Int64) throws -> StoredUForm {
        try database.pool.write { db in
            guard let stored = try Self.stored(id: id, db) else { throw UFormStoreError.missing(id) }
            guard stored.exchange.sendState == .pending || stored.exchange.sendState == .uncertain else {
                throw UFormStoreError.notEditable(stored.reference)
            }
            let now = Timestamp.now()
            try db.execute(sql: """
                UPDATE uform SET sendState = 'sending', sendAttempts = sendAttempts + 1, lastAttemptAt = ?,
                    firstSentAt = coalesce(firstSentAt, ?), updatedAt = ? WHERE id = ?
                """, arguments: [now, now, now, id])
            try AuditLog.append(db, entity: "uform", id: id, action: "send",
                                detail: "attempt \(stored.exchange.attempts + 1)")
            return try Self.stored(id: id, db)!
        }
    }

    /// The upload certainly did not reach IS ESF: back to pending, with the reason.
    public func notSent(id: Int64, error: String) throws {
        try database.pool.write { try Self.move(id, to: .pending, error: error, $0) }
    }

    /// The answer was lost: IS ESF may hold the form.
    public func answerLost(id: Int64, error: String) throws {
        try database.pool.write { try Self.move(id, to: .uncertain, error: error, $0) }
    }

    /// IS ESF took the form as `esfId`. A copy a sync stored before the answer was known is the
    /// same form: it is removed, so the draft is its one row.
    public func accepted(id: Int64, esfId: Int64, signature: String?) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM uform WHERE esfId = ? AND id != ? AND origin = 'esf'", arguments: [esfId, id])
            try db.execute(sql: """
                UPDATE uform SET esfId = ?, esfSignature = coalesce(?, esfSignature), status = 'CREATED', esfErrors = '[]',
                    cancelReason = NULL WHERE id = ?
                """, arguments: [esfId, signature, id])
            try Self.move(id, to: .accepted, error: nil, db)
        }
    }

    /// IS ESF refused the upload: the form failed, with IS ESF's errors, and can be fixed.
    public func refused(id: Int64, errors: [ExchangeError], reason: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE uform SET status = 'FAILED', esfErrors = ?, cancelReason = ? WHERE id = ?",
                           arguments: [Self.json(errors), reason, id])
            try Self.move(id, to: .failed, error: reason, db)
        }
    }

    /// Stores what IS ESF says of the company's forms: known ones (by IS ESF id) are updated and
    /// their sends finished when the status is final; unknown ones, made on the portal or by
    /// another program, are added (`origin` esf) when their body is known, except those a fixed
    /// failed draft set aside. `cursor`, when given, is saved in the same transaction.
    @discardableResult
    public func apply(_ forms: [ExchangedUForm], companyId: Int64, cursor: String? = nil) throws -> UFormSyncCount {
        try database.pool.write { db in
            var count = UFormSyncCount()
            let abandoned = Set(try String.fetchAll(db, sql: "SELECT abandonedEsfIds FROM uform WHERE companyId = ?",
                                                    arguments: [companyId])
                .flatMap { (try? JSONDecoder().decode([Int64].self, from: Data($0.utf8))) ?? [] })
            for form in forms {
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM uform WHERE esfId = ? AND companyId = ?",
                                               arguments: [form.esfId, companyId]) {
                    try Self.update(id, with: form, db)
                    count.updated += 1
                } else if !abandoned.contains(form.esfId), let body = form.body {
                    guard let decoded = try? UFormXMLReader.read(body) else {
                        count.unreadable.append(form.esfId)
                        continue
                    }
                    let id = try Self.insert(decoded.form, problems: [], companyId: companyId, db)
                    try db.execute(sql: "UPDATE uform SET origin = 'esf', body = ?, esfId = ? WHERE id = ?",
                                   arguments: [body, form.esfId, id])
                    try Self.update(id, with: form, db)
                    count.inserted += 1
                }
            }
            if let cursor {
                try db.execute(sql: """
                    INSERT INTO uformSync (companyId, cursor, updatedAt) VALUES (?, ?, ?)
                    ON CONFLICT (companyId) DO UPDATE SET cursor = excluded.cursor, updatedAt = excluded.updatedAt
                    """, arguments: [companyId, cursor, Timestamp.now()])
            }
            return count
        }
    }

    /// The form feed's cursor as last saved (JSON the sync understands), and when.
    public func syncCursor(companyId: Int64) throws -> (cursor: String, updatedAt: Date?)? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT cursor, updatedAt FROM uformSync WHERE companyId = ?",
                             arguments: [companyId]).map { ($0["cursor"], Timestamp.parse($0["updatedAt"])) }
        }
    }

    /// IS ESF ids the company's own forms hold.
    public func claimedEsfIds(companyId: Int64) throws -> Set<Int64> {
        try database.pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT esfId FROM uform WHERE companyId = ? AND esfId IS NOT NULL AND origin = 'qoima'",
                                   arguments: [companyId]))
        }
    }

    // MARK: Rows

    static func update(_ id: Int64, with form: ExchangedUForm, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE uform SET status = ?, registrationNumber = coalesce(?, registrationNumber), inputDate = coalesce(?, inputDate),
                lastUpdateDate = coalesce(?, lastUpdateDate), cancelReason = ?, esfSignature = coalesce(?, esfSignature),
                esfErrors = coalesce(?, esfErrors), updatedAt = ?
            WHERE id = ?
            """, arguments: [
                form.status.rawValue, form.registrationNumber?.isEmpty == false ? form.registrationNumber : nil,
                form.inputDate.map(PreciseTimestamp.text), form.lastUpdateDate.map(PreciseTimestamp.text),
                form.cancelReason, form.signature, form.errors.map(Self.json), Timestamp.now(), id,
            ])
        if let number = form.registrationNumber, !number.isEmpty, let stored = try stored(id: id, db) {
            try db.execute(sql: "UPDATE uform SET searchText = ? WHERE id = ?",
                           arguments: [searchText(stored.form, registrationNumber: number), id])
        }
        let sendState = try String.fetchOne(db, sql: "SELECT sendState FROM uform WHERE id = ?", arguments: [id])
        if form.status.isFinal, let sendState, UFormSendState(rawValue: sendState)?.isActive == true {
            try move(id, to: form.status == .failed ? .failed : .done, error: form.status == .failed ? form.cancelReason : nil, db)
        }
        try AuditLog.append(db, entity: "uform", id: id, action: "status", detail: form.status.rawValue)
    }

    static func move(_ id: Int64, to state: UFormSendState, error: String?, _ db: Database) throws {
        try db.execute(sql: "UPDATE uform SET sendState = ?, sendError = coalesce(?, sendError), updatedAt = ? WHERE id = ?",
                       arguments: [state.rawValue, error, Timestamp.now(), id])
        guard db.changesCount == 1 else { throw UFormStoreError.missing(id) }
        try AuditLog.append(db, entity: "uform", id: id, action: "send-" + state.rawValue, detail: error ?? "")
    }
}

/// Why a form was not queued.
public enum UFormSendError: Error, Equatable, CustomStringConvertible {
    /// The checks found errors: fix them first.
    case hasErrors(UFormReference, [UFormProblem])

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .hasErrors(form, problems):
            let errors = problems.filter { $0.severity == .error }
            let list = errors.prefix(3).map { "\($0.location): \($0.message(in: language))" }.joined(separator: "; ")
            return LocalizedText(kk: "№%1$@ формада %2$@ қате бар, алдымен оларды түзетіңіз: %3$@",
                                 ru: "в форме № %1$@ ошибок: %2$@; сначала исправьте их: %3$@",
                                 en: "form %1$@ has %2$@ errors; fix them first: %3$@")
                .text(in: language, [form.number, String(errors.count), list])
        }
    }
}
