import Foundation
import QoimaCore

/// The storage forms of the schema conventions (SchemaV1).
enum Timestamp {
    static func now() -> String { Date().formatted(.iso8601) }
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
    /// The problems of the last check, for the document's row: rule, field, table, line.
    static func json(_ problems: [SntProblem]) -> String {
        let items = problems.map { problem -> [String: Any] in
            var item: [String: Any] = ["rule": problem.rule.id, "field": problem.field.code,
                                       "severity": problem.severity.rawValue, "arguments": problem.arguments]
            if let table = problem.table { item["table"] = table.rawValue }
            if let line = problem.lineNumber { item["line"] = line }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
