import Foundation
import QoimaCore
import QoimaStore

/// One thing to fix, wherever it came from: Qoima's checks, text the SNT cannot hold, or IS ESF.
public struct EditorProblem: Hashable, Sendable {
    public enum Source: Hashable, Sendable { case check, input, esf }

    /// The form's field number, e.g. `B13` or `G1.6`.
    public let fieldCode: String
    /// 1-based goods line, for line fields.
    public let line: Int?
    public let message: String
    public let severity: Severity
    public let source: Source

    /// `C22`, or `G1.6[3]`.
    public var location: String { line.map { "\(fieldCode)[\($0)]" } ?? fieldCode }
}

/// What the "Saved" indicator says.
public enum EditorSaveState: Equatable, Sendable {
    /// Nothing edited since the editor opened.
    case unchanged
    case saving
    case saved(at: Date)
    /// The last save failed; the edit is kept and tried again.
    case failed(String)
}

/// What the scanner did with a code.
public enum ScanOutcome: Equatable, Sendable {
    /// A new line (1-based) for the batch with that GTIN.
    case added(line: Int)
    /// The line that already had the GTIN, with its new quantity.
    case incremented(line: Int, quantity: Decimal)
    case noBatch(gtin: String)
    case noWarehouse
    case notAGtin(String)
}

/// The SNT being edited, its problems, totals and save state, with no widgets: the window shows
/// it and sends it the user's text; tests drive it directly. Every edit is checked (debounced,
/// off the main thread) and handed to the autosaver, so no edit is ever only on screen.
@MainActor
public final class SntEditorModel {
    public let draftId: Int64
    public let company: OwnCompany
    public private(set) var snt: Snt
    public private(set) var saveState: EditorSaveState = .unchanged
    /// Problems in form order: input first at each field, then checks, then IS ESF's.
    public private(set) var problems: [EditorProblem] = []
    /// Set once the document left the desk (sent): it is then shown, not edited.
    public private(set) var registration: (status: SntStatus, number: String?)?

    /// Called after every change the view must show.
    public var onChange: ((Change) -> Void)?

    public enum Change: Equatable {
        /// Fields changed from outside the field being typed in (a picked counterparty, a reload).
        case fields
        /// Goods lines changed: all of them (`nil`) or one.
        case lines(Int?)
        case problems
        case saveState
        case registration
    }

    public var totals: GoodsTotals { snt.goods?.totals ?? GoodsTotals() }
    public var lines: [GoodsLine] { snt.goods?.lines ?? [] }
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    let database: QoimaDatabase
    let factory: SntDraftFactory
    private let autosaver: DraftAutosaver
    private let checkDelay: Double
    private let language: Language
    private var context: SntCheckContext
    private var checkProblems: [SntProblem] = []
    private var inputProblems: [String: EditorProblem] = [:]
    private var esfProblems: [EditorProblem] = []
    private var checkGeneration = 0
    private var checking: Task<Void, Never>?
    private var lastEdit = 0
    private var rememberedCustomer: SntParty?

    /// Opens draft `draftId`; throws `SntEditorError` when it is missing or not a draft.
    public init(database: QoimaDatabase, company: OwnCompany, draftId: Int64, today: CalendarDate,
                autosaveDelay: Double = 1, checkDelay: Double = 0.25,
                language: Language = Language.fromEnvironment(ProcessInfo.processInfo.environment)) throws {
        self.database = database
        self.company = company
        self.draftId = draftId
        self.checkDelay = checkDelay
        self.language = language
        factory = SntDraftFactory(database: database, company: company, today: today)
        guard let state = try SntExchangeStore(database: database).exchangeState(id: draftId),
              let stored = try SntDraftStore(database: database).draft(id: draftId) else {
            throw SntEditorError.missing(draftId)
        }
        guard state.status.isEditable else { throw SntEditorError.notDraft(draftId, state.status) }
        snt = stored.snt
        context = try factory.checkContext(for: stored.snt)
        rememberedCustomer = stored.snt.customer
        let reference = ModelReference()
        autosaver = DraftAutosaver(store: SntDraftStore(database: database), draftId: draftId, delay: autosaveDelay) { event in
            // Saves run on the autosaver's queue; what they report is shown on the main actor.
            Task { @MainActor in reference.model?.autosaved(event) }
        }
        reference.model = self
        _ = try? CounterpartyStore(database: database).seedIfEmpty(companyId: company.id)
        esfProblems = Self.esfProblems(state.errors)
        checkProblems = SntValidator(context: context).check(snt)
        publishProblems()
    }

    // MARK: Editing fields

    /// Applies text typed into a field of the form.
    func setText(_ text: String, for binding: SntFieldBinding) {
        guard binding.get(snt) != text || inputProblems[binding.field.code] != nil else { return }
        var edited = snt
        do {
            try binding.set(&edited, text)
            inputProblems[binding.field.code] = nil
        } catch {
            inputProblems[binding.field.code] = EditorProblem(
                fieldCode: binding.field.code, line: nil, message: Self.message(of: error), severity: .error, source: .input)
        }
        let typeChanged = edited.type != snt.type
        commit(edited)
        if typeChanged { context = (try? factory.checkContext(for: snt)) ?? context }
    }

    /// Applies text typed into a column of goods line `index` (0-based).
    func setText(_ text: String, for binding: GoodsLineBinding, line index: Int) {
        guard let set = binding.set, lines.indices.contains(index) else { return }
        let key = Self.inputKey(binding.column, index)
        var line = lines[index]
        do {
            try set(&line, text)
            inputProblems[key] = nil
        } catch {
            inputProblems[key] = EditorProblem(fieldCode: SntField.line(binding.column, in: .g1).code, line: index + 1,
                                               message: Self.message(of: error), severity: .error, source: .input)
        }
        replaceLine(index, with: line)
        onChange?(.lines(index))
    }

    /// Any change to the SNT as a whole (tests, the factory's defaults).
    public func edit(_ change: (inout Snt) -> Void) {
        var edited = snt
        change(&edited)
        commit(edited)
        onChange?(.fields)
        onChange?(.lines(nil))
    }

    // MARK: Goods lines

    /// Adds an empty line (with the VAT rate of the line before, or the standard rate) and
    /// returns its index.
    @discardableResult
    public func addLine(_ line: GoodsLine? = nil) -> Int {
        var lines = self.lines
        var new = line ?? GoodsLine()
        if new.ndsRate == nil { new.ndsRate = defaultVatRate }
        // Balances carry no origin sign (G1.2): the line before is the best guess.
        if new.truOriginCode == nil { new.truOriginCode = lines.last?.truOriginCode }
        lines.append(new)
        setLines(lines)
        onChange?(.lines(nil))
        return lines.count - 1
    }

    public func removeLine(at index: Int) {
        guard lines.indices.contains(index) else { return }
        var lines = self.lines
        lines.remove(at: index)
        shiftLineInputs(removing: index)
        setLines(lines)
        onChange?(.lines(nil))
    }

    /// Moves a line up (-1) or down (+1); returns its new index.
    @discardableResult
    public func moveLine(at index: Int, by offset: Int) -> Int {
        let target = index + offset
        guard lines.indices.contains(index), lines.indices.contains(target) else { return index }
        var lines = self.lines
        lines.swapAt(index, target)
        inputProblems = inputProblems.filter { $0.value.line == nil }
        setLines(lines)
        onChange?(.lines(nil))
        return target
    }

    /// Fills line `index` from a batch of the sender's warehouse: name, TN VED, unit, product id
    /// (`KPVED-TNVED[/GTIN]<batch>`), price and GTIN; quantity 1 when it had none.
    public func pickBatch(_ batch: StoredBalance, forLine index: Int) {
        guard lines.indices.contains(index) else { return }
        replaceLine(index, with: Self.line(lines[index], from: batch))
        onChange?(.lines(index))
    }

    /// The sender's batches matching `text` (name, TN VED or GTIN).
    public func searchBatches(_ text: String, limit: Int = 20) -> [StoredBalance] {
        guard let store = snt.seller.storeId else { return [] }
        return (try? BalanceStore(database: database).search(companyId: company.id, storeId: store, text: text,
                                                              limit: limit)) ?? []
    }

    /// A code from the scanner: one more of the line with that GTIN, or a new line for the
    /// sender's batch with it.
    @discardableResult
    public func scan(_ code: String) -> ScanOutcome {
        let text = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Gtin(text).isValid else { return .notAGtin(text) }
        let wanted = Gtin(text).gtin14
        if let index = lines.firstIndex(where: { $0.gtinCode.map { Gtin($0.rawValue).gtin14 } == wanted }) {
            var line = lines[index]
            line.quantity = (line.quantity ?? 0) + 1
            replaceLine(index, with: line)
            onChange?(.lines(index))
            return .incremented(line: index + 1, quantity: line.quantity!)
        }
        guard let store = snt.seller.storeId else { return .noWarehouse }
        let batches = (try? BalanceStore(database: database).batches(companyId: company.id, storeId: store, gtin: text)) ?? []
        guard let batch = batches.first else { return .noBatch(gtin: text) }
        var line = Self.line(GoodsLine(ndsRate: defaultVatRate), from: batch)
        line.quantity = 1
        line.gtinCode = Gtin(text)
        let index = addLine(line)
        return .added(line: index + 1)
    }

    // MARK: Counterparties

    public func searchCounterparties(_ text: String, limit: Int = 8) -> [Counterparty] {
        (try? CounterpartyStore(database: database).search(companyId: company.id, text: text, limit: limit)) ?? []
    }

    /// Makes `counterparty` the customer; the customer's details, contract, transport and
    /// currency come from the last SNT to them when there is one.
    public func pickCounterparty(_ counterparty: Counterparty) {
        var edited = snt
        edited.customer = counterparty.asCustomer
        if let tin = counterparty.tin, let last = try? factory.lastSnt(toCustomer: tin) {
            edited.customer = last.customer
            edited.contract = last.contract
            edited.carriage = last.carriage
            edited.roadCargo = last.roadCargo
            edited.currencyCode = last.currencyCode
            edited.currencyRate = last.currencyRate
        }
        for field in SntField.customer.all { inputProblems[field.code] = nil }
        commit(edited)
        onChange?(.fields)
    }

    // MARK: Templates

    /// Saves the SNT as it is now as template `name`.
    public func saveAsTemplate(named name: String) throws {
        try SntTemplateStore(database: database).save(companyId: company.id, name: name, snt)
    }

    // MARK: Saving

    /// Writes the pending edit now (closing, sending).
    public func flush() {
        autosaver.flush()
        if !autosaver.hasUnsavedEdits, saveState == .saving {
            saveState = .saved(at: Date())
            onChange?(.saveState)
        }
        rememberCustomer()
    }

    public var hasUnsavedEdits: Bool { autosaver.hasUnsavedEdits }

    /// Re-reads the document's exchange state: its registration once sent, IS ESF's errors.
    public func reloadFromStore() {
        guard let state = try? SntExchangeStore(database: database).exchangeState(id: draftId) else { return }
        esfProblems = Self.esfProblems(state.errors)
        if !state.status.isEditable {
            registration = (state.status, state.registrationNumber)
            onChange?(.registration)
        } else if let stored = try? SntDraftStore(database: database).draft(id: draftId), stored.snt != snt,
                  !autosaver.hasUnsavedEdits {
            snt = stored.snt
            onChange?(.fields)
            onChange?(.lines(nil))
        }
        publishProblems()
    }

    /// Checks now, on this thread (tests, and before sending).
    public func checkNow() {
        checking?.cancel()
        checkGeneration += 1
        checkProblems = SntValidator(context: context).check(snt)
        publishProblems()
    }

    /// Whether the problems shown are those of the SNT as it is now.
    public private(set) var problemsAreCurrent = true

    // MARK: Internals

    private var defaultVatRate: Int {
        lines.last(where: { $0.ndsRate != nil })?.ndsRate
            ?? SntRuleAssumptions.vatRates(on: snt.date ?? factory.today).max() ?? 16
    }

    private func replaceLine(_ index: Int, with line: GoodsLine) {
        var lines = self.lines
        lines[index] = line
        setLines(lines)
    }

    /// Numbers the lines, computes their amounts and the totals, and commits.
    private func setLines(_ lines: [GoodsLine]) {
        let completed = lines.enumerated().map { index, line in
            var line = GoodsLineArithmetic.completed(line)
            line.productNumber = index + 1
            return line
        }
        var edited = snt
        edited.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: completed), lines: completed)
        commit(edited)
    }

    private func commit(_ edited: Snt) {
        snt = edited
        lastEdit = autosaver.edit(snt, problems: checkProblems)
        if saveState != .saving {
            saveState = .saving
            onChange?(.saveState)
        }
        scheduleCheck()
    }

    private func scheduleCheck() {
        checking?.cancel()
        checkGeneration += 1
        problemsAreCurrent = false
        let generation = checkGeneration
        let snapshot = snt
        let validator = SntValidator(context: context)
        let delay = checkDelay
        // Inputs show at once; the checks follow when typing pauses.
        publishProblems()
        checking = Task { @MainActor [weak self] in
            try? await Task.sleep(for: .seconds(delay))
            guard !Task.isCancelled else { return }
            let found = await Task.detached(priority: .userInitiated) { validator.check(snapshot) }.value
            guard let self, generation == self.checkGeneration else { return }
            self.checkProblems = found
            self.problemsAreCurrent = true
            self.publishProblems()
            // The row's problem count follows the check.
            self.lastEdit = self.autosaver.edit(self.snt, problems: found)
        }
    }

    private func publishProblems() {
        let checks = checkProblems.map { problem in
            EditorProblem(fieldCode: problem.field.code, line: problem.lineNumber, message: problem.message(in: language),
                          severity: problem.severity, source: .check)
        }
        let inputs = inputProblems.values.sorted { ($0.fieldCode, $0.line ?? 0) < ($1.fieldCode, $1.line ?? 0) }
        // A field whose text could not be read reports that, not that it is empty.
        let unreadable = Set(inputs.map(\.location))
        let updated = inputs + checks.filter { !unreadable.contains($0.location) } + esfProblems
        if updated != problems {
            problems = updated
            onChange?(.problems)
        }
    }

    private func autosaved(_ event: AutosaveEvent) {
        switch event {
        case let .saved(edit, _):
            guard edit >= lastEdit, !autosaver.hasUnsavedEdits else { return }
            saveState = .saved(at: Date())
            rememberCustomer()
        case let .failed(_, error):
            saveState = .failed(String(describing: error))
        }
        onChange?(.saveState)
    }

    /// Keeps the customer in the address book once an SNT to them is saved.
    private func rememberCustomer() {
        let customer = snt.customer
        guard customer != rememberedCustomer, !customer.name.isEmpty else { return }
        rememberedCustomer = customer
        _ = try? CounterpartyStore(database: database).remember(companyId: company.id, customer)
    }

    private func shiftLineInputs(removing index: Int) {
        var shifted: [String: EditorProblem] = [:]
        for (key, problem) in inputProblems {
            guard let line = problem.line else { shifted[key] = problem; continue }
            if line == index + 1 { continue }
            let newLine = line > index + 1 ? line - 1 : line
            let moved = EditorProblem(fieldCode: problem.fieldCode, line: newLine, message: problem.message,
                                      severity: problem.severity, source: problem.source)
            shifted["\(problem.fieldCode)[\(newLine)]"] = moved
        }
        inputProblems = shifted
    }

    static func inputKey(_ column: GoodsLineField, _ index: Int) -> String {
        "\(SntField.line(column, in: .g1).code)[\(index + 1)]"
    }

    static func message(of error: any Error) -> String {
        (error as? EditorInputError)?.message ?? String(describing: error)
    }

    static func line(_ line: GoodsLine, from batch: StoredBalance) -> GoodsLine {
        var line = line
        line.productName = batch.name
        line.tnvedCode = batch.tnvedCode.map(TnvedCode.init)
        line.measureUnitCode = batch.measureUnitCode.map(MeasureUnitCode.init)
        line.gtinCode = batch.gtin.map(Gtin.init)
        if let price = batch.unitPrice, price > 0 { line.price = price }
        if line.quantity == nil { line.quantity = 1 }
        // Columns 14 and 15 name the document the goods came in by; the balance knows it.
        if line.declarationNumberForSnt == nil { line.declarationNumberForSnt = batch.details["manufactureOrImportDocNumber"] }
        if line.productNumberInDeclaration == nil { line.productNumberInDeclaration = batch.details["productNumberInImportDoc"] }
        if let kpved = batch.kpvedCode, let tnved = batch.tnvedCode, let number = batch.batch {
            line.productId = VirtualProductId(gsvs: GsvsCode(kpved: KpvedCode(kpved), tnved: TnvedCode(tnved),
                                                             gtin: batch.gtin.map(Gtin.init)),
                                              batch: number, pin: batch.details["pinCode"])
        }
        return line
    }

    static func esfProblems(_ errors: [ExchangeError]) -> [EditorProblem] {
        errors.map { error in
            EditorProblem(fieldCode: error.field ?? SntField.document.code, line: error.line,
                          message: [error.code, error.text].compactMap { $0 }.joined(separator: ": "),
                          severity: .error, source: .esf)
        }
    }
}

/// The model as the autosaver's callback reaches it, without keeping it alive.
@MainActor
private final class ModelReference {
    weak var model: SntEditorModel?
}

/// Why the editor did not open.
public enum SntEditorError: Error, Equatable, CustomStringConvertible {
    case missing(Int64)
    /// Registered documents are shown read-only elsewhere; only drafts are edited.
    case notDraft(Int64, SntStatus)

    public var description: String {
        switch self {
        case let .missing(id): "There is no SNT with id \(id)."
        case let .notDraft(id, status):
            "SNT \(id) has status \(status.rawValue): only drafts are edited; a registered SNT opens read-only."
        }
    }
}
