import Foundation
import QoimaXML

/// What the sandbox answers one HTTP request with.
struct SandboxAnswer: Sendable {
    let status: Int
    let body: [UInt8]

    static func soap(_ message: SOAPMessage) -> SandboxAnswer { SandboxAnswer(status: 200, body: Array(message.envelope().utf8)) }
    /// SOAP 1.1 sends faults with HTTP 500.
    static func fault(_ fault: SOAPFault) -> SandboxAnswer { SandboxAnswer(status: 500, body: Array(fault.envelope().utf8)) }
}

/// Reads a SOAP request posted to a service path and answers it: the operation is the body's
/// element, matched by local name whatever its prefix, and `SOAPAction` is ignored (domain.md
/// §14). Synchronous: the responder runs it off the cooperative pool, one request at a time.
final class SandboxDispatcher: Sendable {
    let services: SandboxServices

    init(services: SandboxServices) { self.services = services }

    func answer(path: String, body: [UInt8]) -> SandboxAnswer {
        guard let service = ESFService(path: path) else {
            return SandboxAnswer(status: 404, body: Array("No service was found at \(path).".utf8))
        }
        do {
            return .soap(try dispatch(to: service, body))
        } catch let error as SandboxCallError {
            return .fault(error.fault(in: service.namespace))
        } catch {
            return .fault(SandboxCallError.server("Internal sandbox error: \(error)").fault(in: service.namespace))
        }
    }

    private func dispatch(to service: ESFService, _ body: [UInt8]) throws -> SOAPMessage {
        let envelope: SOAPEnvelope
        do {
            envelope = try SOAPEnvelope(parsing: body)
        } catch {
            throw SandboxCallError.client("The request is not a SOAP 1.1 request: \(error.message)")
        }
        guard let request = envelope.operation else {
            throw SandboxCallError.client("Envelope/Body is empty: it must hold the operation's request element")
        }
        let found = "{\(request.namespaceURI ?? "")}\(request.name)"
        guard let operation = ESFOperation(service: service, request: request.name) else {
            let known = service.operations.map(\.request).joined(separator: ", ")
            throw SandboxCallError.client("Unexpected wrapper element \(found) found. \(service.rawValue) takes: \(known)")
        }
        guard request.namespaceURI == service.namespace.rawValue else {
            throw SandboxCallError.client("Unexpected wrapper element \(found) found. Expected {\(service.namespace.rawValue)}\(request.name).")
        }
        let sessions = SessionEndpoints(services: services)
        let snt = SntEndpoints(services: services)
        let stores = StoreEndpoints(services: services)
        let forms = UFormEndpoints(services: services)
        let dictionaries = DictionaryEndpoints(services: services)
        let token = envelope.usernameToken
        switch operation {
        case .createAuthTicket: return try sessions.createAuthTicket(request)
        case .createSessionSigned: return try sessions.createSessionSigned(request, token: token, on: service)
        case .createSession: return try sessions.createSession(request, token: token, on: service)
        case .currentSessionStatus: return try sessions.currentSessionStatus(request)
        case .closeSession: return try sessions.closeSession(request, token: token)
        case .closeSessionByCredentials: return try sessions.closeSessionByCredentials(request, token: token, on: service)
        case .uploadSnt: return try snt.upload(request)
        case .querySntById: return try snt.queryById(request)
        case .querySntStatusById: return try snt.queryStatusById(request)
        case .querySntErrorById: return try snt.queryErrorById(request)
        case .querySntHistoryById: return try snt.queryHistoryById(request)
        case .queryViewSnt: return try snt.view(request)
        case .querySntUpdates: return try snt.queryUpdate(request)
        case .changeSntStatus: return try snt.changeStatus(request)
        case .querySntXsd:
            let xsds = request.optional("version") == ESFWireValues.sntVersion ? [SntXsdDocument.text] : []
            return SOAPMessage(operation.response, in: service.namespace) {
                SOAPElement("xsdList") { for xsd in xsds { SOAPElement("xsd", xsd) } }
            }
        case .listStores: return try stores.list(request)
        case .createStores: return try stores.create(request)
        case .changeStoreStatus: return try stores.changeStatus(request)
        case .storesByTin: return try stores.byTin(request)
        case .queryCurrentBalances: return try BalanceEndpoints(services: services).queryCurrentStatus(request)
        case .uploadUForm: return try forms.upload(request)
        case .queryUFormUpdates: return try forms.queryUpdates(request)
        case .queryUFormById: return try forms.queryById(request)
        case .queryUFormStatusById: return try forms.queryStatusById(request)
        case .queryUFormErrorById: return try forms.queryErrorById(request)
        case .queryMeasureUnitUpdates: return try dictionaries.measureUnitUpdates(request)
        case .queryGsvsUpdates: return try dictionaries.gsvsUpdates(request)
        }
    }
}
