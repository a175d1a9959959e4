import Foundation
import GRDB
import QoimaCore

/// Finding batches for goods lines: the batch picker's type-ahead and the barcode scanner.
extension BalanceStore {
    /// Batches of warehouse `storeId` whose TN VED or GTIN starts with `text` (when it is digits)
    /// or whose name contains it, case-insensitively; batches with something to ship first.
    public func search(companyId: Int64, storeId: Int64, text: String, limit: Int = 20) throws -> [StoredBalance] {
        let needle = text.trimmingCharacters(in: .whitespaces)
        return try database.pool.read { db in
            let base = "SELECT * FROM balance WHERE companyId = ? AND storeId = ?"
            let order = " ORDER BY CAST(quantity AS REAL) - coalesce(CAST(reserveQuantity AS REAL), 0) <= 0, name, balanceId"
            if !needle.isEmpty, needle.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // A GTIN may be stored with leading zeros the user does not type: it is matched anywhere.
                return try Row.fetchAll(db, sql: base + " AND (tnvedCode LIKE ? OR gtin LIKE ?)" + order + " LIMIT ?",
                                        arguments: [companyId, storeId, needle + "%", "%" + needle + "%", limit])
                    .map(Self.decode)
            }
            // Names are mostly Cyrillic, which SQLite's LIKE does not fold: filter in Swift.
            let folded = needle.lowercased()
            var found: [StoredBalance] = []
            let cursor = try Row.fetchCursor(db, sql: base + order, arguments: [companyId, storeId])
            while found.count < limit, let row = try cursor.next() {
                let name: String = row["name"]
                if folded.isEmpty || name.lowercased().contains(folded) { found.append(Self.decode(row)) }
            }
            return found
        }
    }

    /// The batches of warehouse `storeId` with this GTIN, however many leading zeros either side
    /// wrote (8, 12, 13 and 14 digits are one GTIN-14); batches with something to ship first.
    public func batches(companyId: Int64, storeId: Int64, gtin: String) throws -> [StoredBalance] {
        let full = Gtin(gtin.trimmingCharacters(in: .whitespaces)).gtin14
        // Every spelling of the same GTIN-14: the index on gtin finds each exactly.
        let spellings = Array(Set(Gtin.lengths.compactMap { length -> String? in
            full.prefix(14 - length).allSatisfy { $0 == "0" } ? String(full.suffix(length)) : nil
        } + [gtin]))
        let marks = spellings.map { _ in "?" }.joined(separator: ", ")
        var arguments: StatementArguments = [companyId]
        arguments += StatementArguments(spellings)
        arguments += [storeId]
        return try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM balance WHERE companyId = ? AND gtin IN (\(marks)) AND storeId = ?
                ORDER BY CAST(quantity AS REAL) - coalesce(CAST(reserveQuantity AS REAL), 0) <= 0, balanceId
                """, arguments: arguments).map(Self.decode)
        }
    }
}
