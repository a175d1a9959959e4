import Foundation
import QoimaCore

/// The storage forms of the schema conventions (SchemaV1).
enum Timestamp {
    static func now() -> String { text(of: Date()) }

    static func text(of instant: Date) -> String { instant.formatted(.iso8601) }

    static func parse(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }
}

enum StoredDate {
    /// `yyyy-MM-dd`, which sorts.
    static func text(_ date: CalendarDate) -> String {
        let ddMMyyyy = date.ddMMyyyy
        return "\(ddMMyyyy.suffix(4))-\(ddMMyyyy.dropFirst(3).prefix(2))-\(ddMMyyyy.prefix(2))"
    }

    static func parse(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return CalendarDate(ddMMyyyy: "\(parts[2]).\(parts[1]).\(parts[0])")
    }
}

enum Tiyn {
    /// The amount in tiyn, when it is a whole number of tiyn that fits 64 bits.
    static func count(_ amount: Decimal) -> Int64? {
        let tiyn = amount * 100
        guard tiyn == tiyn.rounded(scale: 0), abs(tiyn) < Decimal(Int64.max) else { return nil }
        return Int64(DecimalText.format(tiyn))
    }
}

enum ProblemList {
    /// The problems of the last check, for the document's row: rule, field, table, line, as
    /// JSON with sorted keys. Written by hand: it runs for every stored SNT, and Foundation's
    /// sorted-key serialiser costs more than the rest of an import.
    static func json(_ problems: [SntProblem]) -> String {
        guard !problems.isEmpty else { return "[]" }
        var out = "["
        for (index, problem) in problems.enumerated() {
            if index > 0 { out += "," }
            out += #"{"arguments":["#
            out += problem.arguments.map(quoted).joined(separator: ",")
            out += #"],"field":"# + quoted(problem.field.code)
            if let line = problem.lineNumber { out += #","line":\#(line)"# }
            out += #","rule":"# + quoted(problem.rule.id) + #","severity":"# + quoted(problem.severity.rawValue)
            if let table = problem.table { out += #","table":"# + quoted(table.rawValue) }
            out += "}"
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
