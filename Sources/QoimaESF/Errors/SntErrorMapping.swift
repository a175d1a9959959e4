import QoimaCore

/// Turns an error IS ESF reports about an SNT into the form field and goods line it concerns, so
/// it can be shown where the user fixes it, in the user's language when its code is one of
/// Qoima's rules.
///
/// IS ESF's `property` notation is not documented. Assumed (domain.md U2): the field's path in
/// the SntV1 body with dots, the goods line's 1-based index after `product`
/// (`productSet.products.product[3].quantity`, `seller.tin`). `SntErrorMapping.parse` is the one
/// place that reads it.
public enum SntErrorMapping {
    /// A property split into the field's path, without indexes, and the goods line.
    public struct Property: Hashable, Sendable {
        public var path: String
        public var lineNumber: Int?

        public init(path: String, lineNumber: Int?) {
            self.path = path
            self.lineNumber = lineNumber
        }
    }

    /// `productSet.products.product[3].quantity` → path `productSet.products.product.quantity`,
    /// line 3. A leading `snt.` (the root) is dropped; indexes on other elements are ignored.
    public static func parse(property: String) -> Property {
        var segments = property.split(separator: ".").map(String.init)
        if segments.first == "snt", segments.count > 1 { segments.removeFirst() }
        var line: Int?
        let names = segments.map { segment -> String in
            guard let open = segment.firstIndex(of: "["), segment.hasSuffix("]") else { return segment }
            let name = String(segment[..<open])
            let index = Int(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)])
            if name == "product", let index { line = index }
            return name
        }
        return Property(path: names.joined(separator: "."), lineNumber: line)
    }

    public static func map(_ error: ESFDocumentError) -> MappedSntError {
        let rule = error.code.flatMap { code in rulesById[code] }
        guard let property = error.property?.trimmingCharacters(in: .whitespaces), !property.isEmpty else {
            return MappedSntError(error: error, field: nil, table: nil, lineNumber: nil, rule: rule)
        }
        let parsed = parse(property: property)
        let field = field(at: parsed.path)
        let table: GoodsTable? = switch parsed.path.split(separator: ".").first {
        case "productSet": .g1
        case "oilSet": .g6
        default: nil
        }
        return MappedSntError(error: error, field: field, table: field == nil ? nil : table,
                              lineNumber: field == nil ? nil : parsed.lineNumber, rule: rule)
    }

    /// The field at `path`, or at the nearest enclosing element that is a field.
    static func field(at path: String) -> SntField? {
        var segments = path.split(separator: ".")
        while !segments.isEmpty {
            if let field = fieldsByPath[segments.joined(separator: ".")] { return field }
            segments.removeLast()
        }
        return nil
    }

    private static let rulesById: [String: SntRule] =
        Dictionary(SntRuleCatalogue.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every field of the form, the named ones first, so a path two fields share (A 5.1 and A 6.1)
    /// maps to the first.
    private static let fieldsByPath: [String: SntField] = {
        let general: [SntField] = [
            .number, .date, .datePaper, .reasonPaper, .shippingDate, .registrationNumber,
            .digitalMarkingNotificationNumber, .digitalMarkingNotificationDate, .sntType,
            .relatedRegistrationNumberFixed, .relatedRegistrationNumberReturned, .importType, .importSezCode,
            .exportType, .exportSezCode, .transferType, .mptId,
        ]
        let parties = SntField.seller.all + SntField.customer.all + SntField.consignor.all + SntField.consignee.all
        let carriage: [SntField] = [
            .carriage, .carrierTin, .carrierNonResident, .carrierName, .transportTypes, .carStateNumber,
            .trailerStateNumber, .carriageNumber, .boardNumber, .shipNumber,
            .isContract, .contractNumber, .contractDate, .termOfContractPayment, .deliveryCondition,
        ]
        let goods: [SntField] = [.currencyCode, .currencyRate, .goods, .oil, .oilKogdOfSender, .oilKogdOfRecipient,
                                 .oilOperationCode, .oilProductSellerType]
            + GoodsTable.allCases.flatMap { table in
                GoodsTotalField.allCases.map { SntField.total($0, in: table) }
                    + GoodsLineField.allCases.map { SntField.line($0, in: table) }
            }
        let other: [SntField] = [
            .roadCargo, .driverFullName, .driverTin, .stampPrintNumber, .sellerKogd, .customerKogd,
            .releasePowerOfAttorneyNumber, .releasePowerOfAttorneyDate, .aircraftRefueling,
            .aircraftRegistrationNumber, .aircraftType, .flightNumber, .warrantNumber, .sharingContracts, .document,
        ]
        var map: [String: SntField] = [:]
        for field in general + parties + carriage + goods + other + SntRuleCatalogue.all.flatMap(\.fields)
        where map[field.path] == nil {
            map[field.path] = field
        }
        return map
    }()
}

/// An IS ESF error about an SNT, placed on the form.
public struct MappedSntError: Hashable, Sendable {
    public let error: ESFDocumentError
    /// Nil when the property is absent or names no field Qoima knows.
    public let field: SntField?
    /// The goods table of `lineNumber`.
    public let table: GoodsTable?
    /// 1-based line of the goods table.
    public let lineNumber: Int?
    /// Qoima's rule when the error code is one of its rule ids.
    public let rule: SntRule?

    /// `G1.6[3]` for the quantity of the third line of G1, `B13` for the seller's BIN, IS ESF's
    /// own property when it names no known field, or "" when there is none.
    public var location: String {
        guard let field else { return error.property ?? "" }
        return lineNumber.map { "\(field.code)[\($0)]" } ?? field.code
    }

    /// The rule's message when the code is a Qoima rule whose message needs no values from the
    /// document; otherwise IS ESF's own text.
    public func message(in language: Language) -> String {
        if let rule, !rule.message.template(in: language).contains("%1$@") { return rule.message.text(in: language) }
        return error.text.isEmpty ? (rule?.message.text(in: language) ?? "") : error.text
    }

    /// The error as a validation problem, for the views that show those; nil without a rule and a field.
    public var problem: SntProblem? {
        guard let rule, let field else { return nil }
        return SntProblem(rule, field, table: table, line: lineNumber)
    }
}
