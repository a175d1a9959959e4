import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import QoimaXML

/// The sandbox's HTTP face: `POST` a SOAP request to a service path, `GET <path>?wsdl` for its
/// WSDL. Fault injection happens here, around the dispatcher: latency before every answer; an
/// HTTP 500 or a SOAP fault instead of processing; or processing and then a dropped connection.
/// `?wsdl` is never faulted.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let dispatcher: SandboxDispatcher
    let scheme: String
    /// One request at a time, off the cooperative pool: the dispatcher blocks on SQLite and on
    /// signature checks, as one IS ESF node serves one request after another.
    let worker = DispatchQueue(label: "kz.qoima.sandbox.requests")

    static let maxRequestSize = 64 << 20
    static let xmlContentType = "text/xml; charset=UTF-8"

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        switch request.method {
        case .get:
            guard request.uri.query?.lowercased().hasPrefix("wsdl") == true, let service = ESFService(path: path) else {
                return Self.text(.notFound, "No service was found at \(path).")
            }
            let host = request.head.authority ?? "127.0.0.1"
            return Self.xml(.ok, Array(WSDLDocument.text(for: service, address: "\(scheme)://\(host)\(service.rawValue)").utf8))
        case .post:
            let body = Array(buffer: try await request.body.collect(upTo: Self.maxRequestSize))
            let dice = dispatcher.services.dice
            let latency = dice.faults.latency
            if latency > .zero { try await Task.sleep(for: latency) }
            switch dice.outcome() {
            case .http500:
                return Self.text(.internalServerError, "<html><body><h1>HTTP Status 500 – Internal Server Error</h1></body></html>",
                                 contentType: "text/html; charset=UTF-8")
            case .soapFault:
                let fault = SandboxCallError.server("Internal server error (injected by the Qoima sandbox)")
                    .fault(in: ESFService(path: path)?.namespace ?? .esf)
                return Self.xml(.internalServerError, Array(fault.envelope().utf8))
            case .answer:
                let answer = await run(path, body)
                return Self.xml(.init(code: answer.status), answer.body)
            case .drop:
                return Self.truncated(await run(path, body))
            }
        default:
            return Self.text(.methodNotAllowed, "Use POST for SOAP requests or GET ?wsdl.")
        }
    }

    private func run(_ path: String, _ body: [UInt8]) async -> SandboxAnswer {
        let dispatcher = dispatcher
        return await withCheckedContinuation { continuation in
            worker.async { continuation.resume(returning: dispatcher.answer(path: path, body: body)) }
        }
    }

    private static func xml(_ status: HTTPResponse.Status, _ body: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: xmlContentType], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String,
                             contentType: String = "text/plain; charset=UTF-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The whole answer's headers and `Content-Length`, half its body, then the connection is
    /// cut: the client sees a truncated answer to a request the sandbox has processed.
    private static func truncated(_ answer: SandboxAnswer) -> Response {
        let half = ByteBuffer(bytes: answer.body.prefix(answer.body.count / 2))
        return Response(status: .init(code: answer.status), headers: [.contentType: xmlContentType],
                        body: ResponseBody(contentLength: answer.body.count) { writer in
                            try await writer.write(half)
                            // Let the half reach the socket before the connection is closed.
                            try await Task.sleep(for: .milliseconds(20))
                            throw DroppedConnection()
                        })
    }

    /// Thrown from a response body to make Hummingbird close the connection mid-answer.
    struct DroppedConnection: Error {}
}
