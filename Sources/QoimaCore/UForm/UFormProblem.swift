/// One rule universal forms are checked against: a stable id, a severity and a message in three
/// languages, with positional placeholders `%1$@`… filled by the problem.
public struct UFormRule: Hashable, Sendable {
    public let id: String
    public let severity: Severity
    public let message: LocalizedText

    public init(_ id: String, severity: Severity = .error, kk: String, ru: String, en: String) {
        self.id = id
        self.severity = severity
        message = LocalizedText(kk: kk, ru: ru, en: en)
    }

    public static func == (lhs: UFormRule, rhs: UFormRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One thing wrong with a universal form, at an element path of its body such as
/// `products/product[2]/quantity` (1-based positions of repeated lines), and at a line of the
/// XML when it was read from one.
public struct UFormProblem: Hashable, Sendable {
    public let rule: UFormRule
    public let path: String
    public let line: Int?
    public let arguments: [String]

    public init(_ rule: UFormRule, path: String, line: Int? = nil, _ arguments: [String] = []) {
        self.rule = rule
        self.path = path
        self.line = line
        self.arguments = arguments
    }

    public var severity: Severity { rule.severity }

    public func message(in language: Language) -> String { rule.message.text(in: language, arguments) }
}
