import Foundation
import QoimaCore
import QoimaPrint
@testable import QoimaStore
import XCTest

/// The Magazine printed for a period from a real store and read back from the PDF: every entry
/// and column, "page N of M", the lines to sign, and page counts that follow rows per page.
final class MagazineReportTests: XCTestCase {
    private var desk: MagazineDesk!
    private var folder: PrintFolder!

    /// Rows of uniform spoiled blanks on the first page and on every later one (A4 landscape,
    /// 12 mm margins, 7.5 pt). A change of pagination changes these.
    static let rowsOnFirstPage = 16
    static let rowsPerPage = 18

    override func setUpWithError() throws {
        desk = try MagazineDesk()
        folder = try PrintFolder()
    }

    private func export(_ rows: [MagazineRow], language: Language = .english, name: String = "magazine.pdf") throws -> URL {
        let report = MagazineReport(companyName: "ТОО «Қойма Сауда»", companyBin: "000140000002",
                                    from: StoreSamples.date("01.03.2026"), to: StoreSamples.date("31.03.2026"),
                                    rows: rows, language: language)
        let url = folder.file(name)
        try PDFExport.write(report.document(), title: report.title, to: url)
        return url
    }

    private func entries() throws -> [MagazineRow] {
        try desk.store.entries(companyId: desk.company, from: StoreSamples.date("01.03.2026"),
                               to: StoreSamples.date("31.03.2026"))
    }

    func testEveryEntryAndEveryColumnIsPrinted() throws {
        for index in 1...36 {
            let draft = try desk.draft(String(format: "СНТ-%03d", index), date: "02.03.2026")
            try desk.issue(draft, on: String(format: "%02d.03.2026", 2 + index % 20))
        }
        for index in 1...4 {
            _ = try desk.store.recordSpoiledBlank(companyId: desk.company, date: StoreSamples.date("25.03.2026"),
                                              reason: "ink spilt \(index)", responsible: "Айгүл Серікова")
        }
        let rows = try entries()
        XCTAssertEqual(rows.count, 40)
        let url = try export(rows)
        let pages = try Poppler.pages(url)
        let text = pages.joined(separator: "\n")
        let printed = words(text)
        for row in rows {
            for column in MagazineLayout.current.columns {
                let cell = column.text(of: row, in: .english)
                XCTAssertTrue(printed.isSuperset(of: words(cell)), "entry \(row.entry.label), \(column.id): \(cell)")
            }
            if let number = row.snt?.number { XCTAssertTrue(text.contains(number), number) }
        }
        for column in MagazineLayout.current.columns {
            XCTAssertTrue(printed.isSuperset(of: words(column.title.english)), column.id)
        }
        for (index, page) in pages.enumerated() {
            XCTAssertTrue(page.contains("page \(index + 1) of \(pages.count)"), "page \(index + 1)")
            XCTAssertTrue(page.contains("ТОО «Қойма Сауда» · BIN 000140000002"), "page \(index + 1) has no company")
            XCTAssertTrue(page.contains("01.03.2026 – 31.03.2026"), "page \(index + 1) has no period")
        }
        XCTAssertTrue(pages.last!.contains("Person responsible for the Magazine"))
        XCTAssertTrue(pages.last!.contains("Head"))
        XCTAssertTrue(text.contains("Spoiled"), "spoiled blanks are shown")
        XCTAssertEqual(try Poppler.info(url)["Title"], "Magazine of SNTs issued on paper 01.03.2026 – 31.03.2026")
    }

    func testPageCountsFollowRowsPerPage() throws {
        for index in 1...2000 {
            _ = try desk.store.recordSpoiledBlank(companyId: desk.company, date: StoreSamples.date("10.03.2026"),
                                              reason: String(format: "ҚАТЕ%04d", index), responsible: "Әсел Құрманова")
        }
        let rows = try entries()
        XCTAssertEqual(rows.count, 2000)
        for count in [1, 40, 2000] {
            let url = try export(Array(rows.prefix(count)), language: .kazakh, name: "magazine-\(count).pdf")
            let pages = try Poppler.pages(url)
            XCTAssertEqual(try Poppler.pageCount(url), pages.count)
            let perPage = pages.map { words($0).filter { $0.hasPrefix("ҚАТЕ") }.count }
            XCTAssertEqual(perPage.reduce(0, +), count, "every entry printed once")
            // Rows fill each page: the first holds rowsOnFirstPage, the others rowsPerPage, the last the rest;
            // the lines to sign go on a page of their own only when they do not fit under the last row.
            var expected = [min(count, Self.rowsOnFirstPage)]
            var left = count - expected[0]
            while left > 0 {
                expected.append(min(left, Self.rowsPerPage))
                left -= expected.last!
            }
            if !pages.last!.contains("Басшы") { XCTFail("the last page of \(count) has no line for the head") }
            if perPage.last == 0 { expected.append(0) }
            XCTAssertEqual(perPage, expected, "\(count) entries")
            let rowPages = count <= Self.rowsOnFirstPage ? 1 : 1 + (count - Self.rowsOnFirstPage + Self.rowsPerPage - 1) / Self.rowsPerPage
            XCTAssertTrue(pages.count == rowPages || pages.count == rowPages + 1, "\(count) entries: \(pages.count) pages")
            XCTAssertTrue(pages.last!.contains("\(pages.count) беттің \(pages.count)-беті"))
        }
    }

    func testKazakhLettersAndTheEmbeddedFont() throws {
        _ = try desk.store.recordSpoiledBlank(companyId: desk.company, date: StoreSamples.date("10.03.2026"),
                                          reason: "әғқңөұүһі ӘҒҚҢӨҰҮҺІ", responsible: "Әсел Құрманова")
        let url = try export(try entries(), language: .kazakh)
        let text = try Poppler.text(url)
        XCTAssertTrue(words(text).isSuperset(of: ["әғқңөұүһі", "ӘҒҚҢӨҰҮҺІ"]), text)
        XCTAssertTrue(text.contains("Қағаз жеткізгіште жазылған ТІЖ-ді тіркеу журналы"))
        XCTAssertTrue(text.contains("Журналды жүргізуге жауапты тұлға"))
        let fonts = try Poppler.fonts(url)
        XCTAssertTrue(fonts.split(separator: "\n").contains { $0.contains("NotoSans") && $0.contains(" yes ") }, fonts)
    }

    func testAnEmptyPeriodStillPrintsOnePage() throws {
        let url = try export([])
        XCTAssertEqual(try Poppler.pageCount(url), 1)
        XCTAssertTrue(try Poppler.text(url).contains("No entries in the period."))
    }
}
