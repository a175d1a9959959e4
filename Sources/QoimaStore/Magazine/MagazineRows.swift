import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// Reading Magazine entries, and the rows that join each to its SNT.
enum MagazineRows {
    static func entry(_ row: Row) -> MagazineEntry {
        MagazineEntry(
            id: row["id"], companyId: row["companyId"], year: row["year"], number: row["number"],
            state: MagazineEntry.State(rawValue: row["state"] as String) ?? .issued,
            paperDate: StoredDate.parse(row["paperDate"]) ?? CalendarDate(dayNumber: 0),
            reason: (row["reason"] as String?).flatMap(PaperReason.init(rawValue:)), sntId: row["sntId"],
            restoreDate: (row["restoreDate"] as String?).flatMap(StoredDate.parse),
            registrationNumber: (row["registrationNumber"] as String?).map(SntRegistrationNumber.init),
            enteredAt: (row["enteredAt"] as String?).flatMap(Timestamp.parse), responsible: row["responsible"],
            layoutVersion: row["layoutVersion"], spoilReason: row["spoilReason"],
            spoiledAt: (row["spoiledAt"] as String?).flatMap(Timestamp.parse))
    }

    /// The entries matching `condition` (on `m`, the entry) with their SNTs, in Magazine order.
    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [MagazineRow] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, s.id AS sntRowId, s.number AS sntNumber, s.status AS sntStatus, s.sellerTin, s.sellerName,
                s.customerTin, s.customerName, s.totalWithTax, s.currencyCode, s.registrationNumber AS sntRegistrationNumber,
                s.inputDate AS sntInputDate, s.body AS sntBody,
                (SELECT count(*) FROM sntLine WHERE sntLine.sntId = s.id) AS sntLineCount
            FROM magazineEntry m LEFT JOIN snt s ON s.id = m.sntId
            WHERE \(condition)
            ORDER BY m.year, m.number
            """, arguments: arguments).map { row in
            MagazineRow(entry: entry(row), snt: linkedSnt(row))
        }
    }

    private static func linkedSnt(_ row: Row) -> MagazineRow.LinkedSnt? {
        guard let id = row["sntRowId"] as Int64? else { return nil }
        // The plate is only in the body (E a1.1); a Magazine row is read rarely enough to parse it.
        let body = try? SntXMLReader.read(row["sntBody"] as String).snt
        return MagazineRow.LinkedSnt(
            id: id, number: row["sntNumber"], status: SntStatus(rawValue: row["sntStatus"] as String) ?? .draft,
            sellerTin: row["sellerTin"], sellerName: row["sellerName"], customerTin: row["customerTin"],
            customerName: row["customerName"], vehiclePlate: body?.carriage?.carStateNumber,
            lineCount: row["sntLineCount"], totalWithTax: (row["totalWithTax"] as String?).flatMap(DecimalText.parse),
            currencyCode: row["currencyCode"], registrationNumber: row["sntRegistrationNumber"],
            inputDate: (row["sntInputDate"] as String?).flatMap(PreciseTimestamp.parse))
    }
}
