import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The two line tables of a form: `sources` are the inputs of production and detailing
/// (`sourceProducts`), `products` everything else.
public enum FormLineSide: String, CaseIterable, Sendable {
    case sources, products

    /// The element path of the side's lines in the form's body (`UFormValidator` paths).
    var path: String { self == .sources ? "sourceProducts/sourceProduct" : "products/product" }
}

/// A field of the form's header the editor shows a row for.
public enum FormHeaderField: Hashable, Sendable {
    case number, date, sender, recipient, writeOffReason
    /// A fact the write-off rests on, asked for by its reason (`WriteOffReason.requiredDetails`).
    case detail(WriteOffDetail)
    case detailingType, comment

    static let fixed: [FormHeaderField] = [.number, .date, .sender, .recipient, .writeOffReason, .detailingType, .comment]

    /// The widget name's stem and the body path of problems about the field (`UFormValidator`).
    var key: String {
        switch self {
        case .number: "number"
        case .date: "date"
        case .sender: "sender"
        case .recipient: "recipient"
        case .writeOffReason: "writeOffReason"
        case let .detail(detail): "writeOffDetails/" + detail.rawValue
        case .detailingType: "detailingType"
        case .comment: "comment"
        }
    }

    /// The field a problem's path names, if any.
    static func named(by path: String) -> FormHeaderField? {
        if path.hasPrefix("writeOffDetails/") {
            return WriteOffDetail(rawValue: String(path.dropFirst("writeOffDetails/".count))).map(FormHeaderField.detail)
        }
        let stem = path.split(separator: "/").first.map(String.init) ?? path
        return fixed.first { $0.key == stem }
    }
}

/// One thing to fix on a form: at a header field, at a line's column, or about the whole form.
public struct FormProblem: Hashable, Sendable {
    public enum Place: Hashable, Sendable {
        case header(FormHeaderField)
        /// 0-based line of a side; `column` is the element name (`quantity`, `tnvedCode`…).
        case line(FormLineSide, Int, column: String)
        case form
    }

    public let place: Place
    public let message: String
    public let severity: Severity

    /// Where the list says the problem is: `Goods written off, line 2` or the field's name.
    public func location(kind: UFormType?) -> String {
        switch place {
        case let .header(field): FormEditorModel.title(of: field)
        case let .line(side, index, _): tr("%1$@, line %2$@", FormWords.linesTitle(of: kind, side: side), index + 1)
        case .form: tr("Form")
        }
    }
}

/// The form being edited, its warehouses, the batches its lines take from and its problems,
/// with no widgets: the window shows it and hands it the user's input; tests drive it directly.
/// Every edit is checked at once and saved shortly after (`save`), so no edit lives only on screen.
@MainActor
public final class FormEditorModel {
    public private(set) var form: UForm
    /// The company's warehouses, active ones first.
    public let warehouses: [StoredWarehouse]
    public private(set) var problems: [FormProblem] = []
    public private(set) var saveState: EditorSaveState = .unchanged
    /// Called after every change the view must show.
    public var onChange: ((Change) -> Void)?

    public enum Change: Equatable {
        /// Header fields changed from outside the field being typed in.
        case header
        /// Lines were added or removed on a side.
        case lines(FormLineSide)
        /// A line's content changed (a picked batch): only that line is redrawn.
        case line(FormLineSide, Int)
        case problems
        case saveState
    }

    public let formId: Int64
    let company: OwnCompany
    private let database: QoimaDatabase
    private let store: UFormStore
    private let autosaveDelay: Duration
    private var inputProblems: [FormProblem.Place: String] = [:]
    /// The batches of the sender's warehouse by batch id, read once per warehouse.
    private var batches: [Int64: StoredBalance] = [:]
    private var batchesOfStore: Int64?
    private var saving: Task<Void, Never>?
    private var edits = 0
    private var savedEdit = 0
    private let checkContext: UFormCheckContext
    /// The balances of the form's warehouses the preview starts from, read again when they change.
    private var previewBalances: [BalanceBatch] = []
    private var previewStores: Set<Int64>?
    /// The last check's problems as the store keeps them.
    private var checked: [UFormProblem] = []
    /// The balances after the form, batch by batch.
    public private(set) var preview: [UFormBalancePreview.Row] = []

    /// Opens form `formId` for editing; throws `FormEditorError` when it is missing, or no
    /// longer a draft (sent, processed) unless `showingSent` lets it open read-only.
    public init(formId: Int64, database: QoimaDatabase, company: OwnCompany, today: CalendarDate,
                autosaveDelay: Duration = .seconds(1), showingSent: Bool = false) throws {
        store = UFormStore(database: database)
        guard let stored = try store.form(id: formId) else { throw FormEditorError.missing(formId) }
        guard stored.isEditable || showingSent else { throw FormEditorError.notEditable(formId, stored.status) }
        isReadOnly = !stored.isEditable
        status = stored.status
        registrationNumber = stored.exchange.registrationNumber
        self.formId = formId
        form = stored.form
        self.database = database
        self.company = company
        self.autosaveDelay = autosaveDelay
        // Today, the company's BIN and warehouses: what the complete check compares the form with.
        checkContext = (try? store.checkContext(companyId: company.id, today: today))
            ?? UFormCheckContext(today: today, companyTin: TaxpayerNumber(company.bin), warehouses: [])
        let all = (try? WarehouseStore(database: database).warehouses(companyId: company.id)) ?? []
        warehouses = all.filter(\.isActive) + all.filter { !$0.isActive }
        esfProblems = stored.exchange.errors.map { error in
            FormProblem(place: error.field.map(Self.place(of:)) ?? .form, message: error.text, severity: .error)
        }
        recheck()
    }

    /// IS ESF's errors from the last send (a failed form), until the form is edited.
    private var esfProblems: [FormProblem]
    /// Sent or processed: shown as it was sent, never saved again.
    public let isReadOnly: Bool
    /// The status when opened, and IS ESF's number once it has one.
    public let status: UFormStatus
    public let registrationNumber: String?

    public var kind: UFormType? { form.type }

    public func lines(_ side: FormLineSide) -> [UFormProduct] {
        side == .sources ? form.sourceProducts : form.products
    }

    /// The sides the kind has, in the order they are shown.
    public var sides: [FormLineSide] { kind?.hasSources == true ? [.sources, .products] : [.products] }

    /// Whether the side's lines take goods out of batches in stock (so they are picked from the
    /// sender's balances and cannot exceed what is available).
    public func takesFromStock(_ side: FormLineSide) -> Bool {
        switch kind {
        case .writeOff, .movement: true
        case .manufacture, .detailing: side == .sources
        default: false
        }
    }

    /// Whether lines of the side may be typed in by hand (new batches).
    public func allowsFreeEntry(_ side: FormLineSide) -> Bool { !takesFromStock(side) }

    /// Whether the side may start a line from a batch in stock (a correction names its batch,
    /// a detailing output often starts from its input).
    public func picksFromStock(_ side: FormLineSide) -> Bool {
        takesFromStock(side) || (kind == .balanceCorrection) || (kind == .detailing && side == .products)
    }

    /// The header fields the kind has.
    public var headerFields: [FormHeaderField] {
        var fields: [FormHeaderField] = [.number, .date, .sender]
        switch kind {
        case .movement: fields.append(.recipient)
        case .writeOff:
            fields.append(.writeOffReason)
            if let reason = form.writeOffReason {
                fields += (reason.requiredDetails + reason.optionalDetails).map(FormHeaderField.detail)
            }
        case .detailing: fields.append(.detailingType)
        default: break
        }
        fields.append(.comment)
        return fields
    }

    nonisolated static func title(of field: FormHeaderField) -> String {
        switch field {
        case .number: tr("Number")
        case .date: tr("Date")
        case .sender: tr("Warehouse")
        case .recipient: tr("Receiving warehouse")
        case .writeOffReason: tr("Reason for the write-off")
        case .detailingType: tr("Kind of detailing")
        case .comment: tr("Comment")
        case let .detail(detail): FormWords.title(of: detail)
        }
    }

    // MARK: Header

    public func setNumber(_ text: String) {
        guard text != form.number else { return }
        form.number = text
        edited()
    }

    /// Takes `dd.MM.yyyy`; anything else is said at the field and the date left empty.
    public func setDate(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let date = CalendarDate(ddMMyyyy: trimmed)
        inputProblems[.header(.date)] = trimmed.isEmpty || date != nil
            ? nil : tr("“%1$@” is not a date: write it as dd.mm.yyyy.", trimmed)
        form.date = date
        edited()
    }

    public func setComment(_ text: String) {
        form.comment = text.isEmpty ? nil : text
        edited()
    }

    /// The sender's warehouse; lines picked from the former warehouse no longer name its batches.
    public func setSender(storeId: Int64?) {
        guard storeId != form.sender?.storeId else { return }
        form.sender = storeId.flatMap(warehouse(id:)).map(party)
        edited()
    }

    public func setRecipient(storeId: Int64?) {
        guard storeId != form.recipient?.storeId else { return }
        form.recipient = storeId.flatMap(warehouse(id:)).map(party)
        edited()
    }

    public func setWriteOffReason(_ reason: WriteOffReason?) {
        guard reason != form.writeOffReason else { return }
        form.writeOffReason = reason
        edited()
        onChange?(.header)
    }

    /// A fact the write-off rests on; dates are written dd.mm.yyyy, as the form shows them.
    public func setDetail(_ detail: WriteOffDetail, _ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed != form.writeOffDetails[detail] ?? "" else { return }
        form.writeOffDetails[detail] = trimmed.isEmpty ? nil : trimmed
        edited()
    }

    /// Whether the reason needs the detail (the others are asked for, not required).
    public func requires(_ detail: WriteOffDetail) -> Bool {
        form.writeOffReason?.requiredDetails.contains(detail) ?? false
    }

    public func setDetailingType(_ type: DetailingType?) {
        guard type != form.detailingType else { return }
        form.detailingType = type
        edited()
    }

    public func warehouse(id: Int64) -> StoredWarehouse? { warehouses.first { $0.storeId == id } }

    private func party(_ warehouse: StoredWarehouse) -> UFormParty {
        UFormParty(name: company.nameRu.isEmpty ? company.nameKk : company.nameRu, storeId: warehouse.storeId,
                   storeName: warehouse.name, tin: TaxpayerNumber(company.bin))
    }

    // MARK: Lines

    /// Batches of the sender's warehouse matching `text`: by name, TN VED or GTIN, and by batch
    /// id when it is a number; batches with something available first.
    public func searchBatches(_ text: String) -> [StoredBalance] {
        guard let store = form.sender?.storeId else { return [] }
        let needle = text.trimmingCharacters(in: .whitespaces)
        var found = (try? BalanceStore(database: database).search(companyId: company.id, storeId: store, text: needle)) ?? []
        if let id = Int64(needle), let batch = batchesOfSender()[id], !found.contains(batch) { found.insert(batch, at: 0) }
        return found
    }

    /// The balance row of batch `id` in the sender's warehouse, as last synced.
    public func batch(_ id: Int64?) -> StoredBalance? { id.flatMap { batchesOfSender()[$0] } }

    /// Adds a line for `batch` (or fills line `index`), with its goods, price and unit, and a
    /// quantity of one (or all that is available when less). Returns the line's index.
    @discardableResult
    public func pickBatch(_ batch: StoredBalance, side: FormLineSide, into index: Int? = nil) -> Int {
        let existing = index.flatMap { lines(side).indices.contains($0) ? lines(side)[$0] : nil }
        let quantity = existing?.quantity
            ?? (kind == .balanceCorrection ? batch.quantity : batch.available > 0 ? min(1, batch.available) : 1)
        var line = UFormProduct(taking: quantity, from: batch)
        line.manufactureOrImportDocNumber = batch.details["manufactureOrImportDocNumber"]
        line.productNumberInImportDoc = batch.details["productNumberInImportDoc"]
        line.productNameInImportDoc = batch.details["productNameInImportDoc"]
        line.physicalLabel = batch.details["physicalLabel"]
        line.pinCode = batch.details["pinCode"]
        line.spiritPercent = batch.details["spiritPercent"].flatMap { Decimal(string: $0) }
        line.canExport = batch.details["canExport"].map { $0 == "true" }
        line.dutyType = batch.details["dutyType"].flatMap(DutyType.init(rawValue:))
        line.manufactureOrImportCountry = batch.details["countryCode"].map(CountryCode.init)
        if !picksFromStockKeepsBatch(side) { line.productId = nil }
        let at: Int
        if let index, lines(side).indices.contains(index) {
            update(side) { $0[index] = line }
            at = index
        } else {
            update(side) { $0.append(line) }
            at = lines(side).count - 1
        }
        recomputeSum(side, at)
        edited()
        onChange?(.lines(side))
        return at
    }

    /// A detailing output started from a batch becomes a new batch: it does not name the old one.
    private func picksFromStockKeepsBatch(_ side: FormLineSide) -> Bool {
        !(kind == .detailing && side == .products)
    }

    /// Adds an empty line to be filled by hand; returns its index.
    @discardableResult
    public func addLine(_ side: FormLineSide) -> Int {
        update(side) { $0.append(UFormProduct()) }
        edited()
        onChange?(.lines(side))
        return lines(side).count - 1
    }

    public func removeLine(_ side: FormLineSide, at index: Int) {
        guard lines(side).indices.contains(index) else { return }
        update(side) { $0.remove(at: index) }
        // Input problems of later lines would point at the wrong ones.
        inputProblems = inputProblems.filter { place, _ in
            if case let .line(s, _, _) = place, s == side { return false }
            return true
        }
        edited()
        onChange?(.lines(side))
    }

    /// The columns of a line typed in by hand, in the order the editor shows them.
    public static let lineColumns: [FormLineColumn] = FormLineColumn.allCases

    /// Applies text typed into a column of line `index`.
    public func setText(_ text: String, column: FormLineColumn, side: FormLineSide, line index: Int) {
        guard lines(side).indices.contains(index) else { return }
        var line = lines(side)[index]
        let place = FormProblem.Place.line(side, index, column: column.element)
        do {
            try column.set(&line, text)
            inputProblems[place] = nil
        } catch let error as FormInputError {
            inputProblems[place] = error.message
        } catch {
            inputProblems[place] = String(describing: error)
        }
        update(side) { $0[index] = line }
        if column == .quantity || column == .price { recomputeSum(side, index) }
        edited()
    }

    private func recomputeSum(_ side: FormLineSide, _ index: Int) {
        var line = lines(side)[index]
        if let price = line.price, let quantity = line.quantity {
            var exact = price * quantity, rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 2, .plain)
            line.sum = rounded
        } else {
            line.sum = nil
        }
        update(side) { $0[index] = line }
    }

    private func update(_ side: FormLineSide, _ change: (inout [UFormProduct]) -> Void) {
        if side == .sources { change(&form.sourceProducts) } else { change(&form.products) }
    }

    // MARK: Checking and saving

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    /// Checks now: the input that could not be read, then the form's rules, then the quantities
    /// against what the batches have available.
    public func recheck() {
        guard !isReadOnly else {
            // As IS ESF has it: its balances already tell what it did; only its own errors are news.
            preview = []
            problems = esfProblems
            onChange?(.problems)
            return
        }
        form.computeTotals()
        let stores = Set([form.sender?.storeId, form.recipient?.storeId].compactMap { $0 })
        if stores != previewStores {
            previewStores = stores
            previewBalances = (try? store.balances(for: form, companyId: company.id)) ?? []
        }
        let balancePreview = UFormBalancePreview(form, balances: previewBalances)
        preview = balancePreview.rows
        checked = UFormValidator.check(form, context: checkContext) + balancePreview.problems
        let language = DeskExchange.language
        var found = inputProblems.map { FormProblem(place: $0.key, message: $0.value, severity: .error) }
        for problem in checked {
            let place = Self.place(of: problem.path)
            // What could not be read is said once, as the input problem.
            if inputProblems[place] != nil { continue }
            found.append(FormProblem(place: place, message: problem.message(in: language), severity: problem.severity))
        }
        found += esfProblems
        problems = found.sorted { Self.order($0.place) < Self.order($1.place) }
        onChange?(.problems)
    }

    /// Maps a body path (`products/product[2]/quantity`) to where the editor shows it.
    static func place(of path: String) -> FormProblem.Place {
        for side in FormLineSide.allCases where path.hasPrefix(side.path + "[") {
            let rest = path.dropFirst(side.path.count + 1)
            guard let close = rest.firstIndex(of: "]"), let number = Int(rest[..<close]) else { break }
            let column = rest[close...].dropFirst(2)
            return .line(side, number - 1, column: String(column))
        }
        if path == "products" || path == "sourceProducts" { return .form }
        return FormHeaderField.named(by: path).map(FormProblem.Place.header) ?? .form
    }

    private static func order(_ place: FormProblem.Place) -> Int {
        switch place {
        case let .header(field): FormHeaderField.fixed.firstIndex(of: field) ?? FormHeaderField.fixed.count
        case .form: 100
        case let .line(side, index, _): (side == .sources ? 1_000 : 1_000_000) + index
        }
    }

    /// The problems at one line.
    public func problems(side: FormLineSide, line index: Int) -> [FormProblem] {
        problems.filter {
            if case let .line(s, i, _) = $0.place { return s == side && i == index }
            return false
        }
    }

    private func edited() {
        esfProblems = []
        recheck()
        edits += 1
        let edit = edits
        saving?.cancel()
        saving = Task { @MainActor [weak self, autosaveDelay] in
            try? await Task.sleep(for: autosaveDelay)
            guard let self, !Task.isCancelled, edit == self.edits else { return }
            self.saveNow()
        }
    }

    /// Writes the form now (the editor closes, or it is about to be sent).
    public func flush() {
        saving?.cancel()
        saving = nil
        if case .saved = saveState, !hasUnsaved { return }
        if hasUnsaved { saveNow() }
    }

    private var hasUnsaved: Bool { savedEdit != edits }

    private func saveNow() {
        guard !isReadOnly else { return }
        let edit = edits
        do {
            try store.save(id: formId, form, problems: checked)
            savedEdit = edit
            saveState = .saved(at: Date())
        } catch {
            saveState = .failed(String(describing: error))
        }
        onChange?(.saveState)
    }

    private func batchesOfSender() -> [Int64: StoredBalance] {
        let store = form.sender?.storeId
        if store != batchesOfStore {
            batchesOfStore = store
            let rows = store.map { (try? BalanceStore(database: database).balances(companyId: company.id, storeId: $0)) ?? [] } ?? []
            batches = Dictionary(rows.compactMap { row in row.batch.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        }
        return batches
    }
}

extension StoredWarehouse {
    /// IS ESF's `VALID`: the warehouse can take part in documents.
    var isActive: Bool { status == "VALID" || status.isEmpty }
}

/// Why a form cannot be opened for editing.
public enum FormEditorError: Error, Equatable, CustomStringConvertible {
    case missing(Int64)
    /// Sent or processed: it is shown, not edited.
    case notEditable(Int64, UFormStatus)

    public var description: String {
        switch self {
        case let .missing(id): tr("Form %1$@ is no longer in the database.", id)
        case let .notEditable(_, status): tr("The form can no longer be edited: it is %1$@.", FormStatusBadge.text(of: status))
        }
    }
}
