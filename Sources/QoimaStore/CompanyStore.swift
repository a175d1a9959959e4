import GRDB

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
}
