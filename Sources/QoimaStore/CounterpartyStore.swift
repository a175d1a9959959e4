import Foundation
import GRDB
import QoimaCore

/// One entry of a company's address book: a party it sends SNTs to (or receives them from).
public struct Counterparty: Hashable, Sendable {
    public var id: Int64
    /// IIN/BIN; nil for a non-resident without one.
    public var tin: String?
    public var name: String
    public var nonResident: Bool
    public var countryCode: String
    public var address: String
    /// Their virtual-warehouse store ids seen on SNTs, the latest first.
    public var storeIds: [Int64]
    public var lastUsedAt: Date?

    /// The party as section C of a new SNT gets it.
    public var asCustomer: SntParty {
        let country = CountryCode(countryCode)
        return SntParty(tin: tin.map(TaxpayerNumber.init), nonResident: nonResident, name: name,
                        registerCountryCode: country, countryCode: country,
                        actualAddress: address.isEmpty ? nil : address, storeId: storeIds.first)
    }
}

/// The address book behind the counterparty picker. Entries are remembered when an SNT to them
/// is saved or sent, and a company's book is seeded once from the SNTs already stored, so a
/// database of existing SNTs starts with a useful book.
public struct CounterpartyStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Entries whose IIN/BIN starts with `text` (when it is digits) or whose name contains it,
    /// case-insensitively, most recently used first. An empty text lists the most recent.
    public func search(companyId: Int64, text: String, limit: Int = 20) throws -> [Counterparty] {
        let needle = text.trimmingCharacters(in: .whitespaces)
        return try database.pool.read { db in
            if !needle.isEmpty, needle.allSatisfy(\.isASCII), needle.allSatisfy(\.isNumber) {
                return try Row.fetchAll(db, sql: Self.select + " AND tin LIKE ? ORDER BY lastUsedAt DESC, id DESC LIMIT ?",
                                        arguments: [companyId, needle + "%", limit]).map(Self.decode)
            }
            // SQLite folds only ASCII case, and most names are Cyrillic: filter in Swift, walking
            // the book in order of last use so the first matches are the ones wanted.
            let folded = needle.lowercased()
            var found: [Counterparty] = []
            let cursor = try Row.fetchCursor(db, sql: Self.select + " ORDER BY lastUsedAt DESC, id DESC",
                                             arguments: [companyId])
            while found.count < limit, let row = try cursor.next() {
                let name: String = row["name"]
                if folded.isEmpty || name.lowercased().contains(folded) { found.append(Self.decode(row)) }
            }
            return found
        }
    }

    /// The entry with this IIN/BIN.
    public func counterparty(companyId: Int64, tin: String) throws -> Counterparty? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: Self.select + " AND tin = ?", arguments: [companyId, tin]).map(Self.decode)
        }
    }

    /// Adds or refreshes the party (matched by IIN/BIN, or by name when it has none) and marks it
    /// used at `date`. Parties without a name are not remembered.
    @discardableResult
    public func remember(companyId: Int64, _ party: SntParty, at date: Date = Date()) throws -> Int64? {
        let name = party.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return try database.pool.write { db in try Self.remember(companyId: companyId, party, name: name, at: date, db) }
    }

    /// Seeds the book from the counterparties of stored SNTs (customers of outgoing ones, sellers
    /// of incoming ones) when the company has none yet. Returns how many entries were added.
    @discardableResult
    public func seedIfEmpty(companyId: Int64) throws -> Int {
        try database.pool.write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM counterparty WHERE companyId = ?",
                                            arguments: [companyId]) ?? 0
            guard existing == 0 else { return 0 }
            // The latest SNT of each counterparty gives its name and warehouse.
            try db.execute(sql: """
                INSERT OR IGNORE INTO counterparty (companyId, tin, name, storeIds, lastUsedAt)
                SELECT companyId, counterpartyTin, counterpartyName,
                    '[' || coalesce(CASE direction WHEN 'outgoing' THEN customerStoreId ELSE sellerStoreId END, '') || ']',
                    max(coalesce(date, substr(updatedAt, 1, 10))) || 'T00:00:00Z'
                FROM snt
                WHERE companyId = ? AND counterpartyTin IS NOT NULL AND counterpartyTin != ''
                    AND counterpartyName != ''
                GROUP BY counterpartyTin
                """, arguments: [companyId])
            return db.changesCount
        }
    }

    static func remember(companyId: Int64, _ party: SntParty, name: String, at date: Date, _ db: Database) throws -> Int64 {
        let tin = party.tin?.rawValue.trimmingCharacters(in: .whitespaces)
        let known: Row? = if let tin, !tin.isEmpty {
            try Row.fetchOne(db, sql: "SELECT id, storeIds FROM counterparty WHERE companyId = ? AND tin = ?",
                             arguments: [companyId, tin])
        } else {
            try Row.fetchOne(db, sql: "SELECT id, storeIds FROM counterparty WHERE companyId = ? AND tin IS NULL AND name = ?",
                             arguments: [companyId, name])
        }
        var stores = known.map { decodeStores($0["storeIds"]) } ?? []
        if let store = party.storeId {
            stores.removeAll { $0 == store }
            stores.insert(store, at: 0)
        }
        let storesText = "[" + stores.prefix(10).map(String.init).joined(separator: ",") + "]"
        let country = (party.countryCode ?? party.registerCountryCode)?.rawValue ?? (party.isResident ? "KZ" : "")
        let arguments: StatementArguments = [name, party.nonResident == true, country, party.actualAddress ?? "",
                                             storesText, Timestamp.text(of: date)]
        if let known {
            let id: Int64 = known["id"]
            try db.execute(sql: """
                UPDATE counterparty SET name = ?, nonResident = ?, countryCode = ?, address = ?, storeIds = ?,
                    lastUsedAt = ? WHERE id = ?
                """, arguments: arguments + [id])
            return id
        }
        try db.execute(sql: """
            INSERT INTO counterparty (name, nonResident, countryCode, address, storeIds, lastUsedAt, companyId, tin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments + [companyId, (tin?.isEmpty ?? true) ? nil : tin])
        return db.lastInsertedRowID
    }

    private static let select = """
        SELECT id, tin, name, nonResident, countryCode, address, storeIds, lastUsedAt FROM counterparty
        WHERE companyId = ?
        """

    private static func decode(_ row: Row) -> Counterparty {
        Counterparty(id: row["id"], tin: row["tin"], name: row["name"], nonResident: row["nonResident"],
                     countryCode: row["countryCode"], address: row["address"], storeIds: decodeStores(row["storeIds"]),
                     lastUsedAt: (row["lastUsedAt"] as String?).flatMap(Timestamp.parse))
    }

    private static func decodeStores(_ text: String) -> [Int64] {
        (try? JSONDecoder().decode([Int64].self, from: Data(text.utf8))) ?? []
    }
}
