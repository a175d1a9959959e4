import Foundation
import GRDB
import QoimaCore

/// The user's database: one SQLite file in WAL mode with foreign keys on, readable by the user
/// alone (0600), migrated to the current schema when opened. Layers above see the repositories
/// built on it, never GRDB.
public final class QoimaDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating when missing) the database at `location` and migrates it.
    /// Refuses a file that is not a Qoima database or whose schema is newer than this Qoima's.
    public init(location: DatabaseLocation) throws {
        path = location.path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let existed = FileManager.default.fileExists(atPath: path)
        // New files, the WAL and shared-memory files included, are created for the user alone.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        if existed { try QoimaSchema.checkCompatible(pool, path: path) }
        let migrator = QoimaSchema.migrator
        let upgrading = try existed && !pool.read { try migrator.hasCompletedMigrations($0) }
        try migrator.migrate(pool)
        // A migration that rebuilds an index writes it all into the log in one transaction; folded
        // into the file now, the next open need not read hundreds of megabytes of log first.
        if upgrading { try checkpoint() }
        try Self.restrictPermissions(of: path)
    }

    static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "qoima"
        configuration.prepareDatabase { db in
            // A large import touches every list index; a writer cache that holds them keeps
            // SQLite from spilling and re-reading pages mid-transaction. Pages are only
            // allocated when used, and released after an import.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -131072") }
        }
        return configuration
    }

    /// 0600 on the database and its companions, whatever created them.
    static func restrictPermissions(of path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    /// The schema version the file is at (the last migration applied).
    public func schemaVersion() throws -> String? {
        try pool.read { try QoimaSchema.appliedVersions($0).last }
    }
}

/// What went wrong with a database file, said so that the user knows what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case missingFile(path: String)
    case notQoimaDatabase(path: String)
    case newerSchema(path: String, version: String)
    case damaged(path: String, reason: String)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .cannotOpen(path, reason):
            LocalizedText(kk: "%1$@ дерекқорын ашу мүмкін емес: %2$@",
                          ru: "не удаётся открыть базу данных %1$@: %2$@",
                          en: "cannot open the database %1$@: %2$@").text(in: language, [path, reason])
        case let .missingFile(path):
            LocalizedText(kk: "%1$@ файлы жоқ немесе оқылмайды; ештеңе өзгертілмеді",
                          ru: "файла %1$@ нет или он не читается; ничего не изменено",
                          en: "%1$@ does not exist or cannot be read; nothing was changed").text(in: language, [path])
        case let .notQoimaDatabase(path):
            LocalizedText(kk: "%1$@ — Qoima дерекқоры емес; ештеңе өзгертілмеді",
                          ru: "%1$@ — не база данных Qoima; ничего не изменено",
                          en: "%1$@ is not a Qoima database; nothing was changed").text(in: language, [path])
        case let .newerSchema(path, version):
            LocalizedText(kk: "%1$@ Qoima-ның жаңа нұсқасымен жазылған (схема %2$@); оны ашу үшін Qoima-ны жаңартыңыз",
                          ru: "%1$@ записан более новой версией Qoima (схема %2$@); обновите Qoima, чтобы открыть его",
                          en: "%1$@ was written by a newer Qoima (schema %2$@); update Qoima to open it")
                .text(in: language, [path, version])
        case let .damaged(path, reason):
            LocalizedText(kk: "%1$@ файлы бүлінген: %2$@; ештеңе өзгертілмеді",
                          ru: "файл %1$@ повреждён: %2$@; ничего не изменено",
                          en: "%1$@ is damaged: %2$@; nothing was changed").text(in: language, [path, reason])
        }
    }
}

// Plain SQL for tests and diagnostics, without exposing GRDB types.
extension QoimaDatabase {
    /// The first column of the first row, as text.
    func scalar(_ sql: String) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: sql) }
    }

    func execute(_ sql: String) throws {
        try pool.write { try $0.execute(sql: sql) }
    }

    /// Runs `sql` with foreign keys off, as a damaged or hand-edited file would have been written.
    func executeWithoutForeignKeys(_ sql: String) throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.execute(sql: sql)
        }
    }

    /// Builds a database at `path` at an earlier schema `version`, as an older Qoima left it.
    static func makeDatabase(at path: String, schemaVersion version: String) throws {
        let queue = try DatabaseQueue(path: path)
        try QoimaSchema.migrator(upTo: version).migrate(queue)
        try queue.close()
    }

    static var schemaVersions: [String] { QoimaSchema.versions.map(\.name) }
}
