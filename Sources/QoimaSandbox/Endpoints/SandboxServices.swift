import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// What every endpoint works with: the state, the sessions, the signature checks, the faults.
struct SandboxServices: Sendable {
    let store: SandboxStore
    let sessions: SandboxSessions
    let signatures: SandboxSignatureCheck
    let dice: FaultDice
    let processingDelay: Duration

    /// The open session named by the request's `sessionId` in the service's scope, marked as used.
    func session(of request: SOAPElementView, on service: ESFService) throws(SandboxCallError) -> SandboxSessions.Session {
        let id = try request.field("sessionId")
        do {
            return try sessions.use(id, in: service.sessionScope)
        } catch {
            throw .sessionClosed
        }
    }

    /// One request's transaction: what processing is due first, then `body`.
    func transaction<T>(_ body: (Database, Date) throws -> T) throws -> T {
        let now = Date()
        return try store.write { db in
            try SandboxProcessing.processDue(in: db, now: now)
            return try body(db, now)
        }
    }
}

extension ESFService {
    /// Which sessions a service's business calls need: the VW services their own (domain.md §7).
    var sessionScope: SandboxSessions.Scope {
        switch self {
        case .vstoreSession, .taxpayerStore, .vstoreBalance, .dictionary, .uForm, .vstoreVersion, .vstoreXsd: .vstore
        case .auth, .session, .version, .snt, .sntXsd: .esf
        }
    }
}

extension SOAPElementView {
    /// The trimmed text of a required element; a client fault naming its path when absent or empty.
    func field(_ path: String) throws(SandboxCallError) -> String {
        let text: String
        do {
            text = try requiredText(path).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw SandboxCallError(error)
        }
        guard !text.isEmpty else { throw .client("\(self.path)/\(path) is empty") }
        return text
    }

    /// The exact text of a required payload (`sntBody`, `uFormBody`…), never trimmed: the
    /// signature covers it byte for byte.
    func payload(_ path: String) throws(SandboxCallError) -> String {
        do {
            return try requiredText(path)
        } catch {
            throw SandboxCallError(error)
        }
    }

    /// The trimmed text of an optional element; nil when absent or empty.
    func optional(_ path: String) -> String? {
        guard let text = text(path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    func optionalInteger(_ path: String) throws(SandboxCallError) -> Int64? {
        guard let text = optional(path) else { return nil }
        guard let value = Int64(text) else { throw .client("\(self.path)/\(path): \"\(text)\" is not a whole number") }
        return value
    }

    /// A page size at `path`: `fallback` when absent, then kept within 1...`cap`.
    func pageSize(_ path: String = "limit", default fallback: Int, cap: Int) throws(SandboxCallError) -> Int {
        Int(min(max(try optionalInteger(path) ?? Int64(fallback), 1), Int64(cap)))
    }

    func integer(_ path: String) throws(SandboxCallError) -> Int64 {
        let text = try field(path)
        guard let value = Int64(text) else { throw .client("\(self.path)/\(path): \"\(text)\" is not a whole number") }
        return value
    }

    func optionalDateTime(_ path: String) throws(SandboxCallError) -> Date? {
        guard let text = optional(path) else { return nil }
        guard let instant = ESFDateTime.instant(text) else {
            throw .client("\(self.path)/\(path): \"\(text)\" is not an xs:dateTime")
        }
        return instant
    }

    /// `idList/id*` as numbers.
    func ids() throws(SandboxCallError) -> [Int64] {
        var ids: [Int64] = []
        for item in items("idList", "id") {
            let text = item.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let id = Int64(text) else { throw .client("\(item.path): \"\(text)\" is not an id") }
            ids.append(id)
        }
        return ids
    }
}

/// Times on the wire: `xs:dateTime` in Kazakhstan's time with milliseconds (`ESFDateTime`).
enum WireTime {
    static func text(_ milliseconds: Int64) -> String { ESFDateTime.text(of: Date(milliseconds: milliseconds)) }

    /// A cursor's instant in whole milliseconds, as the sandbox keeps times.
    static func milliseconds(_ instant: Date) -> Int64 { Int64((instant.timeIntervalSince1970 * 1000).rounded()) }
}

extension SOAPElement {
    /// `true` / `false`, as `xs:boolean` is written.
    init(_ name: String, _ flag: Bool) { self.init(name, flag ? "true" : "false") }
    init(_ name: String, _ number: Int64) { self.init(name, String(number)) }
    init(_ name: String, _ number: Int) { self.init(name, String(number)) }

    /// `errorList/error*` (or another wrapper) of per-document errors.
    static func errors(_ errors: [SandboxWireError], wrapper: String) -> SOAPElement {
        SOAPElement(wrapper) {
            for error in errors {
                SOAPElement("error") {
                    SOAPElement("property", error.property)
                    SOAPElement("errorCode", error.errorCode)
                    SOAPElement("text", error.text)
                }
            }
        }
    }
}
