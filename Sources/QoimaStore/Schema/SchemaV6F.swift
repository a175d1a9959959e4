import GRDB

/// Schema version 6 (forms): universal forms as the desk keeps them.
///
/// - `uform` gains a revision, the write-off reason or detailing kind (`subtype`), the write-off's details (`UForm.writeOffDetails`, kept beside the
///   body they are summarised into), a folded search text and line and problem counts for the
///   list, what IS ESF says of a sent form (errors, dates, cancel reason, signature), and the
///   form's own send state: the row is its own outbox job, so a form is never queued twice and a
///   send whose answer was lost is looked for before it is sent again (`UFormSendState`).
/// - `uformSync`: the cursor of IS ESF's form update feed.
/// - `balanceReconciliation`: the last comparison of expected and reported balances, and the
///   documents' statuses it was made with (the baseline of the next one).
enum SchemaV6F {
    @Sendable static func migrate(_ db: Database) throws {
        try db.execute(sql: forms + feeds)
    }

    static let forms = """
        ALTER TABLE uform ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE uform ADD COLUMN subtype TEXT;
        ALTER TABLE uform ADD COLUMN writeOffDetails TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE uform ADD COLUMN searchText TEXT NOT NULL DEFAULT '';
        ALTER TABLE uform ADD COLUMN lineCount INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE uform ADD COLUMN errorCount INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE uform ADD COLUMN warningCount INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE uform ADD COLUMN origin TEXT NOT NULL DEFAULT 'qoima' CHECK (origin IN ('qoima', 'esf'));
        ALTER TABLE uform ADD COLUMN inputDate TEXT;
        ALTER TABLE uform ADD COLUMN lastUpdateDate TEXT;
        ALTER TABLE uform ADD COLUMN cancelReason TEXT;
        ALTER TABLE uform ADD COLUMN esfErrors TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE uform ADD COLUMN esfSignature TEXT;
        ALTER TABLE uform ADD COLUMN abandonedEsfIds TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE uform ADD COLUMN sendState TEXT
            CHECK (sendState IN ('pending', 'sending', 'uncertain', 'accepted', 'done', 'failed'));
        ALTER TABLE uform ADD COLUMN sentRevision INTEGER;
        ALTER TABLE uform ADD COLUMN sendAttempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE uform ADD COLUMN firstSentAt TEXT;
        ALTER TABLE uform ADD COLUMN lastAttemptAt TEXT;
        ALTER TABLE uform ADD COLUMN sendError TEXT;
        CREATE INDEX uformByType ON uform(companyId, type, date DESC, id DESC);
        CREATE INDEX uformByStatus ON uform(companyId, status, date DESC, id DESC);
        CREATE INDEX uformBySendState ON uform(companyId, sendState) WHERE sendState IS NOT NULL;

        """

    static let feeds = """
        CREATE TABLE uformSync (
            companyId INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,
            cursor TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        CREATE TABLE balanceReconciliation (
            companyId INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,
            ranAt TEXT NOT NULL,
            report TEXT NOT NULL,
            baseline TEXT NOT NULL
        );
        """
}
