import Foundation
import QoimaStore

/// Caches IS ESF's unit and GSVS dictionaries, from where the last sync stopped.
public struct DictionarySync: Sendable {
    public struct Report: Hashable, Sendable {
        public var units = 0
        public var gsvsEntries = 0
    }

    let client: ESFClient
    let database: QoimaDatabase
    let companyId: Int64
    public var blockSize: Int

    public init(client: ESFClient, database: QoimaDatabase, companyId: Int64, blockSize: Int = 1000) {
        self.client = client
        self.database = database
        self.companyId = companyId
        self.blockSize = blockSize
    }

    public func run() async throws -> Report {
        let cursors = SyncCursorStore(database: database)
        let store = DictionaryStore(database: database)
        var report = Report()
        let since = try cursors.cursor(companyId: companyId, .measureUnits)?.lastEventDate
        let units = try await client.measureUnits(updatedAfter: since)
        try store.store(units: units.units.map(StoredMeasureUnit.init),
                        cursor: SyncCursor(lastEventDate: units.lastUpdateDate ?? since), companyId: companyId)
        report.units = units.units.count
        var changeId = try cursors.cursor(companyId: companyId, .gsvs)?.lastId ?? 0
        while true {
            let page = try await client.gsvsUpdates(afterChangeId: changeId, blockSize: blockSize)
            // The next block starts after the highest change returned (assumed, domain.md U8).
            let next = max(changeId, page.maxChangeId ?? changeId)
            try store.store(gsvs: page.entries.compactMap(StoredGsvsEntry.init), cursor: SyncCursor(lastId: next),
                            companyId: companyId)
            report.gsvsEntries += page.entries.count
            if page.lastBlock || page.entries.isEmpty || next == changeId { break }
            changeId = next
        }
        return report
    }
}
