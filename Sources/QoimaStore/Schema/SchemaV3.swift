import GRDB

/// Schema version 3: the exchange with IS ESF.
///
/// - `outboxJob` is rebuilt with the states a send goes through (see `OutboxJob.State`). v1's
///   table was never written, but its rows, if any, are kept.
/// - `snt` gains what IS ESF says of a document: its errors, acceptance data (M), cancel reason,
///   last update and the signature that actions on it must quote.
/// - `esfLogin` (what `esf login` remembers: never a password) and `esfSession` (open session
///   ids, so one command reuses the session of the one before).
/// - Balances gain the rarer fields as JSON, and a staging table so a snapshot interrupted
///   mid-way resumes where it stopped and replaces the cache only when complete.
/// - The unit and GSVS dictionaries.
enum SchemaV3 {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: outbox + documents + login + balances + dictionaries)
    }

    static let outbox = """
        CREATE TABLE outboxJobV3 (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            sntId INTEGER REFERENCES snt(id) ON DELETE SET NULL,
            esfId INTEGER,
            number TEXT,
            documentDate TEXT,
            idempotencyKey TEXT NOT NULL UNIQUE,
            payload TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL
                CHECK (state IN ('pending', 'sending', 'uncertain', 'accepted', 'done', 'failed', 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0,
            firstSentAt TEXT,
            lastAttemptAt TEXT,
            result TEXT,
            lastError TEXT,
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        INSERT INTO outboxJobV3 (id, companyId, kind, sntId, idempotencyKey, payload, state, attempts, lastError,
            createdAt, updatedAt)
        SELECT id, companyId, kind, documentId, idempotencyKey, payload,
            CASE state WHEN 'sent' THEN 'uncertain' ELSE state END, attempts, lastError, createdAt, updatedAt
        FROM outboxJob;
        DROP TABLE outboxJob;
        ALTER TABLE outboxJobV3 RENAME TO outboxJob;
        CREATE INDEX outboxByState ON outboxJob(companyId, state, id);
        CREATE INDEX outboxBySnt ON outboxJob(sntId);

        """

    static let documents = """
        ALTER TABLE snt ADD COLUMN esfErrors TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE snt ADD COLUMN acceptance TEXT;
        ALTER TABLE snt ADD COLUMN cancelReason TEXT;
        ALTER TABLE snt ADD COLUMN lastUpdateDate TEXT;
        ALTER TABLE snt ADD COLUMN esfSignature TEXT;

        """

    static let login = """
        CREATE TABLE esfLogin (
            companyId INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,
            server TEXT NOT NULL,
            userIin TEXT NOT NULL,
            userName TEXT NOT NULL DEFAULT '',
            authKeyPath TEXT NOT NULL,
            signKeyPath TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        CREATE TABLE esfSession (
            server TEXT NOT NULL,
            scope TEXT NOT NULL,
            iin TEXT NOT NULL,
            tin TEXT NOT NULL,
            sessionId TEXT NOT NULL,
            savedAt TEXT NOT NULL,
            PRIMARY KEY (server, scope, iin, tin)
        );

        """

    static let balances = """
        ALTER TABLE balance ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
        CREATE TABLE balanceStaging (
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            balanceId INTEGER NOT NULL,
            storeId INTEGER NOT NULL,
            batch INTEGER,
            name TEXT NOT NULL DEFAULT '',
            kpvedCode TEXT,
            tnvedCode TEXT,
            gtin TEXT,
            measureUnitCode TEXT,
            unitPrice TEXT,
            quantity TEXT NOT NULL,
            reserveQuantity TEXT,
            details TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (companyId, balanceId)
        ) WITHOUT ROWID;

        """

    static let dictionaries = """
        CREATE TABLE measureUnit (
            code TEXT PRIMARY KEY,
            nameKz TEXT NOT NULL DEFAULT '',
            nameRu TEXT NOT NULL DEFAULT '',
            codeMkei TEXT,
            codeOkei TEXT,
            codeTis TEXT,
            lastUpdateDate TEXT
        ) WITHOUT ROWID;
        CREATE TABLE gsvsEntry (
            id INTEGER PRIMARY KEY,
            gsvsCode TEXT NOT NULL,
            typeCode TEXT NOT NULL,
            code TEXT,
            fixedId INTEGER,
            fixedParentId INTEGER,
            nameKz TEXT NOT NULL DEFAULT '',
            nameRu TEXT NOT NULL DEFAULT '',
            nameEn TEXT NOT NULL DEFAULT '',
            isDeleted INTEGER NOT NULL DEFAULT 0,
            details TEXT NOT NULL DEFAULT '{}',
            changeId INTEGER NOT NULL
        );
        CREATE INDEX gsvsByCode ON gsvsEntry(gsvsCode);
        """
}
