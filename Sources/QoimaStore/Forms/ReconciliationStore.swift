import Foundation
import GRDB
import QoimaCore

/// The statuses of the company's documents when its balances were last synced through a
/// reconciliation: what the next one compares against.
public struct ReconciliationBaseline: Hashable, Sendable, Codable {
    /// `syncedAt` of the balances the statuses go with.
    public var balancesSyncedAt: Date?
    /// Form status by local id.
    public var forms: [Int64: String]
    /// SNT status by local id.
    public var snts: [Int64: String]

    public init(balancesSyncedAt: Date?, forms: [Int64: String], snts: [Int64: String]) {
        self.balancesSyncedAt = balancesSyncedAt
        self.forms = forms
        self.snts = snts
    }
}

/// An SNT as a reconciliation reads it.
public struct ReconciliationSnt: Hashable, Sendable {
    public var id: Int64
    public var isOutgoing: Bool
    public var status: SntStatus
    public var number: String
    public var registrationNumber: String?
    public var lastUpdateDate: Date?
    public var cancelReason: String?
    public var body: String
}

/// Where reconciliations keep their last report and baseline, and what they read of the
/// company's documents.
public struct ReconciliationStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// The last reconciliation's report, for the page that shows it.
    public func lastReport(companyId: Int64) throws -> BalanceReconciliationReport? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT report FROM balanceReconciliation WHERE companyId = ?",
                                arguments: [companyId]).flatMap { Self.decode(BalanceReconciliationReport.self, $0) }
        }
    }

    public func baseline(companyId: Int64) throws -> ReconciliationBaseline? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT baseline FROM balanceReconciliation WHERE companyId = ?",
                                arguments: [companyId]).flatMap { Self.decode(ReconciliationBaseline.self, $0) }
        }
    }

    public func save(_ report: BalanceReconciliationReport, baseline: ReconciliationBaseline, companyId: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO balanceReconciliation (companyId, ranAt, report, baseline) VALUES (?, ?, ?, ?)
                ON CONFLICT (companyId) DO UPDATE SET ranAt = excluded.ranAt, report = excluded.report,
                    baseline = excluded.baseline
                """, arguments: [companyId, Timestamp.text(of: report.ranAt), Self.encode(report), Self.encode(baseline)])
            try AuditLog.append(db, entity: "balanceReconciliation", id: companyId, action: "run",
                                detail: "\(report.differences.count) differences")
        }
    }

    /// The statuses of the company's forms and SNTs now, for a baseline.
    public func statuses(companyId: Int64) throws -> (forms: [Int64: String], snts: [Int64: String]) {
        try database.pool.read { db in
            let forms = try Row.fetchAll(db, sql: "SELECT id, status FROM uform WHERE companyId = ?", arguments: [companyId])
            let snts = try Row.fetchAll(db, sql: "SELECT id, status FROM snt WHERE companyId = ? AND esfId IS NOT NULL",
                                        arguments: [companyId])
            return (Dictionary(uniqueKeysWithValues: forms.map { ($0["id"], $0["status"]) }),
                    Dictionary(uniqueKeysWithValues: snts.map { ($0["id"], $0["status"]) }))
        }
    }

    /// The company's SNTs IS ESF knows.
    public func snts(companyId: Int64) throws -> [ReconciliationSnt] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, direction, status, number, registrationNumber, lastUpdateDate, cancelReason, body FROM snt
                WHERE companyId = ? AND esfId IS NOT NULL ORDER BY id
                """, arguments: [companyId]).map { row in
                ReconciliationSnt(id: row["id"], isOutgoing: row["direction"] == "outgoing",
                                  status: SntStatus(rawValue: row["status"]) ?? .created, number: row["number"],
                                  registrationNumber: row["registrationNumber"],
                                  lastUpdateDate: (row["lastUpdateDate"] as String?).flatMap(PreciseTimestamp.parse),
                                  cancelReason: row["cancelReason"], body: row["body"])
            }
        }
    }

    /// The company's forms that IS ESF knows or that are on their way to it.
    public func forms(companyId: Int64) throws -> [StoredUForm] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM uform WHERE companyId = ? AND (esfId IS NOT NULL OR sendState IS NOT NULL) ORDER BY id
                """, arguments: [companyId]).map(UFormStore.decode)
        }
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: String) -> Value? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try? decoder.decode(type, from: Data(json.utf8))
    }
}
