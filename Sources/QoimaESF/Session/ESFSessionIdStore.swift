/// Keeps session ids between runs, so a session outlives one process (each `qoima-cli` run
/// would otherwise open a new one and find the last still open). Keyed by scope, server base
/// URL, user IIN and taxpayer BIN.
public protocol ESFSessionIdStore: Sendable {
    func sessionId(scope: ESFScope, server: String, iin: String, tin: String) throws -> String?
    /// `nil` forgets the id.
    func save(sessionId: String?, scope: ESFScope, server: String, iin: String, tin: String) throws
}
