import GRDB

/// The versioned schema. Each version is one migration, applied in order and never edited once
/// released: a new need is a new version. `versions` lists them oldest first.
enum QoimaSchema {
    /// `PRAGMA application_id` of every Qoima database ("QOIM"), how a restore tells a Qoima
    /// file from any other SQLite file.
    static let applicationID: Int32 = 0x514F_494D

    static let versions: [(name: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1", SchemaV1.create),
        ("v2", SchemaV2.migrate),
        ("v3", SchemaV3.migrate),
        ("v4", SchemaV4.migrate),
        ("v5", SchemaV5.migrate),
        ("v6", SchemaV6.migrate),
        ("v7", SchemaV7.migrate),
        ("v8", SchemaV8.migrate),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for version in versions {
            migrator.registerMigration(version.name, migrate: version.migrate)
        }
        return migrator
    }

    /// A migrator that stops after `version`, for tests that build databases of earlier versions.
    static func migrator(upTo version: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in versions {
            migrator.registerMigration(step.name, migrate: step.migrate)
            if step.name == version { break }
        }
        return migrator
    }

    static func appliedVersions(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let known = versions.map(\.name)
        return known.filter(applied.contains) + applied.subtracting(known).sorted()
    }

    /// Throws unless the database is empty or a Qoima database this version can migrate.
    static func checkCompatible(_ reader: some DatabaseReader, path: String) throws {
        try reader.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let hasTables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 > 0
            guard id == applicationID || (id == 0 && !hasTables) else {
                throw StoreError.notQoimaDatabase(path: path)
            }
            let unknown = Set(try appliedVersions(db)).subtracting(versions.map(\.name))
            if let newest = unknown.sorted().last { throw StoreError.newerSchema(path: path, version: newest) }
        }
    }
}
