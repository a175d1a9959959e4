import GRDB
import QoimaCore

/// Writes an SNT into its row, its goods lines and the search index, the one way every store
/// does it (drafts, imports, and later the exchange). Callers run it inside their transaction.
enum SntRowWriter {
    /// Inserts a new SNT and returns its local id.
    static func insert(_ snt: Snt, body: String, problems: [SntProblem], companyId: Int64,
                       direction: SntDirection, status: SntStatus, _ db: Database) throws -> Int64 {
        let now = Timestamp.now()
        let statement = try db.cachedStatement(sql: """
            INSERT INTO snt (companyId, direction, status, createdAt, type, number, date, shippingDate, sellerTin,
                sellerName, customerTin, customerName, sellerStoreId, customerStoreId, currencyCode, totalWithoutTax,
                totalWithTax, totalWithTaxTiyn, body, problems, revision, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [companyId, direction.rawValue, status.rawValue, now]
                              + columns(of: snt, body: body, problems: problems, revision: 1, now: now))
        let id = db.lastInsertedRowID
        try insertLines(of: snt, id: id, db)
        try SntSearchIndex.add(id, db)
        return id
    }

    /// Replaces the content of SNT `id`, keeping its direction and status.
    static func update(_ id: Int64, with snt: Snt, body: String, problems: [SntProblem], revision: Int,
                       _ db: Database) throws {
        try SntSearchIndex.remove(id, db)
        let statement = try db.cachedStatement(sql: """
            UPDATE snt SET type = ?, number = ?, date = ?, shippingDate = ?, sellerTin = ?, sellerName = ?,
                customerTin = ?, customerName = ?, sellerStoreId = ?, customerStoreId = ?, currencyCode = ?,
                totalWithoutTax = ?, totalWithTax = ?, totalWithTaxTiyn = ?, body = ?, problems = ?,
                revision = ?, updatedAt = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: columns(of: snt, body: body, problems: problems, revision: revision,
                                                 now: Timestamp.now()) + [id])
        try db.cachedStatement(sql: "DELETE FROM sntLine WHERE sntId = ?").execute(arguments: [id])
        try insertLines(of: snt, id: id, db)
        try SntSearchIndex.add(id, db)
    }

    /// The content columns, in the order both statements list them.
    private static func columns(of snt: Snt, body: String, problems: [SntProblem], revision: Int,
                                now: String) -> StatementArguments {
        let totals = snt.goods?.totals
        return [
            snt.type.rawValue, snt.number, snt.date.map(StoredDate.text), snt.shippingDate.map(StoredDate.text),
            snt.seller.tin?.rawValue, snt.seller.name, snt.customer.tin?.rawValue, snt.customer.name,
            snt.seller.storeId, snt.customer.storeId, snt.currencyCode?.rawValue,
            totals?.totalPriceWithoutTax.map(DecimalText.format), totals?.totalPriceWithTax.map(DecimalText.format),
            totals?.totalPriceWithTax.flatMap(Tiyn.count), body, ProblemList.json(problems), revision, now,
        ]
    }

    private static func insertLines(of snt: Snt, id: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sntLine (sntId, goodsTable, position, productName, tnvedCode, measureUnitCode, quantity,
                price, priceWithoutTax, ndsRate, ndsAmount, priceWithTax, productId, gtin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (table, index, line) in snt.allLines {
            try statement.execute(arguments: [
                id, table.rawValue, index + 1, line.productName, line.tnvedCode?.rawValue,
                line.measureUnitCode?.rawValue, line.quantity.map(DecimalText.format),
                line.price.map(DecimalText.format), line.priceWithoutTax.map(DecimalText.format), line.ndsRate,
                line.ndsAmount.map(DecimalText.format), line.priceWithTax.map(DecimalText.format),
                line.productId?.rawValue, line.gtinCode?.rawValue,
            ])
        }
    }
}

/// Whether an SNT was sent by one of the user's companies or received by one.
public enum SntDirection: String, CaseIterable, Sendable, Codable {
    case outgoing, incoming
}
