import Foundation
import GRDB
import QoimaXML

/// Where a paged sync stopped: IS ESF's cursor as it was last returned. Each page and its cursor
/// are written in one transaction, so an interrupted sync resumes after the last page stored,
/// never skipping one and never storing one twice.
public struct SyncCursor: Hashable, Sendable {
    public var lastEventDate: Date?
    public var lastId: Int64?

    public init(lastEventDate: Date? = nil, lastId: Int64? = nil) {
        self.lastEventDate = lastEventDate
        self.lastId = lastId
    }
}

/// The names of the cursors Qoima keeps per company.
public enum SyncCursorName: String, CaseIterable, Sendable {
    case inboundSnts = "snt.inbound"
    case outboundSnts = "snt.outbound"
    /// A balances snapshot in progress: the last balance id staged.
    case balanceSnapshot = "balances.snapshot"
    case measureUnits = "dict.units"
    case gsvs = "dict.gsvs"
}

public struct SyncCursorStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func cursor(companyId: Int64, _ name: SyncCursorName) throws -> SyncCursor? {
        try database.pool.read { try Self.cursor(companyId: companyId, name, $0) }
    }

    /// When each of the company's syncs last finished a page.
    public func updatedAt(companyId: Int64, _ name: SyncCursorName) throws -> Date? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT updatedAt FROM syncCursor WHERE companyId = ? AND name = ?",
                                arguments: [companyId, name.rawValue]).flatMap(Timestamp.parse)
        }
    }

    static func cursor(companyId: Int64, _ name: SyncCursorName, _ db: Database) throws -> SyncCursor? {
        try Row.fetchOne(db, sql: "SELECT lastEventDate, lastId FROM syncCursor WHERE companyId = ? AND name = ?",
                         arguments: [companyId, name.rawValue]).map { row in
            SyncCursor(lastEventDate: (row["lastEventDate"] as String?).flatMap(PreciseTimestamp.parse), lastId: row["lastId"])
        }
    }

    static func save(_ cursor: SyncCursor?, companyId: Int64, _ name: SyncCursorName, _ db: Database) throws {
        guard let cursor else {
            try db.execute(sql: "DELETE FROM syncCursor WHERE companyId = ? AND name = ?",
                           arguments: [companyId, name.rawValue])
            return
        }
        try db.execute(sql: """
            INSERT INTO syncCursor (companyId, name, lastEventDate, lastId, updatedAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (companyId, name) DO UPDATE SET lastEventDate = excluded.lastEventDate,
                lastId = excluded.lastId, updatedAt = excluded.updatedAt
            """, arguments: [companyId, name.rawValue, cursor.lastEventDate.map(PreciseTimestamp.text), cursor.lastId,
                             Timestamp.now()])
    }
}

/// An instant to the millisecond (IS ESF's cursors have milliseconds), kept as IS ESF writes it.
enum PreciseTimestamp {
    static func text(_ instant: Date) -> String { ESFDateTime.text(of: instant) }

    static func parse(_ text: String) -> Date? { ESFDateTime.instant(text) }
}
