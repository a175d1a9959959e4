import Foundation
import GRDB
import QoimaCore

/// Reads pages of SNT lists. Every list column has an index, and a search sorted by date walks
/// the search index in its rowid order (`SntSearchIndex`), so the first page of any list or
/// search is found without sorting the whole table.
public struct SntList: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Rows `offset ..< offset + limit` of the list.
    public func page(_ query: SntListQuery, offset: Int = 0, limit: Int = 50) throws -> [SntListRow] {
        try database.pool.read { try Self.page(query, offset: offset, limit: limit, $0) }
    }

    /// How many SNTs the list has.
    public func count(_ query: SntListQuery) throws -> Int {
        try database.pool.read { try Self.count(query, $0) }
    }

    /// The SntV1 bodies of `ids` as stored (as received, for imported and incoming SNTs), in the
    /// order asked; nil for an id with no SNT.
    public func bodies(of ids: [Int64]) throws -> [String?] {
        try database.pool.read { db in
            try ids.map { try String.fetchOne(db, sql: "SELECT body FROM snt WHERE id = ?", arguments: [$0]) }
        }
    }

    static func page(_ query: SntListQuery, offset: Int, limit: Int, strategy: SntSearchStrategy? = nil,
                     _ db: Database) throws -> [SntListRow] {
        let plan = SntListSQL(query, strategy: try strategy ?? SntSearchStrategy.choose(for: query, db))
        let sql = "SELECT \(SntListSQL.columns) \(plan.from) \(plan.whereClause) \(plan.orderBy) LIMIT ? OFFSET ?"
        var arguments = plan.arguments
        arguments += [limit, offset]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(SntListSQL.row)
    }

    static func count(_ query: SntListQuery, _ db: Database) throws -> Int {
        let plan = SntListSQL(query)
        return try Int.fetchOne(db, sql: "SELECT count(*) \(plan.from) \(plan.whereClause)",
                                arguments: plan.arguments) ?? 0
    }
}

/// How a list finds its first page.
enum SntSearchStrategy: CaseIterable {
    /// Walk the search index from its matches (in rowid order, which is the date order), or
    /// without a search the sort column's index.
    case searchFirst
    /// Walk the sort column's index, keeping the rows in the set of matches, built once. (Asking
    /// FTS5 about each row instead was measured: it decodes the whole match list every time.)
    case matchSet
    /// Read the few SNTs with the statuses asked for from the status index and sort them. Walking
    /// the date index instead reads every SNT of the direction when fewer than a page match, as
    /// the drafts list does beside a million sent SNTs.
    case statusFirst

    /// Few matches are fetched and sorted; many are found along the sort column's index.
    static let fetchAndSortUpTo = 5_000

    static func choose(for query: SntListQuery, _ db: Database) throws -> SntSearchStrategy {
        guard let search = query.search.flatMap(SntSearchIndex.query(for:)) else {
            return try fewWithStatuses(query, db) ? .statusFirst : .searchFirst
        }
        guard query.order.column != .date else { return .searchFirst }
        // Counted only up to the threshold, so a search matching everything costs no more.
        let matches = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM sntSearch WHERE sntSearch MATCH ? LIMIT ?)
            """, arguments: [search, fetchAndSortUpTo + 1]) ?? 0
        return matches <= fetchAndSortUpTo ? .searchFirst : .matchSet
    }

    /// Whether the list is narrowed by statuses that few of its SNTs have (counted on the status
    /// index, up to the threshold).
    private static func fewWithStatuses(_ query: SntListQuery, _ db: Database) throws -> Bool {
        guard !query.statuses.isEmpty, let company = query.companyId, let direction = query.direction else { return false }
        let statuses = query.statuses.map(\.rawValue).sorted()
        let matches = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM snt INDEXED BY sntByStatus WHERE companyId = ? AND direction = ?
                AND status IN (\(statuses.map { _ in "?" }.joined(separator: ", "))) LIMIT ?)
            """, arguments: StatementArguments([company, direction.rawValue] as [any DatabaseValueConvertible])
                + StatementArguments(statuses) + [fetchAndSortUpTo + 1]) ?? 0
        return matches <= fetchAndSortUpTo
    }
}

/// The SQL of one list query.
struct SntListSQL {
    static let columns = """
        snt.id, snt.companyId, snt.direction, snt.type, snt.status, snt.number, snt.date, snt.shippingDate,
        snt.counterpartyName, snt.counterpartyTin, snt.totalWithTax, snt.currencyCode, snt.registrationNumber,
        json_array_length(snt.problems) AS problemCount, snt.revision
        """

    var from = "FROM snt"
    var conditions: [String] = []
    var arguments = StatementArguments()
    var orderBy: String

    init(_ query: SntListQuery, strategy: SntSearchStrategy = .searchFirst) {
        let direction = query.order.ascending ? "ASC" : "DESC"
        orderBy = "ORDER BY " + query.order.column.orderSQL(direction)
        let search = query.search.flatMap(SntSearchIndex.query(for:))
        if strategy == .statusFirst { from = "FROM snt INDEXED BY sntByStatus" }
        if let search, strategy == .matchSet {
            // The unary + keeps SQLite from driving the query by the match set's ids.
            add("+snt.id IN (SELECT \(SntSearchIndex.idSQL(ofRowid: "rowid")) FROM sntSearch WHERE sntSearch MATCH ?)",
                search)
        } else if let search {
            from = "FROM sntSearch JOIN snt ON snt.id = \(SntSearchIndex.idSQL(ofRowid: "sntSearch.rowid"))"
            add("sntSearch MATCH ?", search)
            if query.order.column == .date {
                // The index's rowid is the date order: walk it and stop at the page's end.
                orderBy = "ORDER BY sntSearch.rowid \(direction)"
                if let from = query.from { add("sntSearch.rowid >= ?", SntSearchIndex.firstKey(on: from)) }
                if let to = query.to { add("sntSearch.rowid <= ?", SntSearchIndex.lastKey(on: to)) }
            }
        }
        if let company = query.companyId { add("snt.companyId = ?", company) }
        if let value = query.direction { add("snt.direction = ?", value.rawValue) }
        if !query.statuses.isEmpty {
            let statuses = query.statuses.map(\.rawValue).sorted()
            conditions.append("snt.status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(statuses)
        }
        if let from = query.from { add("snt.date >= ?", StoredDate.text(from)) }
        if let to = query.to { add("snt.date <= ?", StoredDate.text(to)) }
        if let tin = query.counterpartyTin { add("snt.counterpartyTin = ?", tin) }
        if let store = query.storeId { add("snt.ownStoreId = ?", store) }
    }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    private mutating func add(_ condition: String, _ value: some DatabaseValueConvertible) {
        conditions.append(condition)
        arguments += [value]
    }

    static func row(_ row: Row) -> SntListRow? {
        guard let direction = SntDirection(rawValue: row["direction"]),
              let type = SntType(rawValue: row["type"]),
              let status = SntStatus(rawValue: row["status"]) else { return nil }
        return SntListRow(
            id: row["id"], companyId: row["companyId"], direction: direction, type: type, status: status,
            number: row["number"], date: (row["date"] as String?).flatMap(StoredDate.parse),
            shippingDate: (row["shippingDate"] as String?).flatMap(StoredDate.parse),
            counterpartyName: row["counterpartyName"] ?? "", counterpartyTin: row["counterpartyTin"],
            total: (row["totalWithTax"] as String?).flatMap(DecimalText.parse), currencyCode: row["currencyCode"],
            registrationNumber: row["registrationNumber"], problemCount: row["problemCount"] ?? 0,
            revision: row["revision"])
    }
}
