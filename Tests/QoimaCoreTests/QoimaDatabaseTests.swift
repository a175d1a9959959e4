import Foundation
@testable import QoimaStore
import XCTest

final class QoimaDatabaseTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private func open(_ name: String = "nested/dir/q.sqlite") throws -> QoimaDatabase {
        try QoimaDatabase(location: DatabaseLocation(explicitPath: path(name)))
    }

    private func addCompany(_ database: QoimaDatabase, bin: String = "000140000002") throws {
        try database.execute("INSERT INTO company (bin, nameRu, createdAt) VALUES ('\(bin)', 'ТОО', '2026-01-15T00:00:00Z')")
    }

    func testANewDatabaseIsPrivateWALWithForeignKeysAndTheLatestSchema() throws {
        let database = try open()
        let attributes = try FileManager.default.attributesOfItem(atPath: database.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try database.scalar("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try database.scalar("PRAGMA foreign_keys"), "1")
        XCTAssertEqual(try database.scalar("PRAGMA application_id"), String(QoimaSchema.applicationID))
        XCTAssertEqual(try database.schemaVersion(), QoimaDatabase.schemaVersions.last)
        for table in ["company", "certificate", "counterparty", "product", "snt", "sntLine", "warehouse", "balance",
                      "uform", "magazineEntry", "outboxJob", "syncCursor", "auditLog"] {
            XCTAssertEqual(try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '\(table)'"),
                           "1", table)
        }
    }

    func testEveryEarlierSchemaVersionMigratesWithItsData() throws {
        for version in QoimaDatabase.schemaVersions {
            let file = path("\(version).sqlite")
            try QoimaDatabase.makeDatabase(at: file, schemaVersion: version)
            let old = try QoimaDatabase(location: DatabaseLocation(explicitPath: file))
            try addCompany(old)
            let migrated = try QoimaDatabase(location: DatabaseLocation(explicitPath: file))
            XCTAssertEqual(try migrated.schemaVersion(), QoimaDatabase.schemaVersions.last, version)
            XCTAssertEqual(try migrated.scalar("SELECT bin FROM company"), "000140000002", version)
        }
    }

    func testAnUpgradeLeavesNoWriteAheadLogBehind() throws {
        let file = path("v4.sqlite")
        try QoimaDatabase.makeDatabase(at: file, schemaVersion: "v4")
        let upgraded = try QoimaDatabase(location: DatabaseLocation(explicitPath: file))
        XCTAssertEqual(try upgraded.schemaVersion(), QoimaDatabase.schemaVersions.last)
        let log = try FileManager.default.attributesOfItem(atPath: file + "-wal")[.size] as? Int
        XCTAssertEqual(log, 0, "the rebuilt search index was folded into the file")
    }

    func testForeignKeysAreEnforced() throws {
        let database = try open()
        XCTAssertThrowsError(try database.execute("""
            INSERT INTO snt (companyId, direction, type, status, body, createdAt, updatedAt)
            VALUES (42, 'outgoing', 'PRIMARY_SNT', 'DRAFT', '', '', '')
            """))
    }

    func testTheAuditLogIsAppendOnly() throws {
        let database = try open()
        try database.execute("INSERT INTO auditLog (at, osUser, entity, action) VALUES ('2026-01-15T00:00:00Z', 'aigerim', 'snt', 'create')")
        XCTAssertThrowsError(try database.execute("UPDATE auditLog SET osUser = 'someone'"))
        XCTAssertThrowsError(try database.execute("DELETE FROM auditLog"))
        XCTAssertEqual(try database.scalar("SELECT osUser FROM auditLog"), "aigerim")
    }

    func testANewerSchemaIsRefusedAndLeftAlone() throws {
        let file = path("newer.sqlite")
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: file))
        try database.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v999')")
        XCTAssertThrowsError(try QoimaDatabase(location: DatabaseLocation(explicitPath: file))) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: file, version: "v999"))
        }
    }

    func testBackupIsConsistentWhileWritesGoOnAndRestoreBringsItBack() throws {
        let database = try open()
        try addCompany(database)
        let writer = Thread {
            for index in 0..<300 {
                try? database.execute("""
                    INSERT INTO auditLog (at, osUser, entity, action, detail) VALUES ('t', 'u', 'snt', 'edit', '\(index)')
                    """)
            }
        }
        writer.start()
        let backup = path("backup.sqlite")
        try database.backup(to: backup)
        while !writer.isFinished { usleep(1000) }
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        try addCompany(database, bin: "000140000012")
        try database.restore(from: backup)
        XCTAssertEqual(try database.scalar("SELECT group_concat(bin) FROM company"), "000140000002",
                       "the restore replaced everything written after the backup")
        XCTAssertEqual(try database.check(), [])
        let rows = Int(try database.scalar("SELECT count(*) FROM auditLog") ?? "") ?? -1
        XCTAssertTrue((0...300).contains(rows))
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM auditLog WHERE CAST(detail AS INTEGER) >= \(rows)"), "0",
                       "the backup holds a prefix of the writes, never a torn set")
    }

    func testRestoreRefusesWhatIsNotAQoimaDatabaseAndChangesNothing() throws {
        let database = try open()
        try addCompany(database)
        let text = path("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try database.restore(from: text)) { XCTAssertEqual($0 as? StoreError, .notQoimaDatabase(path: text)) }

        let other = path("other.sqlite")
        try QoimaDatabase.makeDatabase(at: other, schemaVersion: "v1")
        let foreign = try QoimaDatabase(location: DatabaseLocation(explicitPath: other))
        try foreign.execute("PRAGMA application_id = 7")
        XCTAssertThrowsError(try database.restore(from: other)) { XCTAssertEqual($0 as? StoreError, .notQoimaDatabase(path: other)) }

        let newer = path("newer.sqlite")
        let newerDatabase = try QoimaDatabase(location: DatabaseLocation(explicitPath: newer))
        try newerDatabase.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v999')")
        XCTAssertThrowsError(try database.restore(from: newer)) {
            XCTAssertEqual($0 as? StoreError, .newerSchema(path: newer, version: "v999"))
        }
        XCTAssertThrowsError(try database.restore(from: path("missing.sqlite"))) {
            XCTAssertEqual($0 as? StoreError, .missingFile(path: path("missing.sqlite")))
        }
        XCTAssertEqual(try database.scalar("SELECT bin FROM company"), "000140000002")
        XCTAssertEqual(try database.check(), [])
    }

    func testCheckReportsABrokenForeignKey() throws {
        let database = try open()
        try addCompany(database)
        try database.executeWithoutForeignKeys("""
            INSERT INTO snt (companyId, direction, type, status, body, createdAt, updatedAt)
            VALUES (42, 'outgoing', 'PRIMARY_SNT', 'DRAFT', '', '', '')
            """)
        let problems = try database.check()
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("snt"), problems[0])

        let result = try CLIRunner.run(["db", "check", "--database", database.path])
        XCTAssertEqual(result.status, 1, result.output + result.error)
        XCTAssertTrue(result.output.contains("foreign key: snt"), result.output)
    }

    func testTheCommandLine() throws {
        let file = path("cli.sqlite")
        let check = try CLIRunner.run(["db", "check", "--database", file])
        XCTAssertEqual(check.status, 0, check.error)
        let backup = path("cli-backup.sqlite")
        XCTAssertEqual(try CLIRunner.run(["db", "backup", "--database", file, backup]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: backup))
        let junk = path("junk.txt")
        try Data("x".utf8).write(to: URL(fileURLWithPath: junk))
        let refused = try CLIRunner.run(["db", "restore", "--database", file, junk], language: "ru_RU.UTF-8")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("не база данных Qoima"), refused.error)
        XCTAssertEqual(try CLIRunner.run(["db", "restore", "--database", file, backup]).status, 0)
    }

    func testBothExecutablesTakeTheDatabaseFromTheOptionOrTheEnvironment() throws {
        for tool in ["qoima", "qoima-cli"] {
            let arguments = tool == "qoima" ? ["--show-paths"] : ["paths"]
            let chosen = try CLIRunner.run(arguments + ["--database", path("chosen.sqlite")], tool: tool,
                                           environment: ["QOIMA_DATABASE": path("environment.sqlite")])
            XCTAssertTrue(chosen.output.contains("database: \(path("chosen.sqlite"))"), "\(tool): \(chosen.output)")
            let fromEnvironment = try CLIRunner.run(arguments, tool: tool, environment: ["QOIMA_DATABASE": path("environment.sqlite")])
            XCTAssertTrue(fromEnvironment.output.contains("database: \(path("environment.sqlite"))"), "\(tool): \(fromEnvironment.output)")
        }
    }
}
