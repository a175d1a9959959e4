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

extension SntProblem {
    /// Sorts problems as the form reads: A–F, currency (50–51), G1 line by line, its totals
    /// (52.x), G6/G7, K, then the blocks without numbers; the whole document first.
    public var formOrderKey: [Int] {
        let code = field.code
        let rank: Int
        switch code.first {
        case "S" where code == SntField.document.code: rank = 0
        case "A": rank = 1
        case "B": rank = 2
        case "C": rank = 3
        case "D": rank = 4
        case "E": rank = 5
        case "F": rank = 6
        case "5": rank = code.hasPrefix("52") ? 9 : 7
        case "G": rank = code.hasPrefix("G1") ? 8 : (code.hasPrefix("G6") ? 10 : 11)
        case "K": rank = 12
        default: rank = 13
        }
        var numbers: [Int] = []
        var current: Int?
        for byte in code.utf8 {
            if (48...57).contains(byte) {
                current = (current ?? 0) * 10 + Int(byte - 48)
            } else if let value = current {
                numbers.append(value)
                current = nil
            }
        }
        if let current { numbers.append(current) }
        // Goods problems go line by line; the table's own fields (no line) come first.
        let isTable = rank == 8 || rank == 10
        return [rank] + (isTable ? [lineNumber ?? 0] : []) + numbers
    }
}
