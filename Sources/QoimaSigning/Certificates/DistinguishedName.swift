/// An X.509 name (subject or issuer) as its attributes in order, e.g. CN, SURNAME, SERIALNUMBER.
public struct DistinguishedName: Hashable, Sendable, CustomStringConvertible {
    public struct Attribute: Hashable, Sendable {
        /// OpenSSL's short name ("CN", "serialNumber", "OU") or the dotted OID when it has none.
        public let type: String
        public let value: String
    }

    public let attributes: [Attribute]

    public init(_ attributes: [Attribute]) { self.attributes = attributes }

    /// The first value of an attribute type, compared without case ("OU" finds "ou").
    public subscript(type: String) -> String? {
        attributes.first { $0.type.caseInsensitiveCompare(type) == .orderedSame }?.value
    }

    public func all(_ type: String) -> [String] {
        attributes.filter { $0.type.caseInsensitiveCompare(type) == .orderedSame }.map(\.value)
    }

    /// "CN=…, SERIALNUMBER=…" in the order the certificate lists them.
    public var description: String {
        attributes.map { "\($0.type.uppercased())=\($0.value)" }.joined(separator: ", ")
    }
}
