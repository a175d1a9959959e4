import GRDB

/// Schema version 4: SNT templates, named drafts a company starts new SNTs from (the regular
/// customer, the usual goods). The body is an SntV1 body like a draft's; a name is unique per
/// company, so saving under a name that exists replaces that template.
/// - `balanceByGtin`: the editor's barcode field finds a batch by GTIN as each code is scanned.
enum SchemaV4 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sntTemplate (
                id INTEGER PRIMARY KEY,
                companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                body TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                UNIQUE (companyId, name)
            );
            CREATE INDEX balanceByGtin ON balance(companyId, gtin) WHERE gtin IS NOT NULL;
            """)
    }
}
