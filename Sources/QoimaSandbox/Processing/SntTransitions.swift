import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// The status changes users make (domain.md §4): the receiver views, confirms or declines, the
/// supplier revokes, each only from CREATED, NOT_VIEWED or DELIVERED, and each moves balances
/// (assumed, U7). Refusals come back as per-document errors, as IS ESF returns them in
/// `changeStatusResult`.
enum SntTransitions {
    struct Outcome {
        var row: SntRow?
        var isChanged: Bool
        var errors: [SandboxWireError]

        static func refused(_ row: SntRow?, _ property: String, _ code: String, _ text: String) -> Outcome {
            Outcome(row: row, isChanged: false, errors: [SandboxWireError(property: property, errorCode: code, text: text)])
        }
    }

    /// Who acts, and with what signature over the action body.
    struct Actor {
        let tin: String
        let iin: String
        let signerName: String
        let signature: String
        let signatureType: String
    }

    static let actionable: Set<SntStatus> = [.created, .notViewed, .delivered]

    /// `queryViewSnt`: the receiver opens an SNT, NOT_VIEWED → DELIVERED (assumed, U5).
    static func view(_ sntId: Int64, tin: String, iin: String, in db: Database, now: Date) throws -> Outcome {
        guard let row = try SntRow.find(sntId, in: db), row.isVisible(to: tin) else {
            return .refused(nil, "sntId", SandboxErrorCodes.notFound, "СНТ с идентификатором \(sntId) не найдена")
        }
        guard row.customerTin == tin else {
            return .refused(row, "sntId", SandboxErrorCodes.accessDenied, "Просмотреть СНТ как получатель может только получатель")
        }
        guard row.status == .notViewed else { return Outcome(row: row, isChanged: false, errors: []) }
        try SntHistory.change(sntId, to: .delivered, action: .view, tin: tin, user: iin, in: db, now: now)
        return Outcome(row: try SntRow.find(sntId, in: db), isChanged: true, errors: [])
    }

    /// `changeStatus` with an action read from its signed body.
    static func apply(_ action: SntAction, by actor: Actor, in db: Database, now: Date) throws -> Outcome {
        guard let row = try SntRow.find(action.sntId, in: db), row.isVisible(to: actor.tin) else {
            return .refused(nil, "sntId", SandboxErrorCodes.notFound, "СНТ с идентификатором \(action.sntId) не найдена")
        }
        let isReceiver = action.kind != .revoke
        guard (isReceiver ? row.customerTin : row.sellerTin) == actor.tin else {
            let who = isReceiver ? "получатель" : "поставщик"
            return .refused(row, "actionType", SandboxErrorCodes.accessDenied,
                            "Действие \(action.kind.rawValue) может выполнить только \(who) СНТ")
        }
        let cause = action.cause?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if cause.isEmpty, action.kind != .confirm {
            let code = action.kind == .decline ? SandboxErrorCodes.declineCauseMissing : SandboxErrorCodes.revokeCauseMissing
            return .refused(row, "cause", code, "\(code): не указана причина")
        }
        guard actionable.contains(row.status) else {
            return .refused(row, "actionType", SandboxErrorCodes.statusNotAllowed,
                            "Действие \(action.kind.rawValue) недоступно для СНТ в статусе \(row.status.rawValue)")
        }
        if let original = action.originalDocumentSignature, compact(original) != compact(row.signature) {
            return .refused(row, "originalDocumentSignature", SandboxErrorCodes.originalSignatureMismatch,
                            "Подпись исходного документа не совпадает с подписью СНТ")
        }
        switch action.kind {
        case .confirm:
            try moveGoods(of: row, in: db)
            try recordAcceptance(action, by: actor, on: row, in: db, now: now)
            try SntHistory.change(row.sntId, to: .confirmed, action: .confirm, tin: actor.tin, user: actor.iin, in: db, now: now)
        case .decline:
            try SntReservations.end(for: row.sntId, ship: false, in: db)
            try recordAcceptance(action, by: actor, on: row, in: db, now: now)
            try SntHistory.change(row.sntId, to: .declined, action: .decline, tin: actor.tin, user: actor.iin,
                                  cancelReason: cause, in: db, now: now)
        case .revoke:
            try SntReservations.end(for: row.sntId, ship: false, in: db)
            try SntHistory.change(row.sntId, to: .revoked, action: .revoke, tin: actor.tin, user: actor.iin,
                                  cancelReason: cause, in: db, now: now)
        }
        return Outcome(row: try SntRow.find(row.sntId, in: db), isChanged: true, errors: [])
    }

    /// Confirmation moves the reserved goods: out of the supplier's batches, into new batches in
    /// the receiver's store C 30, or its priority store when C 30 is empty or not one of its own.
    /// Lines that named no batch move nothing; nor does an SNT confirmed before registration.
    private static func moveGoods(of row: SntRow, in db: Database) throws {
        let shipped = try SntReservations.end(for: row.sntId, ship: true, in: db)
        guard !shipped.isEmpty, let receiver = row.customerTin,
              let store = try receivingStore(of: row, receiver: receiver, in: db) else { return }
        for entry in shipped {
            guard let batch = try BalanceRow.find(entry.balanceId, in: db) else { continue }
            var goods = batch.goods
            if let price = entry.price { goods.unitPrice = price }
            try BalanceLedger.addBatch(goods, tin: receiver, store: store, quantity: entry.quantity, in: db)
        }
    }

    private static func receivingStore(of row: SntRow, receiver: String, in db: Database) throws -> Int64? {
        if let named = (try? SntXMLReader.read(row.body))?.snt.customer.storeId,
           let store = try StoreRow.find(named, in: db), store.tin == receiver, store.status == StoreRow.valid {
            return store.id
        }
        return try StoreRow.priority(of: receiver, in: db)?.id
    }

    /// Section M: who accepted or rejected, when, under which power of attorney (M 84–86.3).
    private static func recordAcceptance(_ action: SntAction, by actor: Actor, on row: SntRow, in db: Database,
                                         now: Date) throws {
        let company = try String.fetchOne(db, sql: "SELECT name FROM company WHERE bin = ?", arguments: [actor.tin])
        let isOperator = actor.signatureType == ESFWireValues.operatorSignature
        try db.execute(sql: """
            UPDATE snt SET acceptanceProducer = ?, acceptanceDate = ?, acceptanceName = ?, companySignature = ?,
                operatorSignature = ?, powerOfAttorneyNumber = ?, powerOfAttorneyDate = ?
            WHERE sntId = ?
            """, arguments: [company ?? actor.tin, Int64((now.timeIntervalSince1970 * 1000).rounded(.down)), actor.signerName,
                             isOperator ? nil : actor.signature, isOperator ? actor.signature : nil,
                             action.powerOfAttorneyNumber, action.powerOfAttorneyDate?.ddMMyyyy, row.sntId])
    }

    private static func compact(_ base64: String) -> String { base64.filter { !$0.isWhitespace } }
}
