import Glibc
import QoimaXML

/// The one way Qoima posts an IS ESF operation: it writes the envelope (with the WS-Security
/// header where the operation needs it), posts it with `Content-Type: text/xml` and an empty
/// `SOAPAction`, reads the answer, requires the operation's response wrapper, and decodes it
/// before returning, since the parsed tree cannot leave the task. Every failure becomes an
/// `ESFError` naming the operation.
struct ESFExchange: Sendable {
    let server: ESFServerProfile
    let transport: any ESFTransport

    /// The user name and cabinet password of the WS-Security header.
    struct Credentials {
        let username: String
        let password: CabinetPassword
    }

    static let headers = [HTTPHeader("Content-Type", SOAPMessage.contentType), HTTPHeader("SOAPAction", SOAPMessage.soapAction)]

    func call<T>(_ operation: ESFOperation, on service: ESFService, security: Credentials? = nil,
                 @SOAPChildren _ children: () -> [SOAPElement],
                 decode: (SOAPElementView) throws(ESFAnswerProblem) -> T) async throws(ESFError) -> T {
        precondition(operation.services.contains(service), "\(operation) is not served by \(service)")
        let message = SOAPMessage(operation.request, in: operation.namespace(on: service), children: children)
        var body: [UInt8]
        if let security {
            do {
                body = try security.password.withBytes { password in
                    try message.envelope(username: security.username, password: UnsafeRawBufferPointer(password))
                }
            } catch {
                throw .invalidRequest(.unwritablePassword, operation: operation)
            }
        } else {
            body = Array(message.envelope().utf8)
        }
        let response: HTTPResponse
        do {
            response = try await transport.post(body, to: server.url(of: service), headers: Self.headers)
            if security != nil { Self.wipe(&body) }
        } catch {
            if security != nil { Self.wipe(&body) }
            throw Self.failure(error, operation: operation)
        }
        return try Self.read(response.body, operation: operation, decode: decode)
    }

    /// Reads an answer: a fault is IS ESF's refusal; anything else unreadable is `unreadableAnswer`.
    static func read<T>(_ bytes: [UInt8], operation: ESFOperation,
                        decode: (SOAPElementView) throws(ESFAnswerProblem) -> T) throws(ESFError) -> T {
        let wrapper: SOAPElementView
        do {
            wrapper = try SOAPEnvelope(parsing: bytes).operation(operation.response)
        } catch {
            if case let .fault(fault) = error { throw .fault(fault, operation: operation) }
            throw .unreadableAnswer(.soap(error), operation: operation)
        }
        do {
            return try decode(wrapper)
        } catch {
            throw .unreadableAnswer(error, operation: operation)
        }
    }

    /// A non-2xx answer whose body is a SOAP fault is that fault (CXF answers faults with 500).
    static func failure(_ error: HTTPTransportError, operation: ESFOperation) -> ESFError {
        if case let .httpStatus(_, response) = error,
           case let .fault(fault)? = Self.soapError(in: response.body) {
            return .fault(fault, operation: operation)
        }
        return .transport(error, operation: operation)
    }

    private static func soapError(in body: [UInt8]) -> SOAPError? {
        do {
            _ = try SOAPEnvelope(parsing: body)
            return nil
        } catch {
            return error
        }
    }

    /// Overwrites the sent envelope, which holds the cabinet password. It goes through the
    /// buffer's address rather than a mutating method: the transport's finished thread may still
    /// hold a reference to the same buffer, and copy-on-write would then wipe a fresh copy.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            explicit_bzero(UnsafeMutableRawPointer(mutating: base), raw.count)
        }
    }
}
