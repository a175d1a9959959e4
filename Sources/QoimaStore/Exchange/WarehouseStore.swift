import Foundation
import GRDB

/// A warehouse of the company's virtual warehouse as IS ESF last reported it.
public struct StoredWarehouse: Hashable, Sendable, Codable {
    public var storeId: Int64
    public var name: String
    public var typeCode: String
    public var status: String
    public var address: String
    public var responsiblePersonIin: String?
    public var isDefault: Bool
    /// The other signs (joint activity and its permitted BINs, leasing, tolling…), by element name.
    public var signs: [String: String]

    public init(storeId: Int64, name: String, typeCode: String, status: String, address: String,
                responsiblePersonIin: String?, isDefault: Bool, signs: [String: String]) {
        self.storeId = storeId
        self.name = name
        self.typeCode = typeCode
        self.status = status
        self.address = address
        self.responsiblePersonIin = responsiblePersonIin
        self.isDefault = isDefault
        self.signs = signs
    }
}

/// The cache of the company's warehouses: replaced whole by each sync, since IS ESF's list has
/// no change feed.
public struct WarehouseStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func replace(companyId: Int64, with warehouses: [StoredWarehouse]) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM warehouse WHERE companyId = ?", arguments: [companyId])
            let now = Timestamp.now()
            let insert = try db.cachedStatement(sql: """
                INSERT INTO warehouse (companyId, storeId, name, typeCode, status, address, responsiblePersonIin,
                    isDefault, signs, syncedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for store in warehouses {
                try insert.execute(arguments: [companyId, store.storeId, store.name, store.typeCode, store.status,
                                               store.address, store.responsiblePersonIin, store.isDefault,
                                               SntExchangeStore.json(store.signs), now])
            }
            try AuditLog.append(db, entity: "warehouse", id: companyId, action: "sync", detail: "\(warehouses.count)")
        }
    }

    public func warehouses(companyId: Int64) throws -> [StoredWarehouse] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM warehouse WHERE companyId = ? ORDER BY isDefault DESC, storeId",
                             arguments: [companyId]).map { row in
                let signs = (try? JSONDecoder().decode([String: String].self, from: Data((row["signs"] as String).utf8))) ?? [:]
                return StoredWarehouse(storeId: row["storeId"], name: row["name"], typeCode: row["typeCode"],
                                       status: row["status"], address: row["address"],
                                       responsiblePersonIin: row["responsiblePersonIin"], isDefault: row["isDefault"],
                                       signs: signs)
            }
        }
    }

    /// When the warehouses were last synced.
    public func syncedAt(companyId: Int64) throws -> Date? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT max(syncedAt) FROM warehouse WHERE companyId = ?",
                                arguments: [companyId]).flatMap(Timestamp.parse)
        }
    }
}
