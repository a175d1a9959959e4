import Foundation
import QoimaCore

/// The goods the sandbox seeds: opening balances of realistic batches, with KPVED and TN VED
/// codes that form valid GSVS codes and units from `MeasureUnit.known`. The first company's
/// batches 812004, 812017 and 812033 in store 1001 are the ones the sample SNT
/// (resources/samples/snt/primary-snt.xml) ships from.
enum SeedGoods {
    struct Batch {
        /// Added to the company's batch base (812000, 822000 …).
        let offset: Int64
        let goods: BatchGoods
        let quantity: Decimal
    }

    static func goods(_ name: String, kpved: String, tnved: String, unit: String, price: Decimal,
                      importDoc: String? = nil, spirit: Decimal? = nil, gtin: String? = nil) -> BatchGoods {
        BatchGoods(name: name, kpvedCode: kpved, tnvedCode: tnved, gtinCode: gtin, measureUnitCode: unit,
                   unitPrice: price, manufactureOrImportDocNumber: importDoc, productNumberInImportDoc: importDoc == nil ? nil : "1",
                   productNameInImportDoc: importDoc == nil ? nil : name, spiritPercent: spirit, canExport: true,
                   dutyType: "EAEU", countryCode: "KZ")
    }

    /// A wholesale trader's stock.
    static let trade: [Batch] = [
        Batch(offset: 4, goods: goods("Сера техническая комовая", kpved: "08.91.12.01", tnved: "2503001000",
                                      unit: "168", price: 45000), quantity: 500),
        Batch(offset: 17, goods: goods("Цемент портландский ЦЕМ I 42,5Н", kpved: "23.51.12.100", tnved: "2523290000",
                                       unit: "168", price: Decimal(string: "37490.87")!), quantity: 800),
        Batch(offset: 33, goods: goods("Арматура А500С, диаметр 12 мм", kpved: "24.10.62.000", tnved: "7214200000",
                                       unit: "168", price: 289990), quantity: 120),
        Batch(offset: 41, goods: goods("Топливо дизельное летнее ДТ-Л-К5", kpved: "19.20.21.100", tnved: "2710194210",
                                       unit: "112", price: 310, importDoc: "50508/150126/0001234"), quantity: 60000),
        Batch(offset: 52, goods: goods("Водка «Қойма» 40%, 0,5 л", kpved: "11.01.10.100", tnved: "2208601100",
                                       unit: "796", price: 2450, spirit: 40, gtin: "4870000000029"), quantity: 2400),
        Batch(offset: 63, goods: goods("Сахар белый кристаллический", kpved: "10.81.12.000", tnved: "1701991000",
                                       unit: "166", price: 420), quantity: 20000),
    ]

    /// A builder's stock.
    static let construction: [Batch] = [
        Batch(offset: 1, goods: goods("Кирпич керамический полнотелый М150", kpved: "23.32.11.100", tnved: "6904100000",
                                      unit: "796", price: 85), quantity: 50000),
        Batch(offset: 2, goods: goods("Цемент портландский ЦЕМ I 42,5Н", kpved: "23.51.12.100", tnved: "2523290000",
                                      unit: "168", price: 38000), quantity: 300),
        Batch(offset: 3, goods: goods("Топливо дизельное летнее ДТ-Л-К5", kpved: "19.20.21.100", tnved: "2710194210",
                                      unit: "112", price: 315), quantity: 12000),
    ]

    /// The stock of the company at `index` in the PKI (0-based): trade and construction in turn.
    static func stock(forCompanyAt index: Int) -> [Batch] { index % 2 == 0 ? trade : construction }

    static func batchBase(forCompanyAt index: Int) -> Int64 { 812_000 + 10_000 * Int64(index) }

    /// Every distinct product of the catalogue, for the GSVS dictionary.
    static var allGoods: [BatchGoods] {
        var seen = Set<String>()
        return (trade + construction).map(\.goods).filter {
            seen.insert($0.kpvedCode + "-" + $0.tnvedCode + ($0.gtinCode.map { "/" + $0 } ?? "")).inserted
        }
    }

    /// English names for the GSVS dictionary, which carries three languages (domain.md §9.3).
    static let englishNames: [String: String] = [
        "2503001000": "Crude sulphur", "2523290000": "Portland cement", "7214200000": "Reinforcing bars",
        "2710194210": "Diesel fuel", "2208601100": "Vodka", "1701991000": "White sugar",
        "6904100000": "Ceramic bricks",
    ]
}
