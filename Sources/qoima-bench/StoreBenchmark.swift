import Foundation
import GRDB
import QoimaCore
import QoimaStore
import QoimaXML

/// The local database at scale: import 100,000 SNTs of 10 lines from portal containers and
/// compare with raw SQLite inserts of the same rows; then grow the database to `total` SNTs and
/// time opening it, the first page of every list order, and name-fragment searches.
struct StoreBenchmark {
    let folder: URL
    let total: Int
    var timed: Int { min(100_000, total) }
    let perFile = 1_000
    let clock = ContinuousClock()
    let context = SntCheckContext(today: CalendarDate(year: 2026, month: 11, day: 20)!)

    var databasePath: String { folder.appendingPathComponent("bench.sqlite").path }

    func run() throws -> [String: Any] {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var result: [String: Any] = ["linesPerSnt": BenchmarkCorpus.lineCount, "snts": total]

        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        let importSeconds = try importRange(0..<timed, into: database)
        let importRate = Double(timed) / importSeconds
        let rawSeconds = try rawBaseline(from: database)
        let rawRate = Double(timed) / rawSeconds
        result["import"] = ["snts": timed, "seconds": importSeconds, "sntsPerSecond": importRate,
                            "rawSQLiteSeconds": rawSeconds, "rawSQLiteSntsPerSecond": rawRate,
                            "ratioToRawSQLite": importSeconds / rawSeconds]
        print(String(format: "import %d SNTs of %d lines: %.2f s, %.0f SNT/s; raw SQLite %.2f s, %.0f SNT/s; ratio %.2f×",
                     timed, BenchmarkCorpus.lineCount, importSeconds, importRate, rawSeconds, rawRate,
                     importSeconds / rawSeconds))

        var start = timed
        while start < total {
            let end = min(total, start + timed)
            let seconds = try importRange(start..<end, into: database)
            print(String(format: "  grown to %d SNTs (%.0f SNT/s)", end, Double(end - start) / seconds))
            start = end
        }
        let setup = try clock.measure { try makeRealistic() }
        print(String(format: "  a third made incoming, statuses varied: %.1f s", setup.seconds))
        let bytes = (try FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? NSNumber)?.intValue ?? 0
        result["bytesPerSnt"] = Double(bytes) / Double(total)
        result["databaseBytes"] = bytes
        print(String(format: "  %.2f GB on disk, %.0f bytes per SNT", Double(bytes) / 1e9, Double(bytes) / Double(total)))

        result["lists"] = try timeLists()
        result["search"] = try timeSearches()
        return result
    }

    /// Writes SNTs `range` as portal containers and imports them; returns the import's seconds.
    private func importRange(_ range: Range<Int>, into database: QoimaDatabase) throws -> Double {
        let files = stride(from: range.lowerBound, to: range.upperBound, by: perFile).map { first in
            (first, folder.appendingPathComponent("snt-\(first).xml").path)
        }
        _ = files.parallelMap { first, path in
            let snts = (first..<min(range.upperBound, first + perFile)).map(BenchmarkCorpus.snt)
            _ = FileManager.default.createFile(atPath: path, contents: Data(SntContainerXML.container(of: snts).utf8))
        }
        let importer = SntImporter(database: database, companyBin: BenchmarkCorpus.ownBin, context: context)
        var summary = SntImportSummary()
        let seconds = try clock.measure { summary = try importer.importFiles(files.map(\.1)) }.seconds
        precondition(summary.imported == range.count && summary.unreadable == 0, "the corpus imports whole: \(summary)")
        for (_, path) in files { try FileManager.default.removeItem(atPath: path) }
        return seconds
    }

    /// Inserts the rows the import wrote into an empty database of the same schema, with raw
    /// SQLite in one transaction; returns its seconds.
    private func rawBaseline(from database: QoimaDatabase) throws -> Double {
        let rawPath = folder.appendingPathComponent("raw.sqlite").path
        _ = try QoimaDatabase(location: DatabaseLocation(explicitPath: rawPath))
        let source = try DatabaseQueue(path: databasePath, configuration: {
            var configuration = Configuration()
            configuration.readonly = true
            return configuration
        }())
        let sntColumns = ["id", "companyId", "direction", "status", "createdAt", "type", "number", "date",
                          "shippingDate", "sellerTin", "sellerName", "customerTin", "customerName", "sellerStoreId",
                          "customerStoreId", "currencyCode", "totalWithoutTax", "totalWithTax", "totalWithTaxTiyn",
                          "registrationNumber", "esfId", "inputDate", "body", "problems", "revision", "updatedAt"]
        let lineColumns = ["sntId", "goodsTable", "position", "productName", "tnvedCode", "measureUnitCode", "quantity",
                           "price", "priceWithoutTax", "ndsRate", "ndsAmount", "priceWithTax", "productId", "gtin"]
        func insert(_ table: String, _ columns: [String]) -> String {
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        }
        let documents = try source.read { db -> [[(statement: Int, values: [RawSQLiteBaseline.SQLiteValue])]] in
            let company = try Row.fetchOne(db, sql: "SELECT id, bin, nameRu, createdAt FROM company")!
            var lines: [Int64: [[RawSQLiteBaseline.SQLiteValue]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(lineColumns.joined(separator: ", ")) FROM sntLine") {
                lines[row["sntId"], default: []].append(Self.values(row))
            }
            let snts = try Row.fetchAll(db, sql: "SELECT \(sntColumns.joined(separator: ", ")) FROM snt ORDER BY id")
            var documents = [[(statement: 0, values: Self.values(company))]]
            for snt in snts {
                let id: Int64 = snt["id"]
                var document = [(statement: 1, values: Self.values(snt))]
                document += (lines[id] ?? []).map { (statement: 2, values: $0) }
                document.append((statement: 3, values: [.integer(id)]))
                documents.append(document)
            }
            return documents
        }
        try source.close()
        return RawSQLiteBaseline.insert(into: rawPath, statements: [
            insert("company", ["id", "bin", "nameRu", "createdAt"]), insert("snt", sntColumns),
            insert("sntLine", lineColumns), SntSearchIndex.addSQL,
        ], documents: documents)
    }

    private static func values(_ row: Row) -> [RawSQLiteBaseline.SQLiteValue] {
        row.databaseValues.map { value in
            switch value.storage {
            case .null: .null
            case let .int64(number): .integer(number)
            case let .double(number): .real(number)
            case let .string(text): .text(text)
            case .blob: .null
            }
        }
    }

    /// A third of the corpus was addressed to the own company: those become incoming, and the
    /// statuses spread over what a real database holds.
    private func makeRealistic() throws {
        let queue = try DatabaseQueue(path: databasePath)
        try queue.write { db in
            try db.execute(sql: "UPDATE snt SET direction = 'incoming' WHERE customerTin = ?",
                           arguments: [BenchmarkCorpus.ownBin])
            try db.execute(sql: """
                UPDATE snt SET status = CASE id % 10 WHEN 0 THEN 'NOT_VIEWED' WHEN 1 THEN 'DELIVERED'
                    WHEN 2 THEN 'DECLINED' WHEN 3 THEN 'REVOKED' ELSE 'CONFIRMED' END,
                    registrationNumber = 'KZ-SNT-' || printf('%010d', id)
                """)
        }
        try queue.close()
        // Registration numbers are searchable: index them as the exchange would.
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        try database.rebuildSearchIndex()
        try database.checkpoint()
    }

    private func timeLists() throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        // Open the database and read the first page of the outgoing list, as the app starts.
        var openTimes: [Double] = []
        for _ in 0..<15 {
            let seconds = try clock.measure {
                let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
                let company = try CompanyStore(database: database).all()[0].id
                _ = try SntList(database: database).page(SntListQuery(companyId: company, direction: .outgoing))
            }.seconds
            openTimes.append(seconds)
        }
        rows.append(Self.summary("open + first page of outgoing", openTimes))
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        let list = SntList(database: database)
        let company = try CompanyStore(database: database).all()[0].id
        for direction in SntDirection.allCases {
            for column in SntListColumn.allCases {
                for ascending in [false, true] {
                    let query = SntListQuery(companyId: company, direction: direction,
                                             order: SntListOrder(column, ascending: ascending))
                    let times = try (0..<9).map { _ in try clock.measure { _ = try list.page(query) }.seconds }
                    rows.append(Self.summary("\(direction) by \(column.rawValue) \(ascending ? "asc" : "desc")", times))
                }
            }
        }
        let filters: [(String, SntListQuery)] = [
            ("outgoing, status DELIVERED", SntListQuery(companyId: company, direction: .outgoing, statuses: [.delivered])),
            ("outgoing, 2020", SntListQuery(companyId: company, direction: .outgoing,
                                            from: CalendarDate(year: 2020, month: 1, day: 1),
                                            to: CalendarDate(year: 2020, month: 12, day: 31))),
            ("outgoing, one counterparty", SntListQuery(companyId: company, direction: .outgoing,
                                                        counterpartyTin: BenchmarkCorpus.bin(7))),
            ("outgoing, warehouse 1002", SntListQuery(companyId: company, direction: .outgoing, storeId: 1002)),
            ("incoming, NOT_VIEWED, by total", SntListQuery(companyId: company, direction: .incoming, statuses: [.delivered],
                                                            order: SntListOrder(.total, ascending: false))),
        ]
        for (name, query) in filters {
            let times = try (0..<9).map { _ in try clock.measure { _ = try list.page(query) }.seconds }
            rows.append(Self.summary(name, times))
        }
        let countTimes = try (0..<5).map { _ in
            try clock.measure { _ = try list.count(SntListQuery(companyId: company, direction: .outgoing)) }.seconds
        }
        rows.append(Self.summary("count of outgoing", countTimes))
        for row in rows { Self.report(row) }
        return rows
    }

    private func timeSearches() throws -> [String: Any] {
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        let list = SntList(database: database)
        let company = try CompanyStore(database: database).all()[0].id
        let fragments = ["алт", "сауда", "мұнай", "каспий ойл", "транзит", "жетіс", "болаш", "строй", "холдинг",
                         "агро", "әлем", "степь", "хан", "бензин", "цемент", "2710", "коньяк", "ертіс тре", "снт-77",
                         "нур"]
        var times: [Double] = []
        var matches: [String: Int] = [:]
        for fragment in fragments {
            let query = SntListQuery(companyId: company, direction: .outgoing, search: fragment)
            for _ in 0..<5 { times.append(try clock.measure { _ = try list.page(query) }.seconds) }
            matches[fragment] = try list.page(query).count
        }
        var result = Self.summary("search, first page of outgoing (\(fragments.count) fragments × 5)", times)
        Self.report(result)
        var sortedTimes: [Double] = []
        var sortedByFragment: [String: Double] = [:]
        for fragment in fragments.prefix(5) {
            let query = SntListQuery(companyId: company, direction: .outgoing, search: fragment,
                                     order: SntListOrder(.counterparty, ascending: true))
            let times = try (0..<3).map { _ in try clock.measure { _ = try list.page(query) }.seconds }
            sortedTimes += times
            sortedByFragment[fragment] = times.sorted()[1] * 1e3
            print(String(format: "    sorted by counterparty, %@: %.2f ms (median of 3)", fragment, times.sorted()[1] * 1e3))
        }
        let sorted = Self.summary("search sorted by counterparty (5 fragments × 3)", sortedTimes)
        Self.report(sorted)
        result["fragments"] = fragments
        result["sortedByCounterparty"] = sorted
        result["sortedByCounterpartyMillisecondsByFragment"] = sortedByFragment
        return result
    }

    static func summary(_ name: String, _ seconds: [Double]) -> [String: Any] {
        let sorted = seconds.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
        return ["case": name, "runs": sorted.count, "p50Milliseconds": percentile(0.5) * 1e3,
                "p95Milliseconds": percentile(0.95) * 1e3, "maxMilliseconds": sorted.last! * 1e3]
    }

    static func report(_ row: [String: Any]) {
        Swift.print(String(format: "  %-48@ p50 %7.2f ms  p95 %7.2f ms", row["case"] as! String as NSString,
                           row["p50Milliseconds"] as! Double, row["p95Milliseconds"] as! Double))
    }
}
