import Foundation
import GRDB
import QoimaCore

/// What the desk's list pages read besides pages: a count that stops early, for search as you
/// type over millions of rows; the ids of a whole list in order and rows by id, for pages deep
/// in it; and the counterparties a list has, for its filter.
extension SntList {
    /// The ids of the list's SNTs in its order: what a view pages through once `OFFSET` would
    /// walk too far. A list of most statuses (Outgoing: all but drafts) is read as the list of
    /// every status less the few left out, which stays on the indexes instead of reading a
    /// million rows for their status.
    public func ids(_ query: SntListQuery) throws -> [Int64] {
        try database.pool.read { db in
            let left = Set(SntStatus.allCases).subtracting(query.statuses)
            guard !query.statuses.isEmpty, left.count < query.statuses.count else { return try Self.ids(query, db) }
            var every = query
            every.statuses = []
            var leftOut = query
            leftOut.statuses = left
            let excluded = Set(try Self.ids(leftOut, db))
            let all = try Self.ids(every, db)
            return excluded.isEmpty ? all : all.filter { !excluded.contains($0) }
        }
    }

    /// The rows of `ids`, in that order; ids with no SNT (deleted meanwhile) are left out.
    public func rows(ids: [Int64]) throws -> [SntListRow] {
        guard !ids.isEmpty else { return [] }
        let placeholders = ids.map { _ in "?" }.joined(separator: ", ")
        let found = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(SntListSQL.columns) FROM snt WHERE snt.id IN (\(placeholders))",
                             arguments: StatementArguments(ids)).compactMap(SntListSQL.row)
        }
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byId[$0] }
    }

    static func ids(_ query: SntListQuery, _ db: Database) throws -> [Int64] {
        let plan = SntListSQL(query, strategy: try SntSearchStrategy.choose(for: query, db))
        return try Int64.fetchAll(db, sql: "SELECT snt.id \(plan.from) \(plan.whereClause) \(plan.orderBy)",
                                  arguments: plan.arguments)
    }

    /// How many SNTs the list has, counting no further than `limit`: a broad search or filter
    /// costs no more than `limit` steps, and the exact count can follow later (`count(_:)`).
    public func count(_ query: SntListQuery, upTo limit: Int) throws -> Int {
        try database.pool.read { db in
            let plan = SntListSQL(query)
            var arguments = plan.arguments
            arguments += [limit]
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 \(plan.from) \(plan.whereClause) LIMIT ?)",
                                    arguments: arguments) ?? 0
        }
    }

    /// The distinct counterparties of the SNTs of `query`'s company, direction and statuses (its
    /// other conditions are ignored), each with the name on its latest SNT, by IIN/BIN; at most `limit`.
    /// A list of most statuses (Outgoing: all but drafts) is taken as all of them, so the
    /// counterparties come off the index instead of a million rows read for their status.
    public func counterparties(_ query: SntListQuery, limit: Int = 5_000) throws -> [SntCounterparty] {
        let most = query.statuses.count > SntStatus.allCases.count - query.statuses.count
        let scope = SntListQuery(companyId: query.companyId, direction: query.direction, statuses: most ? [] : query.statuses)
        return try database.pool.read { db in
            let plan = SntListSQL(scope)
            let condition = plan.conditions.isEmpty ? "" : " AND " + plan.conditions.joined(separator: " AND ")
            // Distinct IIN/BINs come off an index; one row per counterparty is read for its name.
            let sql = """
                SELECT tins.tin AS tin,
                    (SELECT snt.counterpartyName FROM snt WHERE snt.counterpartyTin = tins.tin\(condition)
                     ORDER BY snt.date DESC LIMIT 1) AS name
                FROM (SELECT DISTINCT snt.counterpartyTin AS tin \(plan.from)
                      \(plan.whereClause.isEmpty ? "WHERE" : plan.whereClause + " AND") snt.counterpartyTin IS NOT NULL
                      LIMIT ?) AS tins
                """
            // Placeholders bind in the order of the text: the name's subquery, then the inner one.
            var arguments = plan.arguments
            arguments += plan.arguments
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments)
                .map { SntCounterparty(tin: $0["tin"], name: $0["name"] ?? "") }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        }
    }
}

/// The other party of a list's SNTs.
public struct SntCounterparty: Hashable, Sendable {
    public var tin: String
    public var name: String

    public init(tin: String, name: String) {
        self.tin = tin
        self.name = name
    }
}
