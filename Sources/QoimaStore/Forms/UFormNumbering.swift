import Foundation
import GRDB
import QoimaCore

/// A new form's number: its kind's prefix, the year and the next sequence of that kind that
/// year, such as `MOV-2026-0007` (at most 30 characters, domain.md §3). Numbers the user typed
/// in another shape are left alone.
public enum UFormNumbering {
    public static func prefix(of type: UFormType) -> String {
        switch type {
        case .balance: "BAL"
        case .manufacture: "PRD"
        case .movement: "MOV"
        case .writeOff: "WO"
        case .detailing: "DET"
        case .balanceCorrection: "COR"
        case .physicalLabel: "LBL"
        case .reorganization: "REO"
        case .importDetailing: "IMD"
        case .esf, .kkm, .dt, .fno: type.rawValue
        }
    }

    static func next(for type: UFormType, year: Int, companyId: Int64, _ db: Database) throws -> String {
        let head = "\(prefix(of: type))-\(year)-"
        let numbers = try String.fetchAll(db, sql: "SELECT number FROM uform WHERE companyId = ? AND number LIKE ?",
                                          arguments: [companyId, head + "%"])
        let highest = numbers.compactMap { Int($0.dropFirst(head.count)) }.max() ?? 0
        return head + String(format: "%04d", highest + 1)
    }
}
