import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaStore
import XCTest

/// The Forms page over a real database: what a row says, the kind and status filters and the
/// search, and deleting a draft with undo.
final class FormsPageTests: XCTestCase {
    func testRowsSayKindWarehousesStatusAndProblems() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let movement = try desk.draft(.movement) { form in
                form.recipient = UFormParty(storeId: FormTestDesk.shop, storeName: "Дүкен")
            }
            _ = try desk.draft(.writeOff) { $0.writeOffReason = .damage }
            let page = FormsPage(context: desk.context)
            desk.show(page.widget)

            XCTAssertEqual(page.rowCount, 2)
            let position = try XCTUnwrap((0..<2).first { page.table.row(at: $0)?.id == movement })
            XCTAssertEqual(page.table.text(ofColumn: "kind", at: position), "Internal movement")
            XCTAssertEqual(page.table.text(ofColumn: "warehouses", at: position), "Негізгі қойма → Дүкен")
            XCTAssertEqual(page.table.text(ofColumn: "status", at: position), "Draft")
            // No lines yet: the store's check counts that as a problem.
            XCTAssertFalse(page.table.text(ofColumn: "problems", at: position)?.isEmpty ?? true)
            let writeOff = 1 - position
            XCTAssertEqual(page.table.text(ofColumn: "kind", at: writeOff), "Write-off · Damage")
        }
    }

    func testFiltersByKindAndStatusAndSearches() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let writeOff = try desk.draft(.writeOff)
            _ = try desk.draft(.movement)
            let balance = try desk.draft(.balance)
            let page = FormsPage(context: desk.context)
            desk.show(page.widget)
            XCTAssertEqual(page.rowCount, 3)

            page.setKind(.writeOff)
            MainContext.drain()
            XCTAssertEqual(page.rowCount, 1)
            XCTAssertEqual(page.table.row(at: 0)?.id, writeOff)
            page.setKind(nil)
            page.setStatus(.processed)
            MainContext.drain()
            XCTAssertEqual(page.rowCount, 0)
            page.setStatus(.draft)
            MainContext.drain()
            XCTAssertEqual(page.rowCount, 3)

            let number = try XCTUnwrap(UFormStore(database: desk.database).form(id: balance)).form.number
            page.setSearch(number)
            XCTAssertEqual(page.rowCount, 1)
            XCTAssertEqual(page.table.row(at: 0)?.id, balance)
            page.setSearch("")
            XCTAssertEqual(page.rowCount, 3)
        }
    }

    func testDeletingADraftOffersUndoThatPutsItBack() throws {
        try MainActor.assumeIsolated {
            let desk = try FormTestDesk()
            defer { desk.close() }
            let id = try desk.draft(.writeOff)
            _ = try desk.draft(.movement)
            let page = FormsPage(context: desk.context)
            desk.show(page.widget)
            var undo: (@MainActor () -> Void)?
            var said: String?
            page.onDeleted = { number, action in
                said = number
                undo = action
            }
            page.select(id: id)
            XCTAssertEqual(page.selectedId, id)
            page.deleteSelected()

            XCTAssertEqual(page.rowCount, 1)
            XCTAssertNil(try UFormStore(database: desk.database).form(id: id))
            let number = try XCTUnwrap(said)
            XCTAssertTrue(number.hasPrefix("WO-"), number)

            try XCTUnwrap(undo)()
            XCTAssertEqual(page.rowCount, 2)
            XCTAssertEqual(page.selectedId, id)
            XCTAssertEqual(try UFormStore(database: desk.database).form(id: id)?.form.number, number)
        }
    }
}
