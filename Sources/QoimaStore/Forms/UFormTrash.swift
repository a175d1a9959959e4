import Foundation
import GRDB
import QoimaCore

/// Deleting a draft so that it can be put back exactly (undo): the row with its id, in one
/// transaction with an audit entry each way.
extension UFormStore {
    /// Deletes draft `id` and returns what `restore` needs to put it back. Forms IS ESF has seen,
    /// and forms on their way to it, are refused.
    public func delete(draftId id: Int64) throws -> DeletedUForm {
        try database.pool.write { db in
            guard let stored = try Self.stored(id: id, db) else { throw UFormStoreError.missing(id) }
            guard stored.isDeletable, stored.origin == .qoima else { throw UFormStoreError.notADraft(stored.reference) }
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_xinfo(uform)").filter { $0["hidden"] == 0 }
                .map { $0["name"] as String }
            let row = try Row.fetchOne(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM uform WHERE id = ?",
                                       arguments: [id])!
            try db.execute(sql: "DELETE FROM uform WHERE id = ?", arguments: [id])
            try AuditLog.append(db, entity: "uform", id: id, action: "delete",
                                detail: "draft \(stored.form.number), \(stored.form.type?.rawValue ?? "—")")
            return DeletedUForm(id: id, number: stored.form.number, type: stored.form.type, columns: columns,
                                values: Array(row.databaseValues))
        }
    }

    /// Puts a deleted draft back under its own id.
    public func restore(_ deleted: DeletedUForm) throws {
        try database.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM uform WHERE id = ?", arguments: [deleted.id]) != true
            else { throw UFormStoreError.idTaken(id: deleted.id, number: deleted.number) }
            let marks = deleted.columns.map { _ in "?" }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO uform (\(deleted.columns.joined(separator: ", "))) VALUES (\(marks))",
                           arguments: StatementArguments(deleted.values))
            try AuditLog.append(db, entity: "uform", id: deleted.id, action: "restore", detail: "draft \(deleted.number)")
        }
    }
}

/// A deleted draft exactly as it was stored; hand it to `UFormStore.restore` to undo.
public struct DeletedUForm: Hashable, Sendable {
    /// The local id, which the draft gets back.
    public let id: Int64
    /// Its number and kind, for the message that offers to undo.
    public let number: String
    public let type: UFormType?
    let columns: [String]
    let values: [DatabaseValue]
}
