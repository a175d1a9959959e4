import Foundation
import GRDB
import QoimaSigning

/// A user of the sandbox's cabinet with the company it acts for and that company's stores: what
/// `sandbox serve` prints so a person can log in.
public struct SandboxUser: Hashable, Sendable {
    public struct Store: Hashable, Sendable {
        public let id: Int64
        public let name: String
        public let type: String
        public let isDefault: Bool
    }

    public let iin: String
    public let name: String
    public let companyBin: String
    public let companyName: String
    /// The IS ESF cabinet password (`SandboxSeed.cabinetPassword` for seeded users).
    public let password: String
    public let stores: [Store]
}

extension SandboxStore {
    /// Every user, by company.
    public func users() throws -> [SandboxUser] {
        try write { db in
            try Row.fetchAll(db, sql: """
                SELECT account.*, company.name AS companyName FROM account JOIN company ON company.bin = account.bin
                ORDER BY account.bin, account.iin
                """).map { row in
                let bin: String = row["bin"]
                let stores = try StoreRow.all(of: bin, in: db).map {
                    SandboxUser.Store(id: $0.id, name: $0.name, type: $0.type, isDefault: $0.isDefault)
                }
                return SandboxUser(iin: row["iin"], name: row["name"], companyBin: bin, companyName: row["companyName"],
                                   password: row["password"], stores: stores)
            }
        }
    }

    /// Seeds what the PKI has and the store lacks; the CLI's `sandbox seed` uses it before bulk data.
    @discardableResult
    public func seed(from pki: TestPKIIndex) throws -> [String] { try SandboxSeed.seed(self, from: pki) }
}
