import Foundation
import GRDB
import QoimaCore
import QoimaSigning

/// What a new sandbox starts with, made from the test PKI: each company with its director as
/// the cabinet user, a priority STORE_HOUSE and a POINT_OF_SALE, opening balances, and the unit
/// and GSVS dictionaries. Companies the store does not know yet are added on every start, so a
/// PKI with more companies extends an existing sandbox.
public enum SandboxSeed {
    /// Every seeded user's IS ESF cabinet password, the `Password` of the WS-Security header.
    /// Fictitious, like everything in the sandbox; `sandbox serve` prints it.
    public static let cabinetPassword = "Qoima-Sandbox-1"

    /// The stores of the company at PKI position `index` (0-based): 1001 and 1002 for the first.
    static func storeIds(forCompanyAt index: Int) -> (storeHouse: Int64, pointOfSale: Int64) {
        let base = Int64(index + 1) * 1000
        return (base + 1, base + 2)
    }

    /// Addresses of the demo companies; others get their city's centre.
    static func address(of bin: String) -> String {
        switch bin {
        case DemoCompany.koimaSauda.bin.rawValue: "Алматы қ., Абай даңғылы, 150"
        case DemoCompany.qurylys.bin.rawValue: "Астана қ., Бейбітшілік к-сі, 12"
        default: (DemoCompany.all.first { $0.bin.rawValue == bin }?.city ?? "Алматы") + " қ."
        }
    }

    /// Seeds what is missing; returns the BINs of the companies added.
    @discardableResult
    static func seed(_ store: SandboxStore, from pki: TestPKIIndex, now: Date = Date()) throws -> [String] {
        try store.write { db in
            var added: [String] = []
            let time = try SandboxCounter.eventTime(in: db, now: now)
            for (index, company) in pki.companies.enumerated() {
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company WHERE bin = ?", arguments: [company.bin]) == 0
                else { continue }
                try seedCompany(company, at: index, in: db)
                added.append(company.bin)
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM measure_unit") == 0 {
                try seedDictionaries(at: time, in: db)
            }
            return added
        }
    }

    private static func seedCompany(_ company: TestPKIIndex.Company, at index: Int, in db: Database) throws {
        let address = address(of: company.bin)
        try db.execute(sql: "INSERT INTO company (bin, name, address) VALUES (?, ?, ?)",
                       arguments: [company.bin, company.name, address])
        try db.execute(sql: "INSERT INTO account (iin, bin, name, password) VALUES (?, ?, ?, ?)",
                       arguments: [company.directorIIN, company.bin, company.directorName, cabinetPassword])
        try SandboxCounter.raise("store", to: SandboxCounter.firstStore, in: db)
        // The PKI's order gives the ids; a PKI that changed order since gets fresh ones.
        var stores = storeIds(forCompanyAt: index)
        if try StoreRow.find(stores.storeHouse, in: db) != nil || StoreRow.find(stores.pointOfSale, in: db) != nil {
            stores = (try SandboxCounter.next("store", in: db), try SandboxCounter.next("store", in: db))
        }
        for (id, name, type, isDefault) in [(stores.storeHouse, "Негізгі қойма", "STORE_HOUSE", true),
                                            (stores.pointOfSale, "Сауда нүктесі", "POINT_OF_SALE", false)] {
            try db.execute(sql: """
                INSERT INTO store (id, tin, name, address, type, responsiblePersonIin, isDefault)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, company.bin, name, address, type, company.directorIIN, isDefault])
        }
        let base = SeedGoods.batchBase(forCompanyAt: index)
        for batch in SeedGoods.stock(forCompanyAt: index) {
            try db.execute(sql: BalanceLedger.insertSQL,
                           arguments: BalanceLedger.insertArguments(batch.goods, tin: company.bin, store: stores.storeHouse,
                                                                    batch: base + batch.offset, quantity: batch.quantity))
        }
    }

    /// `MeasureUnit.known` and a GSVS dictionary of the catalogue's goods: a KPVED entry, its
    /// TNVED child and, where there is one, a GTIN grandchild (domain.md §9.3).
    private static func seedDictionaries(at time: Int64, in db: Database) throws {
        for unit in MeasureUnit.known.values.sorted(by: { $0.code < $1.code }) {
            try db.execute(sql: """
                INSERT INTO measure_unit (code, nameRu, nameKz, codeMkei, codeOkei, codeTis, lastUpdateDate)
                VALUES (?, ?, ?, NULL, ?, NULL, ?)
                """, arguments: [unit.code, unit.name.russian, unit.name.kazakh, unit.code, time])
        }
        var changeId: Int64 = 0
        var kpvedIds: [String: Int64] = [:]
        var tnvedIds: [String: Int64] = [:]
        func add(_ code: String, gsvsCode: String, type: String, parent: Int64?, goods: BatchGoods) throws -> Int64 {
            changeId += 1
            let english = SeedGoods.englishNames[goods.tnvedCode] ?? goods.name
            try db.execute(sql: """
                INSERT INTO gsvs_change (changeId, changeDate, operation, id, fixedId, fixedParentId, code, gsvsCode,
                    gsvsTypeCode, kpvedTypeCode, nameRu, nameKz, nameEn, isExcisable, startDate)
                VALUES (?, ?, 'ADD', ?, ?, ?, ?, ?, ?, 'PRODUCT', ?, ?, ?, ?, ?)
                """, arguments: [changeId, time, changeId, changeId, parent, code, gsvsCode, type, goods.name,
                                 goods.name, english, goods.spiritPercent != nil || goods.tnvedCode.hasPrefix("2710"),
                                 time])
            return changeId
        }
        for goods in SeedGoods.allGoods {
            let kpvedId = try kpvedIds[goods.kpvedCode]
                ?? add(goods.kpvedCode, gsvsCode: goods.kpvedCode, type: "KPVED", parent: nil, goods: goods)
            kpvedIds[goods.kpvedCode] = kpvedId
            let tnvedCode = goods.kpvedCode + "-" + goods.tnvedCode
            let tnvedId = try tnvedIds[tnvedCode]
                ?? add(goods.tnvedCode, gsvsCode: tnvedCode, type: "TNVED", parent: kpvedId, goods: goods)
            tnvedIds[tnvedCode] = tnvedId
            if let gtin = goods.gtinCode {
                _ = try add(gtin, gsvsCode: tnvedCode + "/" + gtin, type: "GTIN", parent: tnvedId, goods: goods)
            }
        }
    }
}
