import Foundation
import QoimaCore
import QoimaESF
import QoimaStore
import QoimaXML
import XCTest

/// Each kind of form drawn up in Qoima, checked, signed and sent to a sandbox process over
/// loopback, processed, and the balances after a sync changed exactly as the preview said.
final class UFormExchangeTests: XCTestCase {
    nonisolated(unsafe) private static var shared: SandboxProcess?

    private var sandbox: SandboxProcess {
        get throws {
            if let running = Self.shared { return running }
            let started = try SandboxProcess()
            Self.shared = started
            return started
        }
    }

    override class func tearDown() {
        if let running = shared { XCTAssertEqual(running.stop(), 0) }
        shared = nil
        super.tearDown()
    }

    private var desk: FormDesk!

    override func setUp() async throws {
        desk = try FormDesk(sandbox: try sandbox)
    }

    /// Sends `id`, syncs, and checks the outcome against the preview made before sending.
    private func sendAndCompare(_ id: Int64, before: [BalanceKey: StoredBalance], file: StaticString = #filePath,
                                line: UInt = #line) async throws -> (StoredUForm, [BalanceKey: StoredBalance]) {
        let stored = try XCTUnwrap(desk.forms.form(id: id))
        let preview = try desk.forms.review(stored.form, companyId: desk.company.id).preview
        let sent = try await desk.send(id)
        XCTAssertEqual(sent.status, .processed, "\(sent.exchange)", file: file, line: line)
        XCTAssertEqual(sent.exchange.sendState, .done, file: file, line: line)
        XCTAssertTrue(sent.exchange.registrationNumber?.hasPrefix("KZ-UF-000140000002-") == true,
                      sent.exchange.registrationNumber ?? "none", file: file, line: line)
        XCTAssertEqual(sent.exchange.attempts, 1, file: file, line: line)
        let after = try await desk.syncBalances()
        assertBalances(after, changedFrom: before, as: preview, file: file, line: line)
        return (sent, after)
    }

    func testBalanceEntryAddsNewBatches() async throws {
        let before = try await desk.syncBalances()
        let id = try desk.draft(.balance) { form in
            form.products = [
                FormSamples.line("Кірпіш қызыл", tnved: "6904100000", kpved: "23.32.11.100", unit: "796", quantity: 1500, price: 90),
                FormSamples.line("Құм", tnved: "2505100000", kpved: "08.12.12.000", unit: "168", quantity: 12, price: 6000),
            ]
        }
        let (_, after) = try await sendAndCompare(id, before: before)
        let added = after.filter { before[$0.key] == nil }.values.map { "\($0.storeId) \($0.name) \($0.quantity)" }.sorted()
        XCTAssertEqual(added, ["1001 Кірпіш қызыл 1500", "1001 Құм 12"])
    }

    func testProductionUsesUpInputsAndMakesOutputs() async throws {
        let before = try await desk.syncBalances()
        let sugar = try XCTUnwrap(before[BalanceKey(1001, 812_063)])
        let id = try desk.draft(.manufacture) { form in
            form.sourceProducts = [UFormProduct(taking: 100, from: sugar)]
            form.products = [FormSamples.line("Кәмпит «Қойма»", tnved: "1704907100", kpved: "10.82.23.000", unit: "166",
                                              quantity: 80, price: 900)]
        }
        let (_, after) = try await sendAndCompare(id, before: before)
        XCTAssertEqual(after[BalanceKey(1001, 812_063)]?.quantity, sugar.quantity - 100)
        XCTAssertEqual(after.values.filter { $0.name == "Кәмпит «Қойма»" && before[BalanceKey($0.storeId, $0.batch!)] == nil }
            .map(\.quantity), [80])
    }

    func testMovementMovesTheBatchToTheOtherOwnWarehouse() async throws {
        let before = try await desk.syncBalances()
        let fuel = try XCTUnwrap(before[BalanceKey(1001, 812_041)])
        let id = try desk.draft(.movement) { form in
            form.recipient = UFormParty(name: "ТОО «Қойма Сауда»", storeId: 1002, tin: FormSamples.tin)
            form.products = [UFormProduct(taking: 1000, from: fuel)]
        }
        let (_, after) = try await sendAndCompare(id, before: before)
        XCTAssertEqual(after[BalanceKey(1001, 812_041)]?.quantity, fuel.quantity - 1000)
        XCTAssertEqual(after[BalanceKey(1002, 812_041)]?.quantity, (before[BalanceKey(1002, 812_041)]?.quantity ?? 0) + 1000)
    }

    func testWriteOffCarriesItsReasonsDetailsToIsEsf() async throws {
        let before = try await desk.syncBalances()
        let cement = try XCTUnwrap(before[BalanceKey(1001, 812_017)])
        let id = try desk.draft(.writeOff) { form in
            form.writeOffReason = .writeOffByGuilty
            form.writeOffDetails = [.guiltyPersonName: "Ахметов Серік", .guiltyPersonIin: "000101500001",
                                    .documentNumber: "Бұйрық 14", .documentDate: KazakhstanClock.today().ddMMyyyy]
            form.comment = "Қаптар жыртылған"
            form.products = [UFormProduct(taking: 2, from: cement)]
        }
        let (sent, after) = try await sendAndCompare(id, before: before)
        XCTAssertEqual(after[BalanceKey(1001, 812_017)]?.quantity, cement.quantity - 2)
        let remote = try await desk.client.uForm(id: try XCTUnwrap(sent.exchange.esfId))
        let comment = try UFormXMLReader.read(try XCTUnwrap(remote).body).form.comment ?? ""
        XCTAssertTrue(comment.contains("ФИО виновного лица: Ахметов Серік; ИИН виновного лица: 000101500001"), comment)
        XCTAssertTrue(comment.hasSuffix(" — Қаптар жыртылған"), comment)
        XCTAssertEqual(sent.form.comment, "Қаптар жыртылған", "the editor gets the user's comment back")
        XCTAssertEqual(sent.form.writeOffDetails[.guiltyPersonName], "Ахметов Серік")
    }

    func testDetailingConvertsAndPacks() async throws {
        let before = try await desk.syncBalances()
        let vodka = try XCTUnwrap(before[BalanceKey(1001, 812_052)])
        let sugar = try XCTUnwrap(before[BalanceKey(1001, 812_063)])
        let conversion = try desk.draft(.detailing) { form in
            form.detailingType = .conversion
            form.sourceProducts = [UFormProduct(taking: 12, from: vodka)]
            var bottles = UFormProduct(taking: 12, from: vodka)
            bottles.productId = nil
            bottles.measureUnitCode = MeasureUnitCode("868")
            form.products = [bottles]
        }
        let (_, middle) = try await sendAndCompare(conversion, before: before)
        XCTAssertEqual(middle[BalanceKey(1001, 812_052)]?.quantity, vodka.quantity - 12)

        let packing = try desk.draft(.detailing) { form in
            form.detailingType = .packing
            form.sourceProducts = [UFormProduct(taking: 2, from: vodka), UFormProduct(taking: 5, from: sugar)]
            form.products = [FormSamples.line("Сыйлық жинағы", tnved: "2208601100", kpved: "11.01.10.100", unit: "839",
                                              quantity: 1, price: 2 * 2450 + 5 * 420)]
        }
        let (_, after) = try await sendAndCompare(packing, before: middle)
        XCTAssertEqual(after[BalanceKey(1001, 812_063)]?.quantity, sugar.quantity - 5)
    }

    func testBalanceCorrectionSetsTheBatch() async throws {
        let before = try await desk.syncBalances()
        let rebar = try XCTUnwrap(before[BalanceKey(1001, 812_033)])
        let id = try desk.draft(.balanceCorrection) { form in
            form.products = [UFormProduct(taking: rebar.quantity - 1, from: rebar)]
        }
        let (_, after) = try await sendAndCompare(id, before: before)
        XCTAssertEqual(after[BalanceKey(1001, 812_033)]?.quantity, rebar.quantity - 1)
    }

    /// Too much is refused before anything is sent, saying which line and by how much; a form
    /// IS ESF fails comes back with its errors on the line, can be fixed and sent again.
    func testTooMuchIsRefusedAndAFailedFormIsFixedAndSentAgain() async throws {
        let before = try await desk.syncBalances()
        let sulphur = try XCTUnwrap(before[BalanceKey(1001, 812_004)])
        let available = sulphur.available
        let id = try desk.forms.createDraft(companyId: desk.company.id, type: .writeOff)
        var form = try XCTUnwrap(desk.forms.form(id: id)).form
        form.number = "WO-TOO-\(UUID().uuidString.prefix(6))"
        form.writeOffReason = .damage
        form.writeOffDetails = [.documentNumber: "7", .documentDate: KazakhstanClock.today().ddMMyyyy]
        form.products = [UFormProduct(taking: available + 3, from: sulphur)]
        form.computeTotals()
        try desk.forms.save(id: id, form)
        XCTAssertThrowsError(try desk.sender.queue(id: id)) { error in
            let text = (error as? UFormSendError)?.message(in: .english) ?? "\(error)"
            XCTAssertTrue(text.contains("products[1].quantity: Line 1 takes 3 t more than the \(DecimalText.format(available)) t available"),
                          text)
        }
        XCTAssertNil(try desk.forms.form(id: id)?.exchange.sendState, "nothing was queued")

        // Within the cache, but IS ESF has less meanwhile (taken elsewhere): IS ESF fails it.
        form.products = [UFormProduct(taking: available, from: sulphur)]
        form.computeTotals()
        try desk.forms.save(id: id, form)
        var elsewhere = FormSamples.form(.writeOff, [UFormProduct(taking: 1, from: sulphur)],
                                         number: "PORTAL-\(UUID().uuidString.prefix(6))")
        elsewhere.date = KazakhstanClock.today()
        elsewhere.writeOffReason = .loss
        elsewhere.comment = " "
        let signed = try await SignedDocument.sign(UFormXMLWriter.body(of: elsewhere), with: SharedTestPKI.signer())
        _ = try await desk.client.uploadUForms([signed])
        let failed = try await desk.send(id)
        XCTAssertEqual(failed.status, .failed)
        XCTAssertEqual(failed.exchange.sendState, .failed)
        let error = try XCTUnwrap(failed.exchange.errors.first)
        XCTAssertEqual(error.field, "products/product[1]/quantity")
        XCTAssertEqual(error.line, 1)
        XCTAssertTrue(failed.isEditable)

        // Fixed: one less; a new upload, processed.
        _ = try await desk.syncBalances()
        form.products = [UFormProduct(taking: available - 1, from: sulphur)]
        form.computeTotals()
        try desk.forms.save(id: id, form)
        let fixed = try await desk.send(id)
        XCTAssertEqual(fixed.status, .processed, "\(fixed.exchange)")
        XCTAssertNotEqual(fixed.exchange.esfId, failed.exchange.esfId)
        try await UFormSync(client: desk.client, database: desk.desk.database, company: desk.company,
                            firstSyncSince: Date().addingTimeInterval(-3600)).run()
        XCTAssertEqual(try desk.forms.list(UFormListQuery(companyId: desk.company.id, search: form.number)).map(\.id), [id],
                       "the failed upload set aside is not brought back as a copy")
    }

    // MARK: Never twice

    func testAFormQueuedTwiceIsSentOnce() async throws {
        _ = try await desk.syncBalances()
        let id = try desk.draft(.balance) { form in
            form.products = [FormSamples.line("Тақтай", tnved: "4407119300", kpved: "16.10.10.000", unit: "113", quantity: 3, price: 50000)]
        }
        let first = try desk.sender.queue(id: id)
        let second = try desk.sender.queue(id: id)
        XCTAssertEqual(first.exchange.sendState, .pending)
        XCTAssertEqual(second, first)
        let sent = try await desk.sender.run(only: [id])
        XCTAssertEqual(sent.first?.status, .processed)
        XCTAssertEqual(sent.first?.exchange.attempts, 1)
        XCTAssertThrowsError(try desk.sender.queue(id: id), "a processed form is not sent again")
        let number = try XCTUnwrap(desk.forms.form(id: id)).form.number
        let feed = try await desk.inFeed(number)
        XCTAssertEqual(feed.count, 1)
    }

    /// The upload reached IS ESF but Qoima died before hearing the answer: the form is found in
    /// IS ESF's feed and linked, never uploaded a second time.
    func testASendWhoseAnswerWasLostIsFoundAgainNotSentTwice() async throws {
        _ = try await desk.syncBalances()
        let id = try desk.draft(.balance) { form in
            form.products = [FormSamples.line("Шифер", tnved: "6811400000", kpved: "23.65.12.000", unit: "796", quantity: 40, price: 2500)]
        }
        try desk.sender.queue(id: id)
        let sending = try desk.forms.beginAttempt(id: id)
        let signed = try await SignedDocument.sign(sending.body, with: SharedTestPKI.signer())
        let outcome = try await desk.client.uploadUForms([signed])
        let esfId = try XCTUnwrap(outcome.accepted.first?.id)
        // …and the process ends here, the form left `sending`.

        let finished = try await desk.sender.run(only: [id])
        let form = try XCTUnwrap(finished.first)
        XCTAssertEqual(form.exchange.esfId, esfId, "linked to the upload IS ESF already had")
        XCTAssertEqual(form.status, .processed)
        XCTAssertEqual(form.exchange.attempts, 1, "not uploaded again")
        let feed = try await desk.inFeed(form.form.number)
        XCTAssertEqual(feed.map(\.uFormId), [esfId])

        // An answer lost before the upload reached IS ESF: looked for, not found, sent once.
        let other = try desk.draft(.balance) { form in
            form.products = [FormSamples.line("Шифер", tnved: "6811400000", kpved: "23.65.12.000", unit: "796", quantity: 41, price: 2500)]
        }
        try desk.sender.queue(id: other)
        _ = try desk.forms.beginAttempt(id: other)
        try desk.forms.answerLost(id: other, error: "connection reset")
        let rerun = try await desk.sender.run(only: [other])
        let resent = try XCTUnwrap(rerun.first)
        XCTAssertEqual(resent.status, .processed)
        XCTAssertEqual(resent.exchange.attempts, 2)
        let again = try await desk.inFeed(resent.form.number)
        XCTAssertEqual(again.count, 1)
    }

    /// A form made on the portal shows up in the list from IS ESF's feed, read-only.
    func testFormsMadeElsewhereComeInFromTheFeed() async throws {
        var portal = FormSamples.form(.balance, [FormSamples.line("Әк", tnved: "2522100000", kpved: "23.52.10.100", unit: "168",
                                                                  quantity: 2, price: 30000)],
                                      number: "PORTAL-\(UUID().uuidString.prefix(6))")
        portal.date = KazakhstanClock.today()
        portal.comment = "порталда енгізілді"
        let signed = try await SignedDocument.sign(UFormXMLWriter.body(of: portal), with: SharedTestPKI.signer())
        _ = try await desk.client.uploadUForms([signed])
        let count = try await UFormSync(client: desk.client, database: desk.desk.database, company: desk.company,
                                        firstSyncSince: Date().addingTimeInterval(-3600)).run()
        XCTAssertGreaterThanOrEqual(count.inserted, 1)
        let row = try XCTUnwrap(desk.forms.list(UFormListQuery(companyId: desk.company.id, search: portal.number)).first)
        XCTAssertEqual(row.origin, .esf)
        XCTAssertEqual(row.status, .processed)
        XCTAssertFalse(row.isEditable)
        let stored = try XCTUnwrap(desk.forms.form(id: row.id))
        XCTAssertEqual(stored.body, UFormXMLWriter.body(of: portal), "IS ESF's body, as it holds it")
        XCTAssertThrowsError(try desk.forms.delete(draftId: row.id))
    }
}
