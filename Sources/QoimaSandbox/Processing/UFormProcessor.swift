import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// What IS ESF does with an uploaded universal form: the checks of domain.md §10, then its effect
/// on balances by type, all or nothing; CREATED → PROCESSED with a registration number, or
/// FAILED with errors (the flow is assumed, U8). Effects:
/// - BALANCE: each line becomes a new batch in the sender's store;
/// - WRITE_OFF: each line's quantity leaves its batch (`productId`);
/// - MOVEMENT: each line's quantity moves from the sender's store to the recipient's, same batch;
/// - MANUFACTURE, DETAILING: source lines leave their batches, lines become new batches in the
///   recipient's store (the sender's when none);
/// - BALANCE_CORRECTION: a line naming a batch sets its quantity; one naming none adds a batch;
/// - PHYSICAL_LABEL: a line's physical label goes onto its batch;
/// - REORGANIZATION, IMPORT_DETAILING: accepted, with no effect the sandbox models.
enum UFormProcessor {
    static func process(_ row: UFormRow, in db: Database, now: Date) throws {
        let decoded: DecodedUForm
        do {
            decoded = try UFormXMLReader.read(row.body)
        } catch {
            return try finish(row, errors: [SandboxWireError(property: "uForm", errorCode: "XML", text: "\(error)")],
                              in: db, now: now)
        }
        var errors = UFormCheck.problems(in: decoded).filter { $0.severity == .error }.map(SandboxWireError.init)
        let form = decoded.form
        if let tin = form.sender?.tin, tin.rawValue != row.tin {
            errors.append(SandboxWireError(property: "sender.tin", errorCode: "VS-TIN-MISMATCH",
                                           text: "ИИН/БИН отправителя (\(tin.rawValue)) не совпадает с налогоплательщиком сессии (\(row.tin))"))
        }
        for (path, party) in [("sender", form.sender), ("recipient", form.recipient)] {
            guard let storeId = party?.storeId else { continue }
            let store = try StoreRow.find(storeId, in: db)
            if store?.tin != row.tin || store?.status != StoreRow.valid {
                errors.append(SandboxWireError(property: path + ".storeId", errorCode: SandboxSntRules.storeUnknown.id,
                                               text: SandboxSntRules.storeUnknown.message.text(in: .russian, [String(storeId), row.tin])))
            }
        }
        if errors.isEmpty, let type = form.type, let store = form.sender?.storeId {
            try db.inSavepoint {
                var ledger = FormLedger(tin: row.tin, store: store, db: db)
                try ledger.apply(form, type: type)
                errors = ledger.errors
                return errors.isEmpty ? .commit : .rollback
            }
        }
        try finish(row, errors: errors, in: db, now: now)
    }

    private static func finish(_ row: UFormRow, errors: [SandboxWireError], in db: Database, now: Date) throws {
        let time = try SandboxCounter.eventTime(in: db, now: now)
        guard errors.isEmpty else {
            for (position, error) in errors.enumerated() {
                try db.execute(sql: "INSERT INTO uform_error (uformId, position, property, errorCode, text) VALUES (?, ?, ?, ?, ?)",
                               arguments: [row.id, position, error.property, error.errorCode, error.text])
            }
            let reason = errors.count == 1 ? errors[0].text : "\(errors[0].text) (и ещё ошибок: \(errors.count - 1))"
            try db.execute(sql: "UPDATE uform SET status = ?, cancelReason = ?, lastUpdateDate = ?, processAfter = NULL WHERE id = ?",
                           arguments: [UFormStatus.failed.rawValue, reason, time, row.id])
            return
        }
        let today = KazakhstanClock.day(of: now)
        let sequence = try SandboxCounter.next("uform-registration:\(row.tin):\(today.yyyyMMdd)", in: db)
        let number = SandboxAssumptions.uFormRegistrationNumber(tin: row.tin, date: today, sequence: Int(sequence))
        try db.execute(sql: "UPDATE uform SET status = ?, registrationNumber = ?, lastUpdateDate = ?, processAfter = NULL WHERE id = ?",
                       arguments: [UFormStatus.processed.rawValue, number, time, row.id])
    }
}

/// Applies one form's lines to balances, collecting what cannot be done as errors on its lines.
private struct FormLedger {
    let tin: String
    let store: Int64
    let db: Database
    var errors: [SandboxWireError] = []

    init(tin: String, store: Int64, db: Database) {
        self.tin = tin
        self.store = store
        self.db = db
    }

    mutating func apply(_ form: UForm, type: UFormType) throws {
        let products = form.products.enumerated().map { ("products.product[\($0.offset + 1)]", $0.element) }
        let sources = form.sourceProducts.enumerated().map { ("sourceProducts.sourceProduct[\($0.offset + 1)]", $0.element) }
        switch type {
        case .balance:
            for (_, line) in products { try add(line, to: store) }
        case .writeOff:
            for (path, line) in products { _ = try take(line, at: path) }
        case .movement:
            guard let target = form.recipient?.storeId else { return }
            for (path, line) in products {
                guard let (batch, from) = try take(line, at: path), let quantity = line.quantity else { continue }
                try BalanceLedger.put(from.goods, tin: tin, store: target, batch: batch, quantity: quantity, in: db)
            }
        case .manufacture, .detailing:
            for (path, line) in sources { _ = try take(line, at: path) }
            for (_, line) in products { try add(line, to: form.recipient?.storeId ?? store) }
        case .balanceCorrection:
            for (path, line) in products { try correct(line, at: path) }
        case .physicalLabel:
            for (path, line) in products {
                guard let batch = try existing(line, at: path) else { continue }
                try db.execute(sql: "UPDATE balance SET physicalLabel = ? WHERE balanceId = ?",
                               arguments: [line.physicalLabel, batch.balanceId])
            }
        case .reorganization, .importDetailing, .esf, .kkm, .dt, .fno:
            break
        }
    }

    private func add(_ line: UFormProduct, to store: Int64) throws {
        guard let quantity = line.quantity else { return }
        try BalanceLedger.addBatch(Self.goods(of: line), tin: tin, store: store, quantity: quantity, in: db)
    }

    /// Takes a line's quantity from its batch; nil (and an error) when it cannot.
    private mutating func take(_ line: UFormProduct, at path: String) throws -> (Int64, BalanceRow)? {
        guard let batch = line.productId, let quantity = line.quantity else { return nil }
        switch try BalanceLedger.take(tin: tin, store: store, batch: batch, quantity: quantity, in: db) {
        case let .success(row): return (batch, row)
        case let .failure(failure):
            report(failure, at: path)
            return nil
        }
    }

    private mutating func existing(_ line: UFormProduct, at path: String) throws -> BalanceRow? {
        guard let batch = line.productId else { return nil }
        guard let row = try BalanceRow.find(tin: tin, store: store, batch: batch, in: db) else {
            report(.unknownBatch(batch: batch, store: store), at: path)
            return nil
        }
        return row
    }

    private mutating func correct(_ line: UFormProduct, at path: String) throws {
        guard line.productId != nil else { return try add(line, to: store) }
        guard let row = try existing(line, at: path), let quantity = line.quantity else { return }
        guard quantity >= row.reserveQuantity else {
            return errors.append(SandboxWireError(
                property: path + ".quantity", errorCode: "VS-BELOW-RESERVE",
                text: "Количество партии \(row.productId) не может быть меньше зарезервированного СНТ: \(row.reserveQuantity.wireText)"))
        }
        try BalanceLedger.setQuantity(of: row.balanceId, to: quantity, in: db)
    }

    private mutating func report(_ failure: LedgerFailure, at path: String) {
        switch failure {
        case let .unknownBatch(batch, store):
            errors.append(SandboxWireError(property: path + ".productId", errorCode: SandboxSntRules.batchUnknown.id,
                                           text: SandboxSntRules.batchUnknown.message.text(in: .russian, [String(batch), String(store)])))
        case let .insufficient(batch, available, requested):
            errors.append(SandboxWireError(
                property: path + ".quantity", errorCode: SandboxSntRules.batchInsufficient.id,
                text: SandboxSntRules.batchInsufficient.message.text(in: .russian, [String(batch), available.wireText, requested.wireText])))
        }
    }

    /// A new batch's data from a form line.
    static func goods(of line: UFormProduct) -> BatchGoods {
        let parts = line.gsvsCode?.parts
        let price = line.price ?? line.sum.flatMap { sum in line.quantity.map { $0 > 0 ? sum / $0 : 0 } } ?? 0
        return BatchGoods(name: line.name ?? "", kpvedCode: parts?.kpved.rawValue ?? "",
                          tnvedCode: line.tnvedCode?.rawValue ?? parts?.tnved.rawValue ?? "", gtinCode: parts?.gtin?.rawValue,
                          measureUnitCode: line.measureUnitCode?.rawValue ?? "", unitPrice: price,
                          manufactureOrImportDocNumber: line.manufactureOrImportDocNumber,
                          productNumberInImportDoc: line.productNumberInImportDoc,
                          productNameInImportDoc: line.productNameInImportDoc, physicalLabel: line.physicalLabel,
                          pinCode: line.pinCode, spiritPercent: line.spiritPercent, canExport: line.canExport,
                          dutyType: line.dutyType?.rawValue, countryCode: line.manufactureOrImportCountry?.rawValue ?? "KZ")
    }
}
