import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The Magazine page and its model over a real database (EditorTestDesk: 20 January 2026):
/// columns from `MagazineLayout`, the status and the overdue style, the banner, the restore
/// date dialog with its refusals at their field, spoiling and recording blanks without
/// reusing numbers, and the filters.
final class MagazinePageTests: XCTestCase {
    static let today = CalendarDate(year: 2026, month: 1, day: 20)!

    func testTheColumnsAreTheLayoutsAndAnotherVersionIsNeverMislabelled() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let page = MagazinePage(context: desk.context)
            var ids = MagazineLayout.current.columns.map(\.id)
            ids.insert("status", at: 1)
            XCTAssertEqual(page.table.columns.map(\.id), ids)
            XCTAssertEqual(page.table.columns.first?.title, MagazineLayout.current.columns.first?.title.text(in: .english))

            let entry = MagazineEntry(id: 1, companyId: desk.company.id, year: 2026, number: 7, state: .issued,
                                      paperDate: Self.today, reason: .downTime, sntId: nil, responsible: "Айгүл",
                                      layoutVersion: 99)
            let model = page.model
            for column in MagazineLayout.current.columns {
                XCTAssertEqual(model.text(ofColumn: column, in: MagazineRow(entry: entry)), "",
                               "an unknown layout's \(column.id) is not shown under this layout's title")
            }
            var current = entry
            current.layoutVersion = MagazineLayout.current.version
            let number = try XCTUnwrap(MagazineLayout.current.columns.first { $0.id == "number" })
            XCTAssertEqual(model.text(ofColumn: number, in: MagazineRow(entry: current)), "7")
        }
    }

    func testStatusOverdueStyleBannerAndTheRestoreDateDialog() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let store = MagazineStore(database: desk.database)
            let early = try desk.factory.blank(), late = try desk.factory.blank()
            let first = try store.issue(sntId: early, companyId: desk.company.id, reason: .downTime,
                                        paperDate: CalendarDate(year: 2026, month: 1, day: 5)!, today: Self.today)
            let second = try store.issue(sntId: late, companyId: desk.company.id, reason: .missingRequirement,
                                         paperDate: Self.today, today: Self.today)
            let page = MagazinePage(context: desk.context)
            let window = Self.show(page.widget)
            defer { gtk_window_destroy(window) }
            XCTAssertEqual(page.rowCount, 2)
            XCTAssertEqual(page.table.text(ofColumn: "number", at: 0), "1")
            XCTAssertEqual(page.table.text(ofColumn: "reason", at: 1), PaperReason.missingRequirement.name.text(in: .english))
            XCTAssertEqual(page.bannerText?.hasPrefix("2 paper SNTs wait for the day IS ESF was restored"), true,
                           page.bannerText ?? "no banner")

            // The first one's outage ended on 06.01: three working days after it, 07.01 (Orthodox
            // Christmas) skipped, passed before today.
            let due = PaperEntryDeadline(restoreDate: CalendarDate(year: 2026, month: 1, day: 6)!).lastDay.ddMMyyyy
            XCTAssertEqual(due, "12.01.2026")
            XCTAssertTrue(page.select(entryId: first.id))
            let dialog = page.askRestoreDate()
            dialog.setToggle("all", false)
            dialog.set("restoreDate", "21.01.2026")
            dialog.confirm()
            XCTAssertNotNil(dialog.shownProblems["restoreDate"], "a day after today is refused at its field")
            XCTAssertNil(try store.entry(id: first.id)?.restoreDate, "nothing was written")
            dialog.set("restoreDate", "6 January")
            dialog.confirm()
            XCTAssertEqual(dialog.shownProblems["restoreDate"], "“6 January” is not a date: write it as dd.mm.yyyy.")
            dialog.set("restoreDate", "06.01.2026")
            dialog.confirm()
            XCTAssertTrue(dialog.shownProblems.isEmpty, "\(dialog.shownProblems)")
            MainContext.drain()
            XCTAssertNil(page.dialog, "the dialog closed")

            let overdue = try XCTUnwrap(page.table.row(at: 0)?.entry)
            XCTAssertEqual(overdue.restoreDate, CalendarDate(year: 2026, month: 1, day: 6))
            XCTAssertTrue(page.model.isOverdue(overdue))
            XCTAssertEqual(page.model.statusStyle(of: overdue), "error")
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 0), "⚠ Overdue: it was due by " + due)
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 1),
                           "Issued on paper; the day IS ESF was restored is not given")
            XCTAssertEqual(page.bannerText, "1 paper SNT is overdue: it was due by \(due). Enter it into IS ESF now.")

            // Every open entry without a restore date: the second one's deadline shows at once.
            let all = page.askRestoreDate()
            all.setToggle("all", true)
            all.set("restoreDate", "20.01.2026")
            all.confirm()
            MainContext.drain()
            XCTAssertEqual(try store.entry(id: second.id)?.restoreDate, Self.today)
            XCTAssertEqual(try store.entry(id: first.id)?.restoreDate, CalendarDate(year: 2026, month: 1, day: 6), "kept")
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 1), "Enter by 23.01.2026 (working days left: 3)")
        }
    }

    func testSpoilingAndSpoiledBlanksKeepTheirNumbersAndFiltersNarrowTheList() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let store = MagazineStore(database: desk.database)
            let draft = try desk.factory.blank()
            let entry = try store.issue(sntId: draft, companyId: desk.company.id, reason: .downTime,
                                        paperDate: CalendarDate(year: 2026, month: 1, day: 12)!, today: Self.today)
            let page = MagazinePage(context: desk.context)
            let window = Self.show(page.widget)
            defer { gtk_window_destroy(window) }
            var said: [String] = []
            page.say = { said.append($0) }

            // The entry's menu (Menu, Shift+F10, right click) offers the actions.
            XCTAssertTrue(page.select(entryId: entry.id))
            gtk_widget_activate_action_variant(page.widget.widget, "magazine.context-menu", nil)
            MainContext.drain()
            let menu = try XCTUnwrap(WidgetTree.first(in: page.table.view.widget) {
                ObjectHandle($0, transfer: .none).isA(gtk_popover_menu_get_type())
            }, "the menu opens")
            XCTAssertNotEqual(gtk_widget_get_mapped(menu), 0)
            gtk_popover_popdown(gcast(menu))
            MainContext.drain()

            // Spoil: the confirmation waits for a reason; the blank keeps number 1.
            page.askSpoil()
            let confirmation = try XCTUnwrap(page.spoilConfirmation)
            XCTAssertEqual(adw_message_dialog_get_response_enabled(confirmation.cPointer(), "spoil"), 0, "a reason is required")
            try EditorTestDesk.type("Жыртылды", into: "spoil-reason", in: confirmation)
            XCTAssertEqual(adw_message_dialog_get_response_enabled(confirmation.cPointer(), "spoil"), 1)
            adw_message_dialog_response(confirmation.cPointer(), "spoil")
            MainContext.drain()
            XCTAssertEqual(try store.entry(id: entry.id)?.state, .spoiled)
            XCTAssertEqual(page.table.text(ofColumn: "status", at: 0), "Spoiled blank")
            XCTAssertEqual(page.table.text(ofColumn: "reason", at: 0),
                           "Spoiled blank: Жыртылды; " + PaperReason.downTime.name.text(in: .english))
            XCTAssertNil(try SntDraftStore(database: desk.database).draft(id: draft)?.snt.datePaper, "the draft lost A 2.1")

            // A blank spoiled before any SNT: the reason is asked at its field, then number 2.
            let blank = page.askSpoiledBlank()
            blank.confirm()
            XCTAssertEqual(blank.shownProblems["spoilReason"], MagazineError.spoilReasonMissing.message(in: .english))
            XCTAssertEqual(page.rowCount, 1, "nothing was written")
            blank.set("spoilReason", "Су тиді")
            blank.set("paperDate", "15.01.2026")
            blank.confirm()
            MainContext.drain()
            XCTAssertEqual(page.rowCount, 2)
            XCTAssertEqual(said.last, "Spoiled blank recorded as No. 2/2026.")

            // The draft issued again takes number 3: no number is reused.
            let again = try store.issue(sntId: draft, companyId: desk.company.id, reason: .downTime, paperDate: Self.today,
                                        today: Self.today)
            XCTAssertEqual(again.number, 3)
            page.reload()
            XCTAssertEqual((0..<page.rowCount).compactMap { page.table.text(ofColumn: "number", at: $0) }, ["1", "2", "3"])

            // Filters: state, paper dates, words, year.
            page.setState(.spoiled)
            MainContext.drain()
            XCTAssertEqual(page.rowCount, 2)
            page.setState(.open)
            MainContext.drain()
            XCTAssertEqual(page.table.row(at: 0)?.entry.id, again.id)
            XCTAssertEqual(page.rowCount, 1)
            page.setState(.all)
            page.setDates(from: "13.01.2026", to: "19.01.2026")
            XCTAssertEqual(page.rowCount, 1, "only the blank of 15.01")
            page.setDates(from: "13.01", to: "")
            XCTAssertEqual(page.problemText, "From: “13.01” is not a date; write it as dd.mm.yyyy.")
            page.setDates(from: "", to: "")
            XCTAssertNil(page.problemText)
            page.setSearch("3/2026")
            XCTAssertEqual(page.rowCount, 1)
            page.setSearch("")
            page.setYear(2025)
            XCTAssertEqual(page.rowCount, 0)
            XCTAssertEqual(gtk_stack_get_visible_child_name(gcast(try XCTUnwrap(
                WidgetTree.find(named: "magazine-no-results", in: page.widget.widget).flatMap(gtk_widget_get_parent))))
                .map { String(cString: $0) }, "no-results")
            page.setYear(2026)
            XCTAssertEqual(page.rowCount, 3)
        }
    }

    func testAnEmptyMagazineExplainsItself() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let page = MagazinePage(context: desk.context)
            let window = Self.show(page.widget)
            defer { gtk_window_destroy(window) }
            let empty = try XCTUnwrap(WidgetTree.find(named: "magazine-empty", in: page.widget.widget))
            XCTAssertNotEqual(gtk_widget_get_mapped(empty), 0, "the empty page is on screen")
            XCTAssertNil(page.bannerText)
        }
    }

    /// Print and Save as PDF print the Magazine of the period the filters show, every entry and
    /// spoiled blank of it whatever the state and search filters, through GTK's own print operation.
    func testPrintingTheMagazineForThePeriodShown() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let store = MagazineStore(database: desk.database)
            let december = CalendarDate(year: 2025, month: 12, day: 29)!
            _ = try store.issue(sntId: try desk.factory.blank(), companyId: desk.company.id, reason: .downTime,
                                paperDate: december, today: Self.today)
            for day in [5, 12] {
                _ = try store.issue(sntId: try desk.factory.blank(), companyId: desk.company.id, reason: .downTime,
                                    paperDate: CalendarDate(year: 2026, month: 1, day: day)!, today: Self.today)
            }
            _ = try store.recordSpoiledBlank(companyId: desk.company.id, date: CalendarDate(year: 2026, month: 1, day: 13)!,
                                             reason: "Чернила жайылды", today: Self.today)
            let page = MagazinePage(context: desk.context)
            let window = Self.show(page.widget)
            defer { gtk_window_destroy(window) }
            for name in ["magazine-print", "magazine-save-pdf"] {
                let button = try XCTUnwrap(WidgetTree.find(named: name, in: page.widget.widget), name)
                XCTAssertNotEqual(gtk_widget_get_sensitive(button), 0, "\(name) finds its action")
            }

            // No filter: from the first year's 1 January to today.
            XCTAssertEqual(page.model.printedPeriod.from, CalendarDate(year: 2025, month: 1, day: 1))
            XCTAssertEqual(page.model.printedPeriod.to, Self.today)
            // A year: that year; paper dates narrow it; the state filter does not.
            page.setYear(2026)
            page.setState(.entered)
            XCTAssertEqual(page.rowCount, 0)
            XCTAssertEqual(page.model.printedPeriod.from, CalendarDate(year: 2026, month: 1, day: 1))
            XCTAssertEqual(page.model.printedPeriod.to, CalendarDate(year: 2026, month: 12, day: 31))
            page.setDates(from: "10.01.2026", to: "")
            XCTAssertEqual(page.model.printedPeriod.from, CalendarDate(year: 2026, month: 1, day: 10))
            page.setDates(from: "", to: "")

            let report = try XCTUnwrap(page.printedReport())
            XCTAssertEqual(report.rows.map(\.entry.number), [1, 2, 3], "2026's entries, the spoiled blank too")
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("magazine-print-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let path = scratch.appendingPathComponent("magazine.pdf").path
            let operation = ReportPrinting.operation(report.document(), jobName: report.title)
            XCTAssertEqual(operation.export(to: path), .printed)
            XCTAssertEqual(operation.drawnPages, Array(0..<operation.pageCount))
            let text = try Self.pdftotext(path)
            for needle in ["01.01.2026", "31.12.2026", "05.01.2026", "12.01.2026", "Чернила жайылды", desk.company.bin] {
                XCTAssertTrue(text.contains(needle), "\(needle) is printed")
            }
            XCTAssertFalse(text.contains("29.12.2025"), "another year's entry is not")
        }
    }

    private static func pdftotext(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// A window showing `widget`, mapped.
    @MainActor static func show(_ widget: ObjectHandle) -> UnsafeMutablePointer<GtkWindow> {
        let window: UnsafeMutablePointer<GtkWindow> = gcast(gtk_window_new()!)
        gtk_window_set_default_size(window, 1200, 700)
        gtk_window_set_child(window, widget.widget)
        gtk_window_present(window)
        XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(widget.widget) != 0 }, timeout: 10))
        return window
    }
}
