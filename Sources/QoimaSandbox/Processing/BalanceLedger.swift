import Foundation
import GRDB

/// Why goods cannot be taken from a batch.
enum LedgerFailure: Error, Equatable {
    case unknownBatch(batch: Int64, store: Int64)
    case insufficient(batch: Int64, available: Decimal, requested: Decimal)
}

/// Every change to balances goes through here: new batches, goods put into and taken out of
/// batches, and SNT reserves (domain.md §4, §9.2; their effects are assumed, U7).
enum BalanceLedger {
    static let insertSQL = """
        INSERT INTO balance (tin, storeId, productId, name, kpvedCode, tnvedCode, gtinCode, measureUnitCode, unitPrice,
            manufactureOrImportDocNumber, productNumberInImportDoc, productNameInImportDoc, physicalLabel, pinCode,
            spiritPercent, canExport, quantity, reserveQuantity, dutyType, countryCode)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '0', ?, ?)
        """

    static func insertArguments(_ goods: BatchGoods, tin: String, store: Int64, batch: Int64,
                                quantity: Decimal) -> StatementArguments {
        [tin, store, batch, goods.name, goods.kpvedCode, goods.tnvedCode, goods.gtinCode, goods.measureUnitCode,
         goods.unitPrice.wireText, goods.manufactureOrImportDocNumber, goods.productNumberInImportDoc,
         goods.productNameInImportDoc, goods.physicalLabel, goods.pinCode, goods.spiritPercent?.wireText,
         goods.canExport, quantity.wireText, goods.dutyType, goods.countryCode]
    }

    /// A new batch number (`productId`).
    static func newBatch(in db: Database) throws -> Int64 {
        try SandboxCounter.next("batch", in: db, after: SandboxCounter.firstBatch)
    }

    /// Puts goods into a new batch of `store`; returns the batch.
    @discardableResult
    static func addBatch(_ goods: BatchGoods, tin: String, store: Int64, quantity: Decimal,
                         in db: Database) throws -> Int64 {
        let batch = try newBatch(in: db)
        try db.execute(sql: insertSQL, arguments: insertArguments(goods, tin: tin, store: store, batch: batch,
                                                                  quantity: quantity))
        return batch
    }

    /// Puts goods into batch `batch` of `store`, adding to the row when the store has it already.
    static func put(_ goods: BatchGoods, tin: String, store: Int64, batch: Int64, quantity: Decimal,
                    in db: Database) throws {
        if let row = try BalanceRow.find(tin: tin, store: store, batch: batch, in: db) {
            try setQuantity(of: row.balanceId, to: row.quantity + quantity, in: db)
        } else {
            try db.execute(sql: insertSQL, arguments: insertArguments(goods, tin: tin, store: store, batch: batch,
                                                                      quantity: quantity))
        }
    }

    /// Takes `quantity` out of batch `batch` of `store`, from what is not reserved.
    @discardableResult
    static func take(tin: String, store: Int64, batch: Int64, quantity: Decimal,
                     in db: Database) throws -> Result<BalanceRow, LedgerFailure> {
        guard let row = try BalanceRow.find(tin: tin, store: store, batch: batch, in: db) else {
            return .failure(.unknownBatch(batch: batch, store: store))
        }
        guard row.available >= quantity else {
            return .failure(.insufficient(batch: batch, available: row.available, requested: quantity))
        }
        try setQuantity(of: row.balanceId, to: row.quantity - quantity, in: db)
        return .success(row)
    }

    static func setQuantity(of balanceId: Int64, to quantity: Decimal, in db: Database) throws {
        try db.execute(sql: "UPDATE balance SET quantity = ? WHERE balanceId = ?", arguments: [quantity.wireText, balanceId])
    }

    /// Holds `quantity` of a batch for a registered SNT.
    static func reserve(_ balanceId: Int64, _ quantity: Decimal, in db: Database) throws {
        guard let row = try BalanceRow.find(balanceId, in: db) else { return }
        try db.execute(sql: "UPDATE balance SET reserveQuantity = ? WHERE balanceId = ?",
                       arguments: [(row.reserveQuantity + quantity).wireText, balanceId])
    }

    /// Gives a reserve back (decline, revoke, cancel); with `ship`, the goods leave as well (confirm).
    static func release(_ balanceId: Int64, _ quantity: Decimal, ship: Bool, in db: Database) throws {
        guard let row = try BalanceRow.find(balanceId, in: db) else { return }
        try db.execute(sql: "UPDATE balance SET reserveQuantity = ?, quantity = ? WHERE balanceId = ?",
                       arguments: [(row.reserveQuantity - quantity).wireText,
                                   (ship ? row.quantity - quantity : row.quantity).wireText, balanceId])
    }
}
