import Foundation
import GRDB
import QoimaCore

/// The history of an SNT (`querySntHistoryById`): one record per change, with who made it.
enum SntHistory {
    static func append(_ sntId: Int64, at time: Int64, tin: String, user: String, status: SntStatus,
                       action: SntHistoryAction, in db: Database) throws {
        try db.execute(sql: "INSERT INTO snt_history (sntId, date, tin, userId, status, action) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [sntId, time, tin, user, status.rawValue, action.rawValue])
    }

    /// Moves an SNT to `status` at a new event time and records it; returns the time.
    @discardableResult
    static func change(_ sntId: Int64, to status: SntStatus, action: SntHistoryAction, tin: String, user: String,
                       cancelReason: String? = nil, in db: Database, now: Date) throws -> Int64 {
        let time = try SandboxCounter.eventTime(in: db, now: now)
        try db.execute(sql: """
            UPDATE snt SET status = ?, lastUpdateDate = ?, processAfter = NULL, cancelReason = coalesce(?, cancelReason)
            WHERE sntId = ?
            """, arguments: [status.rawValue, time, cancelReason, sntId])
        try append(sntId, at: time, tin: tin, user: user, status: status, action: action, in: db)
        return time
    }

    /// The portal's label of a status, which `statusDescription` carries (domain.md §4).
    static func label(of status: SntStatus) -> String {
        switch status {
        case .draft: "Черновик"
        case .imported: "Черновик импортирован"
        case .created: "Созданный"
        case .failed: "Ошибочный"
        case .notViewed: "Не просмотрен"
        case .delivered: "Доставленный"
        case .confirmed: "Подтвержден"
        case .declined: "Отклонен"
        case .confirmedByOgd: "Подтвержден инспектором ОГД"
        case .declinedByOgd: "Отклонен инспектором ОГД"
        case .canceled: "Аннулирован"
        case .revoked: "Отозван"
        }
    }
}

/// The goods an SNT holds in reserve, line by line, until it is confirmed, declined, revoked or
/// cancelled (domain.md §4; assumed, U7).
enum SntReservations {
    struct Entry {
        let line: Int
        let balanceId: Int64
        let quantity: Decimal
        let price: Decimal?
    }

    static func of(_ sntId: Int64, in db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM snt_reservation WHERE sntId = ? ORDER BY line", arguments: [sntId]).map {
            Entry(line: $0["line"], balanceId: $0["balanceId"], quantity: $0.decimal("quantity"),
                  price: $0.optionalDecimal("price"))
        }
    }

    static func hold(_ entries: [Entry], for sntId: Int64, in db: Database) throws {
        for entry in entries {
            try BalanceLedger.reserve(entry.balanceId, entry.quantity, in: db)
            try db.execute(sql: "INSERT INTO snt_reservation (sntId, line, balanceId, quantity, price) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sntId, entry.line, entry.balanceId, entry.quantity.wireText, entry.price?.wireText])
        }
    }

    /// Gives the reserve back; with `ship`, the goods leave the batches too. Returns what was held.
    @discardableResult
    static func end(for sntId: Int64, ship: Bool, in db: Database) throws -> [Entry] {
        let entries = try of(sntId, in: db)
        for entry in entries { try BalanceLedger.release(entry.balanceId, entry.quantity, ship: ship, in: db) }
        try db.execute(sql: "DELETE FROM snt_reservation WHERE sntId = ?", arguments: [sntId])
        return entries
    }
}
