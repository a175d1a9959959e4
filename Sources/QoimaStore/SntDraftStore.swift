import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// Drafts as the editor saves them: every save is one transaction that rewrites the draft's row,
/// its goods lines and an audit entry together, so a crash at any moment leaves either the
/// previous edit or this one, never a mix.
public struct SntDraftStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Stores a new outgoing draft and returns its local id.
    public func createDraft(companyId: Int64, _ snt: Snt, problems: [SntProblem] = []) throws -> Int64 {
        try database.pool.write { db in
            let id = try SntRowWriter.insert(snt, body: SntXMLWriter.body(of: snt), problems: problems,
                                             companyId: companyId, direction: .outgoing, status: .draft, db)
            try AuditLog.append(db, entity: "snt", id: id, action: "create", detail: "revision 1")
            return id
        }
    }

    /// Replaces the draft's content; returns its new revision. Only drafts can be saved.
    @discardableResult
    public func saveDraft(id: Int64, _ snt: Snt, problems: [SntProblem] = []) throws -> Int {
        try database.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, revision FROM snt WHERE id = ?", arguments: [id])
            else { throw DraftError.missing(id) }
            let status: String = row["status"]
            guard SntStatus(rawValue: status)?.isEditable == true else { throw DraftError.notEditable(id, status) }
            let revision: Int = row["revision"] + 1
            try SntRowWriter.update(id, with: snt, body: SntXMLWriter.body(of: snt), problems: problems,
                                    revision: revision, db)
            try AuditLog.append(db, entity: "snt", id: id, action: "edit", detail: "revision \(revision)")
            return revision
        }
    }

    /// The draft as last saved, with its revision.
    public func draft(id: Int64) throws -> (snt: Snt, revision: Int)? {
        let stored = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body, revision FROM snt WHERE id = ?", arguments: [id])
        }
        guard let stored else { return nil }
        let body: String = stored["body"]
        return (try SntXMLReader.read(body).snt, stored["revision"])
    }
}

public enum DraftError: Error, Equatable {
    case missing(Int64)
    case notEditable(Int64, String)
}
