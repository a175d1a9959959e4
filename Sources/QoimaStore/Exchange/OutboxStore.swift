import Foundation
import GRDB
import QoimaCore

/// The outbox: jobs for IS ESF, each moved from state to state in its own transaction with an
/// audit entry, so that after any crash the database says exactly how far each job got.
///
/// The one rule that keeps sends from being duplicated: a job is marked `sending` and committed
/// *before* its request leaves, so a job found `sending` (the process died waiting) or marked
/// `uncertain` (the answer was lost) is only sent again once IS ESF has been asked whether it
/// already has the document.
public struct OutboxStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Queues a job and returns it; when a job with the same idempotency key exists (final or
    /// not), returns that one instead and queues nothing.
    @discardableResult
    public func enqueue(_ job: NewOutboxJob) throws -> OutboxJob {
        try database.pool.write { db in
            if let existing = try Self.job(key: job.idempotencyKey, db) { return existing }
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO outboxJob (companyId, kind, sntId, esfId, number, documentDate, idempotencyKey, payload,
                    state, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """, arguments: [job.companyId, job.kind.rawValue, job.sntId, job.esfId, job.number,
                                 job.documentDate.map(StoredDate.text), job.idempotencyKey, job.payload, now, now])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, entity: "outboxJob", id: id, action: "enqueue",
                                detail: "\(job.kind.rawValue) snt \(job.sntId.map(String.init) ?? "—")")
            return try Self.job(id: id, db)!
        }
    }

    public func job(id: Int64) throws -> OutboxJob? {
        try database.pool.read { try Self.job(id: id, $0) }
    }

    /// The company's jobs in the given states (all states when empty), oldest first.
    public func jobs(companyId: Int64, in states: Set<OutboxJob.State> = []) throws -> [OutboxJob] {
        try database.pool.read { db in
            let filter = states.isEmpty ? "" : " AND state IN (\(states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))"
            return try Row.fetchAll(db, sql: "SELECT * FROM outboxJob WHERE companyId = ?\(filter) ORDER BY id",
                                    arguments: [companyId]).map(Self.decode)
        }
    }

    /// The latest job about the local SNT `sntId`, to show its state beside the document.
    public func latestJob(sntId: Int64) throws -> OutboxJob? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outboxJob WHERE sntId = ? ORDER BY id DESC LIMIT 1",
                             arguments: [sntId]).map(Self.decode)
        }
    }

    /// After a crash: a job left `sending` may have reached IS ESF, so it becomes uncertain.
    /// Returns how many were found.
    @discardableResult
    public func recoverInterrupted(companyId: Int64) throws -> Int {
        try database.pool.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM outboxJob WHERE companyId = ? AND state = 'sending'",
                                         arguments: [companyId])
            for id in ids {
                try Self.move(id, to: .uncertain, error: "interrupted while sending", db)
            }
            return ids.count
        }
    }

    /// Marks the job `sending` and counts the attempt; call it, and let it commit, before the
    /// request leaves. Refuses a job that is not pending or uncertain.
    public func beginAttempt(_ id: Int64) throws -> OutboxJob {
        try database.pool.write { db in
            guard let job = try Self.job(id: id, db) else { throw OutboxError.missing(id) }
            guard job.state == .pending || job.state == .uncertain else {
                throw OutboxError.wrongState(id, job.state)
            }
            let now = Timestamp.now()
            try db.execute(sql: """
                UPDATE outboxJob SET state = 'sending', attempts = attempts + 1, lastAttemptAt = ?,
                    firstSentAt = coalesce(firstSentAt, ?), updatedAt = ? WHERE id = ?
                """, arguments: [now, now, now, id])
            try AuditLog.append(db, entity: "outboxJob", id: id, action: "send", detail: "attempt \(job.attempts + 1)")
            return try Self.job(id: id, db)!
        }
    }

    /// The request certainly did not reach IS ESF (or IS ESF refused it as a whole without
    /// acting): back to pending, with the reason.
    public func notSent(_ id: Int64, error: String) throws {
        try database.pool.write { try Self.move(id, to: .pending, error: error, $0) }
    }

    /// The answer was lost: IS ESF may have acted.
    public func answerLost(_ id: Int64, error: String) throws {
        try database.pool.write { try Self.move(id, to: .uncertain, error: error, $0) }
    }

    /// IS ESF took the document under `esfId` and has not finished checking it.
    public func accepted(_ id: Int64, esfId: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE outboxJob SET esfId = ? WHERE id = ?", arguments: [esfId, id])
            try Self.move(id, to: .accepted, error: nil, db)
        }
    }

    /// Final: done, with its outcome in words.
    public func done(_ id: Int64, result: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE outboxJob SET result = ? WHERE id = ?", arguments: [result, id])
            try Self.move(id, to: .done, error: nil, db)
        }
    }

    /// Final: IS ESF refused it.
    public func failed(_ id: Int64, error: String, result: String? = nil) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE outboxJob SET result = ? WHERE id = ?", arguments: [result, id])
            try Self.move(id, to: .failed, error: error, db)
        }
    }

    /// Withdraws a job IS ESF certainly does not have. A job that may have reached IS ESF
    /// cannot be withdrawn: only IS ESF's answer can end it.
    public func cancel(_ id: Int64) throws {
        try database.pool.write { db in
            guard let job = try Self.job(id: id, db) else { throw OutboxError.missing(id) }
            guard job.state == .pending else {
                throw OutboxError.wrongState(id, job.state)
            }
            try Self.move(id, to: .cancelled, error: nil, db)
        }
    }

    // MARK: Rows

    private static func move(_ id: Int64, to state: OutboxJob.State, error: String?, _ db: Database) throws {
        try db.execute(sql: "UPDATE outboxJob SET state = ?, lastError = coalesce(?, lastError), updatedAt = ? WHERE id = ?",
                       arguments: [state.rawValue, error, Timestamp.now(), id])
        guard db.changesCount == 1 else { throw OutboxError.missing(id) }
        try AuditLog.append(db, entity: "outboxJob", id: id, action: state.rawValue, detail: error ?? "")
    }

    static func job(id: Int64, _ db: Database) throws -> OutboxJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM outboxJob WHERE id = ?", arguments: [id]).map(decode)
    }

    static func job(key: String, _ db: Database) throws -> OutboxJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM outboxJob WHERE idempotencyKey = ?", arguments: [key]).map(decode)
    }

    static func decode(_ row: Row) -> OutboxJob {
        OutboxJob(id: row["id"], companyId: row["companyId"], kind: OutboxJob.Kind(rawValue: row["kind"]) ?? .sendSnt,
                  sntId: row["sntId"], esfId: row["esfId"], number: row["number"],
                  documentDate: (row["documentDate"] as String?).flatMap(StoredDate.parse), payload: row["payload"],
                  state: OutboxJob.State(rawValue: row["state"]) ?? .uncertain, attempts: row["attempts"],
                  firstSentAt: (row["firstSentAt"] as String?).flatMap(Timestamp.parse),
                  lastAttemptAt: (row["lastAttemptAt"] as String?).flatMap(Timestamp.parse),
                  result: row["result"], lastError: row["lastError"],
                  createdAt: Timestamp.parse(row["createdAt"]) ?? Date(timeIntervalSince1970: 0))
    }
}

public enum OutboxError: Error, Equatable, CustomStringConvertible {
    case missing(Int64)
    case wrongState(Int64, OutboxJob.State)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .missing(id):
            LocalizedText(kk: "%1$@ жіберу тапсырмасы жоқ", ru: "задания отправки %1$@ нет",
                          en: "there is no outbox job %1$@").text(in: language, [String(id)])
        case let .wrongState(id, state):
            LocalizedText(kk: "%1$@ тапсырмасы бұл әрекетке жарамайды: күйі «%2$@»",
                          ru: "задание %1$@ не допускает этого действия: его состояние «%2$@»",
                          en: "outbox job %1$@ does not allow this: it is \"%2$@\"")
                .text(in: language, [String(id), state.label(in: language)])
        }
    }
}
