import Foundation
import GRDB
import QoimaCore

/// Deletes local drafts so that they can be put back exactly (undo): the SNT row with its id,
/// its goods lines, its search-index entry and the links other records had to it. Both ways
/// are one transaction with an audit entry. Only drafts that never left this computer can be
/// deleted: a document IS ESF knows is never removed.
public struct SntDraftTrash: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    /// Deletes the draft and returns what `restore` needs to put it back.
    public func delete(draftId id: Int64) throws -> DeletedDraft {
        try database.pool.write { db in
            let columns = try Self.storedColumns(of: "snt", db)
            guard let row = try Row.fetchOne(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM snt WHERE id = ?",
                                             arguments: [id])
            else { throw DraftTrashError.missing(id) }
            let number: String = row["number"]
            let statusName: String = row["status"]
            guard row["direction"] == SntDirection.outgoing.rawValue,
                  SntStatus(rawValue: statusName)?.isEditable == true, (row["esfId"] as Int64?) == nil
            else { throw DraftTrashError.notADraft(id: id, number: number, status: statusName) }
            let activeJobs = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM outboxJob WHERE sntId = ? AND state IN ('pending', 'sending', 'uncertain', 'accepted')
                """, arguments: [id]) ?? 0
            guard activeJobs == 0 else { throw DraftTrashError.beingSent(id: id, number: number) }

            let lineColumns = try Self.storedColumns(of: "sntLine", db)
            let lines = try Row.fetchAll(db, sql: """
                SELECT \(lineColumns.joined(separator: ", ")) FROM sntLine WHERE sntId = ? ORDER BY goodsTable, position
                """, arguments: [id])
            let deleted = DeletedDraft(
                id: id, number: number, columns: columns, values: Array(row.databaseValues),
                lineColumns: lineColumns, lines: lines.map { Array($0.databaseValues) },
                outboxJobs: try Int64.fetchAll(db, sql: "SELECT id FROM outboxJob WHERE sntId = ?", arguments: [id]),
                magazineEntries: try Int64.fetchAll(db, sql: "SELECT id FROM magazineEntry WHERE sntId = ?", arguments: [id]))
            // The index entry is removed by repeating what was indexed, so it goes while the row is there.
            try SntSearchIndex.remove(id, db)
            try db.execute(sql: "DELETE FROM snt WHERE id = ?", arguments: [id])
            try AuditLog.append(db, entity: "snt", id: id, action: "delete",
                                detail: "draft \(number), \(statusName), \(lines.count) lines")
            return deleted
        }
    }

    /// Puts a deleted draft back as it was, under its own id.
    public func restore(_ deleted: DeletedDraft) throws {
        try database.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM snt WHERE id = ?", arguments: [deleted.id]) != true
            else { throw DraftTrashError.idTaken(id: deleted.id, number: deleted.number) }
            try db.execute(sql: Self.insertSQL("snt", deleted.columns), arguments: StatementArguments(deleted.values))
            let insertLine = try db.makeStatement(sql: Self.insertSQL("sntLine", deleted.lineColumns))
            for line in deleted.lines { try insertLine.execute(arguments: StatementArguments(line)) }
            try SntSearchIndex.add(deleted.id, db)
            for job in deleted.outboxJobs {
                try db.execute(sql: "UPDATE outboxJob SET sntId = ? WHERE id = ? AND sntId IS NULL", arguments: [deleted.id, job])
            }
            for entry in deleted.magazineEntries {
                try db.execute(sql: "UPDATE magazineEntry SET sntId = ? WHERE id = ? AND sntId IS NULL",
                               arguments: [deleted.id, entry])
            }
            try AuditLog.append(db, entity: "snt", id: deleted.id, action: "restore",
                                detail: "draft \(deleted.number), \(deleted.lines.count) lines")
        }
    }

    /// The columns a row stores (generated columns are computed again on insert).
    private static func storedColumns(of table: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(table))").filter { $0["hidden"] == 0 }.map { $0["name"] }
    }

    private static func insertSQL(_ table: String, _ columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}

/// A deleted draft, exactly as it was stored; hand it to `SntDraftTrash.restore` to undo.
public struct DeletedDraft: Hashable, Sendable {
    /// The local id, which the draft gets back.
    public let id: Int64
    /// Its number (A 1), for the message that offers to undo.
    public let number: String
    let columns: [String]
    let values: [DatabaseValue]
    let lineColumns: [String]
    let lines: [[DatabaseValue]]
    let outboxJobs: [Int64]
    let magazineEntries: [Int64]
}

public enum DraftTrashError: Error, Equatable, CustomStringConvertible {
    case missing(Int64)
    /// Sent, received, or known to IS ESF: never deleted.
    case notADraft(id: Int64, number: String, status: String)
    /// Queued in the outbox: it may be on its way to IS ESF.
    case beingSent(id: Int64, number: String)
    /// Something else was stored under the deleted draft's id meanwhile.
    case idTaken(id: Int64, number: String)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .missing(id):
            LocalizedText(kk: "%1$@ нөмірлі ТІЖ жоқ; ештеңе жойылмады",
                          ru: "СНТ с локальным номером %1$@ нет; ничего не удалено",
                          en: "there is no SNT with local id %1$@; nothing was deleted").text(in: language, [String(id)])
        case let .notADraft(_, number, status):
            LocalizedText(kk: "№%1$@ ТІЖ жоба емес (%2$@ күйінде): жіберілген және алынған құжаттар жойылмайды",
                          ru: "СНТ № %1$@ не черновик (статус %2$@): отправленные и полученные документы не удаляются",
                          en: "SNT %1$@ is not a draft (status %2$@): sent and received documents are never deleted")
                .text(in: language, [number, status])
        case let .beingSent(_, number):
            LocalizedText(kk: "№%1$@ ТІЖ жіберу кезегінде тұр; жойылмады",
                          ru: "СНТ № %1$@ стоит в очереди на отправку; не удалено",
                          en: "SNT %1$@ is queued for sending; it was not deleted").text(in: language, [number])
        case let .idTaken(id, number):
            LocalizedText(kk: "№%1$@ жобасын қайтару мүмкін емес: %2$@ нөмірі басқа құжатқа берілген",
                          ru: "черновик № %1$@ не восстановить: локальный номер %2$@ уже занят другим документом",
                          en: "draft %1$@ cannot be put back: its local id %2$@ is taken by another document")
                .text(in: language, [number, String(id)])
        }
    }
}
