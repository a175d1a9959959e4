import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The editor's model without widgets: parsing what is typed, lines, the scanner, autosave.
final class SntEditorModelTests: XCTestCase {
    @MainActor
    private static func binding(_ field: SntField) throws -> SntFieldBinding {
        try XCTUnwrap(SntFormSection.all().flatMap(\.fields).first { $0.field == field })
    }

    func testTextTheSntCannotHoldIsAProblemAtItsFieldAndNumbersTakeCommas() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let model = try SntEditorModel(database: desk.database, company: desk.company,
                                           draftId: try desk.factory.blank(), today: EditorTestDesk.today, checkDelay: 0)
            model.setText("31.02.2026", for: try Self.binding(.date))
            XCTAssertNil(model.snt.date)
            let problem = try XCTUnwrap(model.problems.first { $0.fieldCode == "A2" })
            XCTAssertEqual(problem.source, .input, "the unreadable date is said, not that the date is missing")
            XCTAssertEqual(model.problems.filter { $0.fieldCode == "A2" }.count, 1)

            let line = model.addLine()
            let quantity = try XCTUnwrap(GoodsLineBinding.all().first { $0.column == .quantity })
            let price = try XCTUnwrap(GoodsLineBinding.all().first { $0.column == .price })
            model.setText("2,5", for: quantity, line: line)
            model.setText("1 000", for: price, line: line)
            XCTAssertEqual(model.lines[line].quantity, DecimalText.parse("2.5"))
            XCTAssertEqual(model.lines[line].priceWithoutTax, 2500)
            XCTAssertEqual(model.lines[line].ndsRate, 16, "the standard rate in force")
            XCTAssertEqual(model.totals.totalPriceWithTax, 2900)
            model.setText("два", for: quantity, line: line)
            XCTAssertTrue(model.problems.contains { $0.location == "G1.6[1]" && $0.source == .input })
            model.removeLine(at: line)
            XCTAssertFalse(model.problems.contains { $0.location == "G1.6[1]" }, "the line's problems go with it")
        }
    }

    func testTheScannerSaysWhatItCannotDo() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let model = try SntEditorModel(database: desk.database, company: desk.company,
                                           draftId: try desk.factory.blank(), today: EditorTestDesk.today)
            XCTAssertEqual(model.scan("12345"), .notAGtin("12345"))
            model.setText("", for: try Self.binding(SntField.seller.storeId))
            XCTAssertEqual(model.scan(EditorTestDesk.gtin), .noWarehouse)
            model.setText("1001", for: try Self.binding(SntField.seller.storeId))
            XCTAssertEqual(model.scan(EditorTestDesk.gtin), .added(line: 1))
            XCTAssertEqual(model.scan("0" + EditorTestDesk.gtin), .incremented(line: 1, quantity: 2), "GTIN-14 of the same code")
            XCTAssertEqual(model.lines[0].productId?.rawValue, "11.01.10.10-2208201200/4870001234560<5001>")
        }
    }

    func testAutosaveReportsSavedAndRemembersTheCustomer() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            let draftId = try desk.factory.blank()
            let model = try SntEditorModel(database: desk.database, company: desk.company, draftId: draftId,
                                           today: EditorTestDesk.today, autosaveDelay: 0.05, checkDelay: 0)
            var states: [EditorSaveState] = []
            model.onChange = { change in if change == .saveState { states.append(model.saveState) } }
            model.setText("000140000022", for: try Self.binding(SntField.customer.tin))
            model.setText("ИП Жумабеков", for: try Self.binding(SntField.customer.name))
            XCTAssertEqual(model.saveState, .saving)
            XCTAssertTrue(MainContext.run(until: {
                if case .saved = model.saveState { return true } else { return false }
            }, timeout: 5))
            XCTAssertEqual(states.first, .saving)
            XCTAssertEqual(try SntDraftStore(database: desk.database).draft(id: draftId)?.snt.customer.name, "ИП Жумабеков")
            let book = CounterpartyStore(database: desk.database)
            XCTAssertEqual(try book.search(companyId: desk.company.id, text: "жумабеков").map(\.tin), ["000140000022"])
        }
    }

    func testTemplatesSavedFromTheEditorStartNewDrafts() throws {
        try MainActor.assumeIsolated {
            let desk = try EditorTestDesk()
            try desk.storeSentSnt()
            let model = try SntEditorModel(database: desk.database, company: desk.company,
                                           draftId: try desk.factory.blank(), today: EditorTestDesk.today)
            let regular = try XCTUnwrap(model.searchCounterparties(EditorTestDesk.customerBin).first)
            model.pickCounterparty(regular)
            try model.saveAsTemplate(named: "Алтын Дән")
            let templates = try SntTemplateStore(database: desk.database).list(companyId: desk.company.id)
            XCTAssertEqual(templates.map(\.name), ["Алтын Дән"])
            let started = try desk.factory.fromTemplate(id: templates[0].id)
            XCTAssertEqual(try SntDraftStore(database: desk.database).draft(id: started)?.snt.customer.storeId, 2002)
        }
    }
}
