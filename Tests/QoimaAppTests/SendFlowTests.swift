import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import XCTest

/// Sending a draft through the real signing dialog to a sandbox in this process: the password
/// typed, the dialog accepted, the progress shown while IS ESF (slowed down) checks the SNT,
/// and the outcome.
final class SendFlowTests: ExchangeWorldTestCase {
    /// IS ESF takes a second to check each SNT, so the dialog's progress can be seen.
    override class var processingDelay: Duration { .milliseconds(1200) }

    @MainActor private static func app(_ name: String) throws -> (AppUnderTest, URL) {
        let scratch = try scratchDirectory(name)
        return (try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path), scratch)
    }

    /// A draft of a valid shipment from the user's company to the counterparty.
    @MainActor private static func draft(_ world: ExchangeTestWorld, tag: String,
                                  edit: @escaping @Sendable (inout Snt) -> Void = { _ in }) throws -> Int64 {
        let desk = world.ownDesk
        var snt = try waitFor {
            try await desk.shipment(to: ExchangeTestWorld.counterpartyCompany, number: ExchangeTestWorld.number(tag),
                                    quantity: 1).snt
        }
        edit(&snt)
        return try SntDraftStore(database: world.database).createDraft(companyId: world.company.id, snt)
    }

    func testAValidDraftIsSignedSentAndRegistered() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let (subject, scratch) = try Self.app("send-valid")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            let draftId = try Self.draft(world, tag: "valid")
            let exchange = DeskExchange(context: deskContext(world, app: subject))
            exchange.usesKeyring = false
            var outcome: SendOutcome?
            let flow = SendFlow.start(draftId: draftId, exchange: exchange, over: subject.window.window) { outcome = $0 }
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(flow.dialog.widget) != 0 }, timeout: 5))
            // The key file is the login's signing key until another is chosen.
            XCTAssertTrue(flow.signingDialog.keyPathShown.hasSuffix(".p12"), flow.signingDialog.keyPathShown)

            flow.enterPassword(TestPKI.defaultPassword)
            flow.enterCabinetPassword(SandboxSeed.cabinetPassword)
            flow.accept()
            // While IS ESF checks the SNT the dialog shows progress, and the window keeps drawing.
            XCTAssertTrue(MainContext.run(until: { flow.signingDialog.phase == .working }, timeout: 60))
            XCTAssertNil(outcome)
            XCTAssertNotNil(flow.signingDialog.progressText)
            XCTAssertTrue(flow.signingDialog.isSpinning)
            var seen: Set<String> = []
            XCTAssertTrue(MainContext.run(until: {
                if let text = flow.signingDialog.progressText { seen.insert(text) }
                return outcome != nil
            }, timeout: 90), "no outcome; progress seen: \(seen)")
            XCTAssertTrue(seen.contains(OutboxJob.State.accepted.label(in: DeskExchange.language)), "\(seen)")

            let state = try XCTUnwrap(SntExchangeStore(database: world.database).exchangeState(id: draftId))
            let number = try XCTUnwrap(state.registrationNumber)
            XCTAssertEqual(outcome, .registered(registrationNumber: number, status: .notViewed))
            XCTAssertNotNil(SntRegistrationNumber(number).parts, number)
            XCTAssertTrue(flow.signingDialog.resultText?.contains(number) == true, flow.signingDialog.resultText ?? "")
            // The signer was shown as soon as the key opened.
            let signer = try XCTUnwrap(flow.signingDialog.signerText)
            XCTAssertTrue(signer.contains(ExchangeTestWorld.ownDirectorIIN), signer)
            XCTAssertTrue(signer.contains(ExchangeTestWorld.ownCompany.bin.rawValue), signer)
            // The key is remembered for next time.
            XCTAssertEqual(subject.app.settings.string("signing-key-path"), flow.signingDialog.keyPathShown)
            XCTAssertEqual(subject.app.settings.string("signing-key-source"), "file")

            // IS ESF has it under the same number.
            let esfId = try XCTUnwrap(state.esfId)
            let remote = try waitFor { try await world.counterparty.client.snts(ids: [esfId]) }
            XCTAssertEqual(remote.first?.registrationNumber, number)
            // A second send of the same draft is refused, never sent twice.
            let again = try waitFor { @MainActor in
                await exchange.send(draftId: draftId, signer: try XCTUnwrap(flow.signingDialog.signer))
            }
            guard case let .failed(errors) = again else { return XCTFail("sent twice: \(again)") }
            XCTAssertTrue(errors.first?.text.contains("NOT_VIEWED") == true, "\(errors)")
            flow.signingDialog.cancel()
            MainContext.drain()
        }
    }

    func testADraftIsESFRefusesEndsFailedWithErrorsOnItsFields() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let (subject, scratch) = try Self.app("send-refused")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            // Far more than the batch holds.
            let draftId = try Self.draft(world, tag: "refused") { snt in
                var line = snt.goods!.lines[0]
                line.quantity = 1_000_000_000
                line.priceWithoutTax = nil
                line.ndsAmount = nil
                line.priceWithTax = nil
                line = GoodsLineArithmetic.completed(line)
                snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: [line]), lines: [line])
            }
            let exchange = DeskExchange(context: deskContext(world, app: subject))
            exchange.usesKeyring = false
            var outcome: SendOutcome?
            let flow = SendFlow.start(draftId: draftId, exchange: exchange, over: subject.window.window) { outcome = $0 }
            flow.enterPassword(TestPKI.defaultPassword)
            flow.enterCabinetPassword(SandboxSeed.cabinetPassword)
            flow.accept()
            XCTAssertTrue(MainContext.run(until: { outcome != nil }, timeout: 90))
            guard case let .failed(errors) = outcome else { return XCTFail("\(String(describing: outcome))") }
            XCTAssertTrue(errors.contains { $0.location == "G1.6[1]" }, "\(errors)")
            XCTAssertEqual(try SntExchangeStore(database: world.database).exchangeState(id: draftId)?.status, .failed)
            let shown = try XCTUnwrap(flow.signingDialog.resultText)
            XCTAssertTrue(shown.contains("G1.6[1]"), shown)
            flow.signingDialog.cancel()
            MainContext.drain()
        }
    }

    func testAWrongKeyPasswordIsSaidAtTheFieldAndTheDialogStays() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let (subject, scratch) = try Self.app("send-wrong")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            let draftId = try Self.draft(world, tag: "wrong")
            let exchange = DeskExchange(context: deskContext(world, app: subject))
            exchange.usesKeyring = false
            var outcome: SendOutcome?
            let flow = SendFlow.start(draftId: draftId, exchange: exchange, over: subject.window.window) { outcome = $0 }
            flow.enterPassword("not-the-password")
            flow.enterCabinetPassword(SandboxSeed.cabinetPassword)
            flow.accept()
            XCTAssertTrue(MainContext.run(until: { flow.signingDialog.keyErrorText != nil }, timeout: 30))
            XCTAssertEqual(flow.signingDialog.phase, .form)
            XCTAssertTrue(flow.signingDialog.keyErrorText?.isEmpty == false)
            XCTAssertTrue(flow.signingDialog.passwordFieldMarked)
            XCTAssertNil(outcome)
            XCTAssertNotEqual(gtk_widget_get_visible(flow.dialog.widget), 0, "the dialog stays open")
            XCTAssertEqual(try OutboxStore(database: world.database).jobs(companyId: world.company.id)
                .filter { $0.sntId == draftId }.count, 0, "nothing was queued")

            // A wrong cabinet password is said at its own field, and nothing is queued either.
            flow.enterPassword(TestPKI.defaultPassword)
            flow.enterCabinetPassword("not-the-cabinet-password")
            flow.accept()
            XCTAssertTrue(MainContext.run(until: { flow.signingDialog.sessionErrorText != nil }, timeout: 60))
            XCTAssertEqual(flow.signingDialog.phase, .form)
            XCTAssertFalse(exchange.hasSession)
            XCTAssertEqual(try OutboxStore(database: world.database).jobs(companyId: world.company.id)
                .filter { $0.sntId == draftId }.count, 0)

            // Cancelling before anything was sent says so.
            flow.signingDialog.cancel()
            XCTAssertTrue(MainContext.run(until: { outcome != nil }, timeout: 5))
            XCTAssertEqual(outcome, .cancelled)
        }
    }
}
