import GRDB
import QoimaCore

/// What IS ESF says about an SNT: its registration number, IS ESF id and status. Written with
/// the search index, so the registration number is searchable as soon as it is known.
public struct SntRegistrationStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func record(id: Int64, registrationNumber: String?, esfId: Int64?, status: SntStatus) throws {
        try database.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM snt WHERE id = ?", arguments: [id]) == true
            else { throw DraftError.missing(id) }
            try SntSearchIndex.remove(id, db)
            try db.execute(sql: """
                UPDATE snt SET registrationNumber = ?, esfId = ?, status = ?, updatedAt = ? WHERE id = ?
                """, arguments: [registrationNumber, esfId, status.rawValue, Timestamp.now(), id])
            try SntSearchIndex.add(id, db)
            try AuditLog.append(db, entity: "snt", id: id, action: "status",
                                detail: "\(status.rawValue) \(registrationNumber ?? "")")
        }
    }
}
