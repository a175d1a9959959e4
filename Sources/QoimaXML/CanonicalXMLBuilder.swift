import Foundation
import QoimaCore

/// Builds XML text in Qoima's canonical form: no declaration, no whitespace between elements,
/// empty elements as start and end tag, text escaped as Canonical XML does (`&`, `<`, `>`, CR).
/// A document written this way is its own C14N, so what is signed is what is sent. Characters
/// XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF) are left out. Empty values are
/// omitted: an element with no value is an absent element.
struct CanonicalXMLBuilder {
    private(set) var xml = ""

    init(capacity: Int = 4096) { xml.reserveCapacity(capacity) }

    mutating func open(_ name: String) {
        xml += "<"
        xml += name
        xml += ">"
    }

    /// A start tag with attributes, written in the order given.
    mutating func open(_ name: String, attributes: [(name: String, value: String)]) {
        xml += "<"
        xml += name
        for attribute in attributes {
            xml += " "
            xml += attribute.name
            xml += "=\""
            Self.appendEscaped(attribute.value, to: &xml, inAttribute: true)
            xml += "\""
        }
        xml += ">"
    }

    mutating func close(_ name: String) {
        xml += "</"
        xml += name
        xml += ">"
    }

    mutating func text(_ value: String) { Self.appendEscaped(value, to: &xml, inAttribute: false) }

    /// Text as a CDATA section (split where the text itself holds `]]>`).
    mutating func cdata(_ value: String) {
        xml += "<![CDATA["
        xml += value.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        xml += "]]>"
    }

    /// Appends markup that is already canonical, such as a `PreservedBlock`.
    mutating func raw(_ markup: String) { xml += markup }

    mutating func leaf(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        open(name)
        text(value)
        close(name)
    }

    mutating func leaf(_ name: String, _ value: (some CheckedIdentifier)?) { leaf(name, value?.rawValue) }
    mutating func leaf<Kind: RawRepresentable<String>>(_ name: String, _ value: Kind?) { leaf(name, value?.rawValue) }
    mutating func leaf(_ name: String, _ value: CalendarDate?) { leaf(name, value?.ddMMyyyy) }
    mutating func leaf(_ name: String, _ value: Decimal?) { leaf(name, value.map(CanonicalDecimal.text)) }
    mutating func leaf(_ name: String, _ value: Bool?) { leaf(name, value.map { $0 ? "true" : "false" }) }
    mutating func leaf(_ name: String, _ value: Int?) { leaf(name, value.map { String($0) }) }
    mutating func leaf(_ name: String, _ value: Int64?) { leaf(name, value.map { String($0) }) }

    /// `<wrapper><item>…</item>…</wrapper>`, or nothing for an empty list.
    mutating func list<Item>(_ wrapper: String, _ items: [Item], _ write: (inout Self, Item) -> Void) {
        guard !items.isEmpty else { return }
        open(wrapper)
        for item in items { write(&self, item) }
        close(wrapper)
    }

    /// Escapes as Canonical XML 1.0 does: in text `&`, `<`, `>` and CR; in attributes `&`, `<`,
    /// `"`, TAB, LF and CR. Text with nothing to escape is appended in one piece.
    static func appendEscaped(_ value: String, to out: inout String, inAttribute: Bool) {
        let needsWork = value.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == 0xEF
        }
        guard needsWork else {
            out += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">" where !inAttribute: out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#xD;"
            case "\t" where inAttribute: out += "&#x9;"
            case "\n" where inAttribute: out += "&#xA;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
