import Foundation
import QoimaCore
import QoimaPrint
import XCTest

/// The SNT printout read back from its PDF: every filled section with its field numbers, the
/// goods across pages with repeated headers and carried totals, Kazakh letters, the font, and
/// what the road-transit copy adds.
final class SntPrintoutTests: XCTestCase {
    private var folder: PrintFolder!

    override func setUpWithError() throws {
        folder = try PrintFolder()
    }

    private func print(_ snt: Snt, variant: SntPrintout.Variant = .standard, language: Language = .english,
                       name: String = "snt.pdf") throws -> URL {
        let printout = SntPrintout(snt: snt, registrationNumber: "SNT-REG-0042", variant: variant, language: language)
        let url = folder.file(name)
        let pages = try PDFExport.write(printout.document(), title: printout.title, to: url)
        XCTAssertEqual(try Poppler.pageCount(url), pages)
        return url
    }

    private func number(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }

    func testEveryFilledSectionWithItsFieldNumbers() throws {
        let snt = PrintSamples.snt(lines: 3)
        let text = try Poppler.text(try print(snt))
        let found = words(text)
        for code in ["A1", "A2", "A3", "A4", "A5/A6", "B13", "B14", "B19", "B20", "B21", "C22", "C23", "C29", "C30", "D31",
                     "D32", "D34", "D35", "E37", "E38", "E39", "E.a1.1", "E.a2.1", "F44", "F44.1", "F44.2", "F45", "F45.1",
                     "50", "52.1", "52.3", "52.4", "K.driverFIO", "K.stampPrintNumber"] {
            XCTAssertTrue(found.contains(Substring(code)), "field \(code) is not printed")
        }
        for value in ["СНТ-2026/77", "02.03.2026", "03.03.2026", "SNT-REG-0042", "000140000002", "000140000012",
                      "000140000022", "777ABC02", "12ABD02", "road", "Д-15/2026", "DAP", "PL-4410", "KZT",
                      "850101300123"] {
            XCTAssertTrue(text.contains(value), "\(value) is not printed")
        }
        XCTAssertFalse(text.contains("AUTOMOBILE"), "the kind of transport is named, not its wire code")
        for column in ["G1.1", "G1.3", "G1.4", "G1.5", "G1.6", "G1.7", "G1.8", "G1.9", "G1.10", "G1.11", "G1.12", "G1.13",
                       "G1.16"] {
            XCTAssertTrue(found.contains(Substring(column)), "goods column \(column) has no header")
        }
        for role in ["Supplier", "consignor", "carrier", "recipient"] {
            XCTAssertTrue(text.contains(role), "no place for the \(role) to sign")
        }
        XCTAssertTrue(text.contains("place of seal"))
        // Left out: what is empty (no oil table, no aircraft block).
        XCTAssertFalse(found.contains("G6"))
        XCTAssertFalse(text.contains("Aircraft"))
    }

    func testGoodsRunAcrossPagesWithRepeatedHeadersAndCarriedTotals() throws {
        let snt = PrintSamples.snt(lines: 120)
        let pages = try Poppler.pages(try print(snt))
        XCTAssertGreaterThanOrEqual(pages.count, 4, "120 lines must span pages")
        var running = (Decimal(0), Decimal(0), Decimal(0))
        var goodsPages = 0
        for (index, page) in pages.enumerated() {
            XCTAssertTrue(page.contains("page \(index + 1) of \(pages.count)"), "page \(index + 1) has no \"page N of M\"")
            let lines = snt.goods!.lines.filter { words(page).contains(Substring("№" + String(format: "%03d", $0.productNumber!))) }
            guard !lines.isEmpty else { continue }
            goodsPages += 1
            XCTAssertTrue(words(page).isSuperset(of: ["G1.3", "G1.8", "G1.11", "G1.12"]), "page \(index + 1) repeats no header")
            if goodsPages > 1 {
                XCTAssertTrue(page.contains("Brought forward"), "page \(index + 1)")
                for sum in [running.0, running.1, running.2] {
                    XCTAssertTrue(page.contains(number(sum)), "page \(index + 1) brings forward no \(number(sum))")
                }
            }
            for line in lines {
                running.0 += line.priceWithoutTax!
                running.1 += line.ndsAmount!
                running.2 += line.priceWithTax!
            }
            if running.2 != snt.goods!.totals.totalPriceWithTax {
                XCTAssertTrue(page.contains("Carried forward"), "page \(index + 1)")
                for sum in [running.0, running.1, running.2] {
                    XCTAssertTrue(page.contains(number(sum)), "page \(index + 1) carries forward no \(number(sum))")
                }
            } else {
                XCTAssertFalse(page.contains("Carried forward"), "the last page of goods carries nothing forward")
                XCTAssertTrue(page.contains("Total"))
            }
        }
        XCTAssertGreaterThan(goodsPages, 2)
        // Every line printed once, and the final sums are the SNT's own totals (52.1, 52.3, 52.4).
        XCTAssertEqual(running.0, snt.goods!.totals.totalPriceWithoutTax)
        XCTAssertEqual(running.1, snt.goods!.totals.totalNdsAmount)
        XCTAssertEqual(running.2, snt.goods!.totals.totalPriceWithTax)
        // In the table's total row and beside 52.4.
        XCTAssertEqual(pages.joined().components(separatedBy: number(snt.goods!.totals.totalPriceWithTax!)).count - 1, 2)
    }

    func testTheRoadTransitCopy() throws {
        let snt = PrintSamples.snt(lines: 60)
        let standard = try Poppler.pages(try print(snt, name: "standard.pdf"))
        let road = try Poppler.pages(try print(snt, variant: .roadTransit, name: "road.pdf"))
        XCTAssertTrue(road[0].contains("Road transit copy"))
        XCTAssertTrue(road[0].contains("Vehicle and driver"))
        XCTAssertFalse(standard.joined().contains("Vehicle and driver"))
        // The vehicle block comes right under section A, before the supplier.
        let first = road[0]
        let vehicle = try XCTUnwrap(first.range(of: "Vehicle and driver"))
        let supplier = try XCTUnwrap(first.range(of: "B. Supplier"))
        XCTAssertLessThan(vehicle.lowerBound, supplier.lowerBound)
        XCTAssertLessThan(try XCTUnwrap(first.range(of: "777ABC02")).lowerBound, supplier.lowerBound)
        XCTAssertLessThan(try XCTUnwrap(first.range(of: "Серік Жұмабаев")).lowerBound, supplier.lowerBound)
        // Every page names the vehicle; the standard copy's later pages do not.
        for (index, page) in road.enumerated() {
            XCTAssertTrue(page.contains("Vehicle plate 777ABC02"), "road page \(index + 1) does not name the vehicle")
        }
        XCTAssertFalse(standard.last!.contains("777ABC02"))
        // The driver signs the road copy only.
        XCTAssertTrue(road.last!.contains("Driver"))
        XCTAssertFalse(standard.last!.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "Driver" })
    }

    func testKazakhLettersComeBackExactlyInAnEmbeddedNotoFont() throws {
        let snt = PrintSamples.snt(lines: 5, kazakhNames: true)
        let url = try print(snt, language: .kazakh)
        let text = try Poppler.text(url)
        XCTAssertTrue(text.contains("Әйнек ғұмыр қасық ңөұүһі №001"), text)
        XCTAssertTrue(text.contains("Тауарларға ілеспе жүкқұжат"))
        XCTAssertTrue(text.contains("ТОО «Ертіс Құрылыс»"))
        let fonts = try Poppler.fonts(url)
        let noto = fonts.split(separator: "\n").filter { $0.contains("NotoSans") }
        XCTAssertFalse(noto.isEmpty, fonts)
        XCTAssertTrue(noto.allSatisfy { $0.contains(" yes ") }, "Noto Sans must be embedded: \(fonts)")
        let info = try Poppler.info(url)
        XCTAssertEqual(info["Creator"], "Qoima")
        XCTAssertEqual(info["Title"], "Тауарларға ілеспе жүкқұжат (ТІЖ) № СНТ-2026/77, 02.03.2026")
        XCTAssertEqual(info["Page size"].map { $0.hasPrefix("841.89 x 595.2") }, true, info["Page size"] ?? "")
    }

    func testRussianPrintout() throws {
        let text = try Poppler.text(try print(PrintSamples.snt(lines: 2), language: .russian))
        XCTAssertTrue(text.contains("Сопроводительная накладная на товары (СНТ) № СНТ-2026/77 от 02.03.2026"))
        XCTAssertTrue(text.contains("Груз получил (получатель)"), text)
        XCTAssertTrue(text.contains("страница 1 из 2") && text.contains("страница 2 из 2"), text)
    }
}
