import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// An SNT as IS ESF reports it, ready to be stored.
public struct ExchangedSnt: Sendable {
    public var esfId: Int64
    public var registrationNumber: String?
    public var status: SntStatus
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    public var cancelReason: String?
    /// The `sntBody` exactly as IS ESF holds it.
    public var body: String
    /// The sender's signature (`documentInfo.signature`), which actions on the SNT must quote.
    public var signature: String?
    public var acceptance: SntAcceptance?
    public var errors: [ExchangeError]

    public init(esfId: Int64, registrationNumber: String?, status: SntStatus, inputDate: Date?, lastUpdateDate: Date?,
                cancelReason: String?, body: String, signature: String?, acceptance: SntAcceptance?,
                errors: [ExchangeError]) {
        self.esfId = esfId
        self.registrationNumber = registrationNumber
        self.status = status
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.body = body
        self.signature = signature
        self.acceptance = acceptance
        self.errors = errors
    }
}

/// An error IS ESF reported on a document, with the form field and goods line it was mapped to.
public struct ExchangeError: Hashable, Sendable, Codable {
    public var property: String?
    public var code: String?
    public var text: String
    /// The form's field number (`G1.6`), when the property was recognised.
    public var field: String?
    public var line: Int?

    public init(property: String?, code: String?, text: String, field: String?, line: Int?) {
        self.property = property
        self.code = code
        self.text = text
        self.field = field
        self.line = line
    }

    /// `G1.6[3]`, `B13`, or the raw property.
    public var location: String? {
        guard let field else { return property }
        return line.map { "\(field)[\($0)]" } ?? field
    }
}

/// What a sync stored.
public struct SntSyncCount: Hashable, Sendable {
    public var inserted = 0
    public var updated = 0
    /// IS ESF ids whose body is not readable XML: not stored, reported to the user.
    public var unreadable: [Int64] = []
    public init() {}
}

/// SNTs as they travel: an own draft linked to IS ESF once sent, and IS ESF's updates stored
/// over the local copies, or as new incoming (or elsewhere-created outgoing) documents.
public struct SntExchangeStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// What the outbox needs to send draft `id`: its body, number, date and revision.
    public func outgoing(id: Int64) throws -> (body: String, number: String, date: CalendarDate?, revision: Int,
                                                status: SntStatus, esfId: Int64?)? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body, number, date, revision, status, esfId FROM snt WHERE id = ?",
                             arguments: [id]).map { row in
                (row["body"], row["number"], (row["date"] as String?).flatMap(StoredDate.parse), row["revision"],
                 SntStatus(rawValue: row["status"]) ?? .draft, row["esfId"])
            }
        }
    }

    /// The local SNT IS ESF knows as `esfId`, with the sender's signature an action must quote.
    public func document(esfId: Int64, companyId: Int64) throws -> (id: Int64, status: SntStatus, direction: SntDirection,
                                                                    signature: String?)? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, status, direction, esfSignature FROM snt WHERE esfId = ? AND companyId = ?",
                             arguments: [esfId, companyId]).map { row in
                (row["id"], SntStatus(rawValue: row["status"]) ?? .created,
                 SntDirection(rawValue: row["direction"]) ?? .incoming, row["esfSignature"])
            }
        }
    }

    /// The local document `id`'s IS ESF id and state, for actions given a local id.
    public func exchangeState(id: Int64) throws -> (esfId: Int64?, status: SntStatus, direction: SntDirection,
                                                    registrationNumber: String?, errors: [ExchangeError])? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT esfId, status, direction, registrationNumber, esfErrors FROM snt WHERE id = ?",
                             arguments: [id]).map { row in
                (row["esfId"], SntStatus(rawValue: row["status"]) ?? .draft,
                 SntDirection(rawValue: row["direction"]) ?? .outgoing, row["registrationNumber"],
                 Self.errors(row["esfErrors"]))
            }
        }
    }

    /// Draft `id` was taken by IS ESF as `esfId`. A copy that a sync stored before the send's
    /// answer was known is the same document: it is removed, so the draft is its one row.
    public func linkSent(id: Int64, esfId: Int64, signature: String, status: SntStatus = .created) throws {
        try database.pool.write { db in
            if let copy = try Int64.fetchOne(db, sql: "SELECT id FROM snt WHERE esfId = ? AND id != ?",
                                             arguments: [esfId, id]) {
                try SntSearchIndex.remove(copy, db)
                try db.execute(sql: "DELETE FROM snt WHERE id = ?", arguments: [copy])
            }
            try db.execute(sql: "UPDATE snt SET esfId = ?, esfSignature = ?, status = ?, updatedAt = ? WHERE id = ?",
                           arguments: [esfId, signature, status.rawValue, Timestamp.now(), id])
            try AuditLog.append(db, entity: "snt", id: id, action: "sent", detail: "IS ESF id \(esfId)")
        }
    }

    /// Keeps the errors IS ESF reported for document `id` (a refused upload, failed checks).
    public func recordErrors(id: Int64, errors: [ExchangeError]) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE snt SET esfErrors = ?, updatedAt = ? WHERE id = ?",
                           arguments: [Self.json(errors), Timestamp.now(), id])
            try AuditLog.append(db, entity: "snt", id: id, action: "esfErrors", detail: "\(errors.count)")
        }
    }

    /// Stores IS ESF's view of `snts` for the company with `companyBin`, and `cursor` under
    /// `cursorName`, in one transaction. Known documents (by IS ESF id) are updated; others are
    /// decoded from their body and inserted, outgoing when the company is their seller.
    @discardableResult
    public func apply(_ snts: [ExchangedSnt], companyId: Int64, companyBin: String,
                      cursor: SyncCursor? = nil, cursorName: SyncCursorName? = nil) throws -> SntSyncCount {
        // Bodies are decoded before the write, on every core, so the writer only writes.
        let decoded = snts.parallelMap { snt in (try? SntXMLReader.read(snt.body))?.snt }
        return try database.pool.write { db in
            var count = SntSyncCount()
            for (snt, content) in zip(snts, decoded) {
                if try update(snt, db) {
                    count.updated += 1
                } else if let content {
                    let direction: SntDirection = content.seller.tin?.rawValue == companyBin ? .outgoing : .incoming
                    let id = try SntRowWriter.insert(content, body: snt.body, problems: [], companyId: companyId,
                                                     direction: direction, status: snt.status, db)
                    try db.execute(sql: "UPDATE snt SET esfId = ? WHERE id = ?", arguments: [snt.esfId, id])
                    _ = try update(snt, db)
                    count.inserted += 1
                } else {
                    count.unreadable.append(snt.esfId)
                }
            }
            if let cursorName { try SyncCursorStore.save(cursor, companyId: companyId, cursorName, db) }
            return count
        }
    }

    /// Updates the row of `snt.esfId`; false when there is none.
    private func update(_ snt: ExchangedSnt, _ db: Database) throws -> Bool {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM snt WHERE esfId = ?", arguments: [snt.esfId])
        else { return false }
        let previous = try String.fetchOne(db, sql: "SELECT registrationNumber FROM snt WHERE id = ?", arguments: [id])
        let reindex = previous != snt.registrationNumber
        if reindex { try SntSearchIndex.remove(id, db) }
        try db.cachedStatement(sql: """
            UPDATE snt SET status = ?, registrationNumber = ?, inputDate = ?, lastUpdateDate = ?, cancelReason = ?,
                esfSignature = coalesce(?, esfSignature), acceptance = ?, esfErrors = ?, updatedAt = ?
            WHERE id = ?
            """).execute(arguments: [
                snt.status.rawValue, snt.registrationNumber, snt.inputDate.map(PreciseTimestamp.text),
                snt.lastUpdateDate.map(PreciseTimestamp.text), snt.cancelReason, snt.signature,
                snt.acceptance.map(Self.json), Self.json(snt.errors), Timestamp.now(), id,
            ])
        if reindex { try SntSearchIndex.add(id, db) }
        return true
    }

    /// A flat text map as JSON with sorted keys, written by hand: it runs for every balance row
    /// and warehouse a sync stores, where JSONEncoder costs more than the insert.
    static func json(_ map: [String: String]) -> String {
        guard !map.isEmpty else { return "{}" }
        return "{" + map.keys.sorted().map { ProblemList.quoted($0) + ":" + ProblemList.quoted(map[$0]!) }
            .joined(separator: ",") + "}"
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func errors(_ json: String) -> [ExchangeError] {
        (try? JSONDecoder().decode([ExchangeError].self, from: Data(json.utf8))) ?? []
    }
}
