import Foundation
import QoimaXML

/// SntWebService and SntXsdService (domain.md §8).
extension ESFClient {
    /// `uploadSnt`: documents signed with one certificate. Accepted SNTs get an `sntId` at once
    /// and their registration number later, through a query. Never repeated automatically.
    public func uploadSnts(_ documents: [SignedDocument]) async throws(ESFError) -> UploadOutcome {
        guard !documents.isEmpty else { return UploadOutcome() }
        let certificate = try Self.certificate(of: documents.map(\.certificate), for: .uploadSnt)
        return try await call(.uploadSnt, scope: .esf, on: .snt) {
            SOAPElement("sntInfoList") {
                for document in documents {
                    SOAPElement("sntInfo") {
                        SOAPElement("sntBody", document.body)
                        SOAPElement("version", ESFWireValues.sntVersion)
                        SOAPElement("signature", document.signature)
                        SOAPElement("signatureType", document.signatureType)
                    }
                }
            }
            SOAPElement("x509Certificate", certificate)
        } decode: { response throws(ESFAnswerProblem) in
            try UploadOutcome(response, item: "sntUploadResult", id: "sntId")
        }
    }

    /// `queryUpdate`: SNTs changed after `cursor`, in or out (nil: both). Loop until `lastBlock`.
    public func sntUpdates(direction: SntExchangeDirection?, after cursor: SntUpdateCursor,
                           limit: Int) async throws(ESFError) -> SntUpdatesPage {
        try await call(.querySntUpdates, scope: .esf, on: .snt) {
            if let direction { SOAPElement("direction", direction.rawValue) }
            SOAPElement("lastEventDate", ESFDateTime.text(of: cursor.lastEventDate))
            if let lastSntId = cursor.lastSntId { SOAPElement("lastSntId", String(lastSntId)) }
            SOAPElement("limit", String(limit))
        } decode: { response throws(ESFAnswerProblem) in
            try SntUpdatesPage(response, after: cursor)
        }
    }

    /// `querySntById`: whole SNTs, bodies included.
    public func snts(ids: [Int64]) async throws(ESFError) -> [RemoteSnt] {
        guard !ids.isEmpty else { return [] }
        return try await call(.querySntById, scope: .esf, on: .snt) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("sntInfoList", "sntInfo"), RemoteSnt.init)
        }
    }

    /// `querySntStatusById`.
    public func sntStatuses(ids: [Int64]) async throws(ESFError) -> [RemoteSntSummary] {
        guard !ids.isEmpty else { return [] }
        return try await call(.querySntStatusById, scope: .esf, on: .snt) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("sntSummaryList", "sntSummary"), RemoteSntSummary.init)
        }
    }

    /// `querySntErrorById`: why SNTs failed, by `sntId`.
    public func sntErrors(ids: [Int64]) async throws(ESFError) -> [Int64: [ESFDocumentError]] {
        guard !ids.isEmpty else { return [:] }
        return try await call(.querySntErrorById, scope: .esf, on: .snt) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.errorsById(response.items("sntErrorList", "sntError"), id: "sntId")
        }
    }

    /// `querySntHistoryById`.
    public func sntHistory(ids: [Int64]) async throws(ESFError) -> [RemoteSntHistoryEntry] {
        guard !ids.isEmpty else { return [] }
        return try await call(.querySntHistoryById, scope: .esf, on: .snt) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("resultList", "sntHistory"), RemoteSntHistoryEntry.init)
        }
    }

    /// `queryViewSnt`: marks inbound SNTs viewed (NOT_VIEWED → DELIVERED, assumed U5). Marking
    /// twice is the same as once, so it is repeated like a reading call.
    public func viewSnts(ids: [Int64]) async throws(ESFError) -> [SntChangeResult] {
        guard !ids.isEmpty else { return [] }
        return try await call(.queryViewSnt, scope: .esf, on: .snt) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("resultList", "changeStatusResult"), SntChangeResult.init)
        }
    }

    /// `changeStatus`: confirm, decline or revoke. Never repeated automatically.
    public func changeSntStatus(_ actions: [SignedSntAction]) async throws(ESFError) -> [SntChangeResult] {
        guard !actions.isEmpty else { return [] }
        return try await call(.changeSntStatus, scope: .esf, on: .snt) {
            SOAPElement("sntActionInfoList") {
                for action in actions {
                    SOAPElement("sntActionInfo") {
                        SOAPElement("sntActionBody", action.body)
                        SOAPElement("sntVersion", ESFWireValues.sntVersion)
                        SOAPElement("sntId", String(action.sntId))
                        SOAPElement("signature", action.signature)
                        SOAPElement("signatureType", action.signatureType)
                        SOAPElement("certificate", action.certificate)
                    }
                }
            }
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("resultList", "changeStatusResult"), SntChangeResult.init)
        }
    }

    /// `querySntXsd`: the XSD texts IS ESF validates SntV1 bodies against. Needs no session.
    public func sntXsd() async throws(ESFError) -> [String] {
        let exchange = exchange
        return try await retry.run { () async throws(ESFError) -> [String] in
            try await exchange.call(.querySntXsd, on: .sntXsd) {
                SOAPElement("version", ESFWireValues.sntVersion)
            } decode: { response throws(ESFAnswerProblem) in
                response.items("xsdList", "xsd").map(\.text)
            }
        }
    }
}
