import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore
import QoimaXML

/// What the demo world holds, built the way a user would build it: every document is signed and
/// sent through the outbox to the in-process sandbox, the counterparty answers from its own
/// database, and the user's database is then synced. The numbers say what each one shows.
struct DemoScenario {
    let world: DemoWorld

    /// A company's desk for the scenario; a step IS ESF does not finish as expected stops it.
    struct Side {
        let desk: ExchangeDesk

        init(_ demo: DemoCompany, databasePath: String, world: DemoWorld) throws {
            let (client, signer) = try world.client(for: demo)
            desk = try ExchangeDesk(demo, database: try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath)),
                                    client: client, signer: signer)
        }

        var database: QoimaDatabase { desk.database }
        var company: OwnCompany { desk.company }
        var client: ESFClient { desk.client }

        /// A draft of `quantity` from the first batch that holds enough; `shipped` overrides the
        /// quantity written on the line afterwards (to make one IS ESF refuses).
        func draft(to buyer: DemoCompany, _ number: String, quantity: Decimal = 2, shipped: Decimal? = nil) async throws
            -> Int64 {
            var snt = try await desk.shipment(to: buyer, number: number, quantity: quantity).snt
            if let shipped, var goods = snt.goods {
                goods.lines = goods.lines.map { line in
                    var changed = line
                    changed.quantity = shipped
                    return GoodsLineArithmetic.completed(changed)
                }
                goods.totals = GoodsLineArithmetic.totals(of: goods.lines)
                snt.goods = goods
            }
            return try desk.draft(snt)
        }

        /// Sends draft `id` and returns its IS ESF id once IS ESF has answered as expected.
        @discardableResult
        func send(_ id: Int64, expecting state: OutboxJob.State = .done) async throws -> Int64 {
            let finished = try await desk.send(id)
            guard finished.state == state, let esfId = try desk.state(id)?.esfId else {
                throw DemoWorldError.stepFailed("sending \(id): \(finished.lastError ?? finished.state.rawValue)")
            }
            return esfId
        }

        func act(_ kind: SntActionKind, esfId: Int64, cause: String? = nil,
                 powerOfAttorney: (number: String, date: CalendarDate)? = nil) async throws {
            guard let local = try desk.local(esfId: esfId) else {
                throw DemoWorldError.stepFailed("\(desk.demo.bin.rawValue) does not have SNT \(esfId)")
            }
            let finished = try await desk.act(kind, on: local, cause: cause, powerOfAttorney: powerOfAttorney)
            guard finished.state == .done else {
                throw DemoWorldError.stepFailed("\(kind.rawValue) \(esfId): \(finished.lastError ?? finished.state.rawValue)")
            }
        }

        func sync() async throws { try await desk.sync() }
    }

    func build() async throws {
        let folder = URL(fileURLWithPath: world.directory)
        let own = try Side(DemoWorld.own, databasePath: world.databasePath, world: world)
        let other = try Side(DemoWorld.counterparty,
                             databasePath: folder.appendingPathComponent("counterparty.sqlite").path, world: world)
        let buyer = DemoWorld.counterparty, seller = DemoWorld.own
        let today = KazakhstanClock.today()

        // A draft never sent, ready to be edited and sent.
        _ = try await own.draft(to: buyer, "ДЕМО-001")
        // Registered and waiting for the buyer to open it.
        try await own.send(try await own.draft(to: buyer, "ДЕМО-002"))
        // Opened by the buyer.
        let delivered = try await own.send(try await own.draft(to: buyer, "ДЕМО-003"))
        // Confirmed, declined: the buyer's answers.
        let confirmed = try await own.send(try await own.draft(to: buyer, "ДЕМО-004", quantity: 5))
        let declined = try await own.send(try await own.draft(to: buyer, "ДЕМО-005"))
        // Revoked by the seller.
        let revoked = try await own.send(try await own.draft(to: buyer, "ДЕМО-006"))
        try await own.act(.revoke, esfId: revoked, cause: "Көлік ауыстырылды / Замена транспорта")
        // Refused by IS ESF's checks: far more than the batch holds.
        try await own.send(try await own.draft(to: buyer, "ДЕМО-007", quantity: 1, shipped: 1_000_000), expecting: .failed)
        // Corrected: the original is cancelled by its FIXED_SNT.
        let originalDraft = try await own.draft(to: buyer, "ДЕМО-008", quantity: 3)
        try await own.send(originalDraft)
        if let registration = try SntExchangeStore(database: own.database).exchangeState(id: originalDraft)?.registrationNumber,
           var correction = try SntDraftStore(database: own.database).draft(id: originalDraft)?.snt {
            correction.number = "ДЕМО-009"
            correction.type = .fixed
            correction.relatedRegistrationNumber = SntRegistrationNumber(registration)
            try await own.send(try SntDraftStore(database: own.database).createDraft(companyId: own.company.id, correction))
        }

        try await paperMagazine(own, buyer: buyer, today: today)

        // The counterparty answers, and sends two SNTs the user has to answer.
        try await other.sync()
        _ = try await other.client.viewSnts(ids: [delivered])
        try await other.act(.confirm, esfId: confirmed, powerOfAttorney: ("12", today))
        try await other.act(.decline, esfId: declined, cause: "Тауар сапасы сәйкес емес / Несоответствие качества")
        try await other.send(try await other.draft(to: seller, "ҚҰР-101"))
        try await other.send(try await other.draft(to: seller, "ҚҰР-102", quantity: 10))

        // The user's database catches up: documents, warehouses, balances, dictionaries. Then a
        // write-off made on the portal, outside Qoima: the next sync finds the balance it changed
        // and names it as the cause (the Warehouses page lists it).
        try await own.sync()
        let reconciler = BalanceReconciler(client: own.client, database: own.database, company: own.company)
        try await reconciler.run()
        try await writeOffOnThePortal(own)
        try await reconciler.run()
        _ = try await DictionarySync(client: own.client, database: own.database, companyId: own.company.id).run()
        await own.client.sessions.close()
        await other.client.sessions.close()
    }

    /// The Magazine of paper SNTs (docs/magazine.md): one issued during a past outage and now
    /// overdue, a blank spoiled then, one entered into IS ESF after the outage, and one issued
    /// yesterday with its three working days still running.
    private func paperMagazine(_ own: Side, buyer: DemoCompany, today: CalendarDate) async throws {
        let magazine = MagazineStore(database: own.database)
        let company = own.company.id, responsible = "Айгүл Серікова"
        let outage = today.adding(days: -20)
        let overdue = try await own.draft(to: buyer, "ДЕМО-Қ01")
        let late = try magazine.issue(sntId: overdue, companyId: company, reason: .downTime, paperDate: outage,
                                      responsible: responsible, today: today)
        _ = try magazine.recordSpoiledBlank(companyId: company, date: outage, reason: "Қате толтырылды / Заполнен с ошибкой",
                                            responsible: responsible, today: today)
        _ = try magazine.setRestoreDate(outage.adding(days: 6), id: late.id, today: today)
        let entered = try await own.draft(to: buyer, "ДЕМО-Қ02")
        let enteredEntry = try magazine.issue(sntId: entered, companyId: company, reason: .downTime,
                                              paperDate: today.adding(days: -2), responsible: responsible, today: today)
        _ = try magazine.setRestoreDate(today.adding(days: -1), id: enteredEntry.id, today: today)
        try await own.send(entered)
        _ = try magazine.enterRegistered(companyId: company, today: today)
        let open = try await own.draft(to: buyer, "ДЕМО-Қ03")
        let openEntry = try magazine.issue(sntId: open, companyId: company, reason: .unlawfulRemovalRegistration,
                                           paperDate: today.adding(days: -1), responsible: responsible, today: today)
        _ = try magazine.setRestoreDate(today, id: openEntry.id, today: today)
    }

    /// One unit of the first batch with stock, written off as lost, signed with the user's key and
    /// uploaded as the portal would; waits until IS ESF has processed it.
    private func writeOffOnThePortal(_ own: Side) async throws {
        guard let batch = try BalanceStore(database: own.database).balances(companyId: own.company.id)
            .first(where: { $0.batch != nil && $0.available >= 5 }) else { return }
        var form = UForm(number: "ПОРТАЛ-1", date: KazakhstanClock.today(), type: .writeOff,
                         sender: UFormParty(storeId: batch.storeId, tin: TaxpayerNumber(own.company.bin)),
                         comment: "Порталда жасалған / Оформлено на портале", products: [UFormProduct(taking: 1, from: batch)])
        form.writeOffReason = .loss
        form.computeTotals()
        let signer = try world.client(for: DemoWorld.own).1
        let outcome = try await own.client.uploadUForms([try await SignedDocument.sign(UFormXMLWriter.body(of: form), with: signer)])
        guard let id = outcome.accepted.first?.id else {
            throw DemoWorldError.stepFailed("the portal write-off: \(outcome.declined.flatMap(\.errors).map(\.text))")
        }
        for _ in 0..<100 {
            let status = try await own.client.uFormStatuses(ids: [id]).first?.status
            if status == UFormStatus.processed.rawValue { return }
            if status == UFormStatus.failed.rawValue || status == UFormStatus.canceled.rawValue {
                throw DemoWorldError.stepFailed("the portal write-off: \(status ?? "")")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DemoWorldError.stepFailed("the portal write-off was not processed")
    }
}
