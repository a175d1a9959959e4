import Foundation

/// One pass of `SntValidator` over one SNT: the checks of each area live in the extensions of
/// this type, next to the rules they use, and append to `problems`.
struct SntValidation {
    let snt: Snt
    let context: SntCheckContext
    private(set) var problems: [SntProblem] = []

    init(snt: Snt, context: SntCheckContext) {
        self.snt = snt
        self.context = context
        problems.reserveCapacity(16)
    }

    mutating func add(_ rule: SntRule, _ field: SntField, _ arguments: String...) {
        problems.append(SntProblem(rule, field, arguments))
    }

    mutating func add(_ rule: SntRule, _ field: SntField, table: GoodsTable, line: Int? = nil, _ arguments: String...) {
        problems.append(SntProblem(rule, field, table: table, line: line, arguments))
    }

    /// Section by section; within a section, lines in order and set-level fields after them;
    /// otherwise in the order the checks found them.
    func problemsInFormOrder() -> [SntProblem] {
        let keyed = problems.enumerated().map { index, problem in
            (section: problem.field.formSectionRank, line: problem.lineNumber ?? Int.max, index: index, problem)
        }
        return keyed.sorted { ($0.section, $0.line, $0.index) < ($1.section, $1.line, $1.index) }.map { $0.3 }
    }

    // MARK: Shared checks

    mutating func checkTin(_ tin: TaxpayerNumber, at field: SntField) {
        switch tin.defect {
        case nil: break
        case .checksum?: add(SntPartyRules.tinChecksum, field, tin.rawValue)
        default: add(SntPartyRules.tinFormat, field, tin.rawValue)
        }
    }

    /// Reports an invalid code; true when the code is valid.
    mutating func checkCountry(_ country: CountryCode, at field: SntField) -> Bool {
        guard country.defect != nil else { return true }
        add(SntPartyRules.countryCodeInvalid, field, country.rawValue)
        return false
    }

    mutating func checkTaxOffice(_ code: String?, at field: SntField) {
        guard let code, !Self.isBlank(code) else { return }
        let length = SntRuleAssumptions.taxOfficeCodeLength
        if !DigitText.isDigits(code) || code.utf8.count != length {
            add(SntGoodsRules.taxOfficeFormat, field, code, String(length))
        }
    }

    // MARK: Helpers

    static func isBlank(_ text: String?) -> Bool {
        guard let text else { return true }
        // Most texts start with a visible ASCII character; Unicode is asked only past ASCII.
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            if byte < 0x80 { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        return true
    }

    /// Decimal's comparison operators are slow on Linux; the sign is at hand.
    static func isNegative(_ value: Decimal) -> Bool { value.sign == .minus && !value.isZero }
    static func isPositive(_ value: Decimal) -> Bool { value.sign == .plus && !value.isZero }

    /// The identifier, or nil when it is absent or blank.
    static func present<Identifier: CheckedIdentifier>(_ identifier: Identifier?) -> Identifier? {
        guard let identifier, !isBlank(identifier.rawValue) else { return nil }
        return identifier
    }

    /// A valid country code, or nil.
    static func validCountry(_ country: CountryCode?) -> CountryCode? {
        guard let country, country.defect == nil else { return nil }
        return country
    }

    /// What an argument shows for an empty value.
    static let empty = "—"

    static func text(_ value: Decimal?) -> String { value.map(DecimalText.format) ?? empty }
    static func text(_ date: CalendarDate?) -> String { date?.ddMMyyyy ?? empty }
    static func text(_ value: String?) -> String { isBlank(value) ? empty : value! }
}

extension SntField {
    /// The section's place on the form: A (with the blocks that belong to it), B, C, D, E, F,
    /// currency (50, 51), G1 and its totals, G6/G7, K, then the rest.
    var formSectionRank: Int {
        if code.hasPrefix("G1") || code.hasPrefix("52") { return 7 }
        if code.hasPrefix("G6") || code.hasPrefix("G7") { return 8 }
        if code == "50" || code == "51" { return 6 }
        if code == "mptId" || code.hasPrefix("fillingOfAircraft") { return 0 }
        switch code.first {
        case "A": return 0
        case "B": return 1
        case "C": return 2
        case "D": return 3
        case "E": return 4
        case "F": return 5
        case "K": return 9
        default: return 10
        }
    }
}
