import Foundation
import GtkKit
import QoimaCore

/// Text the user typed that the SNT cannot hold (a date that is no date, a number that is no
/// number): said at the field, and the field's value left empty until it is fixed.
struct EditorInputError: Error {
    let message: String
}

/// One field of the form as the editor shows it: its number, its label, how it is entered, and
/// how its text is read from and written into the SNT. The window builds a row per binding;
/// the model parses and applies text through it, so both agree and the model needs no widgets.
struct SntFieldBinding {
    enum Kind: Equatable {
        case text, date, number, flag
        /// A fixed set of values (raw values), with an empty choice first when `optional`.
        case choice([(value: String, label: String)], optional: Bool)

        static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.text, .text), (.date, .date), (.number, .number), (.flag, .flag): true
            case let (.choice(left, a), .choice(right, b)): a == b && left.map(\.value) == right.map(\.value)
            default: false
            }
        }
    }

    let field: SntField
    /// Further field codes shown by the same row (A5.1 and A6.1 share one).
    var aliases: [String] = []
    let label: String
    let kind: Kind
    let get: (Snt) -> String
    let set: (inout Snt, String) throws -> Void

    /// "A1 · Number".
    var title: String { tr("%1$@ · %2$@", field.code, label) }
    var codes: [String] { [field.code] + aliases }
}

/// The sections of the form, in order, with their fields (goods lines are edited apart).
struct SntFormSection {
    let letter: String
    let title: String
    let fields: [SntFieldBinding]
}

// MARK: Parsing and storing text

enum FieldText {
    static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func date(_ text: String) throws -> CalendarDate? {
        guard let text = optional(text) else { return nil }
        if let date = CalendarDate(ddMMyyyy: text) { return date }
        throw EditorInputError(message: tr("Write the date as DD.MM.YYYY, e.g. %1$@.", "15.01.2026"))
    }

    /// A decimal with a dot or a comma, spaces allowed between thousands.
    static func decimal(_ text: String) throws -> Decimal? {
        guard let text = optional(text) else { return nil }
        let normal = text.replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace && $0 != "\u{00A0}" }
        if let value = DecimalText.parse(normal) { return value }
        throw EditorInputError(message: tr("“%1$@” is not a number: write digits with a dot or comma, e.g. 12.5.", text))
    }

    static func integer(_ text: String) throws -> Int? {
        guard let text = optional(text) else { return nil }
        if let value = Int(text) { return value }
        throw EditorInputError(message: tr("“%1$@” is not a whole number.", text))
    }

    static func store(_ text: String) throws -> Int64? {
        guard let text = optional(text) else { return nil }
        if let value = Int64(text), value > 0 { return value }
        throw EditorInputError(message: tr("“%1$@” is not a warehouse id: IS ESF gives it as a whole number.", text))
    }

    static func decimalText(_ value: Decimal?) -> String { value.map(DecimalText.format) ?? "" }

    /// Edits an optional block, making it when missing and dropping it when it ends up empty.
    static func edit<T: Equatable>(_ value: inout T?, empty: T, _ change: (inout T) -> Void) {
        var block = value ?? empty
        change(&block)
        value = block == empty ? nil : block
    }
}

// MARK: The form

extension SntFormSection {
    static func all() -> [SntFormSection] {
        [general(), party(.seller), party(.customer), consignment(), carriage(), contract(), currency(), roadCargo()]
    }

    static func general() -> SntFormSection {
        typealias B = SntFieldBinding
        let types: [(String, String)] = [(SntType.primary.rawValue, tr("Primary")),
                                         (SntType.fixed.rawValue, tr("Correction (A5)")),
                                         (SntType.returned.rawValue, tr("Return of goods (A6)"))]
        let reasons: [(String, String)] = [(PaperReason.downTime.rawValue, tr("IS ESF was down")),
                                           (PaperReason.unlawfulRemovalRegistration.rawValue, tr("Registration was blocked")),
                                           (PaperReason.missingRequirement.rawValue, tr("No SNT was required then"))]
        let imports: [(String, String)] = ImportType.allCases.map { ($0.rawValue, $0.rawValue) }
        let exports: [(String, String)] = ExportType.allCases.map { ($0.rawValue, $0.rawValue) }
        let transfers: [(String, String)] = [(TransferType.onePersonInKazakhstan.rawValue, tr("Within one person in Kazakhstan")),
                                             (TransferType.onePersonInEAEU.rawValue, tr("Within one person in the EAEU")),
                                             (TransferType.other.rawValue, tr("Other transfer"))]
        return SntFormSection(letter: "A", title: tr("A · General"), fields: [
            B(field: .number, label: tr("_Number"), kind: .text, get: { $0.number },
              set: { snt, text in snt.number = text.trimmingCharacters(in: .whitespaces) }),
            B(field: .date, label: tr("_Date"), kind: .date, get: { $0.date?.ddMMyyyy ?? "" },
              set: { snt, text in snt.date = nil; snt.date = try FieldText.date(text) }),
            B(field: .shippingDate, label: tr("_Shipping date"), kind: .date, get: { $0.shippingDate?.ddMMyyyy ?? "" },
              set: { snt, text in snt.shippingDate = nil; snt.shippingDate = try FieldText.date(text) }),
            B(field: .sntType, label: tr("Type"), kind: .choice(types, optional: false), get: { $0.type.rawValue },
              set: { snt, text in snt.type = SntType(rawValue: text) ?? .primary }),
            B(field: .relatedRegistrationNumberFixed, aliases: [SntField.relatedRegistrationNumberReturned.code],
              label: tr("Registration number of the SNT corrected or returned"), kind: .text,
              get: { $0.relatedRegistrationNumber?.rawValue ?? "" },
              set: { snt, text in snt.relatedRegistrationNumber = FieldText.optional(text).map(SntRegistrationNumber.init) }),
            B(field: .datePaper, label: tr("Date of the paper SNT"), kind: .date, get: { $0.datePaper?.ddMMyyyy ?? "" },
              set: { snt, text in snt.datePaper = nil; snt.datePaper = try FieldText.date(text) }),
            B(field: .reasonPaper, label: tr("Why it was issued on paper"), kind: .choice(reasons, optional: true),
              get: { $0.reasonPaper?.rawValue ?? "" }, set: { snt, text in snt.reasonPaper = PaperReason(rawValue: text) }),
            B(field: .digitalMarkingNotificationNumber, label: tr("Digital-marking notification number"), kind: .text,
              get: { $0.digitalMarkingNotificationNumber ?? "" },
              set: { snt, text in snt.digitalMarkingNotificationNumber = FieldText.optional(text) }),
            B(field: .digitalMarkingNotificationDate, label: tr("Digital-marking notification date"), kind: .date,
              get: { $0.digitalMarkingNotificationDate?.ddMMyyyy ?? "" },
              set: { snt, text in snt.digitalMarkingNotificationDate = nil
                  snt.digitalMarkingNotificationDate = try FieldText.date(text) }),
            B(field: .importType, label: tr("Import"), kind: .choice(imports, optional: true),
              get: { $0.importKind?.importType.rawValue ?? "" },
              set: { snt, text in
                  snt.importKind = ImportType(rawValue: text).map { SntImport(importType: $0, sezCode: snt.importKind?.sezCode) } }),
            B(field: .importSezCode, label: tr("SEZ code of the import"), kind: .text, get: { $0.importKind?.sezCode ?? "" },
              set: { snt, text in snt.importKind?.sezCode = FieldText.optional(text) }),
            B(field: .exportType, label: tr("Export"), kind: .choice(exports, optional: true),
              get: { $0.exportKind?.exportType.rawValue ?? "" },
              set: { snt, text in
                  snt.exportKind = ExportType(rawValue: text).map { SntExport(exportType: $0, sezCode: snt.exportKind?.sezCode) } }),
            B(field: .exportSezCode, label: tr("SEZ code of the export"), kind: .text, get: { $0.exportKind?.sezCode ?? "" },
              set: { snt, text in snt.exportKind?.sezCode = FieldText.optional(text) }),
            B(field: .transferType, label: tr("Transfer within one person"), kind: .choice(transfers, optional: true),
              get: { $0.transferType?.rawValue ?? "" }, set: { snt, text in snt.transferType = TransferType(rawValue: text) }),
        ])
    }

    static func party(_ role: SntPartyRole) -> SntFormSection {
        typealias B = SntFieldBinding
        let fields = SntField.party(role)
        let path: WritableKeyPath<Snt, SntParty> = role == .seller ? \.seller : \.customer
        func tin(_ key: WritableKeyPath<SntParty, TaxpayerNumber?>) -> (get: (Snt) -> String, set: (inout Snt, String) -> Void) {
            ({ $0[keyPath: path][keyPath: key]?.rawValue ?? "" },
             { snt, text in snt[keyPath: path][keyPath: key] = FieldText.optional(text).map(TaxpayerNumber.init) })
        }
        func country(_ key: WritableKeyPath<SntParty, CountryCode?>) -> (get: (Snt) -> String, set: (inout Snt, String) -> Void) {
            ({ $0[keyPath: path][keyPath: key]?.rawValue ?? "" },
             { snt, text in snt[keyPath: path][keyPath: key] = FieldText.optional(text).map { CountryCode($0.uppercased()) } })
        }
        let own = tin(\.tin), branch = tin(\.branchTin), reorganized = tin(\.reorganizedTin)
        let registered = country(\.registerCountryCode), located = country(\.countryCode)
        let isSeller = role == .seller
        return SntFormSection(letter: isSeller ? "B" : "C", title: isSeller ? tr("B · Seller") : tr("C · Customer"), fields: [
            B(field: fields.tin, label: tr("IIN/BIN"), kind: .text, get: own.get, set: own.set),
            B(field: fields.nonResident, label: tr("Non-resident"), kind: .flag,
              get: { $0[keyPath: path].nonResident == true ? "true" : "false" },
              set: { snt, text in snt[keyPath: path].nonResident = text == "true" }),
            B(field: fields.name, label: tr("Name"), kind: .text, get: { $0[keyPath: path].name },
              set: { snt, text in snt[keyPath: path].name = text.trimmingCharacters(in: .whitespaces) }),
            B(field: fields.branchTin, label: tr("BIN of the branch"), kind: .text, get: branch.get, set: branch.set),
            B(field: fields.reorganizedTin, label: tr("BIN of the reorganised person"), kind: .text,
              get: reorganized.get, set: reorganized.set),
            B(field: fields.registerCountryCode, label: tr("Country of registration"), kind: .text,
              get: registered.get, set: registered.set),
            B(field: fields.countryCode, label: isSeller ? tr("Country of dispatch") : tr("Country of delivery"),
              kind: .text, get: located.get, set: located.set),
            B(field: fields.actualAddress, label: isSeller ? tr("Dispatch address") : tr("Delivery address"), kind: .text,
              get: { $0[keyPath: path].actualAddress ?? "" },
              set: { snt, text in snt[keyPath: path].actualAddress = FieldText.optional(text) }),
            B(field: fields.storeId, label: tr("Virtual warehouse id"), kind: .number,
              get: { $0[keyPath: path].storeId.map(String.init) ?? "" },
              set: { snt, text in snt[keyPath: path].storeId = nil; snt[keyPath: path].storeId = try FieldText.store(text) }),
        ])
    }

    static func consignment() -> SntFormSection {
        typealias B = SntFieldBinding
        func fields(_ numbers: SntField.ConsignmentFields, _ path: WritableKeyPath<Snt, ConsignmentParty?>,
                    labels: (tin: String, name: String, country: String)) -> [SntFieldBinding] {
            [
                B(field: numbers.tin, label: labels.tin, kind: .text,
                  get: { $0[keyPath: path]?.tin?.rawValue ?? "" },
                  set: { snt, text in FieldText.edit(&snt[keyPath: path], empty: ConsignmentParty()) {
                      $0.tin = FieldText.optional(text).map(TaxpayerNumber.init) } }),
                B(field: numbers.name, label: labels.name, kind: .text,
                  get: { $0[keyPath: path]?.name ?? "" },
                  set: { snt, text in FieldText.edit(&snt[keyPath: path], empty: ConsignmentParty()) {
                      $0.name = text.trimmingCharacters(in: .whitespaces) } }),
                B(field: numbers.countryCode, label: labels.country, kind: .text,
                  get: { $0[keyPath: path]?.countryCode?.rawValue ?? "" },
                  set: { snt, text in FieldText.edit(&snt[keyPath: path], empty: ConsignmentParty()) {
                      $0.countryCode = FieldText.optional(text).map { CountryCode($0.uppercased()) } } }),
            ]
        }
        return SntFormSection(letter: "D", title: tr("D · Consignor and consignee"),
                              fields: fields(SntField.consignor, \.consignor, labels: (
                                  tr("IIN/BIN of the consignor"), tr("Consignor"), tr("Country of the consignor")))
                                  + fields(SntField.consignee, \.consignee, labels: (
                                      tr("IIN/BIN of the consignee"), tr("Consignee"), tr("Country of the consignee"))))
    }

    static func carriage() -> SntFormSection {
        typealias B = SntFieldBinding
        func text(_ field: SntField, _ label: String, _ key: WritableKeyPath<SntCarriage, String?>) -> SntFieldBinding {
            B(field: field, label: label, kind: .text, get: { $0.carriage?[keyPath: key] ?? "" },
              set: { snt, text in FieldText.edit(&snt.carriage, empty: SntCarriage()) { $0[keyPath: key] = FieldText.optional(text) } })
        }
        let kinds: [(String, String)] = [
            (TransportType.automobile.rawValue, tr("Road")), (TransportType.railway.rawValue, tr("Rail")),
            (TransportType.air.rawValue, tr("Air")), (TransportType.marine.rawValue, tr("Sea")),
            (TransportType.pipeline.rawValue, tr("Pipeline")), (TransportType.multimodal.rawValue, tr("Multimodal")),
        ]
        return SntFormSection(letter: "E", title: tr("E · Carrier and transport"), fields: [
            B(field: .carrierTin, label: tr("IIN/BIN of the carrier"), kind: .text, get: { $0.carriage?.tin?.rawValue ?? "" },
              set: { snt, text in FieldText.edit(&snt.carriage, empty: SntCarriage()) {
                  $0.tin = FieldText.optional(text).map(TaxpayerNumber.init) } }),
            B(field: .carrierName, label: tr("Carrier"), kind: .text, get: { $0.carriage?.name ?? "" },
              set: { snt, text in FieldText.edit(&snt.carriage, empty: SntCarriage()) {
                  $0.name = text.trimmingCharacters(in: .whitespaces) } }),
            B(field: .transportTypes, label: tr("Kind of transport"), kind: .choice(kinds, optional: true),
              get: { $0.carriage?.transportTypes.first?.rawValue ?? "" },
              set: { snt, text in FieldText.edit(&snt.carriage, empty: SntCarriage()) { carriage in
                  let rest = carriage.transportTypes.dropFirst()
                  carriage.transportTypes = (TransportType(rawValue: text).map { [$0] } ?? []) + rest } }),
            text(.carStateNumber, tr("Vehicle plate"), \.carStateNumber),
            text(.trailerStateNumber, tr("Trailer plate"), \.trailerStateNumber),
            text(.carriageNumber, tr("Wagon number"), \.carriageNumber),
            text(.boardNumber, tr("Aircraft board number"), \.boardNumber),
            text(.shipNumber, tr("Vessel number"), \.shipNumber),
        ])
    }

    static func contract() -> SntFormSection {
        typealias B = SntFieldBinding
        func text(_ field: SntField, _ label: String, _ key: WritableKeyPath<SntContract, String?>) -> SntFieldBinding {
            B(field: field, label: label, kind: .text, get: { $0.contract?[keyPath: key] ?? "" },
              set: { snt, text in FieldText.edit(&snt.contract, empty: SntContract()) { $0[keyPath: key] = FieldText.optional(text) } })
        }
        return SntFormSection(letter: "F", title: tr("F · Contract"), fields: [
            B(field: .isContract, label: tr("Under a contract"), kind: .flag,
              get: { $0.contract?.isContract == true ? "true" : "false" },
              set: { snt, text in FieldText.edit(&snt.contract, empty: SntContract()) { $0.isContract = text == "true" } }),
            text(.contractNumber, tr("Contract number"), \.number),
            B(field: .contractDate, label: tr("Contract date"), kind: .date, get: { $0.contract?.date?.ddMMyyyy ?? "" },
              set: { snt, text in
                  FieldText.edit(&snt.contract, empty: SntContract()) { $0.date = nil }
                  let date = try FieldText.date(text)
                  FieldText.edit(&snt.contract, empty: SntContract()) { $0.date = date } }),
            text(.termOfContractPayment, tr("Terms of payment"), \.termOfContractPayment),
            text(.deliveryCondition, tr("Delivery condition (Incoterms)"), \.deliveryCondition),
        ])
    }

    static func currency() -> SntFormSection {
        typealias B = SntFieldBinding
        return SntFormSection(letter: "G", title: tr("G · Goods"), fields: [
            B(field: .currencyCode, label: tr("Currency"), kind: .text, get: { $0.currencyCode?.rawValue ?? "" },
              set: { snt, text in snt.currencyCode = FieldText.optional(text).map { CurrencyCode($0.uppercased()) } }),
            B(field: .currencyRate, label: tr("Exchange rate"), kind: .number, get: { FieldText.decimalText($0.currencyRate) },
              set: { snt, text in snt.currencyRate = nil; snt.currencyRate = try FieldText.decimal(text) }),
        ])
    }

    static func roadCargo() -> SntFormSection {
        typealias B = SntFieldBinding
        return SntFormSection(letter: "K", title: tr("K · Road cargo"), fields: [
            B(field: .driverFullName, label: tr("Driver's full name"), kind: .text, get: { $0.roadCargo?.driverFullName ?? "" },
              set: { snt, text in FieldText.edit(&snt.roadCargo, empty: SntRoadCargo()) {
                  $0.driverFullName = FieldText.optional(text) } }),
            B(field: .driverTin, label: tr("Driver's IIN"), kind: .text, get: { $0.roadCargo?.driverTin?.rawValue ?? "" },
              set: { snt, text in FieldText.edit(&snt.roadCargo, empty: SntRoadCargo()) {
                  $0.driverTin = FieldText.optional(text).map(TaxpayerNumber.init) } }),
            B(field: .stampPrintNumber, label: tr("Seal imprint number"), kind: .text,
              get: { $0.roadCargo?.stampPrintNumber ?? "" },
              set: { snt, text in FieldText.edit(&snt.roadCargo, empty: SntRoadCargo()) {
                  $0.stampPrintNumber = FieldText.optional(text) } }),
        ])
    }
}

// MARK: Goods lines

/// One column of a goods line as the line form shows it; computed columns have no setter.
struct GoodsLineBinding {
    let column: GoodsLineField
    let label: String
    let isNumeric: Bool
    let get: (GoodsLine) -> String
    let set: ((inout GoodsLine, String) throws -> Void)?

    /// "G1.6 · Quantity".
    var title: String { tr("%1$@ · %2$@", SntField.line(column, in: .g1).code, label) }

    static func all() -> [GoodsLineBinding] {
        typealias L = GoodsLineBinding
        func decimal(_ column: GoodsLineField, _ label: String, _ key: WritableKeyPath<GoodsLine, Decimal?>,
                     editable: Bool = true) -> L {
            L(column: column, label: label, isNumeric: true, get: { FieldText.decimalText($0[keyPath: key]) },
              set: editable ? { line, text in line[keyPath: key] = nil; line[keyPath: key] = try FieldText.decimal(text) } : nil)
        }
        func text(_ column: GoodsLineField, _ label: String, _ key: WritableKeyPath<GoodsLine, String?>) -> L {
            L(column: column, label: label, isNumeric: false, get: { $0[keyPath: key] ?? "" },
              set: { line, text in line[keyPath: key] = FieldText.optional(text) })
        }
        return [
            L(column: .productName, label: tr("Name of the goods"), isNumeric: false, get: { $0.productName },
              set: { line, text in line.productName = text.trimmingCharacters(in: .whitespaces) }),
            L(column: .tnvedCode, label: tr("TN VED code"), isNumeric: false, get: { $0.tnvedCode?.rawValue ?? "" },
              set: { line, text in line.tnvedCode = FieldText.optional(text).map(TnvedCode.init) }),
            L(column: .measureUnitCode, label: tr("Unit code"), isNumeric: false, get: { $0.measureUnitCode?.rawValue ?? "" },
              set: { line, text in line.measureUnitCode = FieldText.optional(text).map(MeasureUnitCode.init) }),
            decimal(.quantity, tr("Quantity"), \.quantity),
            decimal(.price, tr("Price per unit"), \.price),
            L(column: .ndsRate, label: tr("VAT rate, %"), isNumeric: true, get: { $0.ndsRate.map(String.init) ?? "" },
              set: { line, text in line.ndsRate = nil; line.ndsRate = try FieldText.integer(text) }),
            decimal(.exciseRate, tr("Excise rate"), \.exciseRate),
            L(column: .truOriginCode, label: tr("Origin sign (1–6)"), isNumeric: true,
              get: { $0.truOriginCode.map(String.init) ?? "" },
              set: { line, text in line.truOriginCode = nil; line.truOriginCode = try FieldText.integer(text) }),
            L(column: .productId, label: tr("Product id with batch"), isNumeric: false, get: { $0.productId?.rawValue ?? "" },
              set: { line, text in line.productId = FieldText.optional(text).map(VirtualProductId.init) }),
            L(column: .gtinCode, label: tr("GTIN"), isNumeric: false, get: { $0.gtinCode?.rawValue ?? "" },
              set: { line, text in line.gtinCode = FieldText.optional(text).map(Gtin.init) }),
            text(.declarationNumberForSnt, tr("Declaration or primary SNT number"), \.declarationNumberForSnt),
            text(.productNumberInDeclaration, tr("Line in that document"), \.productNumberInDeclaration),
            text(.additionalInfo, tr("Additional information"), \.additionalInfo),
            decimal(.priceWithoutTax, tr("Value without taxes"), \.priceWithoutTax, editable: false),
            decimal(.exciseAmount, tr("Excise"), \.exciseAmount, editable: false),
            decimal(.ndsAmount, tr("VAT"), \.ndsAmount, editable: false),
            decimal(.priceWithTax, tr("Value with taxes"), \.priceWithTax, editable: false),
        ]
    }
}
