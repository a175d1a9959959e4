import Foundation

/// What IS ESF adds to an SNT: registration, status, acceptance (M) and OGD marks (N) (§8.2).
public struct SntRegistration: Hashable, Sendable, Codable {
    /// IS ESF's document id (`sntId`).
    public var sntId: Int64?
    /// A 4.
    public var registrationNumber: SntRegistrationNumber?
    /// A 4.1.
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    public var status: SntStatus
    /// Reason for a decline, revoke or failure.
    public var cancelReason: String?
    /// 84.3: who signed for the sender.
    public var senderSignerName: String?
    public var acceptance: SntAcceptance?
    public var ogdMarks: SntOgdMarks?

    public init(sntId: Int64? = nil, registrationNumber: SntRegistrationNumber? = nil, inputDate: Date? = nil,
                lastUpdateDate: Date? = nil, status: SntStatus, cancelReason: String? = nil,
                senderSignerName: String? = nil, acceptance: SntAcceptance? = nil, ogdMarks: SntOgdMarks? = nil) {
        self.sntId = sntId
        self.registrationNumber = registrationNumber
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.status = status
        self.cancelReason = cancelReason
        self.senderSignerName = senderSignerName
        self.acceptance = acceptance
        self.ogdMarks = ogdMarks
    }
}

/// Section M, `acceptanceGoodsInfo`: the receiver's acceptance or rejection.
public struct SntAcceptance: Hashable, Sendable, Codable {
    /// M 84: who accepted or rejected.
    public var producer: String?
    /// M 85.
    public var date: Date?
    /// M 85.1 / M 85.2.
    public var companySignature: String?
    public var operatorSignature: String?
    /// M 86: the acceptor's name.
    public var acceptorName: String?
    /// 86.2 / 86.3.
    public var powerOfAttorneyNumber: String?
    public var powerOfAttorneyDate: CalendarDate?

    public init(producer: String? = nil, date: Date? = nil, companySignature: String? = nil,
                operatorSignature: String? = nil, acceptorName: String? = nil,
                powerOfAttorneyNumber: String? = nil, powerOfAttorneyDate: CalendarDate? = nil) {
        self.producer = producer
        self.date = date
        self.companySignature = companySignature
        self.operatorSignature = operatorSignature
        self.acceptorName = acceptorName
        self.powerOfAttorneyNumber = powerOfAttorneyNumber
        self.powerOfAttorneyDate = powerOfAttorneyDate
    }
}

/// Section N, `ogdMarksInfo`: a tax inspector's marks, signed separately.
public struct SntOgdMarks: Hashable, Sendable, Codable {
    public var signDate: Date?
    public var body: String?
    public var signature: String?
    public var signatureType: String?
    public var certificate: String?
    public var signatureValid: Bool?
    /// N 89.
    public var inspectorFullName: String?

    public init(signDate: Date? = nil, body: String? = nil, signature: String? = nil, signatureType: String? = nil,
                certificate: String? = nil, signatureValid: Bool? = nil, inspectorFullName: String? = nil) {
        self.signDate = signDate
        self.body = body
        self.signature = signature
        self.signatureType = signatureType
        self.certificate = certificate
        self.signatureValid = signatureValid
        self.inspectorFullName = inspectorFullName
    }
}

/// An SNT together with what IS ESF knows of it.
public struct SntRecord: Hashable, Sendable, Codable {
    public var snt: Snt
    public var registration: SntRegistration?
    public init(snt: Snt, registration: SntRegistration? = nil) {
        self.snt = snt
        self.registration = registration
    }
}

/// The signed `sntAction` body sent through `changeStatus` (§5.6).
public struct SntAction: Hashable, Sendable, Codable {
    public var sntId: Int64
    public var kind: SntActionKind
    /// The SNT's `documentInfo.signature`.
    public var originalDocumentSignature: String?
    public var powerOfAttorneyDate: CalendarDate?
    public var powerOfAttorneyNumber: String?
    /// Required for DECLINE and REVOKE.
    public var cause: String?

    public init(sntId: Int64, kind: SntActionKind, originalDocumentSignature: String? = nil,
                powerOfAttorneyDate: CalendarDate? = nil, powerOfAttorneyNumber: String? = nil, cause: String? = nil) {
        self.sntId = sntId
        self.kind = kind
        self.originalDocumentSignature = originalDocumentSignature
        self.powerOfAttorneyDate = powerOfAttorneyDate
        self.powerOfAttorneyNumber = powerOfAttorneyNumber
        self.cause = cause
    }
}
