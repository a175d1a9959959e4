/// How bad a problem is: errors stop sending (IS ESF would reject the SNT, or the law forbids
/// it); warnings are shown but do not stop it.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// One rule of the offline format checks: an id that stays stable (users and support quote it),
/// the fields it concerns, its severity and its message in three languages. Messages may hold
/// positional placeholders `%1$@`… filled by the problem.
public struct SntRule: Hashable, Sendable {
    public let id: String
    public let fields: [SntField]
    public let severity: Severity
    public let message: LocalizedText
    /// Where the rule comes from (an Order 657 item, a domain.md section), for docs/snt-rules.md.
    public let source: String

    public init(_ id: String, fields: [SntField], severity: Severity = .error, source: String,
                kk: String, ru: String, en: String) {
        self.id = id
        self.fields = fields
        self.severity = severity
        self.source = source
        message = LocalizedText(kk: kk, ru: ru, en: en)
    }

    public static func == (lhs: SntRule, rhs: SntRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One thing wrong with an SNT, pointing at its field and, for goods, at its line.
public struct SntProblem: Hashable, Sendable {
    public let rule: SntRule
    public let field: SntField
    /// The goods table of `lineNumber`.
    public let table: GoodsTable?
    /// 1-based position of the line in its table (not its `productNumber`, which may be wrong).
    public let lineNumber: Int?
    public let arguments: [String]

    public init(_ rule: SntRule, _ field: SntField, table: GoodsTable? = nil, line lineNumber: Int? = nil,
                _ arguments: [String] = []) {
        self.rule = rule
        self.field = field
        self.table = table
        self.lineNumber = lineNumber
        self.arguments = arguments
    }

    public var severity: Severity { rule.severity }

    public func message(in language: Language) -> String { rule.message.text(in: language, arguments) }

    /// `B13`, or `G1.6[3]` for the quantity of the third line of G1.
    public var location: String {
        lineNumber.map { "\(field.code)[\($0)]" } ?? field.code
    }
}
