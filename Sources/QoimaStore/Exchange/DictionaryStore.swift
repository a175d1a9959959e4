import Foundation
import GRDB

/// A unit of measure from IS ESF's dictionary.
public struct StoredMeasureUnit: Hashable, Sendable {
    public var code: String
    public var nameKz: String
    public var nameRu: String
    public var codeMkei: String?
    public var codeOkei: String?
    public var codeTis: String?
    public var lastUpdateDate: Date?

    public init(code: String, nameKz: String, nameRu: String, codeMkei: String? = nil, codeOkei: String? = nil,
                codeTis: String? = nil, lastUpdateDate: Date? = nil) {
        self.code = code
        self.nameKz = nameKz
        self.nameRu = nameRu
        self.codeMkei = codeMkei
        self.codeOkei = codeOkei
        self.codeTis = codeTis
        self.lastUpdateDate = lastUpdateDate
    }
}

/// A GSVS entry (KPVED, TNVED or GTIN) from IS ESF's dictionary.
public struct StoredGsvsEntry: Hashable, Sendable {
    public var id: Int64
    public var gsvsCode: String
    public var typeCode: String
    public var code: String?
    public var fixedId: Int64?
    public var fixedParentId: Int64?
    public var nameKz: String
    public var nameRu: String
    public var nameEn: String
    public var isDeleted: Bool
    /// Flags and validity dates, by element name.
    public var details: [String: String]
    public var changeId: Int64

    public init(id: Int64, gsvsCode: String, typeCode: String, code: String?, fixedId: Int64?, fixedParentId: Int64?,
                nameKz: String, nameRu: String, nameEn: String, isDeleted: Bool, details: [String: String],
                changeId: Int64) {
        self.id = id
        self.gsvsCode = gsvsCode
        self.typeCode = typeCode
        self.code = code
        self.fixedId = fixedId
        self.fixedParentId = fixedParentId
        self.nameKz = nameKz
        self.nameRu = nameRu
        self.nameEn = nameEn
        self.isDeleted = isDeleted
        self.details = details
        self.changeId = changeId
    }
}

/// The cached dictionaries: shared by every company (they are IS ESF's, not a taxpayer's), with
/// the sync cursor kept under the company that synced them.
public struct DictionaryStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func store(units: [StoredMeasureUnit], cursor: SyncCursor, companyId: Int64) throws {
        try database.pool.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO measureUnit (code, nameKz, nameRu, codeMkei, codeOkei, codeTis, lastUpdateDate)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for unit in units {
                try upsert.execute(arguments: [unit.code, unit.nameKz, unit.nameRu, unit.codeMkei, unit.codeOkei,
                                               unit.codeTis, unit.lastUpdateDate.map(PreciseTimestamp.text)])
            }
            try SyncCursorStore.save(cursor, companyId: companyId, .measureUnits, db)
        }
    }

    /// Applies one page of GSVS changes: additions and updates replace the entry, deletions
    /// keep it marked deleted (old documents still name it).
    public func store(gsvs entries: [StoredGsvsEntry], cursor: SyncCursor, companyId: Int64) throws {
        try database.pool.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO gsvsEntry (id, gsvsCode, typeCode, code, fixedId, fixedParentId, nameKz, nameRu,
                    nameEn, isDeleted, details, changeId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try upsert.execute(arguments: [entry.id, entry.gsvsCode, entry.typeCode, entry.code, entry.fixedId,
                                               entry.fixedParentId, entry.nameKz, entry.nameRu, entry.nameEn,
                                               entry.isDeleted, SntExchangeStore.json(entry.details), entry.changeId])
            }
            try SyncCursorStore.save(cursor, companyId: companyId, .gsvs, db)
        }
    }

    public func units() throws -> [StoredMeasureUnit] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM measureUnit ORDER BY code").map { row in
                StoredMeasureUnit(code: row["code"], nameKz: row["nameKz"], nameRu: row["nameRu"],
                                  codeMkei: row["codeMkei"], codeOkei: row["codeOkei"], codeTis: row["codeTis"],
                                  lastUpdateDate: (row["lastUpdateDate"] as String?).flatMap(PreciseTimestamp.parse))
            }
        }
    }

    /// The GSVS entries whose code starts with `prefix` and are not deleted.
    public func gsvs(codePrefix prefix: String, limit: Int = 100) throws -> [StoredGsvsEntry] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM gsvsEntry WHERE gsvsCode >= ? AND gsvsCode < ? AND isDeleted = 0 ORDER BY gsvsCode LIMIT ?
                """, arguments: [prefix, prefix + "\u{10FFFF}", limit]).map { row in
                let details = (try? JSONDecoder().decode([String: String].self,
                                                         from: Data((row["details"] as String).utf8))) ?? [:]
                return StoredGsvsEntry(id: row["id"], gsvsCode: row["gsvsCode"], typeCode: row["typeCode"],
                                       code: row["code"], fixedId: row["fixedId"], fixedParentId: row["fixedParentId"],
                                       nameKz: row["nameKz"], nameRu: row["nameRu"], nameEn: row["nameEn"],
                                       isDeleted: row["isDeleted"], details: details, changeId: row["changeId"])
            }
        }
    }

    public func gsvsCount() throws -> Int {
        try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM gsvsEntry") ?? 0 }
    }
}
