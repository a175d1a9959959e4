import GRDB

/// Schema version 8 (the Magazine of paper SNTs, docs/magazine.md).
///
/// - `magazineEntry` gains why and when a blank was spoiled.
/// - `magazineLiveSnt`: an SNT has at most one entry that is not spoiled, whoever writes.
/// - `magazineByDate`: the Magazine of a period, in number order, is an index walk.
/// - The Magazine is a register: `magazineEntryKept` refuses to delete an entry (a spoiled
///   blank is recorded as spoiled), and `magazineNumberKept` refuses to renumber one, so a
///   number once given is never given again.
enum SchemaV8 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE magazineEntry ADD COLUMN spoilReason TEXT;
            ALTER TABLE magazineEntry ADD COLUMN spoiledAt TEXT;
            CREATE UNIQUE INDEX magazineLiveSnt ON magazineEntry(sntId) WHERE sntId IS NOT NULL AND state != 'spoiled';
            CREATE INDEX magazineByDate ON magazineEntry(companyId, paperDate, year, number);
            CREATE TRIGGER magazineEntryKept BEFORE DELETE ON magazineEntry BEGIN
                SELECT RAISE(ABORT, 'Magazine entries are never deleted: record a spoiled blank as spoiled');
            END;
            CREATE TRIGGER magazineNumberKept BEFORE UPDATE OF companyId, year, number ON magazineEntry
            WHEN new.companyId IS NOT old.companyId OR new.year IS NOT old.year OR new.number IS NOT old.number BEGIN
                SELECT RAISE(ABORT, 'a Magazine entry keeps its company, year and number');
            END;
            """)
    }
}
