import GRDB

/// Schema version 7 (warehouses): the balances table as a clerk reads it at hundreds of
/// thousands of batches.
///
/// - `balanceByName` and `balanceByStoreName`: the table's default order (by name), of all
///   warehouses or one, is an index walk, so the first page never sorts every batch.
/// - `balanceSearch`: a contentless FTS5 index of each batch's name and codes (KPVED, TN VED,
///   GTIN with and without its leading zeros, batch id), kept by triggers, since the balance
///   cache is replaced whole by every sync. Its rowid is the balance row's id. See `BalanceList`.
enum SchemaV7 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX balanceByName ON balance(companyId, name, id);
            CREATE INDEX balanceByStoreName ON balance(companyId, storeId, name, id);
            CREATE VIRTUAL TABLE balanceSearch USING fts5(
                name, codes,
                content = '', tokenize = "unicode61 remove_diacritics 2", detail = none,
                prefix = '2 3 4 5 6 7 8'
            );
            CREATE TRIGGER balanceSearchInsert AFTER INSERT ON balance BEGIN
                INSERT INTO balanceSearch (rowid, name, codes) VALUES (new.id, \(name("new")), \(codes("new")));
            END;
            CREATE TRIGGER balanceSearchDelete AFTER DELETE ON balance BEGIN
                INSERT INTO balanceSearch (balanceSearch, rowid, name, codes)
                VALUES ('delete', old.id, \(name("old")), \(codes("old")));
            END;
            CREATE TRIGGER balanceSearchUpdate AFTER UPDATE OF name, kpvedCode, tnvedCode, gtin, batch ON balance BEGIN
                INSERT INTO balanceSearch (balanceSearch, rowid, name, codes)
                VALUES ('delete', old.id, \(name("old")), \(codes("old")));
                INSERT INTO balanceSearch (rowid, name, codes) VALUES (new.id, \(name("new")), \(codes("new")));
            END;
            INSERT INTO balanceSearch (rowid, name, codes) SELECT id, \(name("balance")), \(codes("balance")) FROM balance;
            """)
    }

    /// Ё written as Е, as in the SNT search (`SntSearchIndex`).
    private static func name(_ row: String) -> String {
        "replace(replace(\(row).name, 'ё', 'е'), 'Ё', 'Е')"
    }

    /// A scanned GTIN may lack the leading zeros IS ESF keeps: both spellings are indexed.
    private static func codes(_ row: String) -> String {
        """
        ifnull(\(row).kpvedCode, '') || ' ' || ifnull(\(row).tnvedCode, '') || ' ' || ifnull(\(row).gtin, '') || ' '
            || ifnull(ltrim(\(row).gtin, '0'), '') || ' ' || ifnull(\(row).batch, '')
        """
    }
}
