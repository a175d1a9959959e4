import Foundation
import QoimaCore

/// Where a decoding problem is reported: the form field, and for a goods line its table and
/// 1-based position.
struct ProblemLocation {
    var field: SntField
    var table: GoodsTable? = nil
    var line: Int? = nil

    init(_ field: SntField, table: GoodsTable? = nil, line: Int? = nil) {
        self.field = field
        self.table = table
        self.line = line
    }
}

/// Where an element sits in the document, e.g. `productSet/products/product[2]/price`. The text
/// is built only when a problem is reported: building it for every element was a third of the
/// time it took to read an SNT.
struct ElementPath {
    /// The parent's path text; empty under the root.
    let parent: String
    /// The element's local name.
    let name: String
    /// Position among its repeating siblings, from 1.
    let index: Int?

    var text: String { (parent.isEmpty ? "" : parent + "/") + name + (index.map { "[\($0)]" } ?? "") }
}

/// Reads values out of an SntV1 tree and collects what it could not read as `SntProblem`s of
/// `SntDecodingRules`. Nothing here stops reading: a value that does not decode is left out.
final class SntXMLDecoder {
    private(set) var problems: [SntProblem] = []

    func report(_ rule: SntRule, _ location: ProblemLocation, path: String, line: Int, _ extra: [String] = []) {
        problems.append(SntProblem(rule, location.field, table: location.table, line: location.line,
                                   [path, String(line)] + extra))
    }

    /// Hands each child of `element` to `read`, with its path. Reports, instead of reading, a child
    /// that is not in `order` and a second copy of one that does not repeat; reports (and still
    /// reads) one that comes before an element it should follow. Repeating children get `[n]` in
    /// their path.
    func children(of element: XMLTree.Element, path: ElementPath?, order: [String], repeating: Set<String> = [],
                  location: (String) -> ProblemLocation, _ read: (XMLTree.Element, ElementPath) -> Void) {
        let parent = path?.text ?? ""
        var latest: (position: Int, name: String)?
        var counts = [Int](repeating: 0, count: order.count)
        for child in element.children {
            let name = child.localName
            guard let position = order.firstIndex(of: name) else {
                let childPath = ElementPath(parent: parent, name: name, index: nil)
                report(SntDecodingRules.unknownElement, location(name), path: childPath.text, line: child.line)
                continue
            }
            counts[position] += 1
            let isRepeating = repeating.contains(name)
            let childPath = ElementPath(parent: parent, name: name, index: isRepeating ? counts[position] : nil)
            if counts[position] > 1, !isRepeating {
                report(SntDecodingRules.duplicate, location(name), path: childPath.text, line: child.line)
                continue
            }
            if let latest, position < latest.position {
                report(SntDecodingRules.order, location(name), path: childPath.text, line: child.line, [latest.name])
            } else {
                latest = (position, name)
            }
            read(child, childPath)
        }
    }

    /// The text of an element that should hold only text; child elements are reported as unknown.
    func leafText(_ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation) -> String {
        if element.hasChildElements {
            for child in element.children {
                report(SntDecodingRules.unknownElement, location(), path: path.text + "/" + child.localName, line: child.line)
            }
        }
        return element.text
    }

    /// Free text; empty text is an absent value.
    func string(_ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation) -> String? {
        let text = leafText(element, path: path, location())
        return text.isEmpty ? nil : text
    }

    /// An identifier, kept as written (its own rules check it later).
    func identifier<Identifier: CheckedIdentifier>(_ element: XMLTree.Element, path: ElementPath,
                                                   _ location: @autoclosure () -> ProblemLocation) -> Identifier? {
        string(element, path: path, location()).map(Identifier.init)
    }

    func date(_ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation) -> CalendarDate? {
        let text = leafText(element, path: path, location())
        guard let date = CalendarDate(ddMMyyyy: text) else {
            report(SntDecodingRules.date, location(), path: path.text, line: element.line, [text])
            return nil
        }
        return date
    }

    /// A decimal in IS ESF's form. One that is a number but not written canonically (`12.50`,
    /// ` 7`) is kept, with a warning naming the form Qoima will send.
    func decimal(_ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation) -> Decimal? {
        let text = leafText(element, path: path, location())
        // Trimming through Foundation is slow; most values have nothing to trim.
        let needsTrim = text.utf8.first.map(Self.isSpace) == true || text.utf8.last.map(Self.isSpace) == true
        let trimmed = needsTrim ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        guard let value = DecimalText.parse(trimmed) else {
            report(SntDecodingRules.decimal, location(), path: path.text, line: element.line, [text])
            return nil
        }
        if needsTrim || !DecimalText.hasCanonicalForm(text) {
            report(SntDecodingRules.decimalForm, location(), path: path.text, line: element.line,
                   [text, CanonicalDecimal.text(value)])
        }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

    /// A whole number: an optional minus and digits, within the type's range.
    func integer<Number: FixedWidthInteger>(_ element: XMLTree.Element, path: ElementPath,
                                            _ location: @autoclosure () -> ProblemLocation) -> Number? {
        let text = leafText(element, path: path, location())
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48...57).contains($0) }), let value = Number(text) else {
            report(SntDecodingRules.integer, location(), path: path.text, line: element.line, [text])
            return nil
        }
        return value
    }

    /// `true` or `false`, nothing else (SNT booleans are strings on the wire).
    func boolean(_ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation) -> Bool? {
        let text = leafText(element, path: path, location())
        switch text {
        case "true": return true
        case "false": return false
        default:
            report(SntDecodingRules.boolean, location(), path: path.text, line: element.line, [text])
            return nil
        }
    }

    func enumeration<Kind: RawRepresentable<String> & CaseIterable>(
        _ element: XMLTree.Element, path: ElementPath, _ location: @autoclosure () -> ProblemLocation
    ) -> Kind? {
        let text = leafText(element, path: path, location())
        guard let value = Kind(rawValue: text) else {
            let allowed = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            report(SntDecodingRules.enumeration, location(), path: path.text, line: element.line, [text, allowed])
            return nil
        }
        return value
    }

    /// A list `<wrapper><item>…</item>…</wrapper>` of enumeration values; bad ones are left out.
    func enumerations<Kind: RawRepresentable<String> & CaseIterable>(
        _ element: XMLTree.Element, item: String, path: ElementPath, _ location: @autoclosure () -> ProblemLocation
    ) -> [Kind] {
        var values: [Kind] = []
        children(of: element, path: path, order: [item], repeating: [item], location: { _ in location() }) {
            if let value: Kind = enumeration($0, path: $1, location()) { values.append(value) }
        }
        return values
    }
}
