import Foundation
import QoimaCore

/// Ten years of a large company's SNTs, made up but shaped like real ones: every document has
/// `lineCount` goods lines, is dated between 2016 and 2026, and goes to or comes from one of a
/// few thousand counterparties whose names are built from common Kazakh and Russian words, so a
/// name fragment matches a realistic share of them. A third are addressed to the own company
/// (they become the incoming list).
struct BenchmarkCorpus: Sendable {
    static let ownBin = "000140000002"
    static let ownName = "ТОО «Қойма Сауда»"
    static let lineCount = 10

    static let firstWords = ["Алтын", "Дала", "Сауда", "Құрылыс", "Мұнай", "Транс", "Агро", "Техно", "Азия", "Степь",
                             "Жол", "Нур", "Береке", "Сервис", "Логистик", "Инвест", "Тау", "Көк", "Ақ", "Шығыс",
                             "Батыс", "Орал", "Каспий", "Есіл", "Алатау", "Самрук", "Темір", "Энерго", "Строй", "Бидай",
                             "Әлем", "Болашақ", "Қазына", "Ұлы", "Жұлдыз", "Арман", "Сарыарқа", "Жетісу", "Ертіс", "Хан"]
    static let secondWords = ["Групп", "Трейд", "Снаб", "Ойл", "Маркет", "Импорт", "Экспорт", "Холдинг", "Компани",
                              "Пром", "Агро", "Лтд", "Плюс", "Центр", "Сервис", "Құрылыс", "Транзит", "Қоймасы", "Базар",
                              "Завод"]
    static let forms = ["ТОО", "АО", "ИП"]
    static let goods = ["Бензин АИ-92", "Бензин АИ-95", "Дизельное топливо летнее", "Дизельное топливо зимнее",
                        "Сұйытылған газ", "Мазут топочный", "Керосин авиационный", "Масло моторное 5W-40",
                        "Цемент М400", "Арматура А500С", "Құм құрылыс", "Щебень фракции 20-40", "Мука пшеничная",
                        "Сахар-песок", "Қант", "Ұн бірінші сорт", "Коньяк пятилетний", "Водка «Дала»", "Пиво светлое",
                        "Сигареты с фильтром", "Шины легковые R16", "Аккумулятор 60 Ач"]
    static let tnved = ["2710124111", "2710124511", "2710194300", "2710194600", "2711129400", "2710196200",
                        "2710192100", "2710198800", "2523290000", "7214200000", "2505100000", "2517101000",
                        "1101001500", "1701991000", "1701991000", "1101001100", "2208201200", "2208601100",
                        "2203000100", "2402209000", "4011100003", "8507108000"]

    /// A valid BIN made of `serial`.
    static func bin(_ serial: Int) -> String {
        var body = String(format: "%011d", 10_000_000_000 + serial).map { Int(String($0))! }
        var bump = 0
        while TaxpayerNumber.checkDigit(of: body) == nil {
            bump += 1
            body = String(format: "%011d", 10_000_000_000 + serial + bump * 7_919_000).map { Int(String($0))! }
        }
        return body.map(String.init).joined() + String(TaxpayerNumber.checkDigit(of: body)!)
    }

    static let counterpartyCount = firstWords.count * secondWords.count * forms.count
    static func counterpartyName(_ index: Int) -> String {
        let first = firstWords[index % firstWords.count]
        let second = secondWords[(index / firstWords.count) % secondWords.count]
        let form = forms[(index / (firstWords.count * secondWords.count)) % forms.count]
        return "\(form) «\(first) \(second)»"
    }

    /// Document `index` of the corpus (deterministic).
    static func snt(_ index: Int) -> Snt {
        var random = SplitMix(seed: UInt64(index))
        let day = CalendarDate(year: 2016, month: 1, day: 1)!.dayNumber + Int(random.next() % 3_900)
        let date = CalendarDate(dayNumber: day)
        var snt = Snt(number: "СНТ-\(index + 1)", date: date, type: .primary)
        snt.shippingDate = date.adding(days: Int(random.next() % 3))
        snt.currencyCode = .tenge
        let counterpartyIndex = Int(random.next() % UInt64(counterpartyCount))
        let own = SntParty(tin: TaxpayerNumber(ownBin), nonResident: false, name: ownName,
                           registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                           actualAddress: "Алматы қ., Абай даңғылы, 10", storeId: 1001 + Int64(index % 3))
        let other = SntParty(tin: TaxpayerNumber(bin(counterpartyIndex)), nonResident: false,
                             name: counterpartyName(counterpartyIndex), registerCountryCode: .kazakhstan,
                             countryCode: .kazakhstan, actualAddress: "Астана қ., Республика даңғылы, \(index % 200 + 1)",
                             storeId: 5000 + Int64(counterpartyIndex))
        let incoming = index % 3 == 2
        snt.seller = incoming ? other : own
        snt.customer = incoming ? own : other
        snt.carriage = SntCarriage(tin: TaxpayerNumber(bin(counterpartyIndex + 50_000)), nonResident: false,
                                   name: "ТОО «Тасымал»", transportTypes: [.automobile], carStateNumber: "123ABC02")
        snt.contract = SntContract(isContract: true, number: "Д-\(counterpartyIndex)",
                                   date: CalendarDate(year: 2016, month: 1, day: 10))
        let lines = (0..<lineCount).map { position in
            let product = Int(random.next() % UInt64(goods.count))
            return GoodsLineArithmetic.completed(GoodsLine(
                productNumber: position + 1, truOriginCode: 1, productName: goods[product],
                tnvedCode: TnvedCode(tnved[product]), measureUnitCode: MeasureUnitCode("166"),
                quantity: Decimal(Int(random.next() % 500) + 1) + Decimal(string: "0.125")!,
                price: Decimal(Int(random.next() % 90_000) + 100) + Decimal(string: "0.5")!, ndsRate: 16,
                productId: VirtualProductId("19.20.31.000-\(tnved[product])<\(812_000 + product)>")))
        }
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        return snt
    }
}

/// A small fast deterministic generator (SplitMix64), so the corpus is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
