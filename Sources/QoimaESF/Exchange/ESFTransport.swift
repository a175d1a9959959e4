/// What carries one SOAP exchange to IS ESF: `HTTPTransport` (libcurl) in the application; a
/// stand-in that answers from a script in tests of the calls above it.
public protocol ESFTransport: Sendable {
    /// POSTs `body` and returns the whole answer when its status is 2xx; otherwise throws
    /// `.httpStatus` with the answer, whose body may hold a SOAP fault.
    func post(_ body: [UInt8], to url: String, headers: [HTTPHeader]) async throws(HTTPTransportError) -> HTTPResponse
}

extension HTTPTransport: ESFTransport {}
