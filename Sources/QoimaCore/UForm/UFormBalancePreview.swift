import Foundation

/// One batch of one warehouse, as the balances before a form show it.
public struct BalanceBatch: Hashable, Sendable {
    public var storeId: Int64
    public var batch: Int64
    public var name: String
    public var measureUnitCode: String?
    public var unitPrice: Decimal?
    public var quantity: Decimal
    /// Held by registered SNTs and forms.
    public var reserved: Decimal

    public init(storeId: Int64, batch: Int64, name: String, measureUnitCode: String? = nil, unitPrice: Decimal? = nil,
                quantity: Decimal, reserved: Decimal = 0) {
        self.storeId = storeId
        self.batch = batch
        self.name = name
        self.measureUnitCode = measureUnitCode
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.reserved = reserved
    }

    public var available: Decimal { quantity - reserved }
}

/// The balances of the warehouses a form concerns as they will be once IS ESF has processed it:
/// per batch before, change and after, the new batches it makes, and a problem for every line
/// that takes more than is available. The effects are those of domain.md §10 as the sandbox
/// models them (U8): opening balances and the outputs of production and detailing become new
/// batches (in the recipient's warehouse when given); write-offs and inputs leave their batch;
/// a movement takes from the sender's batch and puts the same batch in the recipient's
/// warehouse; a correction line naming a batch sets its quantity.
public struct UFormBalancePreview: Hashable, Sendable {
    /// One batch after the form.
    public struct Row: Hashable, Sendable {
        public var storeId: Int64
        /// Nil for a batch the form makes: IS ESF numbers it.
        public var batch: Int64?
        public var name: String
        public var measureUnitCode: String?
        public var before: Decimal
        public var change: Decimal
        public var reserved: Decimal
        /// The lines that touch it: (table, 1-based line).
        public var lines: [UFormLineReference]

        public var after: Decimal { before + change }
        public var availableBefore: Decimal { before - reserved }
        public var availableAfter: Decimal { after - reserved }
        public var isNew: Bool { batch == nil }
    }

    /// By warehouse; in each, the existing batches by number, then the new ones in line order.
    public var rows: [Row]
    public var problems: [UFormProblem]

    /// The preview of `form` over `balances` (those of the warehouses concerned or all; other
    /// warehouses' batches are ignored).
    public init(_ form: UForm, balances: [BalanceBatch]) {
        var ledger = PreviewLedger(balances: balances)
        ledger.apply(form)
        rows = ledger.rows()
        problems = ledger.problems
    }
}

/// A line of a form.
public struct UFormLineReference: Hashable, Sendable {
    public var table: UFormLineTable
    /// 1-based.
    public var line: Int

    public init(table: UFormLineTable, line: Int) {
        self.table = table
        self.line = line
    }
}

/// Applies a form to a copy of the balances, line by line.
private struct PreviewLedger {
    struct Key: Hashable, Comparable {
        var storeId: Int64
        var batch: Int64
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.storeId, lhs.batch) < (rhs.storeId, rhs.batch) }
    }

    var existing: [Key: UFormBalancePreview.Row] = [:]
    var created: [UFormBalancePreview.Row] = []
    var problems: [UFormProblem] = []

    init(balances: [BalanceBatch]) {
        for batch in balances {
            existing[Key(storeId: batch.storeId, batch: batch.batch)] = UFormBalancePreview.Row(
                storeId: batch.storeId, batch: batch.batch, name: batch.name, measureUnitCode: batch.measureUnitCode,
                before: batch.quantity, change: 0, reserved: batch.reserved, lines: [])
        }
    }

    mutating func apply(_ form: UForm) {
        guard let type = form.type, let sender = form.sender?.storeId else { return }
        let products = form.products.enumerated().map { (UFormLineReference(table: .products, line: $0.offset + 1), $0.element) }
        let sources = form.sourceProducts.enumerated().map {
            (UFormLineReference(table: .sourceProducts, line: $0.offset + 1), $0.element)
        }
        switch type {
        case .balance:
            for (reference, line) in products { add(line, to: sender, reference) }
        case .writeOff:
            for (reference, line) in products { take(line, from: sender, reference) }
        case .movement:
            guard let target = form.recipient?.storeId, target != sender else {
                for (reference, line) in products { take(line, from: sender, reference) }
                return
            }
            for (reference, line) in products {
                guard let taken = take(line, from: sender, reference), let quantity = line.quantity else { continue }
                put(taken, quantity, into: target, reference)
            }
        case .manufacture, .detailing:
            for (reference, line) in sources { take(line, from: sender, reference) }
            for (reference, line) in products { add(line, to: form.recipient?.storeId ?? sender, reference) }
        case .balanceCorrection:
            for (reference, line) in products {
                if line.productId == nil { add(line, to: sender, reference) } else { correct(line, in: sender, reference) }
            }
        case .physicalLabel, .reorganization, .importDetailing, .esf, .kkm, .dt, .fno:
            break
        }
    }

    mutating func add(_ line: UFormProduct, to store: Int64, _ reference: UFormLineReference) {
        guard let quantity = line.quantity, quantity > 0 else { return }
        created.append(UFormBalancePreview.Row(storeId: store, batch: nil, name: line.name ?? "",
                                               measureUnitCode: line.measureUnitCode?.rawValue, before: 0,
                                               change: quantity, reserved: 0, lines: [reference]))
    }

    /// Takes the line's quantity from its batch; the batch's row, or nil when there is none.
    @discardableResult
    mutating func take(_ line: UFormProduct, from store: Int64, _ reference: UFormLineReference)
        -> UFormBalancePreview.Row? {
        guard let batch = line.productId, let quantity = line.quantity, quantity > 0 else { return nil }
        let key = Key(storeId: store, batch: batch)
        let at = reference.table.path(line: reference.line)
        guard var row = existing[key] else {
            problems.append(UFormProblem(UFormRules.previewUnknownBatch, path: at + "productId",
                                         [String(reference.line), String(batch), String(store)]))
            return nil
        }
        let available = row.availableAfter
        if quantity > available {
            let unit = row.measureUnitCode ?? line.measureUnitCode?.rawValue
            let line = LocalizedText(kk: String(reference.line), ru: String(reference.line), en: String(reference.line))
            problems.append(UFormProblem(UFormRules.previewInsufficient, path: at + "quantity", localized: [
                line, UnitSymbol.quantity(quantity - available, unit), UnitSymbol.quantity(max(available, 0), unit),
                LocalizedText(kk: String(batch), ru: String(batch), en: String(batch)),
            ]))
        }
        row.change -= quantity
        row.lines.append(reference)
        existing[key] = row
        return row
    }

    mutating func put(_ from: UFormBalancePreview.Row, _ quantity: Decimal, into store: Int64,
                      _ reference: UFormLineReference) {
        guard let batch = from.batch else { return }
        let key = Key(storeId: store, batch: batch)
        var row = existing[key] ?? UFormBalancePreview.Row(storeId: store, batch: batch, name: from.name,
                                                           measureUnitCode: from.measureUnitCode, before: 0, change: 0,
                                                           reserved: 0, lines: [])
        row.change += quantity
        row.lines.append(reference)
        existing[key] = row
    }

    mutating func correct(_ line: UFormProduct, in store: Int64, _ reference: UFormLineReference) {
        guard let batch = line.productId, let quantity = line.quantity else { return }
        let key = Key(storeId: store, batch: batch)
        let at = reference.table.path(line: reference.line)
        guard var row = existing[key] else {
            problems.append(UFormProblem(UFormRules.previewUnknownBatch, path: at + "productId",
                                         [String(reference.line), String(batch), String(store)]))
            return
        }
        if quantity < row.reserved {
            let unit = row.measureUnitCode
            let line = LocalizedText(kk: String(reference.line), ru: String(reference.line), en: String(reference.line))
            problems.append(UFormProblem(UFormRules.previewBelowReserve, path: at + "quantity", localized: [
                line, UnitSymbol.quantity(quantity, unit), UnitSymbol.quantity(row.reserved, unit),
            ]))
        }
        row.change = quantity - row.before
        row.lines.append(reference)
        existing[key] = row
    }

    /// The rows the form touches, existing ones by warehouse and batch, then the new ones.
    func rows() -> [UFormBalancePreview.Row] {
        let touched = existing.filter { !$0.value.lines.isEmpty }.sorted { $0.key < $1.key }.map(\.value)
        let stores = Set(touched.map(\.storeId)).union(created.map(\.storeId)).sorted()
        return stores.flatMap { store in
            touched.filter { $0.storeId == store } + created.filter { $0.storeId == store }
        }
    }
}

extension UFormRules {
    public static let previewInsufficient = UFormRule(
        "UF-BALANCE-INSUFFICIENT",
        kk: "%1$@-жол қолда барынан (%3$@) %2$@ артық алады (%4$@ партиясы).",
        ru: "Строка %1$@ берёт на %2$@ больше, чем есть в наличии: %3$@ (партия %4$@).",
        en: "Line %1$@ takes %2$@ more than the %3$@ available (batch %4$@).")
    public static let previewUnknownBatch = UFormRule(
        "UF-BALANCE-UNKNOWN-BATCH",
        kk: "%1$@-жол: %2$@ партиясы %3$@ қоймасында жоқ (соңғы синхрондау бойынша).",
        ru: "Строка %1$@: партии %2$@ нет на складе %3$@ (по последней синхронизации).",
        en: "Line %1$@: batch %2$@ is not in warehouse %3$@ (as of the last sync).")
    public static let previewBelowReserve = UFormRule(
        "UF-BALANCE-BELOW-RESERVE",
        kk: "%1$@-жол партияның санын %2$@ етіп қояды, бұл ТІЖ брондаған мөлшерден (%3$@) аз.",
        ru: "Строка %1$@ устанавливает партии %2$@ — меньше, чем зарезервировано СНТ: %3$@.",
        en: "Line %1$@ sets the batch to %2$@, below the %3$@ reserved by SNTs.")

    /// The rules of `UFormBalancePreview`.
    public static let previewRules: [UFormRule] = [previewInsufficient, previewUnknownBatch, previewBelowReserve]
}
