import CAdw
import CGtk
import Foundation
import GtkKit
@_spi(Benchmark) @testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The desk's window actions in the real main window over a real database: which company it
/// opens, and each way of starting an SNT (blank, copy, template, return, correction, file).
final class DeskControllerTests: XCTestCase {
    func testADatabaseWithoutACompanyKeepsTheStatusPagesAndHidesNew() throws {
        try MainActor.assumeIsolated {
            let scratch = try scratchDirectory("desk-empty")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
            defer { subject.close() }
            XCTAssertNil(subject.window.desk)
            let new = try XCTUnwrap(findWidget(named: "new_button", in: subject.window.window.widget))
            XCTAssertEqual(gtk_widget_get_visible(new), 0)
        }
    }

    func testTheCompanyLastWorkedWithIsOpenedAndRemembered() throws {
        try MainActor.assumeIsolated {
            let scratch = try scratchDirectory("desk-company")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let path = scratch.appendingPathComponent("q.sqlite").path
            let companies = CompanyStore(database: try QoimaDatabase(location: DatabaseLocation(explicitPath: path)))
            _ = try companies.findOrAdd(bin: "000140000002", name: "ТОО «Қойма Сауда»")
            _ = try companies.findOrAdd(bin: "000140000012", name: "ТОО «Құрылыс & Ко»")
            let settings = scratch.appendingPathComponent("settings.ini").path

            let first = try AppUnderTest(settingsFile: settings, database: path)
            XCTAssertEqual(first.window.desk?.context.company.bin, "000140000002", "the first company without a choice")
            XCTAssertEqual(first.app.settings.string("company-bin"), "000140000002")
            first.app.settings.setString("company-bin", "000140000012")
            first.app.settings.flush()
            first.close()

            let second = try AppUnderTest(settingsFile: settings, database: path)
            defer { second.close() }
            XCTAssertEqual(second.window.desk?.context.company.bin, "000140000012")
        }
    }

    func testEveryWayOfStartingAnSntOpensItsDraftInTheEditor() throws {
        try MainActor.assumeIsolated {
            let fixture = try EditorTestDesk()
            let sent = try fixture.storeSentSnt()
            let template = try SntTemplateStore(database: fixture.database).save(
                companyId: fixture.company.id, name: "Сера для Алтын Дән",
                try XCTUnwrap(SntDraftStore(database: fixture.database).draft(id: sent)).snt)
            let subject = try AppUnderTest(settingsFile: fixture.folder.appendingPathComponent("app.ini").path,
                                           database: fixture.database.path)
            defer { subject.close() }
            let desk = try XCTUnwrap(subject.window.desk)
            let actions = ActionMap(subject.window.window)

            let blank = try Self.editor(openedBy: { actions.activate("new-snt") }, desk: desk, window: subject.window)
            XCTAssertEqual(blank.model.snt.seller.tin?.rawValue, EditorTestDesk.bin)
            XCTAssertNil(blank.model.snt.customer.tin)

            // Copy, return and correction work on the SNT selected in the list on screen.
            subject.window.show(.outgoing)
            let outgoing = try XCTUnwrap(desk.lists[.outgoing])
            XCTAssertTrue(MainContext.run(until: { outgoing.rowCount == 1 }, timeout: 10))
            outgoing.table.select(0)
            XCTAssertEqual(outgoing.selectedId, sent)
            let copy = try Self.editor(openedBy: { actions.activate("new-copy") }, desk: desk, window: subject.window)
            XCTAssertEqual(copy.model.snt.customer.tin?.rawValue, EditorTestDesk.customerBin)
            XCTAssertEqual(copy.model.lines.first?.productName, "Сера комовая")

            // A confirmed outgoing SNT can neither be returned by its seller nor corrected: the
            // refusal is said, and nothing opens.
            subject.window.show(.outgoing)
            outgoing.table.select(0)
            let editorsBefore = desk.editors.count
            actions.activate("new-correction")
            XCTAssertEqual(desk.editors.count, editorsBefore)
            XCTAssertNotNil(desk.lastProblem)

            let fromTemplate = try Self.editor(openedBy: {
                actions.activate("new-from-template")
                XCTAssertNotNil(TemplateChooser.dialog, "the template chooser is shown")
                TemplateChooser.choose(0)
            }, desk: desk, window: subject.window)
            XCTAssertEqual(fromTemplate.model.snt.customer.name, "ТОО «Алтын Дән»")
            XCTAssertNotEqual(fromTemplate.model.snt.number, "СНТ-2026/0041", "a template's draft gets the next number")
            _ = template

            let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("resources/samples/snt/primary-snt.xml").path
            let imported = try Self.editor(openedBy: { desk.importFile(sample) }, desk: desk, window: subject.window)
            XCTAssertFalse(imported.model.snt.number.isEmpty)
        }
    }

    /// Runs `action` and returns the editor it opened (closed again).
    @MainActor private static func editor(openedBy action: () -> Void, desk: DeskController,
                                          window: MainWindow) throws -> SntEditorWindow {
        let before = Set(desk.editors.keys)
        action()
        MainContext.drain()
        let id = try XCTUnwrap(Set(desk.editors.keys).subtracting(before).first, desk.lastProblem ?? "no editor opened")
        let editor = try XCTUnwrap(desk.editors[id])
        XCTAssertEqual(window.currentPage, .drafts, "a new draft is shown among the drafts")
        gtk_window_close(editor.window.cPointer())
        MainContext.drain()
        return editor
    }
}
