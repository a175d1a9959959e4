import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// `qoima-cli … pdf` as a user types it, over a real database: the files it writes, read back,
/// and its refusals, which name the option at fault and exit with 2 leaving no file.
final class PrintCommandTests: XCTestCase {
    private var desk: MagazineDesk!
    private var folder: PrintFolder!

    override func setUpWithError() throws {
        desk = try MagazineDesk()
        folder = try PrintFolder()
    }

    @discardableResult
    private func cli(_ arguments: [String], expect status: Int32 = 0, language: String = "C",
                     file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(arguments + ["--database", desk.path], language: language)
        XCTAssertEqual(result.status, status, "\(arguments): \(result.output) \(result.error)", file: file, line: line)
        return result
    }

    private var leftovers: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []
    }

    func testMagazinePdf() throws {
        let draft = try desk.draft("СНТ-501")
        try desk.issue(draft, on: "02.03.2026")
        _ = try desk.store.recordSpoiledBlank(companyId: desk.company, date: StoreSamples.date("03.03.2026"), reason: "torn")
        let output = folder.file("magazine.pdf").path
        let written = try cli(["magazine", "pdf", "--company", "000140000002", "--from", "01.03.2026", "--to",
                               "31.03.2026", "-o", output])
        XCTAssertTrue(written.output.contains("1 pages"), written.output)
        let text = try Poppler.text(URL(fileURLWithPath: output))
        for expected in ["СНТ-501", "ТОО «Ертіс Құрылыс»", "777ABC02", "Spoiled blank: torn", "Айгүл Серікова", "page 1 of 1",
                         "Magazine of SNTs issued on paper"] {
            XCTAssertTrue(words(text).isSuperset(of: words(expected)), "\(expected) in \(text)")
        }
        // Russian from the locale, Kazakh by option.
        try cli(["magazine", "pdf", "--company", "000140000002", "--from", "01.03.2026", "--to", "31.03.2026",
                 "-o", output, "--force"], language: "ru_RU.UTF-8")
        XCTAssertTrue(try Poppler.text(URL(fileURLWithPath: output)).contains("страница 1 из 1"))
        try cli(["magazine", "pdf", "--company", "000140000002", "--from", "01.03.2026", "--to", "31.03.2026",
                 "-o", output, "--force", "--language", "kk"], language: "ru_RU.UTF-8")
        XCTAssertTrue(try Poppler.text(URL(fileURLWithPath: output)).contains("1 беттің 1-беті"))

        let exists = try cli(["magazine", "pdf", "--from", "01.03.2026", "--to", "31.03.2026", "-o", output], expect: 2)
        XCTAssertTrue(exists.error.contains("--force"), exists.error)
        let badDate = try cli(["magazine", "pdf", "--from", "31.02.2026", "--to", "31.03.2026", "-o",
                               folder.file("x.pdf").path], expect: 2)
        XCTAssertTrue(badDate.error.contains("--from"), badDate.error)
        let reversed = try cli(["magazine", "pdf", "--from", "31.03.2026", "--to", "01.03.2026", "-o",
                                folder.file("x.pdf").path], expect: 2)
        XCTAssertTrue(reversed.error.contains("--to"), reversed.error)
        let language = try cli(["magazine", "pdf", "--from", "01.03.2026", "--to", "31.03.2026", "-o",
                                folder.file("x.pdf").path, "--language", "de"], expect: 2)
        XCTAssertTrue(language.error.contains("--language"), language.error)
        XCTAssertEqual(leftovers, ["magazine.pdf"], "a refusal writes nothing")
    }

    func testSntPdf() throws {
        let id = try SntDraftStore(database: desk.database).createDraft(companyId: desk.company, PrintSamples.snt(lines: 30))
        let output = folder.file("snt.pdf")
        try cli(["snt", "pdf", String(id), "-o", output.path])
        let standard = try Poppler.text(output)
        XCTAssertTrue(standard.contains("Goods waybill (SNT) No. СНТ-2026/77 of 02.03.2026"), standard)
        XCTAssertTrue(standard.contains("Товар №030"))
        XCTAssertFalse(standard.contains("Road transit copy"))
        try cli(["snt", "pdf", String(id), "-o", output.path, "--force", "--road-transit"])
        XCTAssertTrue(try Poppler.text(output).contains("Road transit copy"))

        let missing = try cli(["snt", "pdf", "999999", "-o", folder.file("none.pdf").path], expect: 2)
        XCTAssertTrue(missing.error.contains("999999"), missing.error)
        let notNumber = try cli(["snt", "pdf", "abc", "-o", folder.file("none.pdf").path], expect: 2)
        XCTAssertTrue(notNumber.error.contains("ID"), notNumber.error)
        XCTAssertEqual(leftovers, ["snt.pdf"])
    }

    func testBalancesPdf() throws {
        try WarehouseStore(database: desk.database).replace(companyId: desk.company, with: [
            StoredWarehouse(storeId: 1001, name: "Негізгі қойма", typeCode: "STORE_HOUSE", status: "VALID", address: "",
                            responsiblePersonIin: nil, isDefault: true, signs: [:]),
            StoredWarehouse(storeId: 1002, name: "Сауда нүктесі", typeCode: "POINT_OF_SALE", status: "VALID", address: "",
                            responsiblePersonIin: nil, isDefault: false, signs: [:]),
        ])
        try BalanceStore(database: desk.database).stage([
            BalanceListTests.batch(1, store: 1001, batch: 501, name: "Цемент М400", tnved: "2523290000",
                                   gtin: "04870001234567", quantity: "100", reserve: "30"),
            BalanceListTests.batch(2, store: 1001, batch: 502, name: "Ёлочные игрушки", tnved: "9505100000", gtin: nil,
                                   quantity: "50.5", reserve: nil),
            BalanceListTests.batch(3, store: 1002, batch: 503, name: "арматура А500С", tnved: "7214200000", gtin: nil,
                                   quantity: "12", reserve: "2"),
        ], companyId: desk.company, lastBalanceId: nil, last: true)
        let all = folder.file("all.pdf")
        try cli(["balances", "pdf", "--company", "000140000002", "--all", "-o", all.path])
        let text = try Poppler.text(all)
        for expected in ["Virtual warehouse balances", "Warehouse 1001: Негізгі қойма", "Warehouse 1002: Сауда нүктесі",
                         "Цемент М400", "Ёлочные игрушки", "арматура А500С", "23.51.12", "2523290000", "04870001234567",
                         "501", "Subtotal, warehouse 1001", "150.5", "Subtotal, warehouse 1002", "Grand total", "162.5",
                         "Last synced", "page 1 of 1"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in \(text)")
        }
        // 1001: 100 + 50.5 at 1,500 each; reserved 30; available 120.5. Grand value: 162.5 × 1,500.
        XCTAssertTrue(text.contains(DecimalText.format(Decimal(150.5) * 1500)), text)
        XCTAssertTrue(text.contains(DecimalText.format(Decimal(162.5) * 1500)), text)
        XCTAssertTrue(text.contains("120.5"))

        let one = folder.file("one.pdf")
        try cli(["balances", "pdf", "--company", "000140000002", "--store", "1002", "-o", one.path])
        let single = try Poppler.text(one)
        XCTAssertTrue(single.contains("арматура А500С"))
        XCTAssertFalse(single.contains("Цемент М400"))

        let unknown = try cli(["balances", "pdf", "--company", "000140000002", "--store", "7", "-o", folder.file("x.pdf").path], expect: 2)
        XCTAssertTrue(unknown.error.contains("--store") && unknown.error.contains("1001"), unknown.error)
        let neither = try cli(["balances", "pdf", "-o", folder.file("x.pdf").path], expect: 2)
        XCTAssertTrue(neither.error.contains("--all"), neither.error)
        XCTAssertEqual(Set(leftovers), ["all.pdf", "one.pdf"])
    }
}
