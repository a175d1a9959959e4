import Foundation
import QoimaCore

/// Reads values out of a UFormV1 tree and collects what it could not read as `UFormProblem`s
/// naming the element's path (`products/product[2]/quantity`) and line. Nothing stops reading:
/// a value that does not decode is left out.
final class UFormXMLDecoder {
    private(set) var problems: [UFormProblem] = []

    func report(_ rule: UFormRule, path: String, line: Int, _ extra: [String] = []) {
        problems.append(UFormProblem(rule, path: path, line: line, [path, String(line)] + extra))
    }

    /// Hands each child of `element` to `read` with its path. Unknown children and second copies
    /// of a non-repeating one are reported instead of read; one out of order is reported and read.
    func children(of element: XMLTree.Element, path: String, order: [String], repeating: Set<String> = [],
                  _ read: (XMLTree.Element, String) -> Void) {
        var latest: (position: Int, name: String)?
        var counts: [String: Int] = [:]
        for child in element.children {
            let name = child.localName
            let count = (counts[name] ?? 0) + 1
            counts[name] = count
            let isRepeating = repeating.contains(name)
            let childPath = (path.isEmpty ? "" : path + "/") + name + (isRepeating ? "[\(count)]" : "")
            guard let position = order.firstIndex(of: name) else {
                report(UFormRules.unknownElement, path: childPath, line: child.line)
                continue
            }
            if count > 1, !isRepeating {
                report(UFormRules.duplicate, path: childPath, line: child.line)
                continue
            }
            if let latest, position < latest.position {
                report(UFormRules.order, path: childPath, line: child.line, [latest.name])
            } else {
                latest = (position, name)
            }
            read(child, childPath)
        }
    }

    func string(_ element: XMLTree.Element, _ path: String) -> String? {
        for child in element.children {
            report(UFormRules.unknownElement, path: path + "/" + child.localName, line: child.line)
        }
        let text = element.text
        return text.isEmpty ? nil : text
    }

    func identifier<Identifier: CheckedIdentifier>(_ element: XMLTree.Element, _ path: String) -> Identifier? {
        string(element, path).map { Identifier($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func date(_ element: XMLTree.Element, _ path: String) -> CalendarDate? {
        guard let text = string(element, path) else { return nil }
        guard let date = CalendarDate(ddMMyyyy: text) else {
            report(UFormRules.date, path: path, line: element.line, [text])
            return nil
        }
        return date
    }

    func decimal(_ element: XMLTree.Element, _ path: String) -> Decimal? {
        guard let text = string(element, path) else { return nil }
        guard let value = DecimalText.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            report(UFormRules.decimal, path: path, line: element.line, [text])
            return nil
        }
        return value
    }

    func integer(_ element: XMLTree.Element, _ path: String) -> Int64? {
        guard let text = string(element, path) else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            report(UFormRules.integer, path: path, line: element.line, [text])
            return nil
        }
        return value
    }

    /// `xs:boolean`: `true`, `false`, `1` or `0`.
    func boolean(_ element: XMLTree.Element, _ path: String) -> Bool? {
        guard let text = string(element, path) else { return nil }
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true", "1": return true
        case "false", "0": return false
        default:
            report(UFormRules.boolean, path: path, line: element.line, [text])
            return nil
        }
    }

    func enumeration<Kind: RawRepresentable<String> & CaseIterable>(_ element: XMLTree.Element, _ path: String) -> Kind? {
        guard let text = string(element, path) else { return nil }
        guard let value = Kind(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            let allowed = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            report(UFormRules.enumeration, path: path, line: element.line, [text, allowed])
            return nil
        }
        return value
    }
}
