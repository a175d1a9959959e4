import CXML2
import Foundation

/// A parsed XML document, read-only, for walking: elements with their local names, namespaces,
/// text and source lines. Parsing goes through `SafeXMLParser`, so every tree in Qoima comes
/// from input that passed the same limits and refusals. Not thread-safe: keep a tree on one task.
public final class XMLTree {
    private let document: xmlDocPtr

    /// Parses `bytes`; throws when they exceed `limits`, carry a DOCTYPE, or are not well-formed.
    public init(parsing bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(XMLInputError) {
        let result = bytes.withUnsafeBytes { SafeXMLParser.parse($0, limits: limits) }
        document = try result.get()
    }

    public convenience init(parsing text: String, limits: XMLLimits = .standard) throws(XMLInputError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    deinit { xmlFreeDoc(document) }

    /// The document element (a well-formed document always has one).
    public var root: Element { Element(node: xmlDocGetRootElement(document)!, tree: self) }

    public enum CanonicalizationMethod: Sendable {
        /// Canonical XML 1.0 (inclusive), without comments.
        case inclusive
        /// Exclusive XML Canonicalization 1.0, without comments.
        case exclusive
    }

    /// The whole document in canonical form (C14N), as XML signatures see it. Nil when libxml2
    /// refuses the document, as it does any with a relative namespace URI such as SntV1's
    /// `v1.snt`.
    public func canonicalized(_ method: CanonicalizationMethod = .exclusive) -> String? {
        qoima_xml_silence_generic_errors()
        var output: UnsafeMutablePointer<xmlChar>?
        let mode = Int32(method == .exclusive ? XML_C14N_EXCLUSIVE_1_0.rawValue : XML_C14N_1_0.rawValue)
        let length = xmlC14NDocDumpMemory(document, nil, mode, nil, 0, &output)
        guard length >= 0, let output else { return nil }
        defer { qoima_xml_free(output) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    /// One element of the tree. It keeps its tree alive.
    public struct Element {
        let node: xmlNodePtr
        let tree: XMLTree

        public var localName: String { String(cString: node.pointee.name) }
        /// Nil for an unqualified element.
        public var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }
        public var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }
        /// 1-based line of the start tag in the input.
        public var line: Int { xmlGetLineNo(node) }

        /// Child elements, in document order.
        public var children: [Element] {
            var result: [Element] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { result.append(Element(node: current, tree: tree)) }
                child = current.pointee.next
            }
            return result
        }

        public var hasChildElements: Bool {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { return true }
                child = current.pointee.next
            }
            return false
        }

        /// The first child element with this local name.
        public func child(named localName: String) -> Element? {
            // Walks the siblings comparing bytes: no array, no String per child. Answers read
            // every field this way, so it runs for each field of each row.
            localName.withCString { wanted in
                let name = UnsafeRawPointer(wanted).assumingMemoryBound(to: xmlChar.self)
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(current.pointee.name, name) != 0 {
                        return Element(node: current, tree: tree)
                    }
                    child = current.pointee.next
                }
                return nil
            }
        }

        /// Child elements and text (CDATA included), in document order; comments and processing
        /// instructions are left out.
        public var content: [Node] {
            var result: [Node] = []
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE: result.append(.element(Element(node: current, tree: tree)))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let text = current.pointee.content { result.append(.text(String(cString: text))) }
                default: break
                }
                child = current.pointee.next
            }
            return result
        }

        /// The text directly inside the element (its text and CDATA children, joined).
        public var text: String {
            var result = ""
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                   let text = current.pointee.content {
                    result += String(cString: text)
                }
                child = current.pointee.next
            }
            return result
        }

        /// Attributes in document order (namespace declarations are not attributes here).
        public var attributes: [Attribute] {
            var result: [Attribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                var value = ""
                var valueNode = current.pointee.children
                while let text = valueNode {
                    if let content = text.pointee.content { value += String(cString: content) }
                    valueNode = text.pointee.next
                }
                result.append(Attribute(localName: String(cString: current.pointee.name),
                                        namespaceURI: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                                        value: value))
                attribute = current.pointee.next
            }
            return result
        }
    }

    public enum Node {
        case element(Element)
        case text(String)
    }

    public struct Attribute: Hashable, Sendable {
        public let localName: String
        public let namespaceURI: String?
        public let value: String

        public init(localName: String, namespaceURI: String? = nil, value: String) {
            self.localName = localName
            self.namespaceURI = namespaceURI
            self.value = value
        }
    }
}
