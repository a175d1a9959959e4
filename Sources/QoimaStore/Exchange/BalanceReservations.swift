import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// A document that holds goods of one batch: a sent SNT not answered yet, or a universal form
/// not processed yet.
public struct BatchHold: Hashable, Sendable {
    public enum Document: Hashable, Sendable {
        /// An outgoing SNT; the customer's name.
        case snt(customer: String)
        /// A universal form of this type.
        case form(UFormType?)
    }

    public var document: Document
    /// The local id of the SNT or form (to open it).
    public var localId: Int64
    public var number: String
    public var date: CalendarDate?
    /// As IS ESF (or Qoima, for a draft form) writes it: `NOT_VIEWED`, `IN_PROCESSING`…
    public var status: String
    public var registrationNumber: String?
    /// How much of the batch it takes (its lines summed).
    public var quantity: Decimal

    public var isSnt: Bool { if case .snt = document { true } else { false } }
}

/// Why a batch is reserved: the SNTs and forms of the company that take its goods and are not
/// final yet. IS ESF says only how much is reserved; this is what Qoima knows of the why.
public struct BalanceReservations: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// The documents holding batch `batch` of warehouse `storeId`: SNTs first, then forms, each
    /// by date. A form whose body cannot be read is left out (its check says why elsewhere).
    public func holds(companyId: Int64, storeId: Int64, batch: Int64) throws -> [BatchHold] {
        try database.pool.read { db in
            try sntHolds(companyId: companyId, storeId: storeId, batch: batch, db)
                + formHolds(companyId: companyId, storeId: storeId, batch: batch, db)
        }
    }

    /// Pending outgoing SNTs from the warehouse whose lines name the batch (`…<batch>…` in the
    /// product id). Few SNTs are pending at a time: the status index finds them.
    private func sntHolds(companyId: Int64, storeId: Int64, batch: Int64, _ db: Database) throws -> [BatchHold] {
        let statuses = BatchWithdrawal.holdingSntStatuses.map(\.rawValue).sorted()
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.number, s.date, s.status, s.registrationNumber, s.customerName, l.productId, l.quantity
            FROM snt s JOIN sntLine l ON l.sntId = s.id
            WHERE s.companyId = ? AND s.direction = 'outgoing' AND s.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))
                AND s.sellerStoreId = ? AND l.productId LIKE ?
            ORDER BY s.date, s.id, l.goodsTable, l.position
            """, arguments: [companyId] + StatementArguments(statuses) + [storeId, "%<\(batch)>%"])
        var holds: [BatchHold] = []
        for row in rows {
            guard let productId = row["productId"] as String?, VirtualProductId(productId).parts?.batch == batch else { continue }
            let quantity = (row["quantity"] as String?).flatMap(DecimalText.parse) ?? 0
            let id: Int64 = row["id"]
            if let last = holds.last, last.localId == id {
                holds[holds.count - 1].quantity += quantity
                continue
            }
            holds.append(BatchHold(document: .snt(customer: row["customerName"]), localId: id, number: row["number"],
                                   date: (row["date"] as String?).flatMap(StoredDate.parse), status: row["status"],
                                   registrationNumber: row["registrationNumber"], quantity: quantity))
        }
        return holds
    }

    /// Forms from the warehouse that are not final, whose withdrawing lines name the batch.
    private func formHolds(companyId: Int64, storeId: Int64, batch: Int64, _ db: Database) throws -> [BatchHold] {
        let finals = BatchWithdrawal.finalFormStatuses.map(\.rawValue).sorted()
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, type, status, number, date, registrationNumber, body FROM uform
            WHERE companyId = ? AND senderStoreId = ? AND status NOT IN (\(finals.map { _ in "?" }.joined(separator: ",")))
            ORDER BY date, id
            """, arguments: [companyId, storeId] + StatementArguments(finals))
        return rows.compactMap { row in
            guard let form = try? UFormXMLReader.read(row["body"] as String).form else { return nil }
            let quantity = BatchWithdrawal.quantity(of: batch, in: form)
            guard quantity != 0 else { return nil }
            return BatchHold(document: .form(UFormType(rawValue: row["type"])), localId: row["id"], number: row["number"],
                             date: (row["date"] as String?).flatMap(StoredDate.parse), status: row["status"],
                             registrationNumber: row["registrationNumber"], quantity: quantity)
        }
    }
}
