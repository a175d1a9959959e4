import Foundation
import QoimaXML

/// DictWebService (domain.md §9.3), on the virtual-warehouse session.
extension ESFClient {
    /// `lastUpdateDate` that asks for the whole unit dictionary: an instant before any entry.
    public static let dictionaryStart = Date(timeIntervalSince1970: 0)

    /// `queryMeasureUnitUpdates`: units changed after `updatedAfter` (nil: all).
    public func measureUnits(updatedAfter: Date?) async throws(ESFError) -> MeasureUnitUpdates {
        let since = updatedAfter ?? Self.dictionaryStart
        return try await call(.queryMeasureUnitUpdates, scope: .vstore, on: .dictionary) {
            SOAPElement("lastUpdateDate", ESFDateTime.text(of: since))
        } decode: { response throws(ESFAnswerProblem) in
            try MeasureUnitUpdates(response)
        }
    }

    /// `queryGsvsUpdates`: the next block of classifier changes after `afterChangeId` (0: from the start).
    public func gsvsUpdates(afterChangeId: Int64, blockSize: Int) async throws(ESFError) -> GsvsPage {
        try await call(.queryGsvsUpdates, scope: .vstore, on: .dictionary) {
            SOAPElement("lastChangeId", String(afterChangeId))
            SOAPElement("blockSize", String(blockSize))
        } decode: { response throws(ESFAnswerProblem) in
            try GsvsPage(response)
        }
    }
}
