import Foundation
import QoimaCore
import QoimaStore

/// The reports as the app and the command line print them: read from the local database in
/// one place, so both print the same thing and a failed read is an error, never an empty table.
extension BalancesReport {
    /// The balances as last synced of one warehouse, or of every warehouse (`storeId` nil).
    /// Nil when `storeId` names no warehouse of the company.
    public static func read(from database: QoimaDatabase, company: OwnCompany, storeId: Int64?,
                            language: Language) throws -> BalancesReport? {
        let balances = BalanceStore(database: database)
        let warehouses = try WarehouseStore(database: database).warehouses(companyId: company.id)
            .filter { storeId == nil || $0.storeId == storeId }
        if storeId != nil, warehouses.isEmpty { return nil }
        let chosen = try warehouses.map { warehouse in
            Warehouse(storeId: warehouse.storeId, name: warehouse.name,
                      batches: try balances.balances(companyId: company.id, storeId: warehouse.storeId).map(Batch.init))
        }
        return BalancesReport(companyName: company.name(in: language), companyBin: company.bin, warehouses: chosen,
                              syncedAt: try balances.syncedAt(companyId: company.id), language: language)
    }
}

extension BalancesReport.Batch {
    /// A batch as the balance cache holds it.
    init(_ stored: StoredBalance) {
        self.init(name: stored.name, kpvedCode: stored.kpvedCode, tnvedCode: stored.tnvedCode, gtin: stored.gtin,
                  productId: stored.batch.map(String.init), unit: stored.measureUnitCode, unitPrice: stored.unitPrice,
                  quantity: stored.quantity, reserved: stored.reserveQuantity ?? 0)
    }
}

extension MagazineReport {
    /// The company's Magazine for paper dates `from` to `to`: every entry, spoiled blanks included.
    public static func read(from database: QoimaDatabase, company: OwnCompany, from: CalendarDate, to: CalendarDate,
                            language: Language) throws -> MagazineReport {
        MagazineReport(companyName: company.name(in: language), companyBin: company.bin, from: from, to: to,
                       rows: try MagazineStore(database: database).entries(companyId: company.id, from: from, to: to),
                       language: language)
    }
}
