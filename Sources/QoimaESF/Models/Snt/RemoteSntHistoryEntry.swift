import Foundation
import QoimaCore
import QoimaXML

/// One step in an SNT's history (`sntHistory`, domain.md §8.1): who did what, when, through which client.
public struct RemoteSntHistoryEntry: Hashable, Sendable {
    public var sntId: Int64
    public var date: Date?
    public var tin: String?
    /// `WEB`, `API` or `API_VS`.
    public var clientType: String?
    public var userId: String?
    /// Nil when IS ESF sent a status Qoima does not know; `statusText` keeps it.
    public var status: SntStatus?
    public var statusText: String?
    public var statusDescription: String?
    /// `SntActionType`: `CREATE`, `VIEW`, `CONFIRM`… (domain.md §4).
    public var action: String?

    public init(sntId: Int64, date: Date? = nil, tin: String? = nil, clientType: String? = nil,
                userId: String? = nil, statusText: String? = nil, statusDescription: String? = nil,
                action: String? = nil) {
        self.sntId = sntId
        self.date = date
        self.tin = tin
        self.clientType = clientType
        self.userId = userId
        self.status = statusText.flatMap(SntStatus.init(rawValue:))
        self.statusText = statusText
        self.statusDescription = statusDescription
        self.action = action
    }

    /// Required: `sntId`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(sntId: try view.requiredInt64("sntId"), date: try view.dateTime("date"), tin: view.string("tin"),
                  clientType: view.string("clientType"), userId: view.string("userId"),
                  statusText: view.string("status")?.trimmingCharacters(in: .whitespacesAndNewlines),
                  statusDescription: view.string("statusDescription"), action: view.string("action"))
    }
}
