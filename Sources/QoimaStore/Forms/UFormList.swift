import Foundation
import GRDB
import QoimaCore

/// What the forms list shows: the company's forms filtered by kind, status, warehouse, dates and
/// search words, newest first (by date, then by id).
public struct UFormListQuery: Hashable, Sendable {
    public var companyId: Int64
    /// Kinds to show; all when empty.
    public var types: Set<UFormType>
    /// Statuses to show; all when empty.
    public var statuses: Set<UFormStatus>
    /// Forms sending from or receiving into this warehouse.
    public var storeId: Int64?
    public var dateFrom: CalendarDate?
    public var dateTo: CalendarDate?
    /// Words that must all appear in the number, the registration number or a line's name,
    /// in any case.
    public var search: String

    public init(companyId: Int64, types: Set<UFormType> = [], statuses: Set<UFormStatus> = [], storeId: Int64? = nil,
                dateFrom: CalendarDate? = nil, dateTo: CalendarDate? = nil, search: String = "") {
        self.companyId = companyId
        self.types = types
        self.statuses = statuses
        self.storeId = storeId
        self.dateFrom = dateFrom
        self.dateTo = dateTo
        self.search = search
    }
}

/// One line of the forms list.
public struct UFormListRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var type: UFormType?
    /// The write-off reason or the detailing kind.
    public var writeOffReason: WriteOffReason?
    public var detailingType: DetailingType?
    public var status: UFormStatus
    public var sendState: UFormSendState?
    public var number: String
    public var date: CalendarDate?
    public var senderStoreId: Int64?
    /// From the warehouse cache; nil when the warehouse is not (yet) known there.
    public var senderStoreName: String?
    public var recipientStoreId: Int64?
    public var recipientStoreName: String?
    public var totalSum: Decimal?
    public var registrationNumber: String?
    public var lineCount: Int
    public var errorCount: Int
    public var warningCount: Int
    public var origin: UFormOrigin
    public var updatedAt: Date

    public var isEditable: Bool {
        (status == .draft || status == .failed) && !(sendState?.isActive ?? false) && origin == .qoima
    }
}

extension UFormStore {
    /// Up to `limit` rows from `offset`, newest first.
    public func list(_ query: UFormListQuery, offset: Int = 0, limit: Int = 200) throws -> [UFormListRow] {
        let (filter, arguments) = Self.filter(query)
        return try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.id, u.type, u.subtype, u.status, u.sendState, u.number, u.date, u.senderStoreId,
                    s.name AS senderStoreName, u.recipientStoreId, r.name AS recipientStoreName, u.totalSum,
                    u.registrationNumber, u.lineCount, u.errorCount, u.warningCount, u.origin, u.updatedAt
                FROM uform u
                LEFT JOIN warehouse s ON s.companyId = u.companyId AND s.storeId = u.senderStoreId
                LEFT JOIN warehouse r ON r.companyId = u.companyId AND r.storeId = u.recipientStoreId
                WHERE \(filter)
                ORDER BY u.date IS NULL, u.date DESC, u.id DESC LIMIT ? OFFSET ?
                """, arguments: arguments + [limit, offset]).map(Self.listRow)
        }
    }

    /// How many forms the query finds.
    public func count(_ query: UFormListQuery) throws -> Int {
        let (filter, arguments) = Self.filter(query)
        return try database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM uform u WHERE \(filter)", arguments: arguments) ?? 0
        }
    }

    static func filter(_ query: UFormListQuery) -> (String, StatementArguments) {
        var clauses = ["u.companyId = ?"]
        var arguments: StatementArguments = [query.companyId]
        if !query.types.isEmpty {
            clauses.append("u.type IN (\(query.types.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(query.types.map(\.rawValue).sorted())
        }
        if !query.statuses.isEmpty {
            clauses.append("u.status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(query.statuses.map(\.rawValue).sorted())
        }
        if let store = query.storeId {
            clauses.append("(u.senderStoreId = ? OR u.recipientStoreId = ?)")
            arguments += [store, store]
        }
        if let from = query.dateFrom {
            clauses.append("u.date >= ?")
            arguments += [StoredDate.text(from)]
        }
        if let to = query.dateTo {
            clauses.append("u.date <= ?")
            arguments += [StoredDate.text(to)]
        }
        for word in query.search.lowercased().split(whereSeparator: \.isWhitespace) {
            clauses.append("instr(u.searchText, ?) > 0")
            arguments += [String(word)]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    static func listRow(_ row: Row) -> UFormListRow {
        let subtype: String? = row["subtype"]
        return UFormListRow(
            id: row["id"], type: UFormType(rawValue: row["type"]), writeOffReason: subtype.flatMap(WriteOffReason.init),
            detailingType: subtype.flatMap(DetailingType.init), status: UFormStatus(rawValue: row["status"]) ?? .draft,
            sendState: (row["sendState"] as String?).flatMap(UFormSendState.init(rawValue:)), number: row["number"],
            date: (row["date"] as String?).flatMap(StoredDate.parse), senderStoreId: row["senderStoreId"],
            senderStoreName: row["senderStoreName"], recipientStoreId: row["recipientStoreId"],
            recipientStoreName: row["recipientStoreName"],
            totalSum: (row["totalSum"] as String?).flatMap(DecimalText.parse),
            registrationNumber: row["registrationNumber"], lineCount: row["lineCount"], errorCount: row["errorCount"],
            warningCount: row["warningCount"], origin: UFormOrigin(rawValue: row["origin"]) ?? .qoima,
            updatedAt: Timestamp.parse(row["updatedAt"]) ?? Date(timeIntervalSince1970: 0))
    }
}
