import Foundation
import GRDB

/// Backup, restore and checks of the user's database, for `qoima-cli db` and the app.
extension QoimaDatabase {
    /// Writes a consistent copy of the database to `destination` while it stays in use: SQLite's
    /// online backup reads one snapshot. The copy is written beside the destination and renamed
    /// into place, so a failed backup never leaves a half-written file under that name.
    public func backup(to destination: String) throws {
        let temporary = destination + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let previousMask = umask(0o077)
            defer { umask(previousMask) }
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            try copy.close()
            try QoimaDatabase.restrictPermissions(of: temporary)
            if FileManager.default.fileExists(atPath: destination) {
                _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: destination),
                                                          withItemAt: URL(fileURLWithPath: temporary))
            } else {
                try FileManager.default.moveItem(atPath: temporary, toPath: destination)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Replaces the whole database with the backup at `source`, then migrates it to this
    /// version's schema. A file that is not a Qoima database, is of a newer schema, or is damaged
    /// is refused before anything changes.
    public func restore(from source: String) throws {
        guard FileManager.default.isReadableFile(atPath: source) else {
            throw StoreError.missingFile(path: source)
        }
        let backup: DatabaseQueue
        do {
            backup = try DatabaseQueue(path: source, configuration: QoimaDatabase.configuration(readOnly: true))
            _ = try backup.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw StoreError.notQoimaDatabase(path: source)
        }
        try QoimaSchema.checkCompatible(backup, path: source)
        let isEmpty = try backup.read { try QoimaSchema.appliedVersions($0).isEmpty }
        if isEmpty { throw StoreError.notQoimaDatabase(path: source) }
        let problems = try DatabaseHealth.problems(in: backup)
        if let first = problems.first { throw StoreError.damaged(path: source, reason: first) }
        try backup.backup(to: pool)
        try QoimaSchema.migrator.migrate(pool)
    }

    /// Builds the search index again from the stored SNTs, in one transaction: after rows were
    /// changed by hand or by a tool that bypassed the store.
    public func rebuildSearchIndex() throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO sntSearch (sntSearch) VALUES ('delete-all')")
            try db.execute(sql: SntSearchIndex.fillSQL)
        }
    }

    /// Moves everything in the write-ahead log into the database file and empties the log.
    public func checkpoint() throws {
        _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// Integrity and foreign-key problems; empty when the database is sound.
    public func check() throws -> [String] {
        try DatabaseHealth.problems(in: pool)
    }
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, as readable lines.
enum DatabaseHealth {
    static func problems(in reader: some DatabaseReader) throws -> [String] {
        try reader.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in rows {
                let table: String = row[0]
                let rowID: Int64? = row[1]
                let parent: String = row[2]
                problems.append("foreign key: \(table) row \(rowID.map(String.init) ?? "?") points at a missing \(parent)")
            }
            return problems
        }
    }
}
