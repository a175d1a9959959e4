import Foundation
import GRDB

/// The sandbox's state in one SQLite file (`sandbox.sqlite` in the data directory): companies,
/// users, warehouses, balances, SNTs with their history, forms, dictionaries and the counters
/// behind ids and numbers. It survives restarts; sessions do not (they live in `SandboxSessions`).
/// Every request runs as one transaction on the one connection, so the sandbox, like IS ESF,
/// sees each request whole.
public final class SandboxStore: Sendable {
    public static let fileName = "sandbox.sqlite"
    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating and migrating when needed) the store in `directory`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // `qoima-cli sandbox seed` may write while a server runs on the same directory.
        configuration.busyMode = .timeout(10)
        configuration.label = "kz.qoima.sandbox"
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    /// Runs `body` in a write transaction: the sandbox's one way in.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    /// Closes the file; the store cannot be used afterwards.
    public func close() throws { try queue.close() }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE company (bin TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL);
                CREATE TABLE account (
                    iin TEXT NOT NULL, bin TEXT NOT NULL REFERENCES company(bin), name TEXT NOT NULL,
                    password TEXT NOT NULL, PRIMARY KEY (iin, bin));
                CREATE TABLE store (
                    id INTEGER PRIMARY KEY, tin TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
                    type TEXT NOT NULL, responsiblePersonIin TEXT NOT NULL, parentId INTEGER,
                    isDefault BOOLEAN NOT NULL DEFAULT 0, isInherited BOOLEAN NOT NULL DEFAULT 0,
                    isJointStore BOOLEAN NOT NULL DEFAULT 0, isPostingGoods BOOLEAN NOT NULL DEFAULT 0,
                    isCooperativeStore BOOLEAN NOT NULL DEFAULT 0, isRawMaterials BOOLEAN NOT NULL DEFAULT 0,
                    isPublicStore BOOLEAN NOT NULL DEFAULT 0, lesseeTin TEXT, lesseeContractNumber TEXT,
                    lesseeContractDate TEXT, permittedTins TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT 'VALID');
                CREATE INDEX store_tin ON store(tin);
                CREATE TABLE balance (
                    balanceId INTEGER PRIMARY KEY AUTOINCREMENT, tin TEXT NOT NULL, storeId INTEGER NOT NULL,
                    productId INTEGER NOT NULL, name TEXT NOT NULL, kpvedCode TEXT NOT NULL, tnvedCode TEXT NOT NULL,
                    gtinCode TEXT, measureUnitCode TEXT NOT NULL, unitPrice TEXT NOT NULL,
                    manufactureOrImportDocNumber TEXT, productNumberInImportDoc TEXT, productNameInImportDoc TEXT,
                    physicalLabel TEXT, pinCode TEXT, spiritPercent TEXT, canExport BOOLEAN, quantity TEXT NOT NULL,
                    reserveQuantity TEXT NOT NULL DEFAULT '0', dutyType TEXT, countryCode TEXT NOT NULL DEFAULT 'KZ');
                CREATE UNIQUE INDEX balance_batch ON balance(tin, storeId, productId);
                CREATE INDEX balance_tin ON balance(tin, balanceId);
                CREATE TABLE snt (
                    sntId INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL, date TEXT NOT NULL,
                    sntType TEXT, sellerTin TEXT, customerTin TEXT, body TEXT NOT NULL, signature TEXT NOT NULL,
                    signatureType TEXT NOT NULL, certificate TEXT NOT NULL, signatureValid BOOLEAN NOT NULL,
                    signerName TEXT, creatorLogin TEXT NOT NULL, creatorTin TEXT NOT NULL, status TEXT NOT NULL,
                    registrationNumber TEXT, inputDate INTEGER NOT NULL, lastUpdateDate INTEGER NOT NULL,
                    processAfter INTEGER, cancelReason TEXT, acceptanceProducer TEXT, acceptanceDate INTEGER,
                    acceptanceName TEXT, companySignature TEXT, operatorSignature TEXT,
                    powerOfAttorneyNumber TEXT, powerOfAttorneyDate TEXT);
                CREATE INDEX snt_creator ON snt(creatorTin, lastUpdateDate, sntId);
                CREATE INDEX snt_customer ON snt(customerTin, lastUpdateDate, sntId);
                CREATE INDEX snt_registration ON snt(registrationNumber);
                CREATE INDEX snt_pending ON snt(processAfter) WHERE processAfter IS NOT NULL;
                CREATE TABLE snt_error (
                    sntId INTEGER NOT NULL REFERENCES snt(sntId), position INTEGER NOT NULL, property TEXT NOT NULL,
                    errorCode TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (sntId, position));
                CREATE TABLE snt_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, sntId INTEGER NOT NULL REFERENCES snt(sntId),
                    date INTEGER NOT NULL, tin TEXT NOT NULL, userId TEXT NOT NULL, status TEXT NOT NULL,
                    action TEXT NOT NULL);
                CREATE INDEX snt_history_snt ON snt_history(sntId, id);
                CREATE TABLE snt_reservation (
                    sntId INTEGER NOT NULL REFERENCES snt(sntId), line INTEGER NOT NULL,
                    balanceId INTEGER NOT NULL REFERENCES balance(balanceId), quantity TEXT NOT NULL,
                    price TEXT, PRIMARY KEY (sntId, line));
                CREATE TABLE uform (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL, date TEXT NOT NULL, type TEXT,
                    tin TEXT NOT NULL, body TEXT NOT NULL, signature TEXT NOT NULL, signatureType TEXT NOT NULL,
                    certificate TEXT NOT NULL, signatureValid BOOLEAN NOT NULL, creatorLogin TEXT NOT NULL,
                    status TEXT NOT NULL, registrationNumber TEXT, inputDate INTEGER NOT NULL,
                    lastUpdateDate INTEGER NOT NULL, processAfter INTEGER, cancelReason TEXT);
                CREATE INDEX uform_tin ON uform(tin, lastUpdateDate, id);
                CREATE INDEX uform_pending ON uform(processAfter) WHERE processAfter IS NOT NULL;
                CREATE TABLE uform_error (
                    uformId INTEGER NOT NULL REFERENCES uform(id), position INTEGER NOT NULL, property TEXT NOT NULL,
                    errorCode TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (uformId, position));
                CREATE TABLE measure_unit (
                    code TEXT PRIMARY KEY, nameRu TEXT NOT NULL, nameKz TEXT NOT NULL, codeMkei TEXT,
                    codeOkei TEXT, codeTis TEXT, lastUpdateDate INTEGER NOT NULL);
                CREATE TABLE gsvs_change (
                    changeId INTEGER PRIMARY KEY, changeDate INTEGER NOT NULL, operation TEXT NOT NULL,
                    id INTEGER NOT NULL, fixedId INTEGER NOT NULL, fixedParentId INTEGER, code TEXT NOT NULL,
                    gsvsCode TEXT NOT NULL, gsvsTypeCode TEXT NOT NULL, kpvedTypeCode TEXT NOT NULL,
                    nameRu TEXT NOT NULL, nameKz TEXT NOT NULL, nameEn TEXT NOT NULL, isExcisable BOOLEAN NOT NULL,
                    startDate INTEGER NOT NULL);
                CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                """)
        }
        return migrator
    }
}

/// Counters kept in the store: ids, batch and registration sequences, and the event clock.
enum SandboxCounter {
    /// The next value of counter `name`, starting after `start`.
    static func next(_ name: String, in db: Database, after start: Int64 = 0) throws -> Int64 {
        let current = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = ?", arguments: [name]) ?? start
        let value = current + 1
        try db.execute(sql: "INSERT INTO counter(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                       arguments: [name, value])
        return value
    }

    /// Makes sure counter `name` is at least `value`.
    static func raise(_ name: String, to value: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO counter(name, value) VALUES (?, ?)
            ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)
            """, arguments: [name, value])
    }

    /// The instant of an event, in milliseconds since 1970: now, but always later than the last
    /// event's, so `lastUpdateDate` strictly increases and a cursor never skips or repeats one.
    static func eventTime(in db: Database, now: Date) throws -> Int64 {
        let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let last = try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'clock'") ?? 0
        let value = max(milliseconds, last + 1)
        try db.execute(sql: "INSERT INTO counter(name, value) VALUES ('clock', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                       arguments: [value])
        return value
    }

    /// First batch (`productId`) and store id handed out after the seeded ones.
    static let firstBatch: Int64 = 900_000
    static let firstStore: Int64 = 10_000
}

extension Date {
    init(milliseconds: Int64) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
