import Foundation
import GRDB

/// What `qoima-cli esf login` remembers for a company: the server, the user, and where the keys
/// are. Never a password: those come from a file, the terminal or the keyring each time.
public struct ESFLogin: Hashable, Sendable {
    public var companyId: Int64
    public var server: String
    public var userIin: String
    public var userName: String
    public var authKeyPath: String
    public var signKeyPath: String

    public init(companyId: Int64, server: String, userIin: String, userName: String, authKeyPath: String,
                signKeyPath: String) {
        self.companyId = companyId
        self.server = server
        self.userIin = userIin
        self.userName = userName
        self.authKeyPath = authKeyPath
        self.signKeyPath = signKeyPath
    }
}

public struct ESFLoginStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func save(_ login: ESFLogin) throws {
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO esfLogin (companyId, server, userIin, userName, authKeyPath, signKeyPath, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [login.companyId, login.server, login.userIin, login.userName, login.authKeyPath,
                                 login.signKeyPath, Timestamp.now()])
            try AuditLog.append(db, entity: "esfLogin", id: login.companyId, action: "save",
                                detail: "\(login.server) IIN \(login.userIin)")
        }
    }

    public func login(companyId: Int64) throws -> ESFLogin? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM esfLogin WHERE companyId = ?", arguments: [companyId]).map { row in
                ESFLogin(companyId: row["companyId"], server: row["server"], userIin: row["userIin"],
                         userName: row["userName"], authKeyPath: row["authKeyPath"], signKeyPath: row["signKeyPath"])
            }
        }
    }

    // MARK: Open sessions

    /// The session id last saved for this server, scope, user and company.
    public func sessionId(server: String, scope: String, iin: String, tin: String) throws -> String? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sessionId FROM esfSession WHERE server = ? AND scope = ? AND iin = ? AND tin = ?",
                                arguments: [server, scope, iin, tin])
        }
    }

    /// Saves the session id, or forgets it when nil.
    public func saveSessionId(_ id: String?, server: String, scope: String, iin: String, tin: String) throws {
        try database.pool.write { db in
            if let id {
                try db.execute(sql: "INSERT OR REPLACE INTO esfSession (server, scope, iin, tin, sessionId, savedAt) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [server, scope, iin, tin, id, Timestamp.now()])
            } else {
                try db.execute(sql: "DELETE FROM esfSession WHERE server = ? AND scope = ? AND iin = ? AND tin = ?",
                               arguments: [server, scope, iin, tin])
            }
        }
    }
}
