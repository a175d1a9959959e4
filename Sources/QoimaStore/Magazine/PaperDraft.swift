import GRDB
import QoimaCore
import QoimaXML

/// An outgoing draft the Magazine changes (A 2.1 and A 2.1.1), prepared outside the write
/// transaction, where its check may read the dictionaries, and saved inside it only if nobody
/// saved the draft meanwhile; otherwise `Changed` is thrown and the caller starts again.
struct PaperDraft {
    /// The draft was saved by someone else between `prepare` and `save`.
    struct Changed: Error {}

    let id: Int64
    let companyId: Int64
    let revision: Int
    let original: Snt
    let changed: Snt
    let problems: [SntProblem]

    var changesSomething: Bool { original != changed }

    /// Reads draft `id` of the company, applies `change` and checks the result as the editor does.
    static func prepare(_ id: Int64, companyId: Int64, today: CalendarDate, _ database: QoimaDatabase,
                        change: (inout Snt) -> Void) throws -> PaperDraft {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT companyId, direction, status, esfId, number, revision, body FROM snt WHERE id = ?",
                             arguments: [id])
        }
        guard let row else { throw MagazineError.noSuchSnt(id) }
        try checkDraft(row, id: id, companyId: companyId)
        let original = try SntXMLReader.read(row["body"] as String).snt
        var changed = original
        change(&changed)
        guard let company = try CompanyStore(database: database).all().first(where: { $0.id == companyId }) else {
            throw MagazineError.sntOfOtherCompany(id)
        }
        let context = try SntDraftFactory(database: database, company: company, today: today).checkContext(for: changed)
        return PaperDraft(id: id, companyId: companyId, revision: row["revision"], original: original, changed: changed,
                          problems: SntValidator(context: context).check(changed))
    }

    /// Only an outgoing draft of the company that IS ESF has not seen is issued on paper.
    private static func checkDraft(_ row: Row, id: Int64, companyId: Int64) throws {
        guard row["companyId"] as Int64 == companyId else { throw MagazineError.sntOfOtherCompany(id) }
        let status: String = row["status"]
        guard row["direction"] == SntDirection.outgoing.rawValue, SntStatus(rawValue: status)?.isEditable == true,
              (row["esfId"] as Int64?) == nil
        else { throw MagazineError.sntNotDraft(id, number: row["number"], status: status) }
    }

    /// Inside the transaction: still this company's draft, at the revision prepared from.
    func checkUnchanged(_ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT companyId, direction, status, esfId, number, revision FROM snt WHERE id = ?",
                                         arguments: [id])
        else { throw MagazineError.noSuchSnt(id) }
        try Self.checkDraft(row, id: id, companyId: companyId)
        guard row["revision"] as Int == revision else { throw Changed() }
    }

    /// Saves the changed draft as its next revision, with an audit entry saying why.
    func save(_ db: Database, detail: String) throws {
        guard changesSomething else { return }
        try SntRowWriter.update(id, with: changed, body: SntXMLWriter.body(of: changed), problems: problems,
                                revision: revision + 1, db)
        try AuditLog.append(db, entity: "snt", id: id, action: "edit", detail: "revision \(revision + 1), \(detail)")
    }
}
