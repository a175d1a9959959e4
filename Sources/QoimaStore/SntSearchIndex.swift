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
/// - It keeps prefix indexes of 2 to 8 characters (`prefixLengths`), so a word typed in part is
///   one lookup walked in rowid order, not a merge of every indexed word it begins: without them
///   "01" merged the doclists of every IIN/BIN starting so, about a million entries at 1,000,000
///   SNTs, before the first row. Longer beginnings match few words.
/// - It keeps no word positions (`detail = none`): a search is words in any order, never a
///   phrase, so positions were dead weight. With both, the index takes about 0.6 KB per SNT of
///   10 lines (it was 0.3 KB without prefixes; with positions and prefixes it would be 1.5 KB).
/// - The tokenizer folds case, in Cyrillic too, and Latin diacritics; Ё is written as Е on both
///   sides. A query matches words by their beginnings (`query(for:)`).
public enum SntSearchIndex {
    /// The word beginnings with an index of their own (FTS5 uses one only for exactly that length).
    static let prefixLengths = Array(2...8)

    static let createTable = """
        CREATE VIRTUAL TABLE sntSearch USING fts5(
            number, registrationNumber, parties, goods,
            content = '', tokenize = "unicode61 remove_diacritics 2", detail = none,
            prefix = '\(prefixLengths.map(String.init).joined(separator: " "))'
        );

        """

    /// Fills the index from every stored SNT (the table is empty).
    static let fillSQL = "INSERT INTO sntSearch (rowid, number, registrationNumber, parties, goods) "
        + entriesSQL(where: "1")

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
