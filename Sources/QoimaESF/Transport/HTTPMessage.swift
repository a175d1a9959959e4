/// One HTTP header line, name and value as written.
public struct HTTPHeader: Hashable, Sendable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A whole answer: its status, its headers as the server sent them, and its body, already
/// decoded when it came gzip- or deflate-compressed (so `Content-Encoding` and `Content-Length`
/// describe the bytes on the wire, not `body`).
public struct HTTPResponse: Hashable, Sendable {
    public let status: Int
    public let headers: [HTTPHeader]
    public let body: [UInt8]

    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name, ignoring case.
    public func value(of name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
