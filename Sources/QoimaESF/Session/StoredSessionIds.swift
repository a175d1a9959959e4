import QoimaStore

/// Session ids kept in the database, so each run (a `qoima-cli` command, a start of the app)
/// reuses the session of the one before rather than opening, and leaving open, one of its own.
public struct StoredSessionIds: ESFSessionIdStore {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    public func sessionId(scope: ESFScope, server: String, iin: String, tin: String) throws -> String? {
        try ESFLoginStore(database: database).sessionId(server: server, scope: scope.rawValue, iin: iin, tin: tin)
    }

    public func save(sessionId: String?, scope: ESFScope, server: String, iin: String, tin: String) throws {
        try ESFLoginStore(database: database).saveSessionId(sessionId, server: server, scope: scope.rawValue, iin: iin,
                                                            tin: tin)
    }
}
