import Foundation
import QoimaXML

/// Where the next form `queryUpdates` page starts. IS ESF loses forms when `lastUFormId` is fed
/// back (domain.md §11), so Qoima pages by `lastEventDate` alone and remembers the ids it has
/// already returned at that instant, which the next page repeats.
public struct UFormUpdateCursor: Hashable, Sendable, Codable {
    public var lastEventDate: Date
    /// Forms already returned whose last change is at `lastEventDate` (or unknown).
    public var seenAtLastEventDate: Set<Int64>

    public init(lastEventDate: Date, seenAtLastEventDate: Set<Int64> = []) {
        self.lastEventDate = lastEventDate
        self.seenAtLastEventDate = seenAtLastEventDate
    }
}

/// One page of form updates, without the forms an earlier page returned. Loop until
/// `lastBlock`, passing `next` back.
public struct UFormUpdatesPage: Hashable, Sendable {
    public var uForms: [RemoteUForm]
    public var next: UFormUpdateCursor
    public var lastBlock: Bool

    public init(uForms: [RemoteUForm], next: UFormUpdateCursor, lastBlock: Bool) {
        self.uForms = uForms
        self.next = next
        self.lastBlock = lastBlock
    }

    /// Required: `lastBlock`.
    init(_ response: SOAPElementView, after cursor: UFormUpdateCursor) throws(ESFAnswerProblem) {
        var all: [RemoteUForm] = []
        for view in response.items("uFormInfoList", "uFormInfo") { all.append(try RemoteUForm(view)) }
        let nextDate = try response.dateTime("lastEventDate") ?? cursor.lastEventDate
        var returned = Set<Int64>()
        let fresh = all.filter { !cursor.seenAtLastEventDate.contains($0.uFormId) && returned.insert($0.uFormId).inserted }
        // What the next page, which starts at `nextDate`, will return again.
        var seen = Self.millisecond(nextDate) == Self.millisecond(cursor.lastEventDate) ? cursor.seenAtLastEventDate : []
        for form in all where form.lastUpdateDate.map({ Self.millisecond($0) >= Self.millisecond(nextDate) }) ?? true {
            seen.insert(form.uFormId)
        }
        self.init(uForms: fresh, next: UFormUpdateCursor(lastEventDate: nextDate, seenAtLastEventDate: seen),
                  lastBlock: try response.requiredBool("lastBlock"))
    }

    /// IS ESF's timestamps have millisecond precision.
    private static func millisecond(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}
