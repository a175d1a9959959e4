import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// A named SNT a company starts new drafts from.
public struct SntTemplate: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var snt: Snt
}

/// Templates: saved from a draft under a name, listed by name, read back as an SNT.
public struct SntTemplateStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Saves `snt` as template `name`, replacing a template of that name. Returns its id.
    @discardableResult
    public func save(companyId: Int64, name: String, _ snt: Snt) throws -> Int64 {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw SntDraftFactory.Failure.templateNameEmpty }
        let body = SntXMLWriter.body(of: snt)
        return try database.pool.write { db in
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO sntTemplate (companyId, name, body, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (companyId, name) DO UPDATE SET body = excluded.body, updatedAt = excluded.updatedAt
                """, arguments: [companyId, trimmed, body, now, now])
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM sntTemplate WHERE companyId = ? AND name = ?",
                                        arguments: [companyId, trimmed])!
            try AuditLog.append(db, entity: "sntTemplate", id: id, action: "save", detail: trimmed)
            return id
        }
    }

    /// The company's templates by name (without their SNTs, which are read when one is used).
    public func list(companyId: Int64) throws -> [(id: Int64, name: String)] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM sntTemplate WHERE companyId = ? ORDER BY name COLLATE NOCASE",
                             arguments: [companyId]).map { ($0["id"], $0["name"]) }
        }
    }

    public func template(id: Int64) throws -> SntTemplate? {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, body FROM sntTemplate WHERE id = ?", arguments: [id])
        }
        guard let row else { return nil }
        return SntTemplate(id: row["id"], name: row["name"], snt: try SntXMLReader.read(row["body"] as String).snt)
    }

    public func delete(id: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM sntTemplate WHERE id = ?", arguments: [id])
            try AuditLog.append(db, entity: "sntTemplate", id: id, action: "delete", detail: "")
        }
    }
}
