import Foundation
import QoimaCore
import QoimaStore

/// Brings the company's forms in step with IS ESF's form feed (`queryUpdates`): the status,
/// registration number and errors of forms Qoima sent, and forms made elsewhere (the portal,
/// another program), which are added to the list. Each page is stored with the cursor after it,
/// so an interrupted sync resumes there. The feed is paged by `lastEventDate` alone
/// (`UFormUpdateCursor`, domain.md §11).
public struct UFormSync: Sendable {
    let client: ESFClient
    let database: QoimaDatabase
    let company: OwnCompany
    /// Where the first sync starts.
    public var firstSyncSince: Date
    public var pageSize: Int

    public init(client: ESFClient, database: QoimaDatabase, company: OwnCompany,
                firstSyncSince: Date = Date().addingTimeInterval(-30 * 86_400), pageSize: Int = 100) {
        self.client = client
        self.database = database
        self.company = company
        self.firstSyncSince = firstSyncSince
        self.pageSize = pageSize
    }

    @discardableResult
    public func run() async throws -> UFormSyncCount {
        let store = UFormStore(database: database)
        var cursor = try store.syncCursor(companyId: company.id).flatMap { Self.cursor($0.cursor) }
            ?? UFormUpdateCursor(lastEventDate: firstSyncSince)
        var total = UFormSyncCount()
        while true {
            let page = try await client.uFormUpdates(after: cursor, limit: pageSize)
            let failed = page.uForms.filter { $0.status == UFormStatus.failed.rawValue }.map(\.uFormId)
            let errors = failed.isEmpty ? [:] : (try? await client.uFormErrors(ids: failed)) ?? [:]
            let forms = page.uForms.map { ExchangedUForm($0, errors: errors[$0.uFormId]) }
            let count = try store.apply(forms, companyId: company.id, cursor: Self.json(page.next))
            total.updated += count.updated
            total.inserted += count.inserted
            total.unreadable += count.unreadable
            cursor = page.next
            if page.lastBlock || page.uForms.isEmpty { break }
        }
        return total
    }

    static func json(_ cursor: UFormUpdateCursor) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: (try? encoder.encode(cursor)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func cursor(_ json: String) -> UFormUpdateCursor? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try? decoder.decode(UFormUpdateCursor.self, from: Data(json.utf8))
    }
}
