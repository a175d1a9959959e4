import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// A stored SNT as a document window shows it: the form as IS ESF holds it, what IS ESF added
/// (registration, status, acceptance, cancel reason), the errors it reported, and the direction.
public struct StoredSntDocument: Sendable {
    public var id: Int64
    public var companyId: Int64
    public var direction: SntDirection
    public var record: SntRecord
    public var errors: [ExchangeError]

    public var snt: Snt { record.snt }
    public var status: SntStatus { record.registration?.status ?? .draft }
}

/// One line of the local audit log about a document.
public struct SntAuditEntry: Hashable, Sendable {
    public var at: Date?
    public var osUser: String
    public var action: String
    public var detail: String
}

/// Reads whole stored SNTs and their audit trail (the writers are the draft and exchange stores).
public struct SntDocumentStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Document `id`, or nil when there is none.
    public func document(id: Int64) throws -> StoredSntDocument? {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT companyId, direction, status, body, registrationNumber, esfId, inputDate, lastUpdateDate,
                    cancelReason, acceptance, esfErrors FROM snt WHERE id = ?
                """, arguments: [id])
        }
        guard let row else { return nil }
        let body: String = row["body"]
        let snt = try SntXMLReader.read(body).snt
        let registration = SntRegistration(
            sntId: row["esfId"],
            registrationNumber: (row["registrationNumber"] as String?).map(SntRegistrationNumber.init),
            inputDate: (row["inputDate"] as String?).flatMap(Self.instant),
            lastUpdateDate: (row["lastUpdateDate"] as String?).flatMap(Self.instant),
            status: SntStatus(rawValue: row["status"]) ?? .draft,
            cancelReason: row["cancelReason"],
            acceptance: (row["acceptance"] as String?).flatMap(Self.acceptance))
        return StoredSntDocument(id: id, companyId: row["companyId"],
                                 direction: SntDirection(rawValue: row["direction"]) ?? .outgoing,
                                 record: SntRecord(snt: snt, registration: registration),
                                 errors: SntExchangeStore.errors(row["esfErrors"]))
    }

    /// What the local audit log says of document `id`, oldest first.
    public func auditTrail(id: Int64) throws -> [SntAuditEntry] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, osUser, action, detail FROM auditLog WHERE entity = 'snt' AND entityId = ? ORDER BY id
                """, arguments: [id]).map { row in
                SntAuditEntry(at: Timestamp.parse(row["at"]), osUser: row["osUser"], action: row["action"],
                              detail: row["detail"])
            }
        }
    }

    /// IS ESF's instants are stored as IS ESF writes them; older rows as ISO 8601.
    private static func instant(_ text: String) -> Date? {
        PreciseTimestamp.parse(text) ?? Timestamp.parse(text)
    }

    private static func acceptance(_ json: String) -> SntAcceptance? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SntAcceptance.self, from: Data(json.utf8))
    }
}
