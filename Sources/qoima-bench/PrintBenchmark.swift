import Foundation
import QoimaCore
import QoimaPrint

/// Printing to PDF: the Magazine of 10,000 entries (A4 landscape, every column filled) and an
/// SNT of 1,000 goods lines; each laid out and written once per run, the median of `runs`.
struct PrintBenchmark {
    let folder: URL
    let runs = 3
    let clock = ContinuousClock()

    func run() throws -> [String: Any] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let magazine = MagazineReport(companyName: "ТОО «Қойма Сауда»", companyBin: "000140000002",
                                      from: CalendarDate(year: 2026, month: 1, day: 1)!,
                                      to: CalendarDate(year: 2026, month: 12, day: 31)!,
                                      rows: Self.magazineRows(10_000), language: .russian)
        let magazineFigures = try measure("magazine.pdf") { (magazine.document(), magazine.title) }
        print(String(format: "print: Magazine, 10,000 entries: %.2f s, %.1f MB, %d pages",
                     magazineFigures.seconds, magazineFigures.megabytes, magazineFigures.pages))
        let snt = SntPrintout(snt: BenchmarkSnt.make(lineCount: 1000), registrationNumber: "KZ-SNT-0001", language: .russian)
        let sntFigures = try measure("snt.pdf") { (snt.document(), snt.title) }
        print(String(format: "print: SNT, 1,000 goods lines: %.2f s, %.1f MB, %d pages",
                     sntFigures.seconds, sntFigures.megabytes, sntFigures.pages))
        return [
            "build": "release",
            "magazine": ["entries": 10_000, "seconds": magazineFigures.seconds, "megabytes": magazineFigures.megabytes,
                         "pages": magazineFigures.pages],
            "snt": ["lines": 1000, "seconds": sntFigures.seconds, "megabytes": sntFigures.megabytes,
                    "pages": sntFigures.pages],
        ]
    }

    /// The median time to build, lay out and write the document, with the file's size and pages.
    private func measure(_ name: String, _ make: () -> (PrintDocument, String)) throws
        -> (seconds: Double, megabytes: Double, pages: Int) {
        let url = folder.appendingPathComponent(name)
        var times: [Double] = []
        var pages = 0
        for _ in 0..<runs {
            let start = clock.now
            let (document, title) = make()
            pages = try PDFExport.write(document, title: title, to: url)
            times.append((clock.now - start).seconds)
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.doubleValue ?? 0
        return (times.sorted()[runs / 2], bytes / 1_000_000, pages)
    }

    /// A year's Magazine: entries issued for SNTs to many recipients, every tenth blank spoiled.
    static func magazineRows(_ count: Int) -> [MagazineRow] {
        (1...count).map { number in
            let day = CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: number % 360)
            if number % 10 == 0 {
                return MagazineRow(entry: MagazineEntry(
                    id: Int64(number), companyId: 1, year: 2026, number: number, state: .spoiled, paperDate: day,
                    reason: nil, sntId: nil, responsible: "Айгүл Серікова", spoilReason: "бланк испорчен при заполнении"))
            }
            let snt = MagazineRow.LinkedSnt(
                id: Int64(number), number: "СНТ-\(number)", status: .delivered, sellerTin: "000140000002",
                sellerName: "ТОО «Қойма Сауда»", customerTin: "000140000012",
                customerName: "ТОО «Покупатель №\(number % 97)»", vehiclePlate: "\(100 + number % 800)ABC02",
                lineCount: number % 30 + 1, totalWithTax: Decimal(number * 1250) + Decimal(string: "0.5")!,
                currencyCode: "KZT", registrationNumber: "KZ-SNT-\(100_000 + number)", inputDate: nil)
            return MagazineRow(entry: MagazineEntry(
                id: Int64(number), companyId: 1, year: 2026, number: number, state: .entered, paperDate: day,
                reason: .downTime, sntId: Int64(number), responsible: "Айгүл Серікова"), snt: snt)
        }
    }
}
