import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaPrint
import QoimaStore
import XCTest

/// Printing through GtkPrintOperation under a display: the operation lays the report out on
/// the printer's cairo context and draws every page, here exported by GTK itself to a PDF that
/// is read back; its pages are those of QoimaPrint's own PDF export. The SNT document window and
/// the Balances view print their reports with it.
final class ReportPrintingTests: XCTestCase {
    private static func pdftotext(_ path: String) throws -> String {
        try run("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"])
    }

    private static func pages(_ path: String) throws -> Int {
        let info = try run("/usr/bin/pdfinfo", [path])
        let line = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try XCTUnwrap(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: tool + " (install poppler-utils)"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    /// An SNT of `lines` goods lines, stored and registered, so the document window opens it.
    @MainActor private static func registeredSnt(_ context: DeskContext, lines: Int) throws -> Int64 {
        var snt = Snt(number: "СНТ-ПЕЧАТЬ-1", date: CalendarDate(ddMMyyyy: "02.03.2026"))
        snt.seller = SntParty(tin: TaxpayerNumber(context.company.bin), name: "ТОО «Қойма Сауда»")
        snt.customer = SntParty(tin: TaxpayerNumber("000140000012"), name: "ТОО «Ертіс Құрылыс»")
        snt.carriage = SntCarriage(name: "ТОО «Жол»", transportTypes: [.automobile], carStateNumber: "777ABC02")
        let goods = (1...lines).map {
            GoodsLine(productNumber: $0, productName: "Цемент М400 партия \($0)", tnvedCode: TnvedCode("2523290000"),
                      measureUnitCode: MeasureUnitCode("796"), quantity: 1, price: 100, priceWithoutTax: 100,
                      ndsRate: 12, ndsAmount: 12, priceWithTax: 112)
        }
        snt.goods = GoodsSet(totals: GoodsTotals(totalPriceWithoutTax: Decimal(100 * lines), totalNdsAmount: Decimal(12 * lines),
                                                 totalPriceWithTax: Decimal(112 * lines)), lines: goods)
        let id = try SntDraftStore(database: context.database).createDraft(companyId: context.company.id, snt)
        try SntRegistrationStore(database: context.database).record(id: id, registrationNumber: "REG-PRINT-1", esfId: 9001,
                                                                    status: .delivered)
        return id
    }

    func testTheSntDocumentWindowPrintsEveryPageThroughGtk() throws {
        try MainActor.assumeIsolated {
            let scratch = try scratchDirectory("print-document")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let context = try scratchDesk(in: scratch, bin: "000140000002", name: "ТОО «Қойма Сауда»", now: { Date() })
            let id = try Self.registeredSnt(context, lines: 90)
            let window = try SntDocumentWindow(sntId: id, context: context, exchange: DeskExchange(context: context),
                                               transientFor: nil)
            defer { gtk_window_destroy(window.window.cPointer()) }
            // The buttons find their actions (a button whose action is missing is insensitive).
            for name in ["document-print", "document-save-pdf", "document-print-menu"] {
                let button = try XCTUnwrap(WidgetTree.find(named: name, in: window.window.widget), name)
                XCTAssertEqual(gtk_widget_get_sensitive(button), 1, name)
            }

            let printout = window.printout()
            let ownExport = scratch.appendingPathComponent("own.pdf")
            let ownPages = try PDFExport.write(printout.document(), title: printout.title, to: ownExport)
            XCTAssertGreaterThan(ownPages, 2)

            let path = scratch.appendingPathComponent("gtk.pdf").path
            let operation = ReportPrinting.operation(printout.document(), jobName: printout.title)
            XCTAssertEqual(operation.export(to: path), .printed)
            XCTAssertEqual(operation.pageCount, ownPages, "the printer's layout has the PDF export's pages")
            XCTAssertEqual(operation.drawnPages, Array(0..<ownPages), "every page is drawn once, in order")
            XCTAssertEqual(try Self.pages(path), ownPages)
            let text = try Self.pdftotext(path)
            for line in [1, 45, 90] { XCTAssertTrue(text.contains("Цемент М400 партия \(line)"), "line \(line)") }
            XCTAssertTrue(text.contains("REG-PRINT-1"))
            XCTAssertTrue(text.contains(String(112 * 90)), "the total")

            // The road-transit copy (the menu's Print the Road-Transit Copy…) says what it is; the standard one does not.
            let copyTitles = ["Road transit copy", "Экземпляр для перевозки автомобильным транспортом",
                              "Автомобиль көлігімен тасымалдауға арналған дана"]
            let roadPath = scratch.appendingPathComponent("road.pdf")
            let road = window.printout(.roadTransit)
            _ = try PDFExport.write(road.document(), title: road.title, to: roadPath)
            let roadText = try Self.pdftotext(roadPath.path).replacingOccurrences(of: "\n", with: " ")
            XCTAssertTrue(copyTitles.contains { roadText.contains($0) }, "the road-transit copy names itself")
            XCTAssertFalse(copyTitles.contains { text.replacingOccurrences(of: "\n", with: " ").contains($0) })
        }
    }

    func testTheBalancesViewPrintsTheChosenWarehouse() throws {
        try MainActor.assumeIsolated {
            let scratch = try scratchDirectory("print-balances")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let context = try scratchDesk(in: scratch, bin: "000140000002", name: "ТОО «Қойма Сауда»", now: { Date() })
            try WarehouseStore(database: context.database).replace(companyId: context.company.id, with: [
                StoredWarehouse(storeId: 1001, name: "Негізгі қойма", typeCode: "STORE_HOUSE", status: "VALID", address: "",
                                responsiblePersonIin: nil, isDefault: true, signs: [:]),
                StoredWarehouse(storeId: 1002, name: "Сауда нүктесі", typeCode: "POINT_OF_SALE", status: "VALID",
                                address: "", responsiblePersonIin: nil, isDefault: false, signs: [:]),
            ])
            try BalanceStore(database: context.database).stage([
                StoredBalance(balanceId: 1, storeId: 1001, batch: 501, name: "Цемент М400", kpvedCode: "23.51.12",
                              tnvedCode: "2523290000", gtin: nil, measureUnitCode: "168", unitPrice: 1500, quantity: 100,
                              reserveQuantity: 30),
                StoredBalance(balanceId: 2, storeId: 1002, batch: 502, name: "Арматура А500С", kpvedCode: "24.10.62",
                              tnvedCode: "7214200000", gtin: nil, measureUnitCode: "168", unitPrice: 300, quantity: 12,
                              reserveQuantity: nil),
            ], companyId: context.company.id, lastBalanceId: nil, last: true)
            let view = BalancesView(context: context)
            let window = gtk_window_new()!
            defer { gtk_window_destroy(gcast(window)) }
            gtk_window_set_child(gcast(window), view.widget.widget)
            XCTAssertEqual(view.report()?.warehouses.map(\.storeId), [1001, 1002])
            view.showWarehouse(1002)
            MainContext.drain()
            let report = try XCTUnwrap(view.report())
            XCTAssertEqual(report.warehouses.map(\.storeId), [1002])

            let path = scratch.appendingPathComponent("balances.pdf").path
            let operation = ReportPrinting.operation(report.document(), jobName: report.title)
            XCTAssertEqual(operation.export(to: path), .printed)
            XCTAssertEqual(operation.drawnPages, [0])
            let text = try Self.pdftotext(path)
            XCTAssertTrue(text.contains("Арматура А500С"))
            XCTAssertFalse(text.contains("Цемент М400"))
            for name in ["balances-print", "balances-save-pdf"] {
                let button = try XCTUnwrap(WidgetTree.find(named: name, in: view.widget.widget), name)
                XCTAssertEqual(gtk_widget_get_sensitive(button), 1, name)
            }
        }
    }
}
