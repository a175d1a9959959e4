import Foundation
import GRDB
import QoimaCore

/// The full-text index of SNTs: number, registration number, both parties' names and IIN/BINs,
/// goods names and TN VED codes.
///
/// - It is contentless (`content=''`), so the text is not stored a second time; an entry is
///   removed by repeating exactly what was indexed. Both are computed by one SQL expression
///   (`entriesSQL`) from the stored rows, so they cannot disagree: call `remove` before an SNT or
///   its lines change and `add` after.
/// - Its rowid is the list's default order, the SNT's date (days since 1970, 0 when there is
///   none) in the high 32 bits and its id in the low ones. A search sorted by date walks the
///   index in rowid order and stops at the page's end instead of sorting every match.
/// - The tokenizer folds case, in Cyrillic too, and Latin diacritics; Ё is written as Е on both
///   sides. A query matches words by their beginnings (`query(for:)`).
public enum SntSearchIndex {
    static let createTable = """
        CREATE VIRTUAL TABLE sntSearch USING fts5(
            number, registrationNumber, parties, goods,
            content = '', tokenize = "unicode61 remove_diacritics 2"
        );

        """

    /// The sort key of the SNT row in scope, as SQL.
    static let keySQL = "((ifnull(max(CAST(julianday(snt.date) - 2440587.5 AS INTEGER) + 1, 1), 0) << 32) | snt.id)"

    /// The smallest key of an SNT dated `date` (`keySQL` for id 0).
    static func firstKey(on date: CalendarDate) -> Int64 { Int64(max(date.dayNumber + 1, 1)) << 32 }
    /// The largest key of an SNT dated `date`.
    static func lastKey(on date: CalendarDate) -> Int64 { firstKey(on: date) | 0xFFFF_FFFF }
    /// The SNT id of an index rowid, as SQL.
    static func idSQL(ofRowid rowid: String) -> String { "(\(rowid) & 4294967295)" }

    /// The index entries of the SNTs matching `condition`: rowid, then one value per column.
    static func entriesSQL(where condition: String, leading: String = "") -> String {
        """
        SELECT \(leading)\(keySQL), \(folded("snt.number")), ifnull(snt.registrationNumber, ''),
            \(folded("snt.sellerName || ' ' || ifnull(snt.sellerTin, '') || ' ' || snt.customerName || ' ' || ifnull(snt.customerTin, '')")),
            \(folded("""
                ifnull((SELECT group_concat(productName || ' ' || ifnull(tnvedCode, ''), ' ')
                        FROM (SELECT productName, tnvedCode FROM sntLine WHERE sntId = snt.id ORDER BY goodsTable, position)), '')
                """))
        FROM snt WHERE \(condition)
        """
    }

    /// Ё written as Е, as most people type it; unicode61 folds Latin diacritics but not this one.
    private static func folded(_ expression: String) -> String {
        "replace(replace(\(expression), 'ё', 'е'), 'Ё', 'Е')"
    }

    /// The statement that indexes one stored SNT (its id is the argument). Public for tools that
    /// write rows without the store, such as the benchmark's raw SQLite baseline.
    public static let addSQL = "INSERT INTO sntSearch (rowid, number, registrationNumber, parties, goods) "
        + entriesSQL(where: "snt.id = ?")
    private static let removeSQL = "INSERT INTO sntSearch (sntSearch, rowid, number, registrationNumber, parties, goods) "
        + entriesSQL(where: "snt.id = ?", leading: "'delete', ")

    static func add(_ id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: addSQL).execute(arguments: [id])
    }

    static func remove(_ id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: removeSQL).execute(arguments: [id])
    }

    /// The FTS5 query for what the user typed: every word must match the beginning of an indexed
    /// word, in any column. Words are split where FTS5 splits them (anything but letters and
    /// digits), so "KZ-SNT-0001" finds the registration number it is part of, and FTS5's own
    /// syntax never leaks in. Nil when there is nothing to search for.
    public static func query(for text: String) -> String? {
        let words = text.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е")
            .split { !($0.isLetter || $0.isNumber) }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
