import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// What IS ESF does with an uploaded SNT after accepting it: the format and logic checks, then
/// either FAILED with errors or registration (NOT_VIEWED, a registration number, goods reserved,
/// the corrected original cancelled). Asynchronous in IS ESF (assumed, U5); the sandbox runs it
/// when a request comes after the SNT's `processAfter`.
enum SntProcessor {
    static func process(_ row: SntRow, in db: Database, now: Date) throws {
        let today = KazakhstanClock.day(of: now)
        let decoded: DecodedSnt
        do {
            decoded = try SntXMLReader.read(row.body)
        } catch {
            // Upload refuses what is not an SntV1 body, so this is a body that changed shape since.
            return try fail(row, [SandboxWireError(property: "snt", errorCode: "XML", text: "\(error)")], in: db, now: now)
        }
        let snt = decoded.snt
        let related = snt.type == .primary ? nil : snt.relatedRegistrationNumber
        let original = try related.flatMap {
            try SntRow.fetchOne(db, sql: "SELECT * FROM snt WHERE registrationNumber = ?", arguments: [$0.rawValue])
        }
        let context = SntCheckContext(today: today, original: original.flatMap(record), knownUnitCodes: try units(in: db))
        var problems = SntCheck.problems(in: decoded, context: context).filter { $0.severity == .error }
        problems += serverChecks(snt, row: row, original: original, reported: problems)

        // A correction takes the original's place, so the original's reserve counts as available.
        let credit = snt.type == .fixed ? try original.map { try SntReservations.of($0.sntId, in: db) } ?? [] : []
        let plan = try BatchPlan(snt, seller: row.creatorTin, credit: credit, in: db)
        problems += plan.problems

        guard problems.isEmpty else { return try fail(row, problems.map(SandboxWireError.init), in: db, now: now) }
        if snt.type == .fixed, let original {
            try SntReservations.end(for: original.sntId, ship: false, in: db)
            try SntHistory.change(original.sntId, to: .canceled, action: .cancel, tin: row.creatorTin,
                                  user: row.creatorLogin, in: db, now: now)
        }
        try register(row, reserving: plan.reservations, on: today, in: db, now: now)
    }

    /// What only the server can check: who uploads, what the SNT refers to.
    private static func serverChecks(_ snt: Snt, row: SntRow, original: SntRow?, reported: [SntProblem]) -> [SntProblem] {
        var found: [SntProblem] = []
        if snt.seller.tin?.rawValue != row.creatorTin {
            found.append(SntProblem(SandboxSntRules.sellerIsNotTheSession, SntField.seller.tin,
                                    [snt.seller.tin?.rawValue ?? "—", row.creatorTin]))
        }
        guard snt.type != .primary, let related = snt.relatedRegistrationNumber else { return found }
        let field = SntField.relatedRegistrationNumber(for: snt.type)
        guard let original else {
            found.append(SntProblem(SandboxSntRules.relatedNotFound, field, [related.rawValue]))
            return found
        }
        guard snt.type == .fixed else { return found }
        // QoimaCore's own rule says the same when it had the original; one error is enough.
        if ![.notViewed, .delivered].contains(original.status), !reported.contains(where: { $0.rule.id == "FIXED-ORIGINAL-STATUS" }) {
            found.append(SntProblem(SandboxSntRules.fixedOriginalStatus, field, [original.status.rawValue]))
        }
        if original.sellerTin != row.creatorTin {
            found.append(SntProblem(SandboxSntRules.fixedOtherSeller, field, [related.rawValue, original.sellerTin ?? "—"]))
        }
        return found
    }

    private static func register(_ row: SntRow, reserving reservations: [SntReservations.Entry], on today: CalendarDate,
                                 in db: Database, now: Date) throws {
        let sequence = try SandboxCounter.next("registration:\(row.creatorTin):\(today.yyyyMMdd)", in: db)
        let number = SntRegistrationNumber(officeCode: SandboxAssumptions.registrationOfficeCode,
                                           supplier: TaxpayerNumber(row.creatorTin), date: today, sequence: Int(sequence))
        try SntReservations.hold(reservations, for: row.sntId, in: db)
        try db.execute(sql: "UPDATE snt SET registrationNumber = ? WHERE sntId = ?", arguments: [number.rawValue, row.sntId])
        try SntHistory.change(row.sntId, to: .notViewed, action: SandboxAssumptions.processingHistoryAction,
                              tin: row.creatorTin, user: row.creatorLogin, in: db, now: now)
    }

    private static func fail(_ row: SntRow, _ errors: [SandboxWireError], in db: Database, now: Date) throws {
        for (position, error) in errors.enumerated() {
            try db.execute(sql: "INSERT INTO snt_error (sntId, position, property, errorCode, text) VALUES (?, ?, ?, ?, ?)",
                           arguments: [row.sntId, position, error.property, error.errorCode, error.text])
        }
        let reason = errors.count == 1 ? errors[0].text : "\(errors[0].text) (и ещё ошибок: \(errors.count - 1))"
        try SntHistory.change(row.sntId, to: .failed, action: SandboxAssumptions.processingHistoryAction,
                              tin: row.creatorTin, user: row.creatorLogin, cancelReason: reason, in: db, now: now)
    }

    /// The original of a correction as QoimaCore's checks take it.
    private static func record(_ row: SntRow) -> SntRecord? {
        guard let decoded = try? SntXMLReader.read(row.body) else { return nil }
        return SntRecord(snt: decoded.snt, registration: SntRegistration(
            sntId: row.sntId, registrationNumber: row.registrationNumber.map(SntRegistrationNumber.init),
            inputDate: Date(milliseconds: row.inputDate), lastUpdateDate: Date(milliseconds: row.lastUpdateDate),
            status: row.status))
    }

    /// The unit dictionary as it stands, or the built-in one before it is seeded.
    private static func units(in db: Database) throws -> Set<String> {
        let codes = try String.fetchAll(db, sql: "SELECT code FROM measure_unit")
        return codes.isEmpty ? SntCheckContext.builtInUnitCodes : Set(codes)
    }
}

/// Which batches an SNT's lines take their goods from, and whether the seller's store has
/// enough of each that is not reserved (domain.md §4, §9.2).
struct BatchPlan {
    private(set) var reservations: [SntReservations.Entry] = []
    private(set) var problems: [SntProblem] = []

    /// - Parameter credit: reserves that will be released first (a correction's original).
    init(_ snt: Snt, seller: String, credit: [SntReservations.Entry], in db: Database) throws {
        let lines = snt.allLines.enumerated().compactMap { position, entry in
            entry.line.productId?.parts.map { (position + 1, entry.table, entry.index + 1, entry.line, $0.batch) }
        }
        guard !lines.isEmpty else { return }
        guard let storeId = snt.seller.storeId else {
            problems.append(SntProblem(SandboxSntRules.sellerStoreRequired, SntField.seller.storeId))
            return
        }
        guard let store = try StoreRow.find(storeId, in: db), store.tin == seller, store.status == StoreRow.valid else {
            problems.append(SntProblem(SandboxSntRules.storeUnknown, SntField.seller.storeId, [String(storeId), seller]))
            return
        }
        var credited: [Int64: Decimal] = [:]
        for entry in credit { credited[entry.balanceId, default: 0] += entry.quantity }
        var used: [Int64: Decimal] = [:]
        for (position, table, line, goods, batch) in lines {
            guard let balance = try BalanceRow.find(tin: seller, store: store.id, batch: batch, in: db) else {
                problems.append(SntProblem(SandboxSntRules.batchUnknown, .line(.productId, in: table), table: table,
                                           line: line, [String(batch), String(store.id)]))
                continue
            }
            // A line without a positive quantity already failed QoimaCore's checks.
            guard let quantity = goods.quantity, quantity > 0 else { continue }
            let available = balance.available + credited[balance.balanceId, default: 0] - used[balance.balanceId, default: 0]
            used[balance.balanceId, default: 0] += quantity
            if quantity > available {
                problems.append(SntProblem(SandboxSntRules.batchInsufficient, .line(.quantity, in: table), table: table,
                                           line: line, [String(batch), max(available, 0).wireText, quantity.wireText]))
            }
            reservations.append(SntReservations.Entry(line: position, balanceId: balance.balanceId, quantity: quantity,
                                                      price: goods.price))
        }
    }
}
