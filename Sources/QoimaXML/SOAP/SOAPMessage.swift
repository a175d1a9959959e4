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

    /// The envelope with the WS-Security `UsernameToken` header that session create and close
    /// calls need (domain.md §6): `username` is the user's IIN, `password` the UTF-8 bytes of the
    /// IS ESF account password, escaped straight into the result.
    ///
    /// The result holds the password: wipe it after sending (hand it to `SecretBytes(bytes:)` and
    /// keep no other reference, so the wipe reaches this very buffer). It is allocated once, at
    /// its final size, so no outgrown buffer holding the password is freed unwiped, and the
    /// password never passes through a `String`. Throws
    /// `.unwritablePassword` when the bytes are not UTF-8 or hold a character XML cannot carry.
    public func envelope(username: String, password: UnsafeRawBufferPointer) throws(SOAPError) -> [UInt8] {
        let passwordCount = try PasswordText.escapedCount(of: password)
        var head = CanonicalXMLBuilder(capacity: 512)
        SOAPWriting.openEnvelope(&head)
        let soap = SOAPNamespace.envelope.prefix, wsse = SOAPNamespace.security.prefix
        head.open(soap + ":Header")
        head.open(wsse + ":Security", attributes: [
            ("xmlns:" + wsse, SOAPNamespace.security.rawValue),
            (soap + ":mustUnderstand", SOAPNamespace.securityMustUnderstand),
        ])
        head.open(wsse + ":UsernameToken")
        head.open(wsse + ":Username")
        head.text(username)
        head.close(wsse + ":Username")
        head.open(wsse + ":Password", attributes: [("Type", SOAPNamespace.passwordTextType)])

        var tail = CanonicalXMLBuilder(capacity: 512)
        tail.close(wsse + ":Password")
        tail.close(wsse + ":UsernameToken")
        tail.close(wsse + ":Security")
        tail.close(soap + ":Header")
        writeBody(to: &tail)
        SOAPWriting.closeEnvelope(&tail)

        let total = head.xml.utf8.count + passwordCount + tail.xml.utf8.count
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var index = buffer.initialize(fromContentsOf: head.xml.utf8)
            index = PasswordText.write(password, into: buffer, at: index)
            count = buffer[index...].initialize(fromContentsOf: tail.xml.utf8)
        }
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

/// A password written as element text from raw bytes, without a `String` in between.
enum PasswordText {
    /// The escaped length; throws unless the bytes are UTF-8 of characters XML 1.0 can carry.
    static func escapedCount(of password: UnsafeRawBufferPointer) throws(SOAPError) -> Int {
        var codec = UTF8()
        var bytes = password.makeIterator()
        var count = 0
        while true {
            switch codec.decode(&bytes) {
            case let .scalarValue(scalar):
                let value = scalar.value
                guard value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D,
                      value != 0xFFFE, value != 0xFFFF else { throw .unwritablePassword }
                count += escape(value).map(\.utf8.count) ?? UTF8.width(scalar)
            case .emptyInput: return count
            case .error: throw .unwritablePassword
            }
        }
    }

    /// Writes the escaped bytes from `index` on; returns the index after them. Only ASCII bytes
    /// are escaped, and they never occur inside a multi-byte UTF-8 sequence, so bytes are enough.
    static func write(_ password: UnsafeRawBufferPointer, into buffer: UnsafeMutableBufferPointer<UInt8>,
                      at start: Int) -> Int {
        var index = start
        for byte in password {
            if let escaped = escape(UInt32(byte)) {
                for unit in escaped.utf8 {
                    buffer.initializeElement(at: index, to: unit)
                    index += 1
                }
            } else {
                buffer.initializeElement(at: index, to: byte)
                index += 1
            }
        }
        return index
    }

    /// The same escapes as `CanonicalXMLBuilder` uses for text.
    private static func escape(_ value: UInt32) -> String? {
        switch value {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x0D: "&#xD;"
        default: nil
        }
    }
}
