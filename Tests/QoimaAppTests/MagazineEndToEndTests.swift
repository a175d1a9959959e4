import CAdw
import CGtk
import Foundation
import GtkKit
@_spi(Benchmark) @testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import XCTest

/// The paper Magazine through the real main window, over a real database and a sandbox in this
/// process: a draft issued on paper from its open editor (the editor keeps its edit and shows
/// the banner and A 2.1/2.1.1), the entry on the Magazine page with its number, the draft
/// marked on the Drafts list, then entered electronically (signed and sent until IS ESF
/// registers it) and shown entered with its registration, which opens the registered SNT;
/// another draft issued from the Drafts list takes the next number.
final class MagazineEndToEndTests: XCTestCase {
    func testIssueOnPaperFromTheEditorThenEnterItElectronically() throws {
        try MainActor.assumeIsolated {
            let world = try waitFor { try await ExchangeTestWorld.start() }
            defer { _ = try? waitFor { await world.stop() } }
            let number = ExchangeTestWorld.number("paper")
            let draftId = try Self.draft(number, in: world)
            let second = try Self.draft(ExchangeTestWorld.number("paper2"), in: world)
            let scratch = try scratchDirectory("magazine-e2e")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path,
                                           database: world.database.path)
            defer { subject.close() }
            let desk = try XCTUnwrap(subject.window.desk)
            desk.exchange.usesKeyring = false
            let page = desk.magazine.page
            let today = desk.context.today

            // The editor open with an edit not yet saved: Ctrl+I asks the reason and the date.
            desk.open(draftId)
            let editor = try XCTUnwrap(desk.editors[draftId])
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(editor.window.widget) != 0 }, timeout: 10))
            XCTAssertNil(editor.paperText)
            editor.model.edit { $0.number = number + "-Б" }
            gtk_widget_activate_action_variant(editor.window.widget, "editor.issue-on-paper", nil)
            let dialog = try XCTUnwrap(desk.magazine.issueDialog, "the issue dialog opens")
            XCTAssertEqual(dialog.text("paperDate"), today.ddMMyyyy, "today in Kazakhstan by default")
            XCTAssertEqual(dialog.text("responsible"), ExchangeTestWorld.pki.company(bin: ExchangeTestWorld.ownCompany.bin.rawValue)?
                .directorName, "the login's user by default")
            dialog.set("paperDate", today.adding(days: 1).ddMMyyyy)
            dialog.confirm()
            XCTAssertNotNil(dialog.shownProblems["paperDate"], "a paper date after today is refused at its field")
            XCTAssertEqual(page.rowCount, 0, "nothing was written")
            dialog.set("paperDate", today.ddMMyyyy)
            dialog.choose("reason", 0)
            dialog.confirm()
            MainContext.drain()
            XCTAssertNil(desk.magazine.issueDialog, "the dialog closed: \(dialog.shownProblems)")

            let entry = try XCTUnwrap(desk.magazine.lastIssued)
            XCTAssertEqual(entry.label, "1/\(today.year)")
            let stored = try XCTUnwrap(SntDraftStore(database: world.database).draft(id: draftId)).snt
            XCTAssertEqual(stored.datePaper, today)
            XCTAssertEqual(stored.reasonPaper, .downTime)
            XCTAssertEqual(stored.number, number + "-Б", "the edit made before the issue was kept")
            XCTAssertEqual(editor.model.snt.datePaper, today, "the editor reads the draft back")
            XCTAssertEqual(editor.paperText?.hasPrefix("Issued on paper: Magazine No. 1/\(today.year), \(today.ddMMyyyy)"), true,
                           editor.paperText ?? "no banner")
            XCTAssertTrue(editor.paperText?.contains("Waiting for the day IS ESF was restored") == true)
            let paperButton = try EditorTestDesk.handle(named: "editor-issue-on-paper", in: editor.window)
            XCTAssertEqual(gtk_widget_get_sensitive(paperButton.widget), 0, "issued once until its blank is spoiled")

            // The Magazine page lists it; the Drafts list marks the draft.
            XCTAssertEqual(page.rowCount, 1)
            XCTAssertEqual(page.table.text(ofColumn: "paperNumber", at: 0), number + "-Б")
            desk.magazine.show(entryId: entry.id)
            XCTAssertEqual(subject.window.currentPage, .magazine)
            XCTAssertEqual(page.selectedRow?.entry.id, entry.id)
            let drafts = try XCTUnwrap(desk.lists[.drafts])
            drafts.reload()
            let position = try XCTUnwrap((0..<drafts.rowCount).first { drafts.table.row(at: $0)?.id == draftId })
            XCTAssertEqual(drafts.table.text(ofColumn: "paper", at: position), "No. 1/\(today.year)")

            // IS ESF works again: the restore date gives the deadline.
            let restore = page.askRestoreDate()
            restore.set("restoreDate", today.ddMMyyyy)
            restore.confirm()
            MainContext.drain()
            let deadline = PaperEntryDeadline(restoreDate: today)
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 0),
                           "Enter by \(deadline.lastDay.ddMMyyyy) (working days left: \(deadline.workingDaysLeft(on: today)))")
            XCTAssertEqual(page.bannerText, "1 paper SNT must be entered into IS ESF by \(deadline.lastDay.ddMMyyyy).")
            XCTAssertEqual(editor.paperText?.hasSuffix("Enter it into IS ESF by \(deadline.lastDay.ddMMyyyy)."), true,
                           "the open editor shows the deadline: \(editor.paperText ?? "")")
            gtk_window_close(editor.window.cPointer())
            MainContext.drain()

            // Enter electronically (Ctrl+Return on the page): signed and sent with A 2.1/2.1.1.
            subject.window.show(.magazine)
            XCTAssertTrue(page.select(entryId: entry.id))
            ActionMap(subject.window.window).activate("send-selected")
            let flow = try XCTUnwrap(desk.sending, "entering opens the signing dialog")
            flow.enterPassword(TestPKI.defaultPassword)
            flow.enterCabinetPassword(SandboxSeed.cabinetPassword)
            flow.accept()
            XCTAssertTrue(MainContext.run(until: { desk.lastSendOutcome != nil }, timeout: 90),
                          flow.signingDialog.sessionErrorText ?? "no outcome")
            guard case let .registered(registration, _) = desk.lastSendOutcome else {
                return XCTFail("not registered: \(String(describing: desk.lastSendOutcome))")
            }
            gtk_window_close(flow.dialog.cPointer())
            let entered = try XCTUnwrap(MagazineStore(database: world.database).entry(id: entry.id))
            XCTAssertEqual(entered.state, .entered)
            XCTAssertEqual(entered.registrationNumber?.rawValue, registration)
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 0), "Entered into IS ESF")
            XCTAssertEqual(page.table.text(ofColumn: "registrationNumber", at: 0), registration)
            XCTAssertNil(page.bannerText, "nothing is open any more")
            page.select(entryId: entry.id)
            page.openRegistration()
            let document = try XCTUnwrap(desk.documents[draftId], "the registration opens the registered SNT: \(desk.lastProblem ?? "")")
            gtk_window_close(document.window.cPointer())

            // Another draft, from the Drafts list (Ctrl+I there): the next number.
            subject.window.show(.drafts)
            drafts.reload()
            let row = try XCTUnwrap((0..<drafts.rowCount).first { drafts.table.row(at: $0)?.id == second })
            drafts.table.select(row)
            ActionMap(subject.window.window).activate("issue-on-paper")
            let fromList = try XCTUnwrap(desk.magazine.issueDialog)
            fromList.choose("reason", 2)
            fromList.confirm()
            MainContext.drain()
            XCTAssertEqual(desk.magazine.lastIssued?.label, "2/\(today.year)")
            XCTAssertEqual(desk.magazine.lastIssued?.reason, .missingRequirement)
            XCTAssertEqual(page.rowCount, 2)

            // Its blank spoiled while its editor is open: the editor drops A 2.1 and its banner.
            desk.open(second)
            let secondEditor = try XCTUnwrap(desk.editors[second])
            XCTAssertEqual(secondEditor.model.snt.datePaper, today)
            XCTAssertNotNil(secondEditor.paperText)
            let spoiled = try XCTUnwrap(desk.magazine.lastIssued)
            page.spoil(spoiled, because: "Қате толтырылды")
            XCTAssertEqual(try MagazineStore(database: world.database).entry(id: spoiled.id)?.state, .spoiled)
            XCTAssertNil(secondEditor.model.snt.datePaper)
            XCTAssertNil(secondEditor.paperText)
            XCTAssertNotEqual(gtk_widget_get_sensitive(
                try EditorTestDesk.handle(named: "editor-issue-on-paper", in: secondEditor.window).widget), 0, "it can be issued again")
            secondEditor.model.flush()
            XCTAssertNil(try SntDraftStore(database: world.database).draft(id: second)?.snt.reasonPaper)
            gtk_window_close(secondEditor.window.cPointer())
            MainContext.drain()
        }
    }

    /// A valid sale from the user's company to the counterparty, stored as a draft in the
    /// user's database.
    @MainActor static func draft(_ number: String, in world: ExchangeTestWorld) throws -> Int64 {
        let own = world.ownDesk
        let (snt, _) = try waitFor {
            try await own.shipment(to: ExchangeTestWorld.counterpartyCompany, number: number, quantity: 1)
        }
        return try SntDraftStore(database: world.database).createDraft(companyId: world.company.id, snt)
    }
}
