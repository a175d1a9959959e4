/// What one SOAP 1.1 envelope carries to or from IS ESF: one wrapper element in the service's
/// namespace (`esf:createAuthTicketRequest`, `v1:sntUploadRequest`…) with unqualified children
/// (domain.md §6). Requests and responses are written alike, so the sandbox answers with the same
/// type the client asks with.
public struct SOAPMessage: Hashable, Sendable {
    public var namespace: SOAPNamespace
    /// The wrapper; its name is the operation's request or response element.
    public var element: SOAPElement

    public init(_ element: SOAPElement, in namespace: SOAPNamespace) {
        self.element = element
        self.namespace = namespace
    }

    public init(_ name: String, in namespace: SOAPNamespace, @SOAPChildren children: () -> [SOAPElement]) {
        self.init(SOAPElement(name, children: children()), in: namespace)
    }

    /// The HTTP `Content-Type` of every IS ESF call.
    public static let contentType = "text/xml; charset=UTF-8"
    /// The HTTP `SOAPAction`: always empty; the server (and the sandbox) go by the body's element.
    public static let soapAction = ""

    /// The envelope without a header, as UTF-8 text: compact, with an XML declaration.
    public func envelope() -> String {
        var out = CanonicalXMLBuilder(capacity: 512)
        SOAPWriting.openEnvelope(&out)
        writeBody(to: &out)
        SOAPWriting.closeEnvelope(&out)
        return out.xml
    }

    private func writeBody(to out: inout CanonicalXMLBuilder) {
        out.open(SOAPNamespace.envelope.prefix + ":Body")
        let name = namespace.prefix + ":" + element.name
        out.open(name, attributes: [("xmlns:" + namespace.prefix, namespace.rawValue)])
        switch element.content {
        case let .text(text): out.text(text)
        case let .children(children): for child in children { child.write(to: &out) }
        }
        out.close(name)
        out.close(SOAPNamespace.envelope.prefix + ":Body")
    }
}

/// The envelope's start and end, shared by messages and faults.
enum SOAPWriting {
    static func openEnvelope(_ out: inout CanonicalXMLBuilder) {
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.open(SOAPNamespace.envelope.prefix + ":Envelope",
                 attributes: [("xmlns:" + SOAPNamespace.envelope.prefix, SOAPNamespace.envelope.rawValue)])
    }

    static func closeEnvelope(_ out: inout CanonicalXMLBuilder) {
        out.close(SOAPNamespace.envelope.prefix + ":Envelope")
    }
}
