/// Serialises a block Qoima keeps verbatim (`PreservedBlock`) in the same canonical form as the
/// rest of the body, so a canonical SNT reads and writes back byte for byte. SntV1 children are
/// unqualified, so elements are written by local name; attributes without a namespace are kept
/// (sorted, as C14N sorts them); comments, processing instructions and whitespace between
/// elements are dropped.
enum PreservedBlockWriter {
    static func xml(of element: XMLTree.Element) -> String {
        var out = CanonicalXMLBuilder(capacity: 512)
        write(element, to: &out)
        return out.xml
    }

    private static func write(_ element: XMLTree.Element, to out: inout CanonicalXMLBuilder) {
        let name = element.localName
        let attributes = element.attributes.filter { $0.namespaceURI == nil }
            .sorted { SntNameOrder.precedes($0.localName, $1.localName) }
            .map { (name: $0.localName, value: $0.value) }
        out.open(name, attributes: attributes)
        let content = element.content
        let hasElements = content.contains { if case .element = $0 { true } else { false } }
        for node in content {
            switch node {
            case let .element(child): write(child, to: &out)
            case let .text(text):
                if hasElements, text.allSatisfy(\.isWhitespace) { continue }
                out.text(text)
            }
        }
        out.close(name)
    }
}
