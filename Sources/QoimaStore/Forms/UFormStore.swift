import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// Universal forms as the desk keeps them (the `uform` table). The body column holds the
/// UFormV1 XML exactly as `UFormXMLWriter` writes it from `UForm.forWire` — the document that is
/// signed; the write-off's details are kept beside it, and the list columns (number, date,
/// warehouses, total, counts, search text) are rewritten with every save. Every change is one
/// transaction with an audit entry. Only drafts and failed forms can be changed, and only
/// drafts IS ESF never saw can be deleted.
public struct UFormStore: Sendable {
    let database: QoimaDatabase

    public init(database: QoimaDatabase) {
        self.database = database
    }

    // MARK: Drafts

    /// A new draft of `type` for the company: the next number of its kind this year
    /// (`UFormNumbering`), dated `today`, sent from the company's priority warehouse (else its
    /// first active one). Returns its id. System kinds (ESF, KKM, DT, FNO) are refused.
    public func createDraft(companyId: Int64, type: UFormType, today: CalendarDate = KazakhstanClock.today())
        throws -> Int64 {
        guard !type.isSystemGenerated else { throw UFormStoreError.systemKind(type) }
        return try database.pool.write { db in
            let form = try Self.newForm(companyId: companyId, type: type, today: today, db)
            return try Self.insert(form, problems: try Self.review(form, companyId: companyId, today: today, db).problems,
                                   companyId: companyId, db)
        }
    }

    /// What `createDraft(companyId:type:today:)` would store, without storing it.
    public func newForm(companyId: Int64, type: UFormType, today: CalendarDate = KazakhstanClock.today()) throws -> UForm {
        guard !type.isSystemGenerated else { throw UFormStoreError.systemKind(type) }
        return try database.pool.read { try Self.newForm(companyId: companyId, type: type, today: today, $0) }
    }

    static func newForm(companyId: Int64, type: UFormType, today: CalendarDate, _ db: Database) throws -> UForm {
        var form = UForm(number: try UFormNumbering.next(for: type, year: today.year, companyId: companyId, db),
                         date: today, type: type)
        form.sender = try defaultSender(companyId: companyId, db)
        return form
    }

    /// Stores `form` as a new draft (read from a file, given on the command line) and returns its
    /// id. `problems` are those of the caller's check (`review` when nil).
    public func createDraft(companyId: Int64, _ form: UForm, problems: [UFormProblem]? = nil,
                            today: CalendarDate = KazakhstanClock.today()) throws -> Int64 {
        if let type = form.type, type.isSystemGenerated { throw UFormStoreError.systemKind(type) }
        return try database.pool.write { db in
            try Self.insert(form, problems: try problems ?? Self.review(form, companyId: companyId, today: today, db).problems,
                            companyId: companyId, db)
        }
    }

    /// Replaces the form's content and returns its new revision. `problems` are those of the
    /// caller's check (`review` when nil). A failed form becomes a draft again: its IS ESF id is
    /// set aside, so the next send is a new upload. Anything else is refused.
    @discardableResult
    public func save(id: Int64, _ form: UForm, problems: [UFormProblem]? = nil,
                     today: CalendarDate = KazakhstanClock.today()) throws -> Int {
        if let type = form.type, type.isSystemGenerated { throw UFormStoreError.systemKind(type) }
        return try database.pool.write { db in
            guard let stored = try Self.stored(id: id, db) else { throw UFormStoreError.missing(id) }
            guard stored.isEditable else { throw UFormStoreError.notEditable(stored.reference) }
            let revision = stored.revision + 1
            let problems = try problems ?? Self.review(form, companyId: stored.companyId, today: today, db).problems
            try Self.writeContent(id, form, problems: problems, db)
            if stored.status == .failed, let esfId = stored.exchange.esfId {
                let abandoned = try Self.abandonedIds(id, db) + [esfId]
                try db.execute(sql: """
                    UPDATE uform SET status = 'DRAFT', esfId = NULL, registrationNumber = NULL, sendState = NULL,
                        sentRevision = NULL, abandonedEsfIds = ? WHERE id = ?
                    """, arguments: [Self.json(abandoned), id])
            } else if stored.status == .failed {
                try db.execute(sql: "UPDATE uform SET status = 'DRAFT', sendState = NULL WHERE id = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE uform SET revision = ?, updatedAt = ? WHERE id = ?",
                           arguments: [revision, Timestamp.now(), id])
            try AuditLog.append(db, entity: "uform", id: id, action: "edit", detail: "revision \(revision)")
            return revision
        }
    }

    /// A new draft with the content of form `id`: the next number of its kind, dated `today`.
    public func copy(id: Int64, today: CalendarDate = KazakhstanClock.today()) throws -> Int64 {
        try database.pool.write { db in
            guard let stored = try Self.stored(id: id, db) else { throw UFormStoreError.missing(id) }
            var form = stored.form
            if let type = form.type, !type.isSystemGenerated {
                form.number = try UFormNumbering.next(for: type, year: today.year, companyId: stored.companyId, db)
            } else {
                throw UFormStoreError.systemKind(form.type ?? .esf)
            }
            form.date = today
            let copy = try Self.insert(form, problems: try Self.review(form, companyId: stored.companyId, today: today, db).problems,
                                       companyId: stored.companyId, db)
            try AuditLog.append(db, entity: "uform", id: copy, action: "copy", detail: "of \(id)")
            return copy
        }
    }

    // MARK: Reading

    /// The form as last saved, with what IS ESF said of it.
    public func form(id: Int64) throws -> StoredUForm? {
        try database.pool.read { try Self.stored(id: id, $0) }
    }

    /// The form IS ESF knows as `esfId`.
    public func form(esfId: Int64, companyId: Int64) throws -> StoredUForm? {
        try database.pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM uform WHERE esfId = ? AND companyId = ?",
                                              arguments: [esfId, companyId]) else { return nil }
            return try Self.stored(id: id, db)
        }
    }

    // MARK: Rows

    static func insert(_ form: UForm, problems: [UFormProblem], companyId: Int64, _ db: Database) throws -> Int64 {
        let now = Timestamp.now()
        try db.execute(sql: """
            INSERT INTO uform (companyId, type, status, body, createdAt, updatedAt) VALUES (?, ?, 'DRAFT', '', ?, ?)
            """, arguments: [companyId, form.type?.rawValue ?? "", now, now])
        let id = db.lastInsertedRowID
        try writeContent(id, form, problems: problems, db)
        try AuditLog.append(db, entity: "uform", id: id, action: "create",
                            detail: "\(form.type?.rawValue ?? "—") \(form.number)")
        return id
    }

    /// Writes the body and every column derived from the form.
    static func writeContent(_ id: Int64, _ form: UForm, problems: [UFormProblem], _ db: Database) throws {
        let body = UFormXMLWriter.body(of: form.forWire)
        let details = form.writeOffReason == nil ? [:] : form.writeOffDetails
        try db.execute(sql: """
            UPDATE uform SET type = ?, subtype = ?, number = ?, date = ?, senderStoreId = ?, recipientStoreId = ?,
                totalSum = ?, body = ?, writeOffDetails = ?, problems = ?, errorCount = ?, warningCount = ?,
                lineCount = ?, searchText = ?
            WHERE id = ?
            """, arguments: [
                form.type?.rawValue ?? "", form.writeOffReason?.rawValue ?? form.detailingType?.rawValue,
                form.number, form.date.map(StoredDate.text), form.sender?.storeId, form.recipient?.storeId,
                form.totalSum.map(DecimalText.format), body, detailsJSON(details), UFormProblemList.json(problems),
                problems.filter { $0.severity == .error }.count, problems.filter { $0.severity == .warning }.count,
                form.products.count + form.sourceProducts.count, searchText(form, registrationNumber: nil), id,
            ])
    }

    /// What the list's search looks in, folded to lower case (SQLite's LIKE does not fold Cyrillic).
    static func searchText(_ form: UForm, registrationNumber: String?) -> String {
        ([form.number, registrationNumber ?? ""] + (form.products + form.sourceProducts).compactMap(\.name))
            .filter { !$0.isEmpty }.joined(separator: "\n").lowercased()
    }

    static func stored(id: Int64, _ db: Database) throws -> StoredUForm? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM uform WHERE id = ?", arguments: [id]) else { return nil }
        return decode(row)
    }

    static func decode(_ row: Row) -> StoredUForm {
        let body: String = row["body"]
        let details = decodeDetails(row["writeOffDetails"])
        let form = ((try? UFormXMLReader.read(body))?.form ?? UForm()).restoring(details: details)
        func date(_ column: String) -> Date? { (row[column] as String?).flatMap(Timestamp.parse) }
        func instant(_ column: String) -> Date? { (row[column] as String?).flatMap(PreciseTimestamp.parse) }
        let exchange = UFormExchange(
            esfId: row["esfId"], registrationNumber: row["registrationNumber"], inputDate: instant("inputDate"),
            lastUpdateDate: instant("lastUpdateDate"), cancelReason: row["cancelReason"],
            errors: SntExchangeStore.errors(row["esfErrors"]),
            sendState: (row["sendState"] as String?).flatMap(UFormSendState.init(rawValue:)),
            sentRevision: row["sentRevision"], attempts: row["sendAttempts"], firstSentAt: date("firstSentAt"),
            lastAttemptAt: date("lastAttemptAt"), sendError: row["sendError"])
        return StoredUForm(id: row["id"], companyId: row["companyId"], form: form, body: body,
                           status: UFormStatus(rawValue: row["status"]) ?? .draft, revision: row["revision"],
                           problems: UFormProblemList.decode(row["problems"]),
                           origin: UFormOrigin(rawValue: row["origin"]) ?? .qoima, exchange: exchange,
                           createdAt: date("createdAt") ?? Date(timeIntervalSince1970: 0),
                           updatedAt: date("updatedAt") ?? Date(timeIntervalSince1970: 0))
    }

    /// The company's priority warehouse, else its first active one, as a form's sender.
    static func defaultSender(companyId: Int64, _ db: Database) throws -> UFormParty? {
        let company = try Row.fetchOne(db, sql: "SELECT bin, nameRu FROM company WHERE id = ?", arguments: [companyId])
        let store = try Row.fetchOne(db, sql: """
            SELECT storeId, name, address FROM warehouse WHERE companyId = ? AND status = 'VALID'
            ORDER BY isDefault DESC, storeId LIMIT 1
            """, arguments: [companyId])
        guard let company else { return nil }
        let address: String? = store?["address"]
        return UFormParty(address: address?.isEmpty == false ? address : nil, name: company["nameRu"],
                          storeId: store?["storeId"], storeName: store?["name"], tin: TaxpayerNumber(company["bin"]))
    }

    static func abandonedIds(_ id: Int64, _ db: Database) throws -> [Int64] {
        let text = try String.fetchOne(db, sql: "SELECT abandonedEsfIds FROM uform WHERE id = ?", arguments: [id]) ?? "[]"
        return (try? JSONDecoder().decode([Int64].self, from: Data(text.utf8))) ?? []
    }

    static func detailsJSON(_ details: [WriteOffDetail: String]) -> String {
        SntExchangeStore.json(Dictionary(uniqueKeysWithValues: details.map { ($0.key.rawValue, $0.value) }))
    }

    static func decodeDetails(_ json: String) -> [WriteOffDetail: String] {
        let map = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        return Dictionary(uniqueKeysWithValues: map.compactMap { key, value in
            WriteOffDetail(rawValue: key).map { ($0, value) }
        })
    }

    static func json(_ value: some Encodable) -> String { SntExchangeStore.json(value) }
}

extension StoredUForm {
    var reference: UFormReference {
        UFormReference(id: id, number: form.number, status: status, sendState: exchange.sendState)
    }
}

/// Which form an error is about, as its message names it.
public struct UFormReference: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var status: UFormStatus
    public var sendState: UFormSendState?
}

/// The problems of a form's last check as its row keeps them: rule, path, severity and the
/// message's arguments, as JSON.
enum UFormProblemList {
    private struct Entry: Codable {
        var rule: String
        var path: String
        var severity: Severity
        var arguments: [String]
        var localized: [LocalizedText]?
    }

    static func json(_ problems: [UFormProblem]) -> String {
        problems.isEmpty ? "[]" : SntExchangeStore.json(problems.map {
            Entry(rule: $0.rule.id, path: $0.path, severity: $0.severity, arguments: $0.arguments,
                  localized: $0.localizedArguments.isEmpty ? nil : $0.localizedArguments)
        })
    }

    /// Problems whose rule this version no longer knows are left out.
    static func decode(_ json: String) -> [UFormProblem] {
        let entries = (try? JSONDecoder().decode([Entry].self, from: Data(json.utf8))) ?? []
        return entries.compactMap { entry in
            UFormRules.rule(id: entry.rule).map { rule in
                entry.localized.map { UFormProblem(rule, path: entry.path, localized: $0) }
                    ?? UFormProblem(rule, path: entry.path, entry.arguments)
            }
        }
    }
}
