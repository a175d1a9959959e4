/// One ground of an answer: what applies, the rule it comes from, and the readings it rests on.
public struct SntRequirementReason: Hashable, Sendable {
    /// Stable, for scripts and tests: `eaeu-import`, `light-car-exception`…
    public let id: String
    public let rule: OrderRule
    public let text: LocalizedText
    public private(set) var assumptions: [RequirementAssumption]

    public var restsOnAssumption: Bool { !assumptions.isEmpty }

    init(_ id: String, _ rule: OrderRule, _ assumptions: [RequirementAssumption] = [],
         kk: String, ru: String, en: String, _ argument: LocalizedText? = nil) {
        self.id = id
        self.rule = rule
        self.assumptions = assumptions
        text = LocalizedText(kk: kk, ru: ru, en: en, filling: argument.map { [$0] } ?? [])
    }

    /// The same reason resting on more readings.
    func adding(_ more: [RequirementAssumption]) -> SntRequirementReason {
        var copy = self
        copy.assumptions += more.filter { !assumptions.contains($0) }
        return copy
    }
}

// The catalogue of reasons, in the order of Appendix 1 and item 14.
extension SntRequirementReason {
    static let notOnList = SntRequirementReason(
        "not-on-list", .appendix(1),
        kk: "Тауарлардың ешқайсысы ТІЖ ресімдеу міндеті қолданылатын тауарлар тізбесіне кірмейді.",
        ru: "Ни один из товаров не входит в перечень товаров, на которые распространяется обязанность оформления СНТ.",
        en: "None of the goods is on the list of goods that need an SNT.")

    static func domesticLines(_ groups: [GoodsGroup]) -> SntRequirementReason {
        SntRequirementReason(
            "domestic-lines-1-6", .rulesItem(14, 1),
            kk: "%1$@ тауарлары Қазақстан Республикасының аумағында орнын ауыстырады, өткізіледі немесе тиеп-жөнелтіледі.",
            ru: "Товары %1$@ перемещаются, реализуются или отгружаются на территории Республики Казахстан.",
            en: "Goods of %1$@ are moved, sold or shipped inside Kazakhstan.",
            GoodsGroup.linesPhrase(groups).capitalizedKazakh)
    }

    static let traceableSale = SntRequirementReason(
        "traceable-sale", .rulesItem(14, 2),
        kk: "Қадағалануға жататын тауарлар (тізбенің 7-жолы) Қазақстан Республикасының аумағында өткізіледі.",
        ru: "Товары, подлежащие прослеживаемости (строка 7 перечня), реализуются на территории Республики Казахстан.",
        en: "Goods subject to traceability (line 7 of the list) are sold inside Kazakhstan.")

    static let traceableOnlyOnSale = SntRequirementReason(
        "traceable-only-on-sale", .rulesItem(14, 2),
        kk: "Қадағалануға жататын тауарларға (тізбенің 7-жолы) ТІЖ тек оларды Қазақстан Республикасының аумағында өткізгенде қажет, ал мұнда ондай өткізу жоқ.",
        ru: "На товары, подлежащие прослеживаемости (строка 7 перечня), СНТ нужна только при их реализации на территории Республики Казахстан, а здесь такой реализации нет.",
        en: "Goods subject to traceability (line 7 of the list) need an SNT only when they are sold inside Kazakhstan, and this is no such sale.")

    static func eaeuImport(_ assumptions: [RequirementAssumption]) -> SntRequirementReason {
        SntRequirementReason(
            "eaeu-import", .rulesItem(14, 3), assumptions,
            kk: "Тауарлар Қазақстан Республикасына ЕАЭО-ға мүше мемлекеттен әкелінеді (тізбенің 8-жолы).",
            ru: "Товары ввозятся в Республику Казахстан из государства — члена ЕАЭС (строка 8 перечня).",
            en: "The goods are imported into Kazakhstan from an EAEU state (line 8 of the list).")
    }

    static func eaeuExport(_ assumptions: [RequirementAssumption]) -> SntRequirementReason {
        SntRequirementReason(
            "eaeu-export", .rulesItem(14, 5), assumptions,
            kk: "Тауарлар Қазақстан Республикасынан ЕАЭО-ға мүше мемлекетке әкетіледі (тізбенің 9-жолы).",
            ru: "Товары вывозятся из Республики Казахстан в государство — член ЕАЭС (строка 9 перечня).",
            en: "The goods are exported from Kazakhstan to an EAEU state (line 9 of the list).")
    }

    static func lightCarException(_ rule: OrderRule, massKilograms: Int) -> SntRequirementReason {
        SntRequirementReason(
            "light-car-exception", rule, [.carMeansRoadMotorVehicle, .limitIsPermittedMaximumMass],
            kk: "Тауарлар рұқсат етілген ең жоғары массасы %1$@ кг, яғни 2,5 тоннадан аспайтын автомобильмен тасымалданады: бұл ерекшелік.",
            ru: "Товары перевозятся автомобилем с разрешённой максимальной массой %1$@ кг, то есть не более 2,5 тонны: это исключение.",
            en: "The goods go by a car whose permitted maximum mass, %1$@ kg, does not exceed 2.5 t: this is excepted.",
            LocalizedText(kk: "\(massKilograms)", ru: "\(massKilograms)", en: "\(massKilograms)"))
    }

    static func heavyVehicle(_ rule: OrderRule, massKilograms: Int) -> SntRequirementReason {
        SntRequirementReason(
            "heavy-vehicle", rule, [.limitIsPermittedMaximumMass],
            kk: "Көлік құралының рұқсат етілген ең жоғары массасы %1$@ кг, яғни 2,5 тоннадан асады, сондықтан 2,5 тоннаға дейінгі автомобильдерге арналған ерекшелік қолданылмайды.",
            ru: "Разрешённая максимальная масса транспортного средства — %1$@ кг, больше 2,5 тонны, поэтому исключение для автомобилей до 2,5 тонны не применяется.",
            en: "The vehicle's permitted maximum mass, %1$@ kg, exceeds 2.5 t, so the exception for cars of up to 2.5 t does not apply.",
            LocalizedText(kk: "\(massKilograms)", ru: "\(massKilograms)", en: "\(massKilograms)"))
    }

    static func notByRoad(_ rule: OrderRule, _ transport: TransportType) -> SntRequirementReason {
        SntRequirementReason(
            "not-by-road", rule, transport == .multimodal ? [.multimodalIsNotACar] : [],
            kk: "Тауарлар автомобильмен емес тасымалданады (%1$@), сондықтан 2,5 тоннаға дейінгі автомобильдерге арналған ерекшелік қолданылмайды.",
            ru: "Товары перевозятся не автомобилем (%1$@), поэтому исключение для автомобилей до 2,5 тонны не применяется.",
            en: "The goods do not go by car (%1$@), so the exception for cars of up to 2.5 t does not apply.",
            transport.name)
    }

    static func exportOutsideEAEU(_ groups: [GoodsGroup]) -> SntRequirementReason {
        SntRequirementReason(
            "export-outside-eaeu", .rulesItem(14, 4),
            kk: "%1$@ тауарлары ЕАЭО-ға мүше емес мемлекетке әкетіледі.",
            ru: "Товары %1$@ вывозятся в государство, не входящее в ЕАЭС.",
            en: "Goods of %1$@ are exported to a state outside the EAEU.",
            GoodsGroup.linesPhrase(groups).capitalizedKazakh)
    }

    static func stateProperty(_ groups: [GoodsGroup]) -> SntRequirementReason {
        SntRequirementReason(
            "state-property", .rulesItem(14, 6),
            kk: "Мемлекет меншігіне айналдырылған мүлік (%1$@ тауарлары) Қазақстан Республикасының аумағында өткізіледі.",
            ru: "На территории Республики Казахстан реализуется имущество, обращённое в собственность государства (товары %1$@).",
            en: "Property turned into state ownership (goods of %1$@) is sold inside Kazakhstan.",
            GoodsGroup.linesPhrase(groups))
    }

    static let deliveryToIndividualID = "delivery-to-individual"

    static func deliveryToIndividual(_ assumptions: [RequirementAssumption]) -> SntRequirementReason {
        SntRequirementReason(
            deliveryToIndividualID, .rulesItem(14, 7), assumptions,
            kk: "Тауарлар ЕАЭО-ға мүше мемлекеттен әкелгенде немесе оған әкеткенде жеке тұлғаға автомобиль көлігімен жеткізіледі: ТІЖ-ді тасымалдаушы ресімдейді.",
            ru: "Товары при ввозе из государства — члена ЕАЭС или вывозе в него доставляются физическому лицу автомобильным транспортом: СНТ оформляет перевозчик.",
            en: "The goods go to an individual by road, into or out of an EAEU state: the carrier draws up the SNT.")
    }

    static let individualDeliveryByAnyTransport = SntRequirementReason(
        "individual-delivery-by-any-transport", .rulesItem(14, 7), [.individualDeliveryHasNoLightCarException],
        kk: "Тауарлар жеке тұлғаға жеткізіледі: автомобиль көлігімен ТІЖ-ді тасымалдаушы ресімдейді (14-тармақтың 7) тармақшасы), ал басқа көлікке 2,5 тоннаға дейінгі автомобильдерге арналған ерекшелік қолданылмайды.",
        ru: "Товары доставляются физическому лицу: при автомобильной перевозке СНТ оформляет перевозчик (подпункт 7) пункта 14), а на другой транспорт исключение для автомобилей до 2,5 тонны не распространяется.",
        en: "The goods go to an individual: by road the carrier draws up the SNT (item 14.7), and no other transport qualifies for the exception for cars of up to 2.5 t.")

    static func ownMovement(_ groups: [GoodsGroup], _ assumptions: [RequirementAssumption]) -> SntRequirementReason {
        SntRequirementReason(
            "own-movement", .rulesItem(14, 8), assumptions,
            kk: "%1$@ тауарлары бір тұлғаның ішінде немесе оның құрылымдық бөлімшелері арасында орнын ауыстырады.",
            ru: "Товары %1$@ перемещаются в рамках одного лица или между его структурными подразделениями.",
            en: "Goods of %1$@ are moved within one person or between its structural subdivisions.",
            GoodsGroup.linesPhrase(groups).capitalizedKazakh)
    }

    static func ownMovementException(_ groups: [GoodsGroup]) -> SntRequirementReason {
        SntRequirementReason(
            "own-movement-exception", .rulesItem(14, 8),
            groups.contains(.narcotics) ? [.ownMovementExceptionOverridesItem14_1] : [],
            kk: "%1$@ тауарларын бір тұлғаның ішінде Қазақстан Республикасының аумағында орнын ауыстыру ерекшелікке жатады.",
            ru: "Перемещение товаров %1$@ в рамках одного лица на территории Республики Казахстан — исключение.",
            en: "Moving goods of %1$@ within one person inside Kazakhstan is excepted.",
            GoodsGroup.linesPhrase(groups).capitalizedKazakh)
    }

    static func importFromOutsideEAEU(_ groups: [GoodsGroup]) -> SntRequirementReason {
        SntRequirementReason(
            "import-from-outside-eaeu", .rulesItem(14, 1), [.importFromOutsideEAEUUnderItem14_1],
            kk: "ЕАЭО-дан тыс жерден әкелінген %1$@ тауарлары кедендік ресімдеуден кейін Қазақстан Республикасының аумағында алушыға тиеп-жөнелтіледі.",
            ru: "Товары %1$@, ввезённые из-за пределов ЕАЭС, после таможенного оформления отгружаются получателю по территории Республики Казахстан.",
            en: "Goods of %1$@ imported from outside the EAEU are shipped to the recipient inside Kazakhstan after customs clearance.",
            GoodsGroup.linesPhrase(groups))
    }

    static let retail = SntRequirementReason(
        "retail", .rulesItem(15, 1),
        kk: "Бұл бөлшек сауда: 15-тармақ есеп айырысудың белгілі бір тәсілдерімен жүргізілетін бөлшек сатуды ТІЖ-ден босатады.",
        ru: "Это розничная торговля: пункт 15 освобождает от СНТ розничные продажи при определённых способах расчётов.",
        en: "This is retail trade: item 15 frees retail sales paid in certain ways from the SNT.")

    static let transit = SntRequirementReason(
        "transit", .appendix(4),
        kk: "Қазақстан Республикасы арқылы транзит: 4-қосымшада автомобиль көлігімен транзитке арналған ТІЖ-дің баспа нысаны бар, яғни кейбір транзитке ТІЖ қажет.",
        ru: "Транзит через Республику Казахстан: приложение 4 содержит печатную форму СНТ для транзита автомобильным транспортом, то есть для части транзита СНТ нужна.",
        en: "Transit through Kazakhstan: Appendix 4 gives a printed SNT form for transit by road, so some transit needs an SNT.")
}

private extension LocalizedText {
    /// The same text with the Kazakh sentence starting in capitals (our line phrases start in
    /// lower case, which reads right mid-sentence but not at the start of a Kazakh sentence).
    var capitalizedKazakh: LocalizedText {
        LocalizedText(kk: kazakh.prefix(1).uppercased() + kazakh.dropFirst(), ru: russian, en: english)
    }
}
