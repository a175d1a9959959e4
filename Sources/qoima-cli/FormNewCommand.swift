import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore
import QoimaXML

/// `qoima-cli form new`: a draft from a UFormV1 file or from options, with lines taken from the
/// cached balances by batch (`--take 812017:5`) or typed in full for new goods (`--add`).
struct FormNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Store a new form draft, from a UFormV1 file or from options; print its problems.",
        discussion: """
            Lines from stock name a batch of the sending warehouse and a quantity: --take BATCH:QUANTITY for the \
            goods of a write-off, movement or correction, --input BATCH:QUANTITY for what production and \
            detailing use up; their name, codes, unit and price come from the balances as last synced. New \
            goods (opening balances, the outputs of production and detailing) are typed in full: \
            --add "name=Кірпіш;kpved=23.32.11.000;tnved=6904100000;unit=796;price=120;quantity=1000". Sums and \
            totals are computed. Exit status: 0 stored without errors, 1 stored with errors (see them with \
            `form check`), 2 bad input.
            """)

    @OptionGroup var options: FormCompanyOptions

    @Option(help: ArgumentHelp("BALANCE, MANUFACTURE, MOVEMENT, WRITE_OFF, DETAILING or BALANCE_CORRECTION.",
                               valueName: "KIND"))
    var type: String?
    @Option(help: ArgumentHelp("Read the form from this UFormV1 file; other options change it.", valueName: "FILE"))
    var file: String?
    @Option(help: ArgumentHelp("The form's number (default: the next of its kind, such as WO-2026-0003).",
                               valueName: "N"))
    var number: String?
    @Option(help: ArgumentHelp("The form's date, dd.MM.yyyy (default: today).", valueName: "DATE"))
    var date: String?
    @Option(help: ArgumentHelp("The sending warehouse (default: the priority one).", valueName: "ID"))
    var store: Int64?
    @Option(help: ArgumentHelp("The receiving warehouse of a movement (or of production's outputs).", valueName: "ID"))
    var recipientStore: Int64?
    @Option(help: ArgumentHelp("The write-off reason (DAMAGE, THEFT, WRITE_OFF_BY_GUILTY…).", valueName: "REASON"))
    var reason: String?
    @Option(help: ArgumentHelp("The detailing kind: CONVERSION, PACKING, UNPACKING, RE_SORTING, EDITING.",
                               valueName: "KIND"))
    var detailing: String?
    @Option(help: ArgumentHelp("A detail the write-off rests on, such as documentNumber=12 or guiltyPersonIin=…",
                               valueName: "NAME=VALUE"))
    var detail: [String] = []
    @Option(help: ArgumentHelp("The comment.", valueName: "TEXT")) var comment: String?
    @Option(help: ArgumentHelp("A line from stock: batch and quantity.", valueName: "BATCH:QUANTITY"))
    var take: [String] = []
    @Option(help: ArgumentHelp("An input line of production or detailing.", valueName: "BATCH:QUANTITY"))
    var input: [String] = []
    @Option(help: ArgumentHelp("A line of new goods: name, kpved, tnved, gtin, unit, price, quantity.",
                               valueName: "FIELDS"))
    var add: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try DateOption.check(date, option: "--date")
        guard type != nil || file != nil else { throw ValidationError("give --type KIND or --file FILE") }
    }

    func run() throws {
        let (database, company) = try options.open()
        let store = UFormStore(database: database)
        var form = try startingForm(store, company)
        try apply(to: &form, balances: BalanceStore(database: database), company: company)
        let id: Int64
        do {
            id = try store.createDraft(companyId: company.id, form)
        } catch let error as UFormStoreError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
        guard let stored = try store.form(id: id) else { throw ExitCode(1) }
        let errors = stored.problems.filter { $0.severity == .error }.count
        if json {
            let object: [String: Any] = ["id": id, "number": stored.form.number,
                                         "problems": stored.problems.map(FormProblemText.json)]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(CLIText.say(CLIText.formSaved, String(id), stored.form.type?.label.text(in: CLIText.language) ?? "—",
                              stored.form.number))
            for problem in stored.problems { print(FormProblemText.line(problem)) }
            if !stored.problems.isEmpty {
                print(CLIText.say(CLIText.formProblems, String(errors), String(stored.problems.count - errors)))
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }

    /// The file's form, or a new draft's defaults (number, today, priority warehouse).
    private func startingForm(_ store: UFormStore, _ company: OwnCompany) throws -> UForm {
        if let file {
            do {
                let decoded = try UFormXMLReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                return decoded.form
            } catch let error as XMLInputError {
                StandardError.print(CLIText.say(CLIText.formFileUnreadable, file, error.located(in: CLIText.language)))
                throw ExitCode(2)
            } catch {
                StandardError.print(CLIText.say(CLIText.formFileUnreadable, file, error.localizedDescription))
                throw ExitCode(2)
            }
        }
        let kind = try FormArgument.parse(type!, as: UFormType.self, option: "--type")
        let today = date.flatMap(CalendarDate.init(ddMMyyyy:)) ?? KazakhstanClock.today()
        do {
            return try store.newForm(companyId: company.id, type: kind, today: today)
        } catch let error as UFormStoreError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }

    private func apply(to form: inout UForm, balances: BalanceStore, company: OwnCompany) throws {
        if let type { form.type = try FormArgument.parse(type, as: UFormType.self, option: "--type") }
        if let number { form.number = number }
        if let date { form.date = CalendarDate(ddMMyyyy: date) }
        if let store {
            form.sender = form.sender ?? UFormParty(name: company.nameRu, tin: TaxpayerNumber(company.bin))
            form.sender?.storeId = store
            form.sender?.storeName = nil
            form.sender?.address = nil
        }
        if let recipientStore {
            form.recipient = UFormParty(name: company.nameRu, storeId: recipientStore, tin: TaxpayerNumber(company.bin))
        }
        if let reason { form.writeOffReason = try FormArgument.parse(reason, as: WriteOffReason.self, option: "--reason") }
        if let detailing {
            form.detailingType = try FormArgument.parse(detailing, as: DetailingType.self, option: "--detailing")
        }
        for pair in detail {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = WriteOffDetail(rawValue: parts[0]) else {
                throw ValidationError("--detail: \"\(pair)\" must be NAME=VALUE with NAME one of "
                                      + WriteOffDetail.allCases.map(\.rawValue).joined(separator: ", "))
            }
            form.writeOffDetails[key] = parts[1]
        }
        if let comment { form.comment = comment }
        let from = form.sender?.storeId
        if !take.isEmpty { form.products += try take.map { try stockLine($0, option: "--take", store: from, balances, company) } }
        if !input.isEmpty {
            form.sourceProducts += try input.map { try stockLine($0, option: "--input", store: from, balances, company) }
        }
        form.products += try add.map(newLine)
        if !take.isEmpty || !add.isEmpty || form.totalSum == nil {
            form.totalSum = form.products.isEmpty ? nil : form.products.compactMap(\.sum).reduce(0, +)
        }
        if !form.sourceProducts.isEmpty, !input.isEmpty || form.sourceTotalSum == nil {
            form.sourceTotalSum = form.sourceProducts.compactMap(\.sum).reduce(0, +)
        }
    }

    /// `BATCH:QUANTITY` filled from the cached batch of `store`.
    private func stockLine(_ text: String, option: String, store: Int64?, _ balances: BalanceStore,
                           _ company: OwnCompany) throws -> UFormProduct {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2, let batch = Int64(parts[0]), let quantity = DecimalText.parse(parts[1]), quantity > 0 else {
            throw ValidationError("\(option): \"\(text)\" must be BATCH:QUANTITY, such as 812017:5")
        }
        guard let store else { throw ValidationError("\(option) needs the sending warehouse: give --store ID") }
        guard let row = try balances.balances(companyId: company.id, storeId: store).first(where: { $0.batch == batch })
        else {
            StandardError.print(CLIText.say(CLIText.noBatch, option, String(batch), String(store)))
            throw ExitCode(2)
        }
        return UFormProduct(taking: quantity, from: row)
    }

    /// `name=…;kpved=…;tnved=…;gtin=…;unit=…;price=…;quantity=…`.
    private func newLine(_ text: String) throws -> UFormProduct {
        var fields: [String: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw ValidationError("--add: \"\(part)\" must be NAME=VALUE") }
            fields[pair[0]] = pair[1]
        }
        let known: Set<String> = ["name", "kpved", "tnved", "gtin", "unit", "price", "quantity", "batch", "country"]
        if let unknown = fields.keys.first(where: { !known.contains($0) }) {
            throw ValidationError("--add: unknown field \"\(unknown)\"; use " + known.sorted().joined(separator: ", "))
        }
        func decimal(_ key: String) throws -> Decimal? {
            guard let text = fields[key] else { return nil }
            guard let value = DecimalText.parse(text) else { throw ValidationError("--add: \(key)=\(text) is not a number") }
            return value
        }
        let price = try decimal("price")
        let quantity = try decimal("quantity")
        let tnved = fields["tnved"].map(TnvedCode.init)
        let gsvs = fields["kpved"].flatMap { kpved in
            tnved.map { GsvsCode(kpved: KpvedCode(kpved), tnved: $0, gtin: fields["gtin"].map(Gtin.init)) }
        }
        return UFormProduct(gsvsCode: gsvs, measureUnitCode: fields["unit"].map(MeasureUnitCode.init), price: price,
                            quantity: quantity,
                            sum: price.flatMap { price in quantity.map { (price * $0).rounded(scale: 2) } },
                            manufactureOrImportCountry: fields["country"].map(CountryCode.init), name: fields["name"],
                            productId: try fields["batch"].map { text in
                                guard let batch = Int64(text) else {
                                    throw ValidationError("--add: batch=\(text) is not a batch number")
                                }
                                return batch
                            }, tnvedCode: tnved)
    }
}
