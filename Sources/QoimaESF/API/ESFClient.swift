import Foundation
import QoimaXML

/// Typed calls to IS ESF for everything Qoima does there: SNTs (`ESFClient+Snt`), warehouses,
/// balances and forms of the virtual warehouse, and its dictionaries. Each call gets its session
/// from the session manager and answers with Sendable values.
///
/// Reading calls are repeated on transient failures (`ESFSessionPolicy.retry`). Writing calls
/// (`ESFOperation.isWriting`) are sent once: when one fails with `requestMayHaveBeenProcessed`,
/// the caller asks IS ESF what became of it before sending it again. Both are repeated once after
/// a session-closed fault, which IS ESF answers without acting.
public struct ESFClient: Sendable {
    public let sessions: ESFSessionManager

    public init(sessions: ESFSessionManager) {
        self.sessions = sessions
    }

    var exchange: ESFExchange { sessions.exchange }
    var retry: ESFRetryPolicy { sessions.policy.retry }

    /// Posts a session-bound operation: `sessionId` first, then `children`.
    func call<T: Sendable>(_ operation: ESFOperation, scope: ESFScope, on service: ESFService,
                           @SOAPChildren _ children: @escaping @Sendable () -> [SOAPElement],
                           decode: @escaping @Sendable (SOAPElementView) throws(ESFAnswerProblem) -> T)
        async throws(ESFError) -> T {
        let exchange = exchange, sessions = sessions
        let login = operation.isWriting ? retry : .never
        let attempt = { () async throws(ESFError) -> T in
            try await sessions.withSession(scope, retryingLogin: login) { sessionId async throws(ESFError) -> T in
                try await exchange.call(operation, on: service) {
                    SOAPElement("sessionId", sessionId)
                    children()
                } decode: { response throws(ESFAnswerProblem) -> T in
                    try decode(response)
                }
            }
        }
        return operation.isWriting ? try await attempt() : try await retry.run(attempt)
    }

    /// `idList/id*`.
    static func idList(_ ids: [Int64]) -> SOAPElement {
        SOAPElement("idList") {
            for id in ids { SOAPElement("id", String(id)) }
        }
    }

    /// The one certificate of an upload, which all its documents must share.
    static func certificate(of certificates: [String], for operation: ESFOperation) throws(ESFError) -> String {
        guard let first = certificates.first, certificates.allSatisfy({ $0 == first }) else {
            throw .invalidRequest(.mixedCertificates, operation: operation)
        }
        return first
    }

    /// Each item decoded, in order.
    static func decodeAll<T>(_ views: [SOAPElementView], _ decode: (SOAPElementView) throws(ESFAnswerProblem) -> T)
        throws(ESFAnswerProblem) -> [T] {
        var result: [T] = []
        result.reserveCapacity(views.count)
        for view in views { result.append(try decode(view)) }
        return result
    }

    /// `{ <idName>, errors/error* }` items, by document id.
    static func errorsById(_ views: [SOAPElementView], id idName: String) throws(ESFAnswerProblem)
        -> [Int64: [ESFDocumentError]] {
        var errors: [Int64: [ESFDocumentError]] = [:]
        for view in views {
            errors[try view.requiredInt64(idName), default: []] += try view.documentErrors("errors")
        }
        return errors
    }
}
