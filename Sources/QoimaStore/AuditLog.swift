import Foundation
import GRDB

/// The append-only audit log: what changed, when, by which OS user.
enum AuditLog {
    static let osUser: String = {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
    }()

    static func append(_ db: Database, entity: String, id: Int64?, action: String, detail: String) throws {
        try db.execute(sql: "INSERT INTO auditLog (at, osUser, entity, entityId, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Timestamp.now(), osUser, entity, id, action, detail])
    }
}
