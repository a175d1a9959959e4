import Foundation
import QoimaCore
import QoimaStore
import QoimaXML

/// Syncs the company's documents and balances and compares the balances IS ESF reports with
/// those Qoima expected: the balances of the previous sync plus what the forms and SNTs that
/// were then on their way were expected to do (`BalanceReconciliation`). The report and the
/// documents' statuses are kept (`ReconciliationStore`) for the page that shows them and as the
/// baseline of the next run.
///
/// Without a baseline of the previous sync (balances synced elsewhere, or the first run), a
/// document counts as on its way then when IS ESF changed it after that sync, and an SNT in a
/// final status then was registered before (assumed).
public struct BalanceReconciler: Sendable {
    let client: ESFClient
    let database: QoimaDatabase
    let company: OwnCompany
    /// Where the first sync of forms and SNTs starts.
    public var firstSyncSince: Date

    public init(client: ESFClient, database: QoimaDatabase, company: OwnCompany,
                firstSyncSince: Date = Date().addingTimeInterval(-30 * 86_400)) {
        self.client = client
        self.database = database
        self.company = company
        self.firstSyncSince = firstSyncSince
    }

    var balances: BalanceStore { BalanceStore(database: database) }
    var reconciliations: ReconciliationStore { ReconciliationStore(database: database) }

    /// What a run did: the sync's counts and the comparison.
    public struct Outcome: Hashable, Sendable {
        public var sync: VirtualWarehouseSync.Report
        public var report: BalanceReconciliationReport
    }

    @discardableResult
    public func run(now: @Sendable () -> Date = Date.init) async throws -> BalanceReconciliationReport {
        try await runWithSync(now: now).report
    }

    /// Syncs forms, SNTs, warehouses and balances (`progress` hears each page of balances), then
    /// compares.
    public func runWithSync(now: @Sendable () -> Date = Date.init,
                            progress: @Sendable (VirtualWarehouseSync.Report) -> Void = { _ in }) async throws -> Outcome {
        let syncedBefore = try balances.syncedAt(companyId: company.id)
        let before = try batches()
        let baseline = try reconciliations.baseline(companyId: company.id)
            .flatMap { $0.balancesSyncedAt == syncedBefore ? $0 : nil }
        let formsBefore = Dictionary(uniqueKeysWithValues: try reconciliations.forms(companyId: company.id).map { ($0.id, $0) })
        let sntsBefore = Dictionary(uniqueKeysWithValues: try reconciliations.snts(companyId: company.id).map { ($0.id, $0) })

        try await UFormSync(client: client, database: database, company: company, firstSyncSince: firstSyncSince).run()
        _ = try await SntSync(client: client, database: database, company: company, firstSyncSince: firstSyncSince).run()
        let sync = try await VirtualWarehouseSync(client: client, database: database, company: company).run(progress: progress)

        let after = try batches()
        var documents: [ReconciledDocument] = []
        if syncedBefore != nil {
            for form in try reconciliations.forms(companyId: company.id) {
                let status = statusBefore(form: form, earlier: formsBefore[form.id], baseline: baseline, since: syncedBefore)
                if let document = reconciled(form, statusBefore: status, before: before) { documents.append(document) }
            }
            for snt in try reconciliations.snts(companyId: company.id) {
                let status = statusBefore(snt: snt, earlier: sntsBefore[snt.id], baseline: baseline, since: syncedBefore)
                if let document = try reconciled(snt, statusBefore: status) { documents.append(document) }
            }
        }
        let report = BalanceReconciliation.compare(before: syncedBefore == nil ? after : before, after: after,
                                                   documents: documents, previousSyncAt: syncedBefore, ranAt: now())
        let statuses = try reconciliations.statuses(companyId: company.id)
        try reconciliations.save(report, baseline: ReconciliationBaseline(
            balancesSyncedAt: try balances.syncedAt(companyId: company.id), forms: statuses.forms, snts: statuses.snts),
            companyId: company.id)
        // As kept (times to the millisecond), so the page that reads it later sees exactly this.
        return Outcome(sync: sync, report: try reconciliations.lastReport(companyId: company.id) ?? report)
    }

    private func batches() throws -> [BalanceBatch] {
        try balances.balances(companyId: company.id).compactMap { row in
            row.batch.map {
                BalanceBatch(storeId: row.storeId, batch: $0, name: row.name, measureUnitCode: row.measureUnitCode,
                             unitPrice: row.unitPrice, quantity: row.quantity, reserved: row.reserveQuantity ?? 0)
            }
        }
    }

    // MARK: Forms

    private func statusBefore(form: StoredUForm, earlier: StoredUForm?, baseline: ReconciliationBaseline?,
                              since: Date?) -> UFormStatus {
        if let baseline { return baseline.forms[form.id].flatMap(UFormStatus.init(rawValue:)) ?? .draft }
        guard let earlier else { return .draft }
        if earlier.status.isFinal, let since, (earlier.exchange.lastUpdateDate ?? .distantFuture) > since { return .created }
        return earlier.status
    }

    /// A form on its way at the previous sync: Qoima expected its whole effect; it had it if processed.
    private func reconciled(_ form: StoredUForm, statusBefore: UFormStatus, before: [BalanceBatch]) -> ReconciledDocument? {
        guard !statusBefore.isFinal, form.status != .draft else { return nil }
        let stores = Set([form.form.sender?.storeId, form.form.recipient?.storeId].compactMap { $0 })
        let effect = UFormBalancePreview(form.form, balances: before.filter { stores.contains($0.storeId) }).rows.map { row in
            BalanceEffect(storeId: row.storeId, batch: row.batch, name: row.name, measureUnitCode: row.measureUnitCode,
                          quantity: row.change)
        }
        return ReconciledDocument(kind: .form, localId: form.id, number: form.form.number,
                                  registrationNumber: form.exchange.registrationNumber, status: form.status.rawValue,
                                  madeElsewhere: form.origin == .esf, reason: form.exchange.cancelReason,
                                  expected: form.origin == .qoima ? effect : [],
                                  actual: form.status == .processed ? effect : [])
    }

    // MARK: SNTs

    private func statusBefore(snt: ReconciliationSnt, earlier: ReconciliationSnt?, baseline: ReconciliationBaseline?,
                              since: Date?) -> SntStatus {
        if let baseline { return baseline.snts[snt.id].flatMap(SntStatus.init(rawValue:)) ?? .draft }
        guard let earlier else { return .draft }
        if earlier.status.isFinal, let since, (earlier.lastUpdateDate ?? .distantFuture) > since {
            return earlier.status == .failed ? .created : .notViewed
        }
        return earlier.status
    }

    /// An SNT on its way at the previous sync. Qoima expected it registered, or the status of the
    /// action Qoima itself took on it since.
    private func reconciled(_ snt: ReconciliationSnt, statusBefore: SntStatus) throws -> ReconciledDocument? {
        guard !statusBefore.isFinal, let content = try? SntXMLReader.read(snt.body).snt else { return nil }
        let expectedStatus = try qoimaAction(on: snt.id)
            ?? (snt.isOutgoing ? (statusBefore == .notViewed || statusBefore == .delivered ? statusBefore : .notViewed)
                : statusBefore)
        func change(to status: SntStatus) -> [BalanceEffect] {
            Self.effects(of: content, outgoing: snt.isOutgoing, status: status)
                + Self.effects(of: content, outgoing: snt.isOutgoing, status: statusBefore).map(Self.negated)
        }
        return ReconciledDocument(kind: snt.isOutgoing ? .outgoingSnt : .incomingSnt, localId: snt.id,
                                  number: snt.number, registrationNumber: snt.registrationNumber,
                                  status: snt.status.rawValue, reason: snt.cancelReason,
                                  expected: change(to: expectedStatus), actual: change(to: snt.status))
    }

    /// The status Qoima's own confirmation, decline or revocation gave the SNT, when it took one.
    private func qoimaAction(on id: Int64) throws -> SntStatus? {
        guard let job = try OutboxStore(database: database).latestJob(sntId: id), job.state == .done else { return nil }
        return switch job.kind {
        case .confirmSnt: .confirmed
        case .declineSnt: .declined
        case .revokeSnt: .revoked
        case .sendSnt: nil
        }
    }

    /// What an SNT in `status` has done to the company's balances, from before registration (the
    /// effects of SNT events are assumed, domain.md U7): a registered outgoing SNT reserves its
    /// lines' batches, a confirmed one has shipped them; a confirmed incoming one has put its
    /// goods into new batches of the receiving warehouse.
    static func effects(of snt: Snt, outgoing: Bool, status: SntStatus) -> [BalanceEffect] {
        let lines = snt.goods?.lines ?? []
        if outgoing {
            guard let store = snt.seller.storeId else { return [] }
            return lines.compactMap { line in
                guard let batch = line.productId?.parts?.batch, let quantity = line.quantity else { return nil }
                switch status {
                case .notViewed, .delivered:
                    return BalanceEffect(storeId: store, batch: batch, name: line.productName,
                                         measureUnitCode: line.measureUnitCode?.rawValue, reserved: quantity)
                case .confirmed, .confirmedByOgd:
                    return BalanceEffect(storeId: store, batch: batch, name: line.productName,
                                         measureUnitCode: line.measureUnitCode?.rawValue, quantity: -quantity)
                default: return nil
                }
            }
        }
        guard status == .confirmed || status == .confirmedByOgd, let store = snt.customer.storeId else { return [] }
        return lines.compactMap { line in
            line.quantity.map {
                BalanceEffect(storeId: store, batch: nil, name: line.productName,
                              measureUnitCode: line.measureUnitCode?.rawValue, quantity: $0)
            }
        }
    }

    static func negated(_ effect: BalanceEffect) -> BalanceEffect {
        var effect = effect
        effect.quantity = -effect.quantity
        effect.reserved = -effect.reserved
        return effect
    }
}
