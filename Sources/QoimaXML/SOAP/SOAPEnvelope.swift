import CXML2
import Foundation

/// A received SOAP 1.1 envelope, request or response. It is parsed through `SafeXMLParser`'s
/// limits (no DOCTYPE, no network, bounded size and depth); `Envelope`, `Header`, `Body` and
/// `Fault` are matched by local name in SOAP 1.1's namespace, with any prefix. The operation is
/// the body's first element, whatever its prefix, so `SOAPAction` is never needed.
/// Not `Sendable`, like the `XMLTree` it holds: read it on one task.
public struct SOAPEnvelope {
    public let header: SOAPElementView?
    /// The body's first element (`createSessionRequest`, `sntUploadResponse`…); nil when the
    /// body is empty.
    public let operation: SOAPElementView?
    private let body: XMLTree.Element

    /// Parses an envelope. Throws `.invalid` when the bytes are refused or are not a SOAP 1.1
    /// envelope with a `Body`, and `.fault` when the body holds a fault.
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
        let first = body.children.first
        if let first, first.localName == "Fault", first.namespaceURI == soap {
            throw .fault(SOAPFault.read(first))
        }
        operation = first.map { SOAPElementView($0, path: $0.localName) }
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

    /// The header's WS-Security `UsernameToken`, when it has one with both a `Username` and a
    /// `Password` (all in the WS-Security namespace).
    public var usernameToken: UsernameToken? {
        let wsse = SOAPNamespace.security.rawValue
        func child(_ element: XMLTree.Element?, _ name: String) -> XMLTree.Element? {
            element?.children.first { $0.localName == name && $0.namespaceURI == wsse }
        }
        let token = child(child(header?.element, "Security"), "UsernameToken")
        guard let username = child(token, "Username"), let password = child(token, "Password") else { return nil }
        return UsernameToken(username: username.text.trimmingCharacters(in: .whitespacesAndNewlines),
                             password: password.textBytes,
                             passwordType: password.attributes.first { $0.localName == "Type" }?.value)
    }
}

/// The WS-Security `UsernameToken` of a received header, for the sandbox to check. The
/// password stays bytes, exactly as sent; its description never shows them.
public struct UsernameToken: Hashable, Sendable, CustomStringConvertible {
    public var username: String
    public var password: [UInt8]
    /// The password's `Type` attribute (`SOAPNamespace.passwordTextType` from Qoima), if any.
    public var passwordType: String?

    public init(username: String, password: [UInt8], passwordType: String?) {
        self.username = username
        self.password = password
        self.passwordType = passwordType
    }

    public var description: String { "UsernameToken(username: \(username), password: \(password.count) bytes)" }
}

extension XMLTree.Element {
    /// The element's text as UTF-8 bytes, never held in a `String`, in one allocation.
    var textBytes: [UInt8] {
        func texts(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                   let content = current.pointee.content {
                    body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                child = current.pointee.next
            }
        }
        var count = 0
        texts { count += $0.count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        texts { bytes.append(contentsOf: $0) }
        return bytes
    }
}
