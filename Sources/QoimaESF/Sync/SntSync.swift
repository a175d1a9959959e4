import Foundation
import QoimaCore
import QoimaStore

/// Brings the company's SNTs in step with IS ESF: incoming and outgoing updates through
/// `queryUpdate`, page by page, each page stored with its cursor so an interrupted sync resumes
/// after the last page stored.
public struct SntSync: Sendable {
    /// What one direction brought.
    public struct Report: Hashable, Sendable {
        public var direction: SntExchangeDirection
        public var pages = 0
        public var count = SntSyncCount()
    }

    let client: ESFClient
    let database: QoimaDatabase
    let company: OwnCompany
    /// Where the first sync of a company starts: IS ESF answers at most about a quarter per
    /// query (assumed, domain.md U20).
    public var firstSyncSince: Date
    public var pageSize: Int

    public init(client: ESFClient, database: QoimaDatabase, company: OwnCompany,
                firstSyncSince: Date = Date().addingTimeInterval(-90 * 86_400), pageSize: Int = 100) {
        self.client = client
        self.database = database
        self.company = company
        self.firstSyncSince = firstSyncSince
        self.pageSize = pageSize
    }

    /// Syncs both directions; `progress` hears after every page stored.
    public func run(progress: @Sendable (Report) -> Void = { _ in }) async throws -> [Report] {
        var reports: [Report] = []
        for direction in [SntExchangeDirection.inbound, .outbound] {
            reports.append(try await sync(direction, progress: progress))
        }
        return reports
    }

    public func sync(_ direction: SntExchangeDirection, progress: @Sendable (Report) -> Void = { _ in }) async throws
        -> Report {
        let name: SyncCursorName = direction == .inbound ? .inboundSnts : .outboundSnts
        let store = SntExchangeStore(database: database)
        let saved = try SyncCursorStore(database: database).cursor(companyId: company.id, name)
        var cursor = SntUpdateCursor(lastEventDate: saved?.lastEventDate ?? firstSyncSince, lastSntId: saved?.lastId)
        var report = Report(direction: direction)
        while true {
            let page = try await client.sntUpdates(direction: direction, after: cursor, limit: pageSize)
            let count = try store.apply(page.snts.map(ExchangedSnt.init), companyId: company.id, companyBin: company.bin,
                                        cursor: SyncCursor(lastEventDate: page.next.lastEventDate,
                                                           lastId: page.next.lastSntId),
                                        cursorName: name)
            report.pages += 1
            report.count.inserted += count.inserted
            report.count.updated += count.updated
            report.count.unreadable += count.unreadable
            progress(report)
            if page.lastBlock || page.snts.isEmpty { break }
            cursor = page.next
        }
        return report
    }
}
