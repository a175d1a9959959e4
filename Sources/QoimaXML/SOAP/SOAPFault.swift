import CXML2
import Foundation

/// A SOAP 1.1 fault: what IS ESF answers instead of a response when a call fails as a whole
/// (domain.md §6). The client receives it as `SOAPError.fault`; the sandbox writes it with
/// `envelope()`.
public struct SOAPFault: Error, Hashable, Sendable, CustomStringConvertible {
    /// `faultcode`: a qualified name, resolved against the namespaces in scope where it was read.
    public struct Code: Hashable, Sendable {
        /// Nil when the code has no prefix and no default namespace is in scope.
        public var namespaceURI: String?
        public var name: String

        public init(_ name: String, namespaceURI: String?) {
            self.name = name
            self.namespaceURI = namespaceURI
        }

        public static let client = Code("Client", namespaceURI: SOAPNamespace.envelope.rawValue)
        public static let server = Code("Server", namespaceURI: SOAPNamespace.envelope.rawValue)
        /// What Apache CXF's WS-Security layer answers when the `UsernameToken` is missing or wrong.
        public static let securityError = Code(ESFKnownError.securityFaultCode, namespaceURI: SOAPNamespace.wss4jFaults)
    }

    /// `detail`: the exception IS ESF declares for the operation, with its one text.
    public struct Detail: Hashable, Sendable {
        /// The exception element's local name (`businessException`…); empty when the detail
        /// holds only text.
        public var name: String
        public var namespaceURI: String?
        /// The exception's `description` (`message` for the OCSP exceptions); when it has
        /// neither, all the text inside it, trimmed and joined with "; ".
        public var text: String

        public init(name: String, namespaceURI: String?, text: String) {
            self.name = name
            self.namespaceURI = namespaceURI
            self.text = text
        }

        public init(_ exception: ESFException, in namespace: SOAPNamespace, text: String) {
            self.init(name: exception.rawValue, namespaceURI: namespace.rawValue, text: text)
        }

        public var exception: ESFException? { ESFException(name: name) }
    }

    public var code: Code
    /// `faultstring`, trimmed.
    public var message: String
    public var actor: String?
    public var detail: Detail?

    public init(code: Code, message: String, actor: String? = nil, detail: Detail? = nil) {
        self.code = code
        self.message = message
        self.actor = actor
        self.detail = detail
    }

    /// The first word of the fault string, then of the detail, shaped like an IS ESF error code:
    /// capitals, digits and underscores, with at least one underscore (`METHOD_NOT_SUPPORT_GOST_2015`).
    public var errorCode: String? {
        [message, detail?.text ?? ""].lazy.compactMap(Self.codeShapedWord).first
    }

    /// The error of domain.md §6's table this fault is, if any.
    public var knownError: ESFKnownError? {
        if code.name == ESFKnownError.securityFaultCode { return .securityError }
        let texts = [message, detail?.text ?? ""]
        return ESFKnownError.allCases.first { error in
            texts.contains { $0.range(of: error.marker, options: .caseInsensitive) != nil }
        }
    }

    /// `Server: User already has opened session (businessException: …)`.
    public var description: String {
        var result = code.name + ": " + message
        if let detail, !detail.text.isEmpty, detail.text != message {
            result += " (" + (detail.name.isEmpty ? "" : detail.name + ": ") + detail.text + ")"
        }
        return result
    }

    /// The fault in an envelope of its own, compact, with an XML declaration.
    public func envelope() -> String {
        var out = CanonicalXMLBuilder(capacity: 512)
        SOAPWriting.openEnvelope(&out)
        let soap = SOAPNamespace.envelope.prefix
        out.open(soap + ":Body")
        out.open(soap + ":Fault")
        switch code.namespaceURI {
        case SOAPNamespace.envelope.rawValue?:
            out.open("faultcode")
            out.text(soap + ":" + code.name)
        case nil:
            out.open("faultcode")
            out.text(code.name)
        case let namespace?:
            // Declared on the element itself, as CXF does, so the prefix cannot clash.
            out.open("faultcode", attributes: [("xmlns:ns1", namespace)])
            out.text("ns1:" + code.name)
        }
        out.close("faultcode")
        out.open("faultstring")
        out.text(message)
        out.close("faultstring")
        if let actor {
            out.open("faultactor")
            out.text(actor)
            out.close("faultactor")
        }
        if let detail { write(detail, to: &out) }
        out.close(soap + ":Fault")
        out.close(soap + ":Body")
        SOAPWriting.closeEnvelope(&out)
        return out.xml
    }

    private func write(_ detail: Detail, to out: inout CanonicalXMLBuilder) {
        out.open("detail")
        if detail.name.isEmpty {
            out.text(detail.text)
        } else {
            let prefix = SOAPNamespace.allCases.first { $0.rawValue == detail.namespaceURI }?.prefix ?? "ns2"
            let name = detail.namespaceURI == nil ? detail.name : prefix + ":" + detail.name
            out.open(name, attributes: detail.namespaceURI.map { [("xmlns:" + prefix, $0)] } ?? [])
            let textElement = detail.exception?.textElement ?? "description"
            out.open(textElement)
            out.text(detail.text)
            out.close(textElement)
            out.close(name)
        }
        out.close("detail")
    }

    /// Reads a `Fault` element. Its children are matched by local name; absent ones read as
    /// empty, so a sloppy fault still reaches the caller as a fault.
    static func read(_ fault: XMLTree.Element) -> SOAPFault {
        let code = fault.child(named: "faultcode").map(readCode) ?? Code("", namespaceURI: nil)
        let message = trimmed(fault.child(named: "faultstring")?.text ?? "")
        let actor = fault.child(named: "faultactor").map { trimmed($0.text) }
        return SOAPFault(code: code, message: message, actor: actor, detail: fault.child(named: "detail").flatMap(readDetail))
    }

    private static func readCode(_ element: XMLTree.Element) -> Code {
        let text = trimmed(element.text)
        guard let colon = text.firstIndex(of: ":") else {
            return Code(text, namespaceURI: element.namespaceURI(forPrefix: nil))
        }
        return Code(String(text[text.index(after: colon)...]),
                    namespaceURI: element.namespaceURI(forPrefix: String(text[..<colon])))
    }

    private static func readDetail(_ detail: XMLTree.Element) -> Detail? {
        guard let exception = detail.children.first else {
            let text = trimmed(detail.text)
            return text.isEmpty ? nil : Detail(name: "", namespaceURI: nil, text: text)
        }
        let named = ESFException(name: exception.localName).flatMap { exception.child(named: $0.textElement) }
        let textElement = named ?? exception.child(named: "description") ?? exception.child(named: "message")
        return Detail(name: exception.localName, namespaceURI: exception.namespaceURI,
                      text: textElement.map { trimmed($0.text) } ?? allText(exception))
    }

    /// The texts inside an element and all its descendants, trimmed, joined with "; ".
    private static func allText(_ element: XMLTree.Element) -> String {
        element.content.compactMap { node -> String? in
            let text = switch node {
            case let .element(child): allText(child)
            case let .text(text): trimmed(text)
            }
            return text.isEmpty ? nil : text
        }.joined(separator: "; ")
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func codeShapedWord(in text: String) -> String? {
        let separators = Set(" \t\r\n:;,.!?()[]{}<>\"'«»=/")
        return text.split { separators.contains($0) }.first { word in
            guard let first = word.first, first.isASCII, first.isUppercase, word.contains("_") else { return false }
            return word.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isUppercase || $0.isNumber)) }
        }.map(String.init)
    }
}

extension XMLTree.Element {
    /// The namespace a prefix (nil: the default namespace) stands for at this element.
    func namespaceURI(forPrefix prefix: String?) -> String? {
        let namespace: xmlNsPtr? = if let prefix {
            (Array(prefix.utf8) + [0]).withUnsafeBufferPointer { xmlSearchNs(node.pointee.doc, node, $0.baseAddress) }
        } else {
            xmlSearchNs(node.pointee.doc, node, nil)
        }
        return namespace?.pointee.href.map { String(cString: $0) }
    }
}
