import Foundation
import QoimaCore

/// Virtual-warehouse balances as last synced (docs/printing.md): A4 landscape, one table per
/// warehouse of its batches, with the warehouse's subtotal under it (carried across pages),
/// then the grand total of every warehouse printed, and the time of the last sync.
public struct BalancesReport {
    /// A warehouse and its batches.
    public struct Warehouse: Sendable {
        public let storeId: Int64
        public let name: String
        public let batches: [Batch]

        public init(storeId: Int64, name: String, batches: [Batch]) {
            self.storeId = storeId
            self.name = name
            self.batches = batches
        }
    }

    /// One batch as IS ESF reports it.
    public struct Batch: Sendable {
        public let name: String
        public let kpvedCode, tnvedCode, gtin, productId, unit: String?
        public let unitPrice: Decimal?
        public let quantity: Decimal
        public let reserved: Decimal

        public init(name: String, kpvedCode: String?, tnvedCode: String?, gtin: String?, productId: String?,
                    unit: String?, unitPrice: Decimal?, quantity: Decimal, reserved: Decimal) {
            self.name = name
            self.kpvedCode = kpvedCode
            self.tnvedCode = tnvedCode
            self.gtin = gtin
            self.productId = productId
            self.unit = unit
            self.unitPrice = unitPrice
            self.quantity = quantity
            self.reserved = reserved
        }

        public var available: Decimal { quantity - reserved }
        /// Unit price × quantity; nil without a price.
        public var value: Decimal? { unitPrice.map { $0 * quantity } }
    }

    public let companyName: String
    public let companyBin: String
    public let warehouses: [Warehouse]
    public let syncedAt: Date?
    public let language: Language

    public static let paper = PaperSize.a4Landscape

    public init(companyName: String, companyBin: String, warehouses: [Warehouse], syncedAt: Date?, language: Language) {
        self.companyName = companyName
        self.companyBin = companyBin
        self.warehouses = warehouses
        self.syncedAt = syncedAt
        self.language = language
    }

    private func say(_ text: LocalizedText, _ arguments: String...) -> String { text.text(in: language, arguments) }

    public var title: String { say(BalancesReportText.title) }

    /// When the balances were synced, in Kazakhstan's time.
    private var synced: String {
        guard let syncedAt else { return say(BalancesReportText.neverSynced) }
        let day = KazakhstanClock.day(of: syncedAt)
        let seconds = Int(syncedAt.timeIntervalSince1970) + KazakhstanClock.utcOffsetSeconds
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return say(BalancesReportText.syncedAt, day.ddMMyyyy + " " + String(format: "%02d:%02d", minutes / 60, minutes % 60))
    }

    public func document() -> ReportDocument {
        let bin = PrintText.bin.text(in: language)
        var blocks: [ReportBlock] = [
            .heading(title),
            .paragraph("\(companyName), \(bin) \(companyBin)", PrintFont(size: 9, bold: true)),
            .paragraph(synced, PrintFont(size: 9)),
            .space(4),
        ]
        let columns = [
            (BalancesReportText.name, 3.0, PrintCanvas.Alignment.leading), (BalancesReportText.kpved, 1, .leading),
            (BalancesReportText.tnved, 1.1, .leading), (BalancesReportText.gtin, 1.2, .leading),
            (BalancesReportText.productId, 1.1, .leading), (BalancesReportText.unit, 0.6, .leading),
            (BalancesReportText.unitPrice, 1, .trailing), (BalancesReportText.quantity, 1, .trailing),
            (BalancesReportText.reserved, 1, .trailing), (BalancesReportText.available, 1, .trailing),
            (BalancesReportText.value, 1.3, .trailing),
        ].map { ReportTable.Column(say($0.0), weight: $0.1, alignment: $0.2) }
        var grand = [Decimal](repeating: 0, count: 4)
        for warehouse in warehouses {
            blocks.append(.heading(say(BalancesReportText.warehouse, String(warehouse.storeId), warehouse.name)))
            let rows = warehouse.batches.map { batch in
                [batch.name, batch.kpvedCode ?? "", batch.tnvedCode ?? "", batch.gtin ?? "", batch.productId ?? "",
                 batch.unit ?? "", batch.unitPrice.map(DecimalText.format) ?? "", DecimalText.format(batch.quantity),
                 DecimalText.format(batch.reserved), DecimalText.format(batch.available),
                 batch.value.map(DecimalText.format) ?? ""]
            }
            let amounts = warehouse.batches.map { [$0.quantity, $0.reserved, $0.available, $0.value] }
            for row in amounts { for (slot, amount) in row.enumerated() { grand[slot] += amount ?? 0 } }
            let totals = ReportTable.Totals(
                columns: [7, 8, 9, 10], amounts: amounts, carriedLabel: say(PrintText.carriedForward),
                broughtLabel: say(PrintText.broughtForward),
                totalLabel: say(BalancesReportText.subtotal, String(warehouse.storeId)), format: DecimalText.format)
            blocks.append(.table(ReportTable(columns: columns, rows: rows, font: PrintFont(size: 7), totals: totals)))
        }
        let batchCount = warehouses.reduce(0) { $0 + $1.batches.count }
        blocks.append(.heading(say(BalancesReportText.grandTotal)))
        blocks.append(.fields([
            ReportField("", say(BalancesReportText.batches), String(batchCount)),
            ReportField("", say(BalancesReportText.quantity), DecimalText.format(grand[0])),
            ReportField("", say(BalancesReportText.reserved), DecimalText.format(grand[1])),
            ReportField("", say(BalancesReportText.available), DecimalText.format(grand[2])),
            ReportField("", say(BalancesReportText.value), DecimalText.format(grand[3])),
        ]))
        let chosen = language
        return ReportDocument(paper: Self.paper, margins: .millimetres(10), title: title,
                              header: "\(companyName) · \(bin) \(companyBin) · \(title) · \(synced)",
                              footer: { PrintText.pageOf.text(in: chosen, [String($0), String($1)]) }, blocks: blocks)
    }
}

enum BalancesReportText {
    typealias L = LocalizedText
    static let title = L(kk: "Виртуалды қоймалардағы қалдықтар", ru: "Остатки на виртуальных складах",
                         en: "Virtual warehouse balances")
    static let syncedAt = L(kk: "Соңғы синхрондау: %1$@", ru: "Последняя синхронизация: %1$@", en: "Last synced: %1$@")
    static let neverSynced = L(kk: "Қалдықтар әлі синхрондалмаған", ru: "Остатки ещё не синхронизированы",
                               en: "The balances have never been synced")
    static let warehouse = L(kk: "Қойма %1$@: %2$@", ru: "Склад %1$@: %2$@", en: "Warehouse %1$@: %2$@")
    static let subtotal = L(kk: "%1$@ қоймасы бойынша барлығы", ru: "Итого по складу %1$@", en: "Subtotal, warehouse %1$@")
    static let grandTotal = L(kk: "Барлық қоймалар бойынша жиыны", ru: "Всего по всем складам", en: "Grand total")
    static let batches = L(kk: "Партиялар", ru: "Партий", en: "Batches")
    static let name = L(kk: "Атауы", ru: "Наименование", en: "Name")
    static let kpved = L(kk: "ЭҚЖЖ СӨС", ru: "КПВЭД", en: "KPVED")
    static let tnved = L(kk: "СЭҚ ТН", ru: "ТН ВЭД", en: "TN VED")
    static let gtin = L(kk: "GTIN", ru: "GTIN", en: "GTIN")
    static let productId = L(kk: "Тауар сәйкестендіргіші", ru: "Идентификатор товара", en: "Product id")
    static let unit = L(kk: "Өлш. бір.", ru: "Ед. изм.", en: "Unit")
    static let unitPrice = L(kk: "Бірлік бағасы", ru: "Цена за единицу", en: "Unit price")
    static let quantity = L(kk: "Саны", ru: "Количество", en: "Quantity")
    static let reserved = L(kk: "Резервте", ru: "В резерве", en: "Reserved")
    static let available = L(kk: "Қолжетімді", ru: "Доступно", en: "Available")
    static let value = L(kk: "Құны", ru: "Стоимость", en: "Value")
}
