import Foundation
import QoimaCore

/// Reads an SntV1 body (`snt` in namespace `v1.snt`, any prefix). Children are matched by local
/// name and may come in any order; values that do not decode become problems and are left out,
/// so one bad field never hides the rest of the document. Only input that is not XML, or not an
/// SntV1 body at all, throws.
public enum SntXMLReader {
    public static func read(_ bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(XMLInputError)
        -> DecodedSnt {
        try decode(XMLTree(parsing: bytes, limits: limits).root)
    }

    public static func read(_ text: String, limits: XMLLimits = .standard) throws(XMLInputError) -> DecodedSnt {
        try read(Array(text.utf8), limits: limits)
    }

    /// Decodes an already parsed body; throws when `root` is not `snt` in `v1.snt`.
    public static func decode(_ root: XMLTree.Element) throws(XMLInputError) -> DecodedSnt {
        try expectRoot(root, SntSchema.root, namespace: SntSchema.namespace)
        let decoder = SntXMLDecoder()
        let snt = decoder.snt(from: root)
        return DecodedSnt(snt: snt, problems: decoder.problems)
    }

    static func expectRoot(_ root: XMLTree.Element, _ name: String, namespace: String) throws(XMLInputError) {
        guard root.localName != name || root.namespaceURI != namespace else { return }
        throw XMLInputError(.unexpectedRoot(found: root.localName, namespace: root.namespaceURI,
                                            expected: "\(name) (namespace \"\(namespace)\")"),
                            line: root.line)
    }
}
