import Foundation
import QoimaXML

/// A virtual-warehouse form as IS ESF holds it (`uFormInfo`, domain.md §10).
public struct RemoteUForm: Hashable, Sendable {
    public var uFormId: Int64
    /// `CREATED`, `IN_PROCESSING`, `PROCESSED`, `WAIT_INSTOCK`, `WAIT_DOCUMENT`, `CANCELED`, `FAILED`…
    public var status: String?
    /// Empty while `CREATED` or `FAILED`.
    public var registrationNumber: String?
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    /// Filled for `CANCELED` and `FAILED`.
    public var cancelReason: String?
    public var version: String?
    /// `uFormBody`: the UFormV1 XML, as IS ESF returned it.
    public var body: String
    public var signature: String?
    public var signatureType: String?
    public var signatureValid: Bool?
    public var creatorLogin: String?

    public init(uFormId: Int64, status: String? = nil, registrationNumber: String? = nil, inputDate: Date? = nil,
                lastUpdateDate: Date? = nil, cancelReason: String? = nil, version: String? = nil, body: String,
                signature: String? = nil, signatureType: String? = nil, signatureValid: Bool? = nil,
                creatorLogin: String? = nil) {
        self.uFormId = uFormId
        self.status = status
        self.registrationNumber = registrationNumber
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.version = version
        self.body = body
        self.signature = signature
        self.signatureType = signatureType
        self.signatureValid = signatureValid
        self.creatorLogin = creatorLogin
    }

    /// Required: `uFormId`, `uFormBody`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(uFormId: try view.requiredInt64("uFormId"), status: view.string("status"),
                  registrationNumber: view.string("registrationNumber"), inputDate: try view.dateTime("inputDate"),
                  lastUpdateDate: try view.dateTime("lastUpdateDate"), cancelReason: view.string("cancelReason"),
                  version: view.string("version"), body: try view.requiredString("uFormBody"),
                  signature: view.string("signature"), signatureType: view.string("signatureType"),
                  signatureValid: try view.bool("signatureValid"), creatorLogin: view.string("creatorLogin"))
    }
}

/// A form's status without its body (`uFormSummary`).
public struct RemoteUFormSummary: Hashable, Sendable {
    public var uFormId: Int64
    /// The form's own date as written in it (`dd.MM.yyyy`).
    public var date: String?
    public var number: String?
    public var status: String?
    public var registrationNumber: String?
    public var cancelReason: String?
    public var lastUpdateDate: Date?

    public init(uFormId: Int64, date: String? = nil, number: String? = nil, status: String? = nil,
                registrationNumber: String? = nil, cancelReason: String? = nil, lastUpdateDate: Date? = nil) {
        self.uFormId = uFormId
        self.date = date
        self.number = number
        self.status = status
        self.registrationNumber = registrationNumber
        self.cancelReason = cancelReason
        self.lastUpdateDate = lastUpdateDate
    }

    /// Required: `uFormId`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(uFormId: try view.requiredInt64("uFormId"), date: view.string("date"), number: view.string("number"),
                  status: view.string("status"), registrationNumber: view.string("registrationNumber"),
                  cancelReason: view.string("cancelReason"), lastUpdateDate: try view.dateTime("lastUpdateDate"))
    }
}
