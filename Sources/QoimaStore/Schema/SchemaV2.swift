import GRDB

/// Schema version 2: SNT lists that stay instant at millions of documents.
///
/// - `snt` gains the counterparty and the own warehouse as generated columns (the customer for
///   an outgoing SNT, the seller for an incoming one), so filters and sorts need no CASE.
/// - One index per sortable list column, each led by company and direction, so the first page of
///   any list is an index walk.
/// - `sntLine` becomes a WITHOUT ROWID table keyed by (SNT, table, position): one B-tree per line
///   instead of two, which nearly halves the cost of writing goods lines.
/// - `sntSearch`, a contentless FTS5 index (see `SntSearchIndex`), filled for the SNTs already
///   stored.
enum SchemaV2 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: generatedColumns + listIndexes + goodsLines + searchTable)
        try db.execute(sql: SntSearchIndex.fillSQL)
    }

    /// The index as this version made it; version 5 rebuilds it with prefix indexes.
    static let searchTable = """
        CREATE VIRTUAL TABLE sntSearch USING fts5(
            number, registrationNumber, parties, goods,
            content = '', tokenize = "unicode61 remove_diacritics 2"
        );

        """

    static let generatedColumns = """
        ALTER TABLE snt ADD COLUMN counterpartyTin TEXT
            GENERATED ALWAYS AS (CASE direction WHEN 'outgoing' THEN customerTin ELSE sellerTin END) VIRTUAL;
        ALTER TABLE snt ADD COLUMN counterpartyName TEXT
            GENERATED ALWAYS AS (CASE direction WHEN 'outgoing' THEN customerName ELSE sellerName END) VIRTUAL;
        ALTER TABLE snt ADD COLUMN ownStoreId INTEGER
            GENERATED ALWAYS AS (CASE direction WHEN 'outgoing' THEN sellerStoreId ELSE customerStoreId END) VIRTUAL;

        """

    /// `sntByDirectionDate` (v1) serves the date sort; the rowid ends every index, so each also
    /// orders ties by id.
    static let listIndexes = """
        DROP INDEX sntByStatus;
        DROP INDEX sntByCustomer;
        DROP INDEX sntBySeller;
        DROP INDEX sntByRegistration;
        CREATE INDEX sntByNumber ON snt(companyId, direction, number);
        CREATE INDEX sntByShippingDate ON snt(companyId, direction, shippingDate);
        CREATE INDEX sntByCounterpartyName ON snt(companyId, direction, counterpartyName);
        CREATE INDEX sntByCounterparty ON snt(companyId, direction, counterpartyTin, date);
        CREATE INDEX sntByTotal ON snt(companyId, direction, totalWithTaxTiyn);
        CREATE INDEX sntByStatus ON snt(companyId, direction, status, date);
        CREATE INDEX sntByRegistrationNumber ON snt(companyId, direction, registrationNumber);
        CREATE INDEX sntByOwnStore ON snt(companyId, direction, ownStoreId, date);
        CREATE INDEX sntByRegistration ON snt(registrationNumber) WHERE registrationNumber IS NOT NULL;

        """

    static let goodsLines = """
        CREATE TABLE sntLineV2 (
            sntId INTEGER NOT NULL REFERENCES snt(id) ON DELETE CASCADE,
            goodsTable TEXT NOT NULL CHECK (goodsTable IN ('G1', 'G6')),
            position INTEGER NOT NULL,
            productName TEXT NOT NULL DEFAULT '',
            tnvedCode TEXT,
            measureUnitCode TEXT,
            quantity TEXT,
            price TEXT,
            priceWithoutTax TEXT,
            ndsRate INTEGER,
            ndsAmount TEXT,
            priceWithTax TEXT,
            productId TEXT,
            gtin TEXT,
            PRIMARY KEY (sntId, goodsTable, position)
        ) WITHOUT ROWID;
        INSERT INTO sntLineV2 (sntId, goodsTable, position, productName, tnvedCode, measureUnitCode, quantity, price,
            priceWithoutTax, ndsRate, ndsAmount, priceWithTax, productId, gtin)
        SELECT sntId, goodsTable, position, productName, tnvedCode, measureUnitCode, quantity, price,
            priceWithoutTax, ndsRate, ndsAmount, priceWithTax, productId, gtin FROM sntLine;
        DROP TABLE sntLine;
        ALTER TABLE sntLineV2 RENAME TO sntLine;

        """
}
