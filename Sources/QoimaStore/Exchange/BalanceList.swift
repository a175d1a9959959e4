import Foundation
import GRDB
import QoimaCore

/// What the balances table shows: which batches, in which order. Rows are read with `BalanceList`.
public struct BalanceListQuery: Hashable, Sendable {
    public var companyId: Int64
    /// One warehouse; nil for all of the company's.
    public var storeId: Int64?
    /// What the user typed: every word must begin a word of the name or a code (KPVED, TN VED,
    /// GTIN, batch). Words shorter than two characters are not searched for.
    public var search: String?
    /// Only batches something holds (a reserve other than zero).
    public var reservedOnly: Bool
    /// Only batches whose quantity is not zero.
    public var nonZeroOnly: Bool
    public var order: BalanceListOrder

    public init(companyId: Int64, storeId: Int64? = nil, search: String? = nil, reservedOnly: Bool = false,
                nonZeroOnly: Bool = false, order: BalanceListOrder = .byName) {
        self.companyId = companyId
        self.storeId = storeId
        self.search = search
        self.reservedOnly = reservedOnly
        self.nonZeroOnly = nonZeroOnly
        self.order = order
    }

    /// The FTS5 query for the search: each word of two characters or more, as a word beginning.
    /// Nil when nothing is searched for.
    public var searchExpression: String? {
        guard let search else { return nil }
        let folded: String = search.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е")
        let words = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}

/// A column the balances table sorts by; ties go by the row's id in the same direction.
public enum BalanceListColumn: String, CaseIterable, Sendable {
    case name, warehouse, kpved, tnved, gtin, batch, unit, unitPrice, quantity, reserved, available

    var sql: String {
        switch self {
        case .name: "b.name"
        case .warehouse: "b.storeId"
        case .kpved: "b.kpvedCode"
        case .tnved: "b.tnvedCode"
        case .gtin: "b.gtin"
        case .batch: "b.batch"
        case .unit: "b.measureUnitCode"
        // Quantities are kept as exact decimal text; they sort as numbers.
        case .unitPrice: "CAST(b.unitPrice AS REAL)"
        case .quantity: "CAST(b.quantity AS REAL)"
        case .reserved: "CAST(ifnull(b.reserveQuantity, 0) AS REAL)"
        case .available: "(CAST(b.quantity AS REAL) - CAST(ifnull(b.reserveQuantity, 0) AS REAL))"
        }
    }
}

public struct BalanceListOrder: Hashable, Sendable {
    public var column: BalanceListColumn
    public var ascending: Bool

    public init(_ column: BalanceListColumn, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    public static let byName = BalanceListOrder(.name)

    var sql: String {
        let direction = ascending ? "ASC" : "DESC"
        return "\(column.sql) \(direction), b.id \(direction)"
    }
}

/// One batch of the balances table.
public struct BalanceListRow: Hashable, Sendable {
    /// The local row id (changes with every sync; pages and selection use it).
    public var id: Int64
    public var balanceId: Int64
    public var storeId: Int64
    /// The warehouse's name, when the warehouses were synced.
    public var storeName: String?
    public var batch: Int64?
    public var name: String
    public var kpvedCode: String?
    public var tnvedCode: String?
    public var gtin: String?
    public var measureUnitCode: String?
    public var unitPrice: Decimal?
    public var quantity: Decimal
    public var reserved: Decimal
    public var available: Decimal { quantity - reserved }

    /// What makes batches one product in the grouped table: the same goods in the same unit.
    public var productKey: BalanceProductKey {
        BalanceProductKey(name: name, kpvedCode: kpvedCode, tnvedCode: tnvedCode, gtin: gtin,
                          measureUnitCode: measureUnitCode)
    }
}

/// A product of the grouped table: batches with the same name, codes and unit.
public struct BalanceProductKey: Hashable, Sendable {
    public var name: String
    public var kpvedCode: String?
    public var tnvedCode: String?
    public var gtin: String?
    public var measureUnitCode: String?
}

/// One product of the grouped table, with its batches (row ids, in table order) and subtotals.
public struct BalanceProductGroup: Hashable, Sendable {
    public var key: BalanceProductKey
    public var rowIds: [Int64]
    public var quantity: Decimal
    public var reserved: Decimal
    public var available: Decimal { quantity - reserved }
}

/// Reads the balance cache as the balances table shows it: counted, paged, searched, filtered,
/// sorted and grouped by product, for one warehouse or all. Without a search the default order
/// walks `balanceByName`/`balanceByStoreName`; a search goes through `balanceSearch` (SchemaV7).
public struct BalanceList: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// How many batches the query finds, counting no further than `cap` when given.
    public func count(_ query: BalanceListQuery, upTo cap: Int? = nil) throws -> Int {
        try database.pool.read { db in
            let (condition, arguments) = try Self.filter(query, db)
            if let cap {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM balance b WHERE \(condition) LIMIT ?)",
                                        arguments: arguments + [cap]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM balance b WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    /// The first `limit` rows and the count up to `cap` (read together, the search's matches
    /// found once): what a table shows as soon as its query changes.
    public func head(_ query: BalanceListQuery, limit: Int, countUpTo cap: Int) throws -> (rows: [BalanceListRow], count: Int) {
        try database.pool.read { db in
            let (condition, arguments) = try Self.filter(query, db)
            let rows = try Row.fetchAll(db, sql: Self.select + " WHERE \(condition) ORDER BY \(query.order.sql) LIMIT ?",
                                        arguments: arguments + [limit]).map(Self.decode)
            guard rows.count == limit else { return (rows, rows.count) }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM balance b WHERE \(condition) LIMIT ?)",
                                         arguments: arguments + [cap]) ?? 0
            return (rows, count)
        }
    }

    /// Rows `offset ..< offset + limit` in the query's order.
    public func page(_ query: BalanceListQuery, offset: Int = 0, limit: Int) throws -> [BalanceListRow] {
        try database.pool.read { db in
            let (condition, arguments) = try Self.filter(query, db)
            return try Row.fetchAll(db, sql: Self.select + " WHERE \(condition) ORDER BY \(query.order.sql) LIMIT ? OFFSET ?",
                             arguments: arguments + [limit, offset]).map(Self.decode)
        }
    }

    /// The row ids of the whole result in order: pages deep in a long table are read by id.
    public func ids(_ query: BalanceListQuery) throws -> [Int64] {
        try database.pool.read { db in
            let (condition, arguments) = try Self.filter(query, db)
            return try Int64.fetchAll(db, sql: "SELECT b.id FROM balance b WHERE \(condition) ORDER BY \(query.order.sql)",
                               arguments: arguments)
        }
    }

    /// The rows of these ids, in the order given (ids no longer stored are left out).
    public func rows(ids: [Int64]) throws -> [BalanceListRow] {
        guard !ids.isEmpty else { return [] }
        let rows = try database.pool.read { db in
            try Row.fetchAll(db, sql: Self.select + " WHERE b.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                             arguments: StatementArguments(ids)).map(Self.decode)
        }
        let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byId[$0] }
    }

    /// The result grouped by product: products by name (then codes and unit), each with its
    /// batches in the query's order and exact subtotals.
    public func groups(_ query: BalanceListQuery) throws -> [BalanceProductGroup] {
        try database.pool.read { db in
            let (condition, arguments) = try Self.filter(query, db)
            // In the default order the name index is walked, and a product's batches are
            // gathered within the run of its name; another order sorts by product first.
            let byName = query.order == .byName
            let order = byName ? "b.name, b.id" : "b.name, b.tnvedCode, b.gtin, b.kpvedCode, b.measureUnitCode, \(query.order.sql)"
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT b.id, b.name, b.kpvedCode, b.tnvedCode, b.gtin, b.measureUnitCode, b.quantity, b.reserveQuantity
                FROM balance b WHERE \(condition) ORDER BY \(order)
                """, arguments: arguments)
            var groups: [BalanceProductGroup] = []
            var run: [BalanceProductKey: Int] = [:]
            var runName: String?
            while let row = try cursor.next() {
                let name: String = row[1]
                if name != runName {
                    run.removeAll(keepingCapacity: true)
                    runName = name
                }
                let key = BalanceProductKey(name: name, kpvedCode: row[2], tnvedCode: row[3], gtin: row[4],
                                            measureUnitCode: row[5])
                let quantity = Self.decimal(row[6] as String?)
                let reserved = Self.decimal(row[7] as String?)
                if let index = run[key] {
                    groups[index].rowIds.append(row[0])
                    groups[index].quantity += quantity
                    groups[index].reserved += reserved
                } else {
                    run[key] = groups.count
                    groups.append(BalanceProductGroup(key: key, rowIds: [row[0]], quantity: quantity, reserved: reserved))
                }
            }
            return groups
        }
    }

    /// Whether the company has any batch at all (an empty cache vs. a search with no result).
    public func isEmpty(companyId: Int64) throws -> Bool {
        try database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM balance WHERE companyId = ? LIMIT 1", arguments: [companyId]) == nil
        }
    }

    /// Quantities are mostly whole numbers, which need no decimal parser.
    static func decimal(_ text: String?) -> Decimal {
        guard let text else { return 0 }
        if let whole = Int64(text) { return Decimal(whole) }
        return DecimalText.parse(text) ?? 0
    }

    // MARK: SQL

    static let select = """
        SELECT b.id, b.balanceId, b.storeId, w.name AS storeName, b.batch, b.name, b.kpvedCode, b.tnvedCode, b.gtin,
            b.measureUnitCode, b.unitPrice, b.quantity, b.reserveQuantity
        FROM balance b LEFT JOIN warehouse w ON w.companyId = b.companyId AND w.storeId = b.storeId
        """

    /// A search matching more batches than this walks the name index (the page fills at once);
    /// one matching fewer starts from the matches, looked up by id and sorted.
    static let broadSearch = 40_000

    static func filter(_ query: BalanceListQuery, _ db: Database) throws -> (String, StatementArguments) {
        // Without statistics SQLite walks the name index and tests every batch until it reaches
        // the matches' names (120 ms at 200,000 batches for a narrow search); sorting a broad
        // search's matches costs as much. The unary `+` picks the plan by how many match.
        var narrow = false
        if let expression = query.searchExpression {
            let matches = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT rowid FROM balanceSearch WHERE balanceSearch MATCH ? LIMIT ?)
                """, arguments: [expression, broadSearch + 1]) ?? 0
            narrow = matches <= broadSearch
        }
        var terms = [narrow ? "+b.companyId = ?" : "b.companyId = ?"]
        var arguments: StatementArguments = [query.companyId]
        if let storeId = query.storeId {
            terms.append(narrow ? "+b.storeId = ?" : "b.storeId = ?")
            arguments += [storeId]
        }
        if let expression = query.searchExpression {
            terms.append("b.id IN (SELECT rowid FROM balanceSearch WHERE balanceSearch MATCH ?)")
            arguments += [expression]
        }
        if query.reservedOnly { terms.append("CAST(ifnull(b.reserveQuantity, 0) AS REAL) <> 0") }
        if query.nonZeroOnly { terms.append("CAST(b.quantity AS REAL) <> 0") }
        return (terms.joined(separator: " AND "), arguments)
    }

    static func decode(_ row: Row) -> BalanceListRow {
        func decimal(_ column: String) -> Decimal? { (row[column] as String?).flatMap(DecimalText.parse) }
        return BalanceListRow(id: row["id"], balanceId: row["balanceId"], storeId: row["storeId"],
                              storeName: row["storeName"], batch: row["batch"], name: row["name"],
                              kpvedCode: row["kpvedCode"], tnvedCode: row["tnvedCode"], gtin: row["gtin"],
                              measureUnitCode: row["measureUnitCode"], unitPrice: decimal("unitPrice"),
                              quantity: decimal("quantity") ?? 0, reserved: decimal("reserveQuantity") ?? 0)
    }
}
