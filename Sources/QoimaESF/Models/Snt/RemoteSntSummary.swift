import Foundation
import QoimaCore
import QoimaXML

/// An SNT's status without its body (`sntSummary`, domain.md §8.2).
public struct RemoteSntSummary: Hashable, Sendable {
    public var sntId: Int64
    public var registrationNumber: String?
    /// Nil when IS ESF sent a status Qoima does not know; `statusText` keeps it.
    public var status: SntStatus?
    public var statusText: String
    public var inputDate: Date?
    public var lastUpdateDate: Date?
    public var cancelReason: String?
    public var version: String?
    public var senderTin: String?
    public var recipientTin: String?
    /// Meaning assumed (domain.md U13): a notice of matching the SNT with a declaration.
    public var matchingNotification: Bool?

    public init(sntId: Int64, registrationNumber: String? = nil, status: SntStatus?, statusText: String,
                inputDate: Date? = nil, lastUpdateDate: Date? = nil, cancelReason: String? = nil,
                version: String? = nil, senderTin: String? = nil, recipientTin: String? = nil,
                matchingNotification: Bool? = nil) {
        self.sntId = sntId
        self.registrationNumber = registrationNumber
        self.status = status
        self.statusText = statusText
        self.inputDate = inputDate
        self.lastUpdateDate = lastUpdateDate
        self.cancelReason = cancelReason
        self.version = version
        self.senderTin = senderTin
        self.recipientTin = recipientTin
        self.matchingNotification = matchingNotification
    }

    /// Required: `sntId`, `status`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        let statusText = try view.requiredString("status").trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(sntId: try view.requiredInt64("sntId"), registrationNumber: view.string("registrationNumber"),
                  status: SntStatus(rawValue: statusText), statusText: statusText,
                  inputDate: try view.dateTime("inputDate"), lastUpdateDate: try view.dateTime("lastUpdateDate"),
                  cancelReason: view.string("cancelReason"), version: view.string("version"),
                  senderTin: view.string("senderTin"), recipientTin: view.string("recipientTin"),
                  matchingNotification: try view.bool("matchingNotification"))
    }
}
