import Foundation
import GRDB
import QoimaCore

/// A form's complete check: the rules of `UFormValidator.check` with what the database knows
/// (today, the company, its warehouses), and the balances as they will be after it
/// (`UFormBalancePreview` over the cached balances), whose problems are the form's too.
public struct UFormReview: Hashable, Sendable {
    public var problems: [UFormProblem]
    public var preview: UFormBalancePreview

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

extension UFormStore {
    /// Checks `form` of the company against its warehouses and cached balances.
    public func review(_ form: UForm, companyId: Int64, today: CalendarDate = KazakhstanClock.today()) throws
        -> UFormReview {
        try database.pool.read { try Self.review(form, companyId: companyId, today: today, $0) }
    }

    /// What the checks know of the company: `today`, its BIN and its warehouses (nil when they
    /// were never synced, so that nothing is refused for want of a sync).
    public func checkContext(companyId: Int64, today: CalendarDate = KazakhstanClock.today()) throws -> UFormCheckContext {
        try database.pool.read { try Self.checkContext(companyId: companyId, today: today, $0) }
    }

    /// The cached batches of the warehouses `form` concerns (its sender's and recipient's).
    public func balances(for form: UForm, companyId: Int64) throws -> [BalanceBatch] {
        try database.pool.read { try Self.balances(for: form, companyId: companyId, $0) }
    }

    static func review(_ form: UForm, companyId: Int64, today: CalendarDate, _ db: Database) throws -> UFormReview {
        let context = try checkContext(companyId: companyId, today: today, db)
        let preview = UFormBalancePreview(form, balances: try balances(for: form, companyId: companyId, db))
        return UFormReview(problems: UFormValidator.check(form, context: context) + preview.problems, preview: preview)
    }

    static func checkContext(companyId: Int64, today: CalendarDate, _ db: Database) throws -> UFormCheckContext {
        let bin = try String.fetchOne(db, sql: "SELECT bin FROM company WHERE id = ?", arguments: [companyId])
        let warehouses = try Row.fetchAll(db, sql: "SELECT storeId, name, status FROM warehouse WHERE companyId = ?",
                                          arguments: [companyId]).map { row in
            UFormCheckContext.Warehouse(storeId: row["storeId"], name: row["name"], isActive: row["status"] == "VALID")
        }
        return UFormCheckContext(today: today, companyTin: bin.map(TaxpayerNumber.init),
                                 warehouses: warehouses.isEmpty ? nil : warehouses)
    }

    static func balances(for form: UForm, companyId: Int64, _ db: Database) throws -> [BalanceBatch] {
        let stores = Set([form.sender?.storeId, form.recipient?.storeId].compactMap { $0 })
        guard !stores.isEmpty else { return [] }
        let marks = stores.map { _ in "?" }.joined(separator: ", ")
        var arguments: StatementArguments = [companyId]
        arguments += StatementArguments(stores.sorted())
        return try Row.fetchAll(db, sql: """
            SELECT storeId, batch, name, measureUnitCode, unitPrice, quantity, reserveQuantity FROM balance
            WHERE companyId = ? AND storeId IN (\(marks)) AND batch IS NOT NULL
            """, arguments: arguments).map { row in
            BalanceBatch(storeId: row["storeId"], batch: row["batch"], name: row["name"],
                         measureUnitCode: row["measureUnitCode"],
                         unitPrice: (row["unitPrice"] as String?).flatMap(DecimalText.parse),
                         quantity: (row["quantity"] as String?).flatMap(DecimalText.parse) ?? 0,
                         reserved: (row["reserveQuantity"] as String?).flatMap(DecimalText.parse) ?? 0)
        }
    }
}
