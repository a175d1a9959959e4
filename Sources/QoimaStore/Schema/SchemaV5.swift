import GRDB

/// Schema version 5: the search index is built again with prefix indexes (`SntSearchIndex`), so
/// a search for the first digits of an IIN/BIN or the first letters of a word stays instant at
/// millions of SNTs. The new table is filled from the stored SNTs; at 1,000,000 SNTs of 10 lines
/// that takes about three minutes, once.
enum SchemaV5 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE sntSearch;" + SntSearchIndex.createTable)
        try db.execute(sql: SntSearchIndex.fillSQL)
    }
}
