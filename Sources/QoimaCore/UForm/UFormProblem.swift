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
    /// Arguments that read differently in each language (a unit of measure); used instead of
    /// `arguments` when given.
    public let localizedArguments: [LocalizedText]

    public init(_ rule: UFormRule, path: String, line: Int? = nil, _ arguments: [String] = []) {
        self.rule = rule
        self.path = path
        self.line = line
        self.arguments = arguments
        localizedArguments = []
    }

    public init(_ rule: UFormRule, path: String, localized arguments: [LocalizedText]) {
        self.rule = rule
        self.path = path
        line = nil
        self.arguments = arguments.map(\.english)
        localizedArguments = arguments
    }

    public var severity: Severity { rule.severity }

    public func message(in language: Language) -> String {
        rule.message.text(in: language, localizedArguments.isEmpty ? arguments
                          : localizedArguments.map { $0.text(in: language) })
    }
}

/// The two tables of goods lines a form has.
public enum UFormLineTable: String, CaseIterable, Sendable, Codable {
    /// `products/product`: the goods the form is about (the outputs of production and detailing).
    case products
    /// `sourceProducts/sourceProduct`: the inputs of production and detailing.
    case sourceProducts

    /// The element of one line.
    public var item: String { self == .products ? "product" : "sourceProduct" }

    /// `products/product[3]/` for line 3.
    public func path(line: Int) -> String { "\(rawValue)/\(item)[\(line)]/" }
}

/// The parts of an element path of a form's body: `products/product[2]/quantity` is the field
/// `quantity` of line 2 of the products.
public enum UFormPath {
    public static func table(of path: String) -> UFormLineTable? {
        UFormLineTable.allCases.first { path.hasPrefix($0.rawValue + "/" + $0.item + "[") }
    }

    /// 1-based.
    public static func line(of path: String) -> Int? {
        guard table(of: path) != nil, let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"),
              open < close else { return nil }
        return Int(path[path.index(after: open)..<close])
    }

    /// The field without its line: `quantity`, `sender/storeId`, `writeOffDetails/guiltyPersonIin`.
    public static func field(of path: String) -> String {
        guard table(of: path) != nil, let close = path.firstIndex(of: "]") else { return path }
        let rest = path[path.index(after: close)...]
        return rest.hasPrefix("/") ? String(rest.dropFirst()) : String(rest)
    }

    /// `products[2].quantity`, `sender/storeId`: the place as a list of problems shows it.
    public static func location(of path: String) -> String {
        guard let table = table(of: path), let line = line(of: path) else { return path }
        let field = field(of: path)
        return "\(table.rawValue)[\(line)]" + (field.isEmpty ? "" : ".\(field)")
    }
}

extension UFormProblem {
    /// The goods table of a line problem.
    public var table: UFormLineTable? { UFormPath.table(of: path) }

    /// The 1-based line of a line problem, in `table`.
    public var lineNumber: Int? { UFormPath.line(of: path) }

    /// The field without its line: `quantity` for `products/product[2]/quantity`, `sender/storeId`,
    /// `writeOffDetails/guiltyPersonIin`, `products` for a table as a whole.
    public var field: String { UFormPath.field(of: path) }

    /// `products[2].quantity`, `sender/storeId`: what a list of problems shows as the place.
    public var location: String { UFormPath.location(of: path) }
}
