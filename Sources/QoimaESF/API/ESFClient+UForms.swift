import Foundation
import QoimaXML

/// UFormWebService (domain.md §10), on the virtual-warehouse session.
extension ESFClient {
    /// `lastUFormId` of every form `queryUpdates`: IS ESF loses forms when the returned id is
    /// fed back, so Qoima always sends 1 and pages by `lastEventDate` (domain.md §11).
    public static let uFormUpdatesLastId: Int64 = 1

    /// `uploadUForm`: forms signed with one certificate. Never repeated automatically.
    public func uploadUForms(_ documents: [SignedDocument]) async throws(ESFError) -> UploadOutcome {
        guard !documents.isEmpty else { return UploadOutcome() }
        let certificate = try Self.certificate(of: documents.map(\.certificate), for: .uploadUForm)
        return try await call(.uploadUForm, scope: .vstore, on: .uForm) {
            SOAPElement("uFormInfoList") {
                for document in documents {
                    SOAPElement("uFormInfo") {
                        SOAPElement("uFormBody", document.body)
                        SOAPElement("version", ESFWireValues.uFormVersion)
                        SOAPElement("signature", document.signature)
                        SOAPElement("signatureType", document.signatureType)
                    }
                }
            }
            SOAPElement("x509Certificate", certificate)
        } decode: { response throws(ESFAnswerProblem) in
            try UploadOutcome(response, item: "uploadUFormResult", id: "id")
        }
    }

    /// `queryUpdates`: forms changed at or after the cursor, without those an earlier page
    /// returned. Loop until `lastBlock`.
    public func uFormUpdates(after cursor: UFormUpdateCursor, limit: Int) async throws(ESFError) -> UFormUpdatesPage {
        try await call(.queryUFormUpdates, scope: .vstore, on: .uForm) {
            SOAPElement("lastEventDate", ESFDateTime.text(of: cursor.lastEventDate))
            SOAPElement("lastUFormId", String(Self.uFormUpdatesLastId))
            SOAPElement("limit", String(limit))
        } decode: { response throws(ESFAnswerProblem) in
            try UFormUpdatesPage(response, after: cursor)
        }
    }

    /// `queryUFormById` for one form: IS ESF answers reliably only for one id per call (domain.md §11).
    public func uForm(id: Int64) async throws(ESFError) -> RemoteUForm? {
        try await call(.queryUFormById, scope: .vstore, on: .uForm) {
            Self.idList([id])
        } decode: { response throws(ESFAnswerProblem) in
            let forms = try Self.decodeAll(response.items("uFormInfoList", "uFormInfo"), RemoteUForm.init)
            return forms.first { $0.uFormId == id }
        }
    }

    /// `queryUFormStatusById`.
    public func uFormStatuses(ids: [Int64]) async throws(ESFError) -> [RemoteUFormSummary] {
        guard !ids.isEmpty else { return [] }
        return try await call(.queryUFormStatusById, scope: .vstore, on: .uForm) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.decodeAll(response.items("uFormSummaryList", "uFormSummary"), RemoteUFormSummary.init)
        }
    }

    /// `queryUFormErrorById`: why forms failed, by form id.
    public func uFormErrors(ids: [Int64]) async throws(ESFError) -> [Int64: [ESFDocumentError]] {
        guard !ids.isEmpty else { return [:] }
        return try await call(.queryUFormErrorById, scope: .vstore, on: .uForm) {
            Self.idList(ids)
        } decode: { response throws(ESFAnswerProblem) in
            try Self.errorsById(response.items("uFormErrorInfoList", "uFormError"), id: "uFormId")
        }
    }
}
