import Foundation

/// A received SOAP 1.1 envelope, request or response. It is parsed through `SafeXMLParser`'s
/// limits (no DOCTYPE, no network, bounded size and depth); `Envelope`, `Header` and `Body` are
/// matched by local name in SOAP 1.1's namespace, with any prefix. The operation is
/// the body's first element, whatever its prefix, so `SOAPAction` is never needed.
/// Not `Sendable`, like the `XMLTree` it holds: read it on one task.
public struct SOAPEnvelope {
    public let header: SOAPElementView?
    /// The body's first element (`createSessionRequest`, `sntUploadResponse`…); nil when the
    /// body is empty.
    public let operation: SOAPElementView?
    private let body: XMLTree.Element

    /// Parses an envelope. Throws `.invalid` when the bytes are refused or are not a SOAP 1.1
    /// envelope with a `Body`.
    public init(parsing bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(SOAPError) {
        let root: XMLTree.Element
        do throws(XMLInputError) {
            root = try XMLTree(parsing: bytes, limits: limits).root
        } catch {
            throw .invalid(error)
        }
        let soap = SOAPNamespace.envelope.rawValue
        guard root.localName == "Envelope", root.namespaceURI == soap else {
            throw .invalid(XMLInputError(.unexpectedRoot(found: root.localName, namespace: root.namespaceURI,
                                                         expected: "Envelope (namespace \"\(soap)\")"),
                                         line: root.line))
        }
        func part(_ name: String) -> XMLTree.Element? {
            root.children.first { $0.localName == name && $0.namespaceURI == soap }
        }
        guard let body = part("Body") else { throw .missing("Envelope/Body", line: root.line) }
        self.body = body
        header = part("Header").map { SOAPElementView($0, path: "Header") }
        operation = body.children.first.map { SOAPElementView($0, path: $0.localName) }
    }

    public init(parsing text: String, limits: XMLLimits = .standard) throws(SOAPError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// The body's element, which must be `name` (matched by local name). Throws naming
    /// `Envelope/Body/name` when the body is empty, or what was found instead.
    public func operation(_ name: String) throws(SOAPError) -> SOAPElementView {
        guard let operation else { throw .missing("Envelope/Body/" + name, line: body.line) }
        guard operation.name == name else {
            throw .unexpectedOperation(found: operation.name, expected: name, line: operation.line)
        }
        return operation
    }
}
