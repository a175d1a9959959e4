import Foundation
import QoimaCore
import QoimaXML

/// An SNT as IS ESF holds it (`sntInfo`, domain.md §8.2): its body exactly as signed, the
/// signature, and what IS ESF added (registration, status, acceptance, OGD marks).
public struct RemoteSnt: Hashable, Sendable {
    public var sntId: Int64
    /// A 4; empty until IS ESF registers the SNT.
    public var registrationNumber: String?
    /// Nil when IS ESF sent a status Qoima does not know; `statusText` keeps it.
    public var status: SntStatus?
    public var statusText: String
    /// A 4.1.
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    /// Why it was declined, revoked or failed.
    public var cancelReason: String?
    public var version: String?
    /// `documentInfo/sntBody`: the SntV1 XML, byte for byte as IS ESF returned it.
    public var body: String
    public var signature: String?
    public var signatureType: String?
    public var certificate: String?
    public var signatureValid: Bool?
    public var creatorLogin: String?
    public var creatorTin: String?
    /// 84.3.
    public var senderSignerName: String?
    public var acceptance: SntAcceptance?
    public var ogdMarks: SntOgdMarks?
    /// `documentInfo/errors`: why the SNT failed format and logic control.
    public var errors: [ESFDocumentError]

    public init(sntId: Int64, registrationNumber: String? = nil, status: SntStatus?, statusText: String,
                inputDate: Date? = nil, lastUpdateDate: Date? = nil, cancelReason: String? = nil,
                version: String? = nil, body: String, signature: String? = nil, signatureType: String? = nil,
                certificate: String? = nil, signatureValid: Bool? = nil, creatorLogin: String? = nil,
                creatorTin: String? = nil, senderSignerName: String? = nil, acceptance: SntAcceptance? = nil,
                ogdMarks: SntOgdMarks? = nil, errors: [ESFDocumentError] = []) {
        self.sntId = sntId
        self.registrationNumber = registrationNumber
        self.status = status
        self.statusText = statusText
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.version = version
        self.body = body
        self.signature = signature
        self.signatureType = signatureType
        self.certificate = certificate
        self.signatureValid = signatureValid
        self.creatorLogin = creatorLogin
        self.creatorTin = creatorTin
        self.senderSignerName = senderSignerName
        self.acceptance = acceptance
        self.ogdMarks = ogdMarks
        self.errors = errors
    }

    /// What IS ESF added, as QoimaCore keeps it; nil when the status is one Qoima does not know.
    public var registration: SntRegistration? {
        guard let status else { return nil }
        return SntRegistration(sntId: sntId, registrationNumber: registrationNumber.map(SntRegistrationNumber.init),
                               inputDate: inputDate, lastUpdateDate: lastUpdateDate, status: status,
                               cancelReason: cancelReason, senderSignerName: senderSignerName,
                               acceptance: acceptance, ogdMarks: ogdMarks)
    }

    /// Reads an `sntInfo`. Required: `sntId`, `status`, `documentInfo/sntBody`.
    init(_ info: SOAPElementView) throws(ESFAnswerProblem) {
        let document = info.child("documentInfo")
        let statusText = try info.requiredString("status").trimmingCharacters(in: .whitespacesAndNewlines)
        var inputDate = try info.dateTime("inputDate")
        if inputDate == nil { inputDate = try document?.dateTime("inputDate") }
        self.init(sntId: try info.requiredInt64("sntId"),
                  registrationNumber: info.string("registrationNumber"),
                  status: SntStatus(rawValue: statusText), statusText: statusText,
                  inputDate: inputDate,
                  lastUpdateDate: try info.dateTime("lastUpdateDate"),
                  cancelReason: info.string("cancelReason"),
                  version: info.string("version"),
                  body: try info.requiredString("documentInfo/sntBody"),
                  signature: document?.string("signature"),
                  signatureType: document?.string("signatureType"),
                  certificate: document?.string("certificate"),
                  signatureValid: try document?.bool("signatureValid"),
                  creatorLogin: document?.string("creatorLogin"),
                  creatorTin: document?.string("creatorTin"),
                  senderSignerName: document?.string("senderSignerName"),
                  acceptance: try info.child("acceptanceGoodsInfo").map(Self.acceptance),
                  ogdMarks: try info.child("ogdMarksInfo").map(Self.ogdMarks),
                  errors: try document?.documentErrors("errors") ?? [])
    }

    private static func acceptance(_ view: SOAPElementView) throws(ESFAnswerProblem) -> SntAcceptance {
        SntAcceptance(producer: view.string("acceptanceOrRejectionProducer"),
                      date: try view.dateTime("acceptanceOrRejectionDate"),
                      companySignature: view.string("companySignature"),
                      operatorSignature: view.string("operatorSignature"),
                      acceptorName: view.string("acceptanceOrRejectionName"),
                      powerOfAttorneyNumber: view.string("powerOfAttorneyNumber"),
                      powerOfAttorneyDate: try view.calendarDate("powerOfAttorneyDate"))
    }

    private static func ogdMarks(_ view: SOAPElementView) throws(ESFAnswerProblem) -> SntOgdMarks {
        SntOgdMarks(signDate: try view.dateTime("signDate"), body: view.string("sntOgdMarksBody"),
                    signature: view.string("sntOgdMarksInfoSignature"),
                    signatureType: view.string("sntOgdMarksInfoSignatureType"),
                    certificate: view.string("sntOgdMarksInfoCertificate"),
                    signatureValid: try view.bool("sntOgdMarksInfoSignatureValid"),
                    inspectorFullName: view.string("ogdEmployeeFullName"))
    }
}
