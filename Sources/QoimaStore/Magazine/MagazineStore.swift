import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// The Magazine of paper SNTs (the `magazineEntry` table, docs/magazine.md). Numbers are given
/// per company and year, without gaps and never twice, by whichever process or connection
/// writes: each change is one `BEGIN IMMEDIATE` transaction, which takes the database's write
/// lock before the highest number is read, with an audit entry. Entries are never deleted (the
/// schema refuses it): a spoiled blank is recorded as spoiled and keeps its number.
public struct MagazineStore: Sendable {
    let database: QoimaDatabase
    public let calendar: WorkingCalendar

    public init(database: QoimaDatabase, calendar: WorkingCalendar = .kazakhstan) {
        self.database = database
        self.calendar = calendar
    }

    // MARK: Issuing and spoiling blanks

    /// Issues the outgoing draft `sntId` on paper: the entry takes the next number of the
    /// company's Magazine for the paper date's year, and the draft, which stays a draft, gets
    /// A 2.1 `datePaper` and A 2.1.1 `reasonPaper`, so that it is entered electronically with
    /// them. Refused for a draft already on paper (unless that blank was spoiled).
    public func issue(sntId: Int64, companyId: Int64, reason: PaperReason, paperDate: CalendarDate,
                      responsible: String = "", today: CalendarDate = KazakhstanClock.today()) throws -> MagazineEntry {
        try MagazineEntry.checkIssue(paperDate: paperDate, today: today)
        return try retryingDraftChanges(sntId) {
            let draft = try PaperDraft.prepare(sntId, companyId: companyId, today: today, database) { snt in
                snt.datePaper = paperDate
                snt.reasonPaper = reason
            }
            return try immediateTransaction { db in
                try draft.checkUnchanged(db)
                if let live = try Self.liveEntry(ofSnt: sntId, db) { throw MagazineError.sntAlreadyOnPaper(sntId, entry: live) }
                let entry = try Self.insert(companyId: companyId, state: .issued, paperDate: paperDate, reason: reason,
                                            sntId: sntId, responsible: responsible, spoilReason: nil, db)
                try draft.save(db, detail: "paper SNT \(entry.label)")
                try AuditLog.append(db, entity: "magazineEntry", id: entry.id, action: "issue",
                                    detail: "\(entry.label), SNT \(sntId), \(reason.rawValue), \(paperDate.ddMMyyyy)")
                return entry
            }
        }
    }

    /// Records a blank spoiled before any SNT was written on it: it takes the next number, as
    /// every blank does, and is spoiled from the start.
    public func recordSpoiledBlank(companyId: Int64, date: CalendarDate, reason: String, responsible: String = "",
                                   at instant: Date = Date(), today: CalendarDate = KazakhstanClock.today()) throws
        -> MagazineEntry {
        try MagazineEntry.checkIssue(paperDate: date, today: today)
        let reason = try MagazineEntry.checkSpoilReason(reason)
        return try immediateTransaction { db in
            let entry = try Self.insert(companyId: companyId, state: .spoiled, paperDate: date, reason: nil, sntId: nil,
                                        responsible: responsible, spoilReason: reason, spoiledAt: instant, db)
            try AuditLog.append(db, entity: "magazineEntry", id: entry.id, action: "spoil",
                                detail: "\(entry.label), blank without SNT: \(reason)")
            return entry
        }
    }

    /// Marks the blank of entry `id` spoiled; its number stays used. Its draft, while still a
    /// draft, loses A 2.1 and A 2.1.1 again: no paper copy stands for it any more.
    public func spoil(id: Int64, reason: String, at instant: Date = Date()) throws -> MagazineEntry {
        let entry = try existing(id)
        _ = try entry.spoiled(because: reason, at: instant)
        let work = { (draft: PaperDraft?) in
            try self.immediateTransaction { db in
                let spoiled = try self.existing(id, db).spoiled(because: reason, at: instant)
                try Self.update(spoiled, db)
                do {
                    try draft?.checkUnchanged(db)
                } catch is MagazineError {
                    // Sent or deleted meanwhile: start again, and leave what is no longer a draft alone.
                    throw PaperDraft.Changed()
                }
                try draft?.save(db, detail: "paper SNT \(entry.label) spoiled")
                try AuditLog.append(db, entity: "magazineEntry", id: id, action: "spoil",
                                    detail: "\(entry.label): \(spoiled.spoilReason ?? "")")
                return spoiled
            }
        }
        guard let sntId = entry.sntId else { return try work(nil) }
        return try retryingDraftChanges(sntId) {
            let draft = try? PaperDraft.prepare(sntId, companyId: entry.companyId, today: KazakhstanClock.today(),
                                                database) { snt in
                guard snt.datePaper == entry.paperDate, snt.reasonPaper == entry.reason else { return }
                snt.datePaper = nil
                snt.reasonPaper = nil
            }
            return try work(draft?.changesSomething == true ? draft : nil)
        }
    }

    // MARK: The outage's end and entering

    /// IS ESF worked again on `date` (KGD's announcement) for entry `id`: its deadline runs from it.
    public func setRestoreDate(_ date: CalendarDate, id: Int64, today: CalendarDate = KazakhstanClock.today()) throws
        -> MagazineEntry {
        try immediateTransaction { db in
            let entry = try existing(id, db).restored(on: date, today: today)
            try Self.update(entry, db)
            try AuditLog.append(db, entity: "magazineEntry", id: id, action: "restore", detail: "\(entry.label): \(date.ddMMyyyy)")
            return entry
        }
    }

    /// IS ESF worked again on `date` for every open entry of the company issued on or before
    /// it: those without a restore date, or all of them when `replacing`. Returns the entries
    /// changed.
    public func setRestoreDate(_ date: CalendarDate, companyId: Int64, replacing: Bool = false,
                               today: CalendarDate = KazakhstanClock.today()) throws -> [MagazineEntry] {
        guard date <= today else { throw MagazineError.restoreDateInFuture(date, today: today) }
        return try immediateTransaction { db in
            let open = try Self.entries(db, where: """
                companyId = ? AND state = 'issued' AND paperDate <= ? \(replacing ? "" : "AND restoreDate IS NULL")
                """, [companyId, StoredDate.text(date)])
            let changed = try open.map { try $0.restored(on: date, today: today) }
            for entry in changed {
                try Self.update(entry, db)
                try AuditLog.append(db, entity: "magazineEntry", id: entry.id, action: "restore",
                                    detail: "\(entry.label): \(date.ddMMyyyy)")
            }
            return changed
        }
    }

    /// Entry `id`'s SNT was registered by IS ESF as `registrationNumber` at `enteredAt`.
    public func markEntered(id: Int64, registrationNumber: SntRegistrationNumber, enteredAt: Date,
                            today: CalendarDate = KazakhstanClock.today()) throws -> MagazineEntry {
        try immediateTransaction { db in
            let entry = try existing(id, db).entered(as: registrationNumber, at: enteredAt, today: today)
            try Self.update(entry, db)
            try AuditLog.append(db, entity: "magazineEntry", id: id, action: "enter",
                                detail: "\(entry.label): \(registrationNumber.rawValue)")
            return entry
        }
    }

    /// Entry `id` entered with what its linked SNT has from IS ESF: the registration number and
    /// the input date (now, when IS ESF gave none).
    public func markEnteredFromSnt(id: Int64, today: CalendarDate = KazakhstanClock.today()) throws -> MagazineEntry {
        guard let row = try row(id: id) else { throw MagazineError.noSuchEntry(String(id)) }
        guard let snt = row.snt, let number = snt.registrationNumber else {
            throw MagazineError.sntNotRegistered(entry: row.entry.label, sntId: row.entry.sntId ?? 0)
        }
        // Without IS ESF's input date, the SNT was entered by the day it was seen registered: now,
        // unless the caller's day is earlier (then that day).
        let seen = KazakhstanClock.day(of: Date()) <= today ? Date() : KazakhstanClock.noon(of: today)
        return try markEntered(id: id, registrationNumber: SntRegistrationNumber(number), enteredAt: snt.inputDate ?? seen,
                               today: today)
    }

    /// Marks entered every issued entry of the company whose SNT IS ESF has registered, as a
    /// sync leaves them; returns those it changed.
    public func enterRegistered(companyId: Int64, today: CalendarDate = KazakhstanClock.today()) throws -> [MagazineEntry] {
        let ids = try database.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT m.id FROM magazineEntry m JOIN snt s ON s.id = m.sntId
                WHERE m.companyId = ? AND m.state = 'issued' AND s.registrationNumber IS NOT NULL ORDER BY m.year, m.number
                """, arguments: [companyId])
        }
        return try ids.map { try markEnteredFromSnt(id: $0, today: today) }
    }

    // MARK: Reading

    public func entry(id: Int64) throws -> MagazineEntry? {
        try database.pool.read { try Self.entries($0, where: "id = ?", [id]).first }
    }

    /// Entry `number` of the company's Magazine of `year`.
    public func entry(companyId: Int64, year: Int, number: Int) throws -> MagazineEntry? {
        try database.pool.read { db in
            try Self.entries(db, where: "companyId = ? AND year = ? AND number = ?", [companyId, year, number]).first
        }
    }

    /// The issued or entered entry of SNT `sntId`, if it has one (a spoiled blank is not live).
    public func liveEntry(sntId: Int64) throws -> MagazineEntry? {
        try database.pool.read { try Self.entries($0, where: "sntId = ? AND state != 'spoiled'", [sntId]).first }
    }

    /// The company's live entries by SNT: what the Drafts list marks.
    public func liveEntries(companyId: Int64) throws -> [Int64: MagazineEntry] {
        let entries = try database.pool.read { db in
            try Self.entries(db, where: "companyId = ? AND sntId IS NOT NULL AND state != 'spoiled'", [companyId])
        }
        return Dictionary(entries.compactMap { entry in entry.sntId.map { ($0, entry) } }) { first, _ in first }
    }

    public func row(id: Int64) throws -> MagazineRow? {
        try database.pool.read { try MagazineRows.fetch($0, where: "m.id = ?", [id]).first }
    }

    /// The entries `query` selects with what their columns show, in Magazine order.
    public func list(_ query: MagazineQuery) throws -> [MagazineRow] {
        let (condition, arguments) = query.sql
        let rows = try database.pool.read { try MagazineRows.fetch($0, where: condition, arguments) }
        return rows.filter { row in
            (!query.overdueOnly || row.entry.isOverdue(on: query.today, calendar: calendar)) && row.matches(query.search)
        }
    }

    /// The Magazine of the paper dates `from`…`to`, as it is printed: every entry, spoiled
    /// blanks included, in number order.
    public func entries(companyId: Int64, from: CalendarDate, to: CalendarDate) throws -> [MagazineRow] {
        try list(MagazineQuery(companyId: companyId, from: from, to: to))
    }

    /// The years the company's Magazine has entries in, newest first.
    public func years(companyId: Int64) throws -> [Int] {
        try database.pool.read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM magazineEntry WHERE companyId = ? ORDER BY year DESC",
                             arguments: [companyId])
        }
    }
}

// MARK: Rows

extension MagazineStore {
    /// One IMMEDIATE transaction: the write lock is taken at BEGIN, before anything is read, so
    /// no connection of this or another process can read the same highest number in between.
    /// (A deferred transaction would read first and fail, not wait, when it tries to write.)
    func immediateTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try database.pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { preconditionFailure("a committed transaction ran its body") }
            return result
        }
    }

    private func existing(_ id: Int64) throws -> MagazineEntry {
        guard let entry = try entry(id: id) else { throw MagazineError.noSuchEntry(String(id)) }
        return entry
    }

    private func existing(_ id: Int64, _ db: Database) throws -> MagazineEntry {
        guard let entry = try Self.entries(db, where: "id = ?", [id]).first else { throw MagazineError.noSuchEntry(String(id)) }
        return entry
    }

    /// Runs `work` again when the draft changed between reading and writing it (an editor's
    /// autosave, say), at most three times.
    private func retryingDraftChanges<T>(_ sntId: Int64, _ work: () throws -> T) throws -> T {
        for _ in 1...3 {
            do { return try work() } catch is PaperDraft.Changed { continue }
        }
        throw MagazineError.sntChangedMeanwhile(sntId)
    }

    /// The next number of the company's Magazine for the date's year, inserted; call inside
    /// `immediateTransaction`.
    static func insert(companyId: Int64, state: MagazineEntry.State, paperDate: CalendarDate, reason: PaperReason?,
                       sntId: Int64?, responsible: String, spoilReason: String?, spoiledAt: Date? = nil,
                       _ db: Database) throws -> MagazineEntry {
        let year = paperDate.year
        let number = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) + 1 FROM magazineEntry WHERE companyId = ? AND year = ?",
                                      arguments: [companyId, year]) ?? 1
        let layout = MagazineLayout.current.version
        try db.execute(sql: """
            INSERT INTO magazineEntry (companyId, year, number, sntId, state, paperDate, reason, responsible, layoutVersion,
                spoilReason, spoiledAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [companyId, year, number, sntId, state.rawValue, StoredDate.text(paperDate), reason?.rawValue,
                             responsible, layout, spoilReason, spoiledAt.map(Timestamp.text)])
        return MagazineEntry(id: db.lastInsertedRowID, companyId: companyId, year: year, number: number, state: state,
                             paperDate: paperDate, reason: reason, sntId: sntId, responsible: responsible,
                             layoutVersion: layout, spoilReason: spoilReason, spoiledAt: spoiledAt)
    }

    /// Writes what a change may alter: never the company, year or number.
    static func update(_ entry: MagazineEntry, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE magazineEntry SET state = ?, restoreDate = ?, registrationNumber = ?, enteredAt = ?, spoilReason = ?,
                spoiledAt = ?
            WHERE id = ?
            """, arguments: [entry.state.rawValue, entry.restoreDate.map(StoredDate.text), entry.registrationNumber?.rawValue,
                             entry.enteredAt.map(Timestamp.text), entry.spoilReason, entry.spoiledAt.map(Timestamp.text),
                             entry.id])
    }

    /// The label of the SNT's issued or entered entry, if it has one.
    static func liveEntry(ofSnt sntId: Int64, _ db: Database) throws -> String? {
        try Row.fetchOne(db, sql: "SELECT year, number FROM magazineEntry WHERE sntId = ? AND state != 'spoiled'",
                         arguments: [sntId]).map { "\($0["number"] as Int)/\($0["year"] as Int)" }
    }

    static func entries(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [MagazineEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM magazineEntry WHERE \(condition) ORDER BY year, number",
                         arguments: arguments).map(MagazineRows.entry)
    }
}
