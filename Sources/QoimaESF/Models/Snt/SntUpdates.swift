import Foundation
import QoimaXML

/// Which SNTs `queryUpdate` returns: those sent to us, or those we sent.
public enum SntExchangeDirection: String, CaseIterable, Hashable, Sendable, Codable {
    case inbound = "INBOUND", outbound = "OUTBOUND"
}

/// Where the next `queryUpdate` page starts (domain.md §11): feed back both values IS ESF
/// returned. The instant is kept in UTC (`Date`) and sent with an explicit +05:00.
public struct SntUpdateCursor: Hashable, Sendable, Codable {
    public var lastEventDate: Date
    public var lastSntId: Int64?

    public init(lastEventDate: Date, lastSntId: Int64? = nil) {
        self.lastEventDate = lastEventDate
        self.lastSntId = lastSntId
    }
}

/// One page of SNT updates. Loop until `lastBlock`, passing `next` back.
public struct SntUpdatesPage: Hashable, Sendable {
    public var snts: [RemoteSnt]
    public var next: SntUpdateCursor
    public var lastBlock: Bool

    public init(snts: [RemoteSnt], next: SntUpdateCursor, lastBlock: Bool) {
        self.snts = snts
        self.next = next
        self.lastBlock = lastBlock
    }

    /// Required: `lastBlock`. A page without a cursor (an empty one) keeps the cursor it was asked with.
    init(_ response: SOAPElementView, after cursor: SntUpdateCursor) throws(ESFAnswerProblem) {
        var snts: [RemoteSnt] = []
        for info in response.items("sntInfoList", "sntInfo") { snts.append(try RemoteSnt(info)) }
        let date = try response.dateTime("lastEventDate")
        let id = try response.int64("lastSntId")
        self.init(snts: snts,
                  next: SntUpdateCursor(lastEventDate: date ?? cursor.lastEventDate,
                                        lastSntId: date == nil && id == nil ? cursor.lastSntId : id),
                  lastBlock: try response.requiredBool("lastBlock"))
    }
}
