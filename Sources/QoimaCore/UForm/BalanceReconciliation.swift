import Foundation

/// What a document does to one batch: its quantity and reserve change. A nil batch is a new one
/// that IS ESF numbers (opening balances, production's outputs, goods received).
public struct BalanceEffect: Hashable, Sendable, Codable {
    public var storeId: Int64
    public var batch: Int64?
    public var name: String
    public var measureUnitCode: String?
    public var quantity: Decimal
    public var reserved: Decimal

    public init(storeId: Int64, batch: Int64?, name: String, measureUnitCode: String? = nil, quantity: Decimal = 0,
                reserved: Decimal = 0) {
        self.storeId = storeId
        self.batch = batch
        self.name = name
        self.measureUnitCode = measureUnitCode
        self.quantity = quantity
        self.reserved = reserved
    }
}

/// A document that may have moved goods since the balances were last synced: a form or an SNT,
/// with what Qoima expected of it and what it did given the status IS ESF now reports.
public struct ReconciledDocument: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case form, outgoingSnt, incomingSnt
    }

    public var kind: Kind
    public var localId: Int64?
    public var number: String
    public var registrationNumber: String?
    /// The status IS ESF reports now (a `UFormStatus` or `SntStatus` raw value).
    public var status: String
    /// Made outside Qoima (the portal, another program): Qoima expected nothing of it.
    public var madeElsewhere: Bool
    /// IS ESF's reason for a cancellation or failure.
    public var reason: String?
    public var expected: [BalanceEffect]
    public var actual: [BalanceEffect]

    public init(kind: Kind, localId: Int64?, number: String, registrationNumber: String? = nil, status: String,
                madeElsewhere: Bool = false, reason: String? = nil, expected: [BalanceEffect], actual: [BalanceEffect]) {
        self.kind = kind
        self.localId = localId
        self.number = number
        self.registrationNumber = registrationNumber
        self.status = status
        self.madeElsewhere = madeElsewhere
        self.reason = reason
        self.expected = expected
        self.actual = actual
    }
}

/// Why a batch differs from what Qoima expected.
public struct ReconciliationCause: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case formFailed, formCancelled, formPending, formMadeElsewhere
        case sntConfirmed, sntDeclined, sntRevoked, sntCancelled, sntFailed, sntPending
        case incomingSntConfirmed
        /// No document Qoima knows explains it: a movement nobody in Qoima made.
        case unexplained
    }

    public var kind: Kind
    public var documentKind: ReconciledDocument.Kind?
    public var localId: Int64?
    public var documentNumber: String?
    public var registrationNumber: String?
    public var status: String?
    public var reason: String?
    /// How much of the quantity difference it accounts for (reported − expected).
    public var quantity: Decimal
    /// How much of the reserve difference it accounts for.
    public var reserved: Decimal

    public init(kind: Kind, documentKind: ReconciledDocument.Kind? = nil, localId: Int64? = nil,
                documentNumber: String? = nil, registrationNumber: String? = nil, status: String? = nil,
                reason: String? = nil, quantity: Decimal, reserved: Decimal = 0) {
        self.kind = kind
        self.documentKind = documentKind
        self.localId = localId
        self.documentNumber = documentNumber
        self.registrationNumber = registrationNumber
        self.status = status
        self.reason = reason
        self.quantity = quantity
        self.reserved = reserved
    }

    /// The cause in words.
    public var text: LocalizedText {
        let number = documentNumber ?? ""
        let because = reason.map { LocalizedText(kk: ": " + $0, ru: ": " + $0, en: ": " + $0) }
            ?? LocalizedText(kk: "", ru: "", en: "")
        let template: LocalizedText = switch kind {
        case .formFailed: LocalizedText(kk: "№%1$@ форма өңделмеді (қате)%2$@", ru: "форма № %1$@ не обработана (ошибка)%2$@",
                                        en: "form %1$@ failed%2$@")
        case .formCancelled: LocalizedText(kk: "№%1$@ форманың күші жойылды%2$@", ru: "форма № %1$@ аннулирована%2$@",
                                           en: "form %1$@ was cancelled%2$@")
        case .formPending: LocalizedText(kk: "№%1$@ форма әлі өңделуде", ru: "форма № %1$@ ещё обрабатывается",
                                         en: "form %1$@ is still being processed")
        case .formMadeElsewhere: LocalizedText(kk: "№%1$@ форманы Qoima-дан тыс жасаған (порталда)",
                                               ru: "форма № %1$@ создана вне Qoima (на портале)",
                                               en: "form %1$@ was made outside Qoima (on the portal)")
        case .sntConfirmed: LocalizedText(kk: "%1$@ ТІЖ расталды: тауар жөнелтілді", ru: "СНТ %1$@ подтверждена: товар отгружен",
                                          en: "SNT %1$@ was confirmed: the goods left")
        case .sntDeclined: LocalizedText(kk: "%1$@ ТІЖ қабылданбады: резерв босатылды%2$@",
                                         ru: "СНТ %1$@ отклонена: резерв снят%2$@",
                                         en: "SNT %1$@ was declined: its reserve was released%2$@")
        case .sntRevoked: LocalizedText(kk: "%1$@ ТІЖ кері шақырылды: резерв босатылды%2$@",
                                        ru: "СНТ %1$@ отозвана: резерв снят%2$@",
                                        en: "SNT %1$@ was revoked: its reserve was released%2$@")
        case .sntCancelled: LocalizedText(kk: "%1$@ ТІЖ-дің күші жойылды%2$@", ru: "СНТ %1$@ аннулирована%2$@",
                                          en: "SNT %1$@ was cancelled%2$@")
        case .sntFailed: LocalizedText(kk: "%1$@ ТІЖ тіркелмеді%2$@", ru: "СНТ %1$@ не зарегистрирована%2$@",
                                       en: "SNT %1$@ was not registered%2$@")
        case .sntPending: LocalizedText(kk: "%1$@ ТІЖ әлі тіркелген жоқ", ru: "СНТ %1$@ ещё не зарегистрирована",
                                        en: "SNT %1$@ is not registered yet")
        case .incomingSntConfirmed: LocalizedText(kk: "кіріс %1$@ ТІЖ расталды: тауар келді",
                                                  ru: "входящая СНТ %1$@ подтверждена: товар поступил",
                                                  en: "incoming SNT %1$@ was confirmed: the goods arrived")
        case .unexplained: LocalizedText(kk: "Qoima-да ешкім жасамаған қозғалыс", ru: "движение, которого никто не делал в Qoima",
                                         en: "a movement nobody in Qoima made")
        }
        let shown = registrationNumber.map { number.isEmpty ? $0 : number + " (" + $0 + ")" } ?? number
        return LocalizedText(kk: template.kazakh, ru: template.russian, en: template.english,
                             filling: [LocalizedText(kk: shown, ru: shown, en: shown), because])
    }
}

/// One batch whose reported balance differs from the expected one.
public struct BalanceDifference: Hashable, Sendable, Codable {
    public var storeId: Int64
    /// Nil for an expected new batch IS ESF does not report.
    public var batch: Int64?
    public var name: String
    public var measureUnitCode: String?
    public var expectedQuantity: Decimal
    public var reportedQuantity: Decimal
    public var expectedReserved: Decimal
    public var reportedReserved: Decimal
    public var causes: [ReconciliationCause]

    public init(storeId: Int64, batch: Int64?, name: String, measureUnitCode: String?, expectedQuantity: Decimal,
                reportedQuantity: Decimal, expectedReserved: Decimal, reportedReserved: Decimal,
                causes: [ReconciliationCause]) {
        self.storeId = storeId
        self.batch = batch
        self.name = name
        self.measureUnitCode = measureUnitCode
        self.expectedQuantity = expectedQuantity
        self.reportedQuantity = reportedQuantity
        self.expectedReserved = expectedReserved
        self.reportedReserved = reportedReserved
        self.causes = causes
    }

    /// Reported − expected.
    public var quantityDifference: Decimal { reportedQuantity - expectedQuantity }
    public var reservedDifference: Decimal { reportedReserved - expectedReserved }
}

/// The last comparison of what Qoima expected with what IS ESF reports.
public struct BalanceReconciliationReport: Hashable, Sendable, Codable {
    public var ranAt: Date
    /// When the balances compared against were synced (nil: none were).
    public var previousSyncAt: Date?
    public var batchesCompared: Int
    public var documentsConsidered: Int
    public var differences: [BalanceDifference]

    public init(ranAt: Date, previousSyncAt: Date?, batchesCompared: Int, documentsConsidered: Int,
                differences: [BalanceDifference]) {
        self.ranAt = ranAt
        self.previousSyncAt = previousSyncAt
        self.batchesCompared = batchesCompared
        self.documentsConsidered = documentsConsidered
        self.differences = differences
    }
}

/// Compares the balances Qoima expected — those of the previous sync plus what the documents in
/// between were expected to do — with those IS ESF now reports, batch by batch, and explains
/// each difference by the documents that did something else than expected; what no document
/// explains is a movement nobody in Qoima made.
public enum BalanceReconciliation {
    struct Key: Hashable, Comparable {
        var storeId: Int64
        var batch: Int64
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.storeId, lhs.batch) < (rhs.storeId, rhs.batch) }
    }

    public static func compare(before: [BalanceBatch], after: [BalanceBatch], documents: [ReconciledDocument],
                               previousSyncAt: Date?, ranAt: Date) -> BalanceReconciliationReport {
        var expected: [Key: (quantity: Decimal, reserved: Decimal)] = [:]
        var names: [Key: (String, String?)] = [:]
        for batch in before {
            let key = Key(storeId: batch.storeId, batch: batch.batch)
            expected[key] = (batch.quantity, batch.reserved)
            names[key] = (batch.name, batch.measureUnitCode)
        }
        var expectedNew: [(effect: BalanceEffect, document: ReconciledDocument)] = []
        for document in documents {
            for effect in document.expected {
                guard let batch = effect.batch else {
                    expectedNew.append((effect, document))
                    continue
                }
                let key = Key(storeId: effect.storeId, batch: batch)
                let now = expected[key] ?? (0, 0)
                expected[key] = (now.quantity + effect.quantity, now.reserved + effect.reserved)
                if names[key] == nil { names[key] = (effect.name, effect.measureUnitCode) }
            }
        }
        var reported: [Key: (quantity: Decimal, reserved: Decimal)] = [:]
        for batch in after {
            let key = Key(storeId: batch.storeId, batch: batch.batch)
            reported[key] = (batch.quantity, batch.reserved)
            names[key] = (batch.name, batch.measureUnitCode)
        }
        // New batches Qoima expected are matched with new batches IS ESF reports: same warehouse,
        // name and quantity.
        var unmatchedReported = Set(reported.keys.filter { expected[$0] == nil })
        var unmatchedExpected: [(effect: BalanceEffect, document: ReconciledDocument)] = []
        for item in expectedNew {
            let match = unmatchedReported.sorted().first { key in
                key.storeId == item.effect.storeId && reported[key]?.quantity == item.effect.quantity
                    && names[key]?.0 == item.effect.name
            }
            if let match {
                unmatchedReported.remove(match)
                expected[match] = (item.effect.quantity, item.effect.reserved)
            } else {
                unmatchedExpected.append(item)
            }
        }

        var differences: [BalanceDifference] = []
        for key in Set(expected.keys).union(reported.keys).sorted() {
            let want = expected[key] ?? (0, 0)
            let have = reported[key] ?? (0, 0)
            guard want.quantity != have.quantity || want.reserved != have.reserved else { continue }
            let isNew = unmatchedReported.contains(key)
            let causes = explain(key: key, isNewBatch: isNew, name: names[key]?.0, quantity: have.quantity - want.quantity,
                                 reserved: have.reserved - want.reserved, documents: documents)
            differences.append(BalanceDifference(
                storeId: key.storeId, batch: key.batch, name: names[key]?.0 ?? "", measureUnitCode: names[key]?.1,
                expectedQuantity: want.quantity, reportedQuantity: have.quantity, expectedReserved: want.reserved,
                reportedReserved: have.reserved, causes: causes))
        }
        for (effect, document) in unmatchedExpected {
            let cause = ReconciliationCause(document, quantity: -effect.quantity, reserved: -effect.reserved)
            differences.append(BalanceDifference(
                storeId: effect.storeId, batch: nil, name: effect.name, measureUnitCode: effect.measureUnitCode,
                expectedQuantity: effect.quantity, reportedQuantity: 0, expectedReserved: effect.reserved,
                reportedReserved: 0, causes: [cause]))
        }
        return BalanceReconciliationReport(ranAt: ranAt, previousSyncAt: previousSyncAt,
                                           batchesCompared: Set(expected.keys).union(reported.keys).count,
                                           documentsConsidered: documents.count, differences: differences)
    }

    /// The documents that did something else at `key` than expected, then what is left over.
    static func explain(key: Key, isNewBatch: Bool, name: String?, quantity: Decimal, reserved: Decimal,
                        documents: [ReconciledDocument]) -> [ReconciliationCause] {
        var causes: [ReconciliationCause] = []
        var leftQuantity = quantity
        var leftReserved = reserved
        for document in documents {
            func sum(_ effects: [BalanceEffect]) -> (Decimal, Decimal) {
                effects.filter { $0.storeId == key.storeId && $0.batch == key.batch }
                    .reduce((0, 0)) { ($0.0 + $1.quantity, $0.1 + $1.reserved) }
            }
            let actual = sum(document.actual)
            var actualQuantity = actual.0
            let actualReserved = actual.1
            let (expectedQuantity, expectedReserved) = sum(document.expected)
            if isNewBatch {
                // A batch IS ESF numbered: a document that made new goods of that name and quantity there.
                let made = document.actual.filter { $0.batch == nil && $0.storeId == key.storeId }
                    .filter { $0.quantity == leftQuantity && (name == nil || $0.name == name) }
                actualQuantity += made.first?.quantity ?? 0
            }
            let deltaQuantity = actualQuantity - expectedQuantity
            let deltaReserved = actualReserved - expectedReserved
            guard deltaQuantity != 0 || deltaReserved != 0 else { continue }
            causes.append(ReconciliationCause(document, quantity: deltaQuantity, reserved: deltaReserved))
            leftQuantity -= deltaQuantity
            leftReserved -= deltaReserved
        }
        if leftQuantity != 0 || leftReserved != 0 {
            causes.append(ReconciliationCause(kind: .unexplained, quantity: leftQuantity, reserved: leftReserved))
        }
        return causes
    }
}

extension ReconciliationCause {
    /// The cause a document is, by its kind and the status IS ESF reports.
    init(_ document: ReconciledDocument, quantity: Decimal, reserved: Decimal) {
        let kind: Kind
        switch document.kind {
        case .form:
            kind = switch UFormStatus(rawValue: document.status) {
            case .failed?: .formFailed
            case .canceled?: .formCancelled
            case .processed?: .formMadeElsewhere
            default: .formPending
            }
        case .outgoingSnt:
            kind = switch SntStatus(rawValue: document.status) {
            case .confirmed?, .confirmedByOgd?: .sntConfirmed
            case .declined?, .declinedByOgd?: .sntDeclined
            case .revoked?: .sntRevoked
            case .canceled?: .sntCancelled
            case .failed?: .sntFailed
            default: .sntPending
            }
        case .incomingSnt:
            kind = .incomingSntConfirmed
        }
        self.init(kind: kind, documentKind: document.kind, localId: document.localId, documentNumber: document.number,
                  registrationNumber: document.registrationNumber, status: document.status, reason: document.reason,
                  quantity: quantity, reserved: reserved)
    }
}
