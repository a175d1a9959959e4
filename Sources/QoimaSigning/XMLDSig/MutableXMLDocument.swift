import CXML2
import Foundation
import QoimaXML

/// A libxml2 document that can be changed and canonicalised in parts: what XMLDSig needs.
/// Parsed through QoimaXML's safe parser (no DOCTYPE, no network, bounded depth).
final class MutableXMLDocument {
    let document: xmlDocPtr

    init(_ text: String) throws {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBytes { SafeXMLParser.parse($0, limits: .standard) }
        switch result {
        case let .success(document): self.document = document
        case let .failure(error): throw SigningError.invalidXML(reason: error.description)
        }
    }

    deinit { xmlFreeDoc(document) }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// The whole document as UTF-8 text, with an XML declaration.
    func serialized() -> String {
        var output: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &output, &length, "UTF-8", 0)
        guard let output else { return "" }
        defer { qoima_xml_free(output) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    enum Canonicalization {
        case inclusive(comments: Bool)
        case exclusive(comments: Bool)

        init?(algorithm: String) {
            switch algorithm {
            case XMLDSig.c14n: self = .inclusive(comments: false)
            case XMLDSig.c14nWithComments: self = .inclusive(comments: true)
            case XMLDSig.exclusiveC14N: self = .exclusive(comments: false)
            case XMLDSig.exclusiveC14NWithComments: self = .exclusive(comments: true)
            default: return nil
            }
        }

        var mode: Int32 {
            switch self {
            case .inclusive: Int32(XML_C14N_1_0.rawValue)
            case .exclusive: Int32(XML_C14N_EXCLUSIVE_1_0.rawValue)
            }
        }

        var comments: Bool {
            switch self {
            case let .inclusive(comments), let .exclusive(comments): comments
            }
        }
    }

    /// Which nodes a canonicalisation covers: the subtree under one element, or the whole
    /// document without one element's subtree (the enveloped-signature transform).
    enum Selection {
        case subtree(xmlNodePtr)
        case documentWithout(xmlNodePtr?)
    }

    /// The canonical bytes of the selected nodes. Comments are kept only when `method` says so
    /// and the selection allows them (a same-document reference `URI=""` drops them).
    func canonicalize(_ selection: Selection, method: Canonicalization, allowComments: Bool = true) throws -> [UInt8] {
        let box = SelectionBox(selection)
        guard let buffer = xmlAllocOutputBuffer(nil) else { throw SigningError.invalidXML(reason: "out of memory") }
        let withComments: Int32 = method.comments && allowComments ? 1 : 0
        let status = withExtendedLifetime(box) {
            xmlC14NExecute(document, { userData, node, parent in
                guard let userData else { return 0 }
                let box = Unmanaged<SelectionBox>.fromOpaque(userData).takeUnretainedValue()
                return box.isVisible(node, parent: parent) ? 1 : 0
            }, Unmanaged.passUnretained(box).toOpaque(), method.mode, nil, withComments, buffer)
        }
        defer { xmlOutputBufferClose(buffer) }
        guard status >= 0, let content = xmlOutputBufferGetContent(buffer) else {
            throw SigningError.invalidXML(reason: "canonicalisation failed (a relative namespace URI cannot be canonicalised)")
        }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))))
    }
}

/// The node set of a canonicalisation, asked about each node by libxml2.
private final class SelectionBox {
    let selection: MutableXMLDocument.Selection

    init(_ selection: MutableXMLDocument.Selection) { self.selection = selection }

    func isVisible(_ node: xmlNodePtr?, parent: xmlNodePtr?) -> Bool {
        guard let node else { return false }
        // Namespace nodes are not tree nodes; they belong to the element libxml2 passes as parent.
        let element = node.pointee.type == XML_NAMESPACE_DECL ? parent : node
        switch selection {
        case let .subtree(top): return Self.isInside(element, top)
        case let .documentWithout(excluded):
            guard let excluded else { return true }
            return !Self.isInside(element, excluded)
        }
    }

    private static func isInside(_ node: xmlNodePtr?, _ top: xmlNodePtr) -> Bool {
        var cursor = node
        while let current = cursor {
            if current == top { return true }
            cursor = current.pointee.parent
        }
        return false
    }
}

/// Walking helpers over libxml2 nodes.
enum XMLNodes {
    static func children(_ node: xmlNodePtr, named name: String, namespace: String = XMLDSig.namespace) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, localName(current) == name, namespaceURI(current) == namespace {
                result.append(current)
            }
            child = current.pointee.next
        }
        return result
    }

    static func child(_ node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        children(node, named: name).first
    }

    static func localName(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    static func namespaceURI(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { qoima_xml_free(value) }
        return String(cString: value)
    }

    static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { qoima_xml_free(content) }
        return String(cString: content)
    }
}
