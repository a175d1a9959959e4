import GRDB

/// Schema version 1: every table Qoima keeps. Conventions: dates are `yyyy-MM-dd` text (they
/// sort), timestamps are ISO 8601 UTC text, money and quantities are canonical decimal text
/// (`DecimalText`) so nothing is rounded by a float, with an integer tiyn copy where a list sorts
/// by the amount.
enum SchemaV1 {
    @Sendable static func create(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(QoimaSchema.applicationID)")
        try db.execute(sql: companies + documents + warehouses + exchange + audit)
    }

    /// Own companies, their signing certificates (metadata only: never a password or a key),
    /// the address book and the product catalogue.
    static let companies = """
        CREATE TABLE company (
            id INTEGER PRIMARY KEY,
            bin TEXT NOT NULL UNIQUE,
            nameKk TEXT NOT NULL DEFAULT '',
            nameRu TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            createdAt TEXT NOT NULL
        );
        CREATE TABLE certificate (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            ownerIin TEXT NOT NULL,
            ownerName TEXT NOT NULL DEFAULT '',
            usage TEXT NOT NULL CHECK (usage IN ('authentication', 'signing', 'both')),
            serialNumber TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            validFrom TEXT NOT NULL,
            validTo TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('pkcs12', 'ncalayer')),
            keyFilePath TEXT,
            UNIQUE (companyId, serialNumber)
        );
        CREATE TABLE counterparty (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            tin TEXT,
            name TEXT NOT NULL,
            nonResident INTEGER NOT NULL DEFAULT 0,
            countryCode TEXT NOT NULL DEFAULT 'KZ',
            address TEXT NOT NULL DEFAULT '',
            storeIds TEXT NOT NULL DEFAULT '[]',
            lastUsedAt TEXT
        );
        CREATE UNIQUE INDEX counterpartyByTin ON counterparty(companyId, tin) WHERE tin IS NOT NULL;
        CREATE INDEX counterpartyByLastUse ON counterparty(companyId, lastUsedAt DESC);
        CREATE TABLE product (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            tnvedCode TEXT,
            kpvedCode TEXT,
            gtin TEXT,
            ntin TEXT,
            measureUnitCode TEXT,
            lastPrice TEXT,
            updatedAt TEXT NOT NULL
        );
        CREATE INDEX productByGtin ON product(companyId, gtin) WHERE gtin IS NOT NULL;
        CREATE INDEX productByName ON product(companyId, name);

        """

    /// SNTs (drafts, sent, incoming) with their goods lines, universal forms and the Magazine.
    static let documents = """
        CREATE TABLE snt (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            date TEXT,
            shippingDate TEXT,
            sellerTin TEXT,
            sellerName TEXT NOT NULL DEFAULT '',
            customerTin TEXT,
            customerName TEXT NOT NULL DEFAULT '',
            sellerStoreId INTEGER,
            customerStoreId INTEGER,
            currencyCode TEXT,
            totalWithoutTax TEXT,
            totalWithTax TEXT,
            totalWithTaxTiyn INTEGER,
            registrationNumber TEXT,
            esfId INTEGER UNIQUE,
            inputDate TEXT,
            body TEXT NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]',
            revision INTEGER NOT NULL DEFAULT 1,
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        CREATE INDEX sntByDirectionDate ON snt(companyId, direction, date DESC, id DESC);
        CREATE INDEX sntByStatus ON snt(companyId, direction, status, date DESC);
        CREATE INDEX sntByCustomer ON snt(companyId, customerTin, date DESC);
        CREATE INDEX sntBySeller ON snt(companyId, sellerTin, date DESC);
        CREATE INDEX sntByRegistration ON snt(registrationNumber) WHERE registrationNumber IS NOT NULL;
        CREATE TABLE sntLine (
            id INTEGER PRIMARY KEY,
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
            UNIQUE (sntId, goodsTable, position)
        );
        CREATE TABLE uform (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            date TEXT,
            senderStoreId INTEGER,
            recipientStoreId INTEGER,
            totalSum TEXT,
            registrationNumber TEXT,
            esfId INTEGER UNIQUE,
            body TEXT NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]',
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        CREATE INDEX uformByDate ON uform(companyId, date DESC, id DESC);
        CREATE TABLE magazineEntry (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE RESTRICT,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL CHECK (number > 0),
            sntId INTEGER REFERENCES snt(id) ON DELETE SET NULL,
            state TEXT NOT NULL CHECK (state IN ('issued', 'entered', 'spoiled')),
            paperDate TEXT NOT NULL,
            reason TEXT,
            restoreDate TEXT,
            registrationNumber TEXT,
            enteredAt TEXT,
            responsible TEXT NOT NULL DEFAULT '',
            layoutVersion INTEGER NOT NULL,
            UNIQUE (companyId, year, number)
        );

        """

    /// Virtual warehouses and the cache of IS ESF's balances.
    static let warehouses = """
        CREATE TABLE warehouse (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            storeId INTEGER NOT NULL,
            name TEXT NOT NULL,
            typeCode TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'VALID',
            address TEXT NOT NULL DEFAULT '',
            responsiblePersonIin TEXT,
            isDefault INTEGER NOT NULL DEFAULT 0,
            signs TEXT NOT NULL DEFAULT '{}',
            syncedAt TEXT,
            UNIQUE (companyId, storeId)
        );
        CREATE TABLE balance (
            id INTEGER PRIMARY KEY,
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
            syncedAt TEXT NOT NULL,
            UNIQUE (companyId, balanceId)
        );
        CREATE INDEX balanceByStore ON balance(companyId, storeId);

        """

    /// The outbox of documents and actions on their way to IS ESF, and the sync cursors.
    static let exchange = """
        CREATE TABLE outboxJob (
            id INTEGER PRIMARY KEY,
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            documentId INTEGER,
            idempotencyKey TEXT NOT NULL UNIQUE,
            payload TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            lastError TEXT,
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL
        );
        CREATE INDEX outboxByState ON outboxJob(state, id);
        CREATE TABLE syncCursor (
            companyId INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            lastEventDate TEXT,
            lastId INTEGER,
            updatedAt TEXT NOT NULL,
            PRIMARY KEY (companyId, name)
        );

        """

    /// What changed, when, by which OS user. Append-only: triggers refuse updates and deletes.
    static let audit = """
        CREATE TABLE auditLog (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            osUser TEXT NOT NULL,
            entity TEXT NOT NULL,
            entityId INTEGER,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX auditByEntity ON auditLog(entity, entityId);
        CREATE TRIGGER auditLogIsAppendOnlyOnUpdate BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER auditLogIsAppendOnlyOnDelete BEFORE DELETE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
