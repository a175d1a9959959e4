import Foundation
import QoimaCore
import QoimaPrint
import XCTest

/// Reading PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts), as a person would see them.
enum Poppler {
    /// Checking a PDF needs the tool: a missing one fails the test rather than passing it unseen.
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String { "\(tool) is missing: install poppler-utils (scripts/install-deps.sh test)" }
    }

    static func tool(_ name: String) throws -> URL {
        let url = URL(fileURLWithPath: "/usr/bin/\(name)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw Missing(tool: name)
        }
        return url
    }

    /// The text of `pdf`, or of one page (from 1).
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        let result = try CLIRunner.run(executable: try tool("pdftotext"), arguments + [pdf.path, "-"])
        XCTAssertEqual(result.status, 0, result.error)
        return result.output
    }

    /// Every page's text, in order (pdftotext ends each page with a form feed).
    static func pages(_ pdf: URL) throws -> [String] {
        var pages = try text(pdf).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func info(_ pdf: URL) throws -> [String: String] {
        let result = try CLIRunner.run(executable: try tool("pdfinfo"), [pdf.path])
        XCTAssertEqual(result.status, 0, result.error)
        var fields: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        try XCTUnwrap(Int(try info(pdf)["Pages"] ?? ""), "pdfinfo gave no page count")
    }

    static func fonts(_ pdf: URL) throws -> String {
        try CLIRunner.run(executable: try tool("pdffonts"), [pdf.path]).output
    }
}

/// Words of a text, for checks that must not depend on where a cell's text wrapped.
func words(_ text: String) -> Set<Substring> {
    Set(text.split { $0.isWhitespace })
}

/// A temporary folder for the printouts a test writes.
final class PrintFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// SNTs to print.
enum PrintSamples {
    /// A road SNT with every section filled and `lines` goods lines of 12% VAT; line i costs 100 + i.
    static func snt(lines: Int, kazakhNames: Bool = false) -> Snt {
        var snt = Snt(number: "СНТ-2026/77", date: CalendarDate(ddMMyyyy: "02.03.2026"))
        snt.shippingDate = CalendarDate(ddMMyyyy: "03.03.2026")
        snt.currencyCode = .tenge
        snt.seller = SntParty(tin: TaxpayerNumber("000140000002"), name: "ТОО «Қойма Сауда»",
                              countryCode: CountryCode("KZ"), actualAddress: "Алматы, Абай даңғылы, 10", storeId: 1001)
        snt.customer = SntParty(tin: TaxpayerNumber("000140000012"), name: "ТОО «Ертіс Құрылыс»",
                                countryCode: CountryCode("KZ"), actualAddress: "Павлодар, Естай көшесі, 5", storeId: 2002)
        snt.consignor = ConsignmentParty(tin: TaxpayerNumber("000140000002"), name: "Қойма Сауда, қойма №1")
        snt.consignee = ConsignmentParty(tin: TaxpayerNumber("000140000012"), name: "Ертіс Құрылыс, объект 3")
        snt.carriage = SntCarriage(tin: TaxpayerNumber("000140000022"), name: "ТОО «Жол Тасымал»",
                                   transportTypes: [.automobile], carStateNumber: "777ABC02", trailerStateNumber: "12ABD02")
        snt.contract = SntContract(isContract: true, number: "Д-15/2026", date: CalendarDate(ddMMyyyy: "10.01.2026"),
                                   termOfContractPayment: "30 days", deliveryCondition: "DAP")
        snt.roadCargo = SntRoadCargo(driverFullName: "Серік Жұмабаев", driverTin: TaxpayerNumber("850101300123"),
                                     stampPrintNumber: "PL-4410")
        let goods = (1...max(lines, 1)).prefix(lines).map { line(number: $0, kazakh: kazakhNames) }
        let sums = goods.reduce(into: (Decimal(0), Decimal(0), Decimal(0))) {
            $0.0 += $1.priceWithoutTax!
            $0.1 += $1.ndsAmount!
            $0.2 += $1.priceWithTax!
        }
        snt.goods = GoodsSet(totals: GoodsTotals(totalPriceWithoutTax: sums.0, totalExciseAmount: 0, totalNdsAmount: sums.1,
                                                 totalPriceWithTax: sums.2), lines: goods)
        return snt
    }

    static func line(number: Int, kazakh: Bool) -> GoodsLine {
        let value = Decimal(100 + number)
        let vat = value * Decimal(string: "0.12")!
        let name = (kazakh ? "Әйнек ғұмыр қасық ңөұүһі " : "Товар ") + "№" + String(format: "%03d", number)
        return GoodsLine(productNumber: number, truOriginCode: 1, productName: name, tnvedCode: TnvedCode("2523290000"),
                         measureUnitCode: MeasureUnitCode("796"), quantity: 1, price: value, priceWithoutTax: value,
                         exciseAmount: 0, ndsRate: 12, ndsAmount: vat, priceWithTax: value + vat,
                         productId: VirtualProductId("501"), gtinCode: Gtin("04870001234567"))
    }
}
