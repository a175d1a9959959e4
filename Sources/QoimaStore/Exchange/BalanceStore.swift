import Foundation
import GRDB
import QoimaCore

/// One balance row (a batch in a warehouse) as IS ESF reports it.
public struct StoredBalance: Hashable, Sendable, Codable {
    public var balanceId: Int64
    public var storeId: Int64
    /// The batch (`productId`), which SNT lines quote inside `<…>`.
    public var batch: Int64?
    public var name: String
    public var kpvedCode: String?
    public var tnvedCode: String?
    public var gtin: String?
    public var measureUnitCode: String?
    public var unitPrice: Decimal?
    public var quantity: Decimal
    public var reserveQuantity: Decimal?
    /// The rarer fields (origin document, physical label, PIN, strength, duty type, country…).
    public var details: [String: String]

    public init(balanceId: Int64, storeId: Int64, batch: Int64?, name: String, kpvedCode: String?, tnvedCode: String?,
                gtin: String?, measureUnitCode: String?, unitPrice: Decimal?, quantity: Decimal,
                reserveQuantity: Decimal?, details: [String: String] = [:]) {
        self.balanceId = balanceId
        self.storeId = storeId
        self.batch = batch
        self.name = name
        self.kpvedCode = kpvedCode
        self.tnvedCode = tnvedCode
        self.gtin = gtin
        self.measureUnitCode = measureUnitCode
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.reserveQuantity = reserveQuantity
        self.details = details
    }

    /// What can still be shipped: the quantity less what registered SNTs and forms hold.
    public var available: Decimal { quantity - (reserveQuantity ?? 0) }
}

/// The cache of IS ESF's balances. IS ESF gives them only as a full snapshot in pages
/// (`queryCurrentStatus`); pages are staged with their cursor, and the cache is replaced by
/// the staged snapshot only once the last page is in, so the cache is always one whole
/// snapshot and an interrupted sync resumes at the page after the last one staged.
public struct BalanceStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Where the snapshot in progress stopped (the last balance id staged); nil when none is.
    public func snapshotInProgress(companyId: Int64) throws -> Int64? {
        try database.pool.read { try SyncCursorStore.cursor(companyId: companyId, .balanceSnapshot, $0)?.lastId }
    }

    /// Drops a snapshot in progress, to start over.
    public func discardSnapshot(companyId: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM balanceStaging WHERE companyId = ?", arguments: [companyId])
            try SyncCursorStore.save(nil, companyId: companyId, .balanceSnapshot, db)
        }
    }

    /// Stages one page and its cursor together; when `last`, replaces the cache with the whole
    /// staged snapshot in the same transaction.
    public func stage(_ page: [StoredBalance], companyId: Int64, lastBalanceId: Int64?, last: Bool) throws {
        try database.pool.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO balanceStaging (companyId, balanceId, storeId, batch, name, kpvedCode, tnvedCode,
                    gtin, measureUnitCode, unitPrice, quantity, reserveQuantity, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in page {
                try insert.execute(arguments: [
                    companyId, row.balanceId, row.storeId, row.batch, row.name, row.kpvedCode, row.tnvedCode, row.gtin,
                    row.measureUnitCode, row.unitPrice.map(DecimalText.format), DecimalText.format(row.quantity),
                    row.reserveQuantity.map(DecimalText.format),
                    row.details.isEmpty ? "{}" : SntExchangeStore.json(row.details),
                ])
            }
            if last {
                try db.execute(sql: "DELETE FROM balance WHERE companyId = ?", arguments: [companyId])
                try db.execute(sql: """
                    INSERT INTO balance (companyId, balanceId, storeId, batch, name, kpvedCode, tnvedCode, gtin,
                        measureUnitCode, unitPrice, quantity, reserveQuantity, details, syncedAt)
                    SELECT companyId, balanceId, storeId, batch, name, kpvedCode, tnvedCode, gtin, measureUnitCode,
                        unitPrice, quantity, reserveQuantity, details, ? FROM balanceStaging WHERE companyId = ?
                    """, arguments: [Timestamp.now(), companyId])
                try db.execute(sql: "DELETE FROM balanceStaging WHERE companyId = ?", arguments: [companyId])
                try SyncCursorStore.save(nil, companyId: companyId, .balanceSnapshot, db)
                try AuditLog.append(db, entity: "balance", id: companyId, action: "sync", detail: "snapshot")
            } else {
                try SyncCursorStore.save(SyncCursor(lastId: lastBalanceId), companyId: companyId, .balanceSnapshot, db)
            }
        }
    }

    /// The cached balances, of one warehouse or all, by warehouse and balance id.
    public func balances(companyId: Int64, storeId: Int64? = nil) throws -> [StoredBalance] {
        try database.pool.read { db in
            var sql = "SELECT * FROM balance WHERE companyId = ?"
            var arguments: StatementArguments = [companyId]
            if let storeId {
                sql += " AND storeId = ?"
                arguments += [storeId]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY storeId, balanceId", arguments: arguments).map(Self.decode)
        }
    }

    public func count(companyId: Int64) throws -> Int {
        try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM balance WHERE companyId = ?",
                                                 arguments: [companyId]) ?? 0 }
    }

    public func syncedAt(companyId: Int64) throws -> Date? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT max(syncedAt) FROM balance WHERE companyId = ?",
                                arguments: [companyId]).flatMap(Timestamp.parse)
        }
    }

    static func decode(_ row: Row) -> StoredBalance {
        func decimal(_ column: String) -> Decimal? { (row[column] as String?).flatMap(DecimalText.parse) }
        let details = (try? JSONDecoder().decode([String: String].self, from: Data((row["details"] as String).utf8))) ?? [:]
        return StoredBalance(balanceId: row["balanceId"], storeId: row["storeId"], batch: row["batch"], name: row["name"],
                             kpvedCode: row["kpvedCode"], tnvedCode: row["tnvedCode"], gtin: row["gtin"],
                             measureUnitCode: row["measureUnitCode"], unitPrice: decimal("unitPrice"),
                             quantity: decimal("quantity") ?? 0, reserveQuantity: decimal("reserveQuantity"),
                             details: details)
    }
}
