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

/// An incoming SNT (the counterparty sends one, the user's company syncs) answered through the
/// document window: confirmed with a power of attorney, or declined, which needs a cause.
final class SntDocumentWindowTests: ExchangeWorldTestCase {

    /// The counterparty sends the user's company an SNT; the user's desk logs in and syncs.
    /// Returns the local id of the incoming SNT and its IS ESF id.
    @MainActor private static func incoming(_ world: ExchangeTestWorld, exchange: DeskExchange,
                                            tag: String) throws -> (local: Int64, esfId: Int64, number: String) {
        let seller = world.counterparty
        let number = ExchangeTestWorld.number(tag)
        let esfId = try waitFor { () -> Int64 in
            let (snt, _) = try await seller.shipment(to: ExchangeTestWorld.ownCompany, number: number, quantity: 1)
            let draft = try seller.draft(snt)
            let job = try await seller.send(draft)
            guard job.state == .done, let esfId = try seller.state(draft)?.esfId else {
                throw TimedOut(seconds: 0)
            }
            return esfId
        }
        if !exchange.hasSession {
            try waitFor { @MainActor in
                try await exchange.openSession(authenticationKeyPassword: SecretBytes(TestPKI.defaultPassword),
                                               cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword),
                                               rememberCabinetPassword: false)
            }
        }
        _ = try waitFor { @MainActor in try await exchange.refresh() }
        let local = try XCTUnwrap(SntExchangeStore(database: world.database).document(esfId: esfId, companyId: world.company.id)?.id)
        return (local, esfId, number)
    }

    func testAnIncomingSNTIsConfirmedWithAPowerOfAttorney() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let scratch = try scratchDirectory("document-confirm")
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            let context = deskContext(world, app: subject)
            let exchange = DeskExchange(context: context)
            exchange.usesKeyring = false
            let (local, esfId, number) = try Self.incoming(world, exchange: exchange, tag: "confirm")

            let document = try SntDocumentWindow(sntId: local, context: context, exchange: exchange,
                                                 transientFor: subject.window.window)
            var changed: [Int64] = []
            document.onChanged = { changed.append($0) }
            document.present()
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(document.window.widget) != 0 }, timeout: 5))
            XCTAssertEqual(document.allowedActions, [.confirm, .decline])
            // Sent today: all 20 business days are left.
            XCTAssertTrue(document.deadlineText?.contains("20") == true, document.deadlineText ?? "no deadline shown")
            XCTAssertEqual(document.goodsCells.count, 1)
            let numberRow = try XCTUnwrap(findWidget(named: "field-A1", in: document.window.widget))
            XCTAssertEqual(adw_action_row_get_subtitle(gcast(numberRow)).map { String(cString: $0) }, number)
            XCTAssertNotNil(findWidget(named: "field-B13", in: document.window.widget))
            XCTAssertEqual(gtk_widget_get_visible(findWidget(named: "document-revoke", in: document.window.widget)!), 0)

            // Ctrl+Return opens the confirmation, as the Confirm button does.
            gtk_widget_activate_action_variant(document.window.widget, "doc.confirm", nil)
            let flow = try XCTUnwrap(document.actionFlow)
            XCTAssertEqual(flow.kind, .confirm)
            XCTAssertNil(flow.warningText, "confirming cancels nothing")
            let today = KazakhstanClock.today()
            flow.enterPowerOfAttorney(number: "Д-77", date: "31.02.2026")
            flow.signing.accept()
            XCTAssertEqual(flow.signing.phase, .form, "an impossible date is refused before signing")
            XCTAssertTrue(flow.fieldErrorText?.contains("86.3") == true, flow.fieldErrorText ?? "")
            flow.enterPowerOfAttorney(number: "Д-77", date: today.ddMMyyyy)
            flow.signing.enterPassword(TestPKI.defaultPassword)
            flow.signing.accept()
            XCTAssertTrue(MainContext.run(until: { !changed.isEmpty }, timeout: 60), flow.signing.sessionErrorText ?? "")
            XCTAssertEqual(changed, [local])
            XCTAssertEqual(try SntExchangeStore(database: world.database).exchangeState(id: local)?.status, .confirmed)
            XCTAssertEqual(document.allowedActions, [], "a confirmed SNT takes no further answer")
            XCTAssertTrue(flow.signing.resultText?.contains(SntStatusBadge.text(of: .confirmed)) == true)

            // IS ESF holds the confirmation with the power of attorney; a sync brings it here.
            let remote = try waitFor { try await world.counterparty.client.snts(ids: [esfId]).first }
            XCTAssertEqual(remote?.status, .confirmed)
            XCTAssertEqual(remote?.acceptance?.powerOfAttorneyNumber, "Д-77")
            _ = try waitFor { @MainActor in try await exchange.refresh() }
            document.reload()
            let poa = try XCTUnwrap(findWidget(named: "field-86.2", in: document.window.widget))
            XCTAssertEqual(adw_action_row_get_subtitle(gcast(poa)).map { String(cString: $0) }, "Д-77")
            // With a session open, the history is IS ESF's.
            XCTAssertTrue(MainContext.run(until: { document.historySource == .remote }, timeout: 30))
            flow.signing.cancel()
            gtk_window_close(document.window.cPointer())
            MainContext.drain()
        }
    }

    func testADeclineNeedsACauseAndWarnsThatTheESFIsCancelledToo() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let scratch = try scratchDirectory("document-decline")
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            let context = deskContext(world, app: subject)
            let exchange = DeskExchange(context: context)
            exchange.usesKeyring = false
            let (local, esfId, _) = try Self.incoming(world, exchange: exchange, tag: "decline")
            let document = try SntDocumentWindow(sntId: local, context: context, exchange: exchange,
                                                 transientFor: subject.window.window)
            var changed: [Int64] = []
            document.onChanged = { changed.append($0) }
            document.present()

            gtk_widget_activate_action_variant(document.window.widget, "doc.decline", nil)
            let flow = try XCTUnwrap(document.actionFlow)
            XCTAssertEqual(flow.kind, .decline)
            XCTAssertTrue(flow.warningText?.contains("ESF") == true, flow.warningText ?? "no warning")
            // Without a cause nothing is signed or sent.
            flow.signing.enterPassword(TestPKI.defaultPassword)
            flow.enterCause("   ")
            flow.signing.accept()
            XCTAssertEqual(flow.signing.phase, .form)
            XCTAssertTrue(flow.fieldErrorText?.isEmpty == false)
            XCTAssertEqual(try OutboxStore(database: world.database).jobs(companyId: world.company.id)
                .filter { $0.sntId == local }.count, 0)

            flow.enterCause("Тауар сапасыз")
            flow.signing.accept()
            XCTAssertTrue(MainContext.run(until: { !changed.isEmpty }, timeout: 60), flow.signing.sessionErrorText ?? "")
            XCTAssertEqual(try SntExchangeStore(database: world.database).exchangeState(id: local)?.status, .declined)
            let remote = try waitFor { try await world.counterparty.client.snts(ids: [esfId]).first }
            XCTAssertEqual(remote?.status, .declined)
            XCTAssertEqual(remote?.cancelReason, "Тауар сапасыз")
            flow.signing.cancel()
            gtk_window_close(document.window.cPointer())
            MainContext.drain()
        }
    }

    /// A draft is not a document to view: it is edited in the editor.
    func testADraftDoesNotOpenHere() throws {
        try MainActor.assumeIsolated {
            let world = try Self.world()
            let scratch = try scratchDirectory("document-draft")
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            let context = deskContext(world, app: subject)
            let draft = try SntDraftStore(database: world.database).createDraft(
                companyId: world.company.id, Snt(number: "D-1", date: KazakhstanClock.today()))
            XCTAssertThrowsError(try SntDocumentWindow(sntId: draft, context: context,
                                                       exchange: DeskExchange(context: context), transientFor: nil))
        }
    }
}
