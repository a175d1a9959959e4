import GRDB
import QoimaCore

/// The user's own companies (the ones SNTs are sent and received for).
public struct CompanyStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func all() throws -> [OwnCompany] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, bin, nameRu, nameKk FROM company ORDER BY id").map(OwnCompany.init)
        }
    }

    /// The id of the own company with this BIN, added (and audited) when missing.
    public func findOrAdd(bin: String, name: String) throws -> Int64 {
        try database.pool.write { try Self.findOrAdd(bin: bin, name: name, $0) }
    }

    static func findOrAdd(bin: String, name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM company WHERE bin = ?", arguments: [bin]) {
            return id
        }
        try db.execute(sql: "INSERT INTO company (bin, nameRu, createdAt) VALUES (?, ?, ?)",
                       arguments: [bin, name, Timestamp.now()])
        let id = db.lastInsertedRowID
        try AuditLog.append(db, entity: "company", id: id, action: "create", detail: "BIN \(bin)")
        return id
    }

    public func company(bin: String) throws -> OwnCompany? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, bin, nameRu, nameKk FROM company WHERE bin = ?", arguments: [bin])
                .map(OwnCompany.init)
        }
    }
}

public struct OwnCompany: Hashable, Sendable {
    public var id: Int64
    public var bin: String
    public var nameRu: String
    public var nameKk: String

    init(_ row: Row) {
        id = row["id"]
        bin = row["bin"]
        nameRu = row["nameRu"]
        nameKk = row["nameKk"]
    }

    /// The company's name in `language`: Kazakh when asked for and known, else Russian.
    public func name(in language: Language) -> String {
        language == .kazakh && !nameKk.isEmpty ? nameKk : nameRu
    }
}
