/// Facts that cannot all be true of one shipment. Any conflict makes the answer "cannot decide".
public struct RequirementConflict: Hashable, Sendable {
    /// Stable, for scripts and tests.
    public let id: String
    public let text: LocalizedText

    /// Line 8 goods are EAEU imports by definition, so they cannot go any other way.
    static func eaeuImportGoods(going direction: ShipmentDirection) -> RequirementConflict {
        RequirementConflict(
            id: "eaeu-import-goods-with-other-direction",
            kk: "Тізбенің 8-жолындағы тауарлар анықтамасы бойынша ЕАЭО-ға мүше мемлекеттен әкелінеді, ал бағыт басқа: %1$@.",
            ru: "Товары строки 8 перечня по определению ввозятся из государства — члена ЕАЭС, а указано другое направление: %1$@.",
            en: "Goods of line 8 are imported from an EAEU state by definition, but the direction given is: %1$@.",
            direction.name)
    }

    static func eaeuExportGoods(going direction: ShipmentDirection) -> RequirementConflict {
        RequirementConflict(
            id: "eaeu-export-goods-with-other-direction",
            kk: "Тізбенің 9-жолындағы тауарлар анықтамасы бойынша ЕАЭО-ға мүше мемлекетке әкетіледі, ал бағыт басқа: %1$@.",
            ru: "Товары строки 9 перечня по определению вывозятся в государство — член ЕАЭС, а указано другое направление: %1$@.",
            en: "Goods of line 9 are exported to an EAEU state by definition, but the direction given is: %1$@.",
            direction.name)
    }

    static let eaeuImportAndExport = RequirementConflict(
        id: "eaeu-import-and-export",
        kk: "Бір жөнелтілімдегі тауарлар бір мезгілде ЕАЭО-дан әкелінетін (8-жол) және ЕАЭО-ға әкетілетін (9-жол) бола алмайды.",
        ru: "Товары одной отгрузки не могут одновременно ввозиться из ЕАЭС (строка 8) и вывозиться в ЕАЭС (строка 9).",
        en: "Goods of one shipment cannot be both imported from the EAEU (line 8) and exported to it (line 9).")

    static func saleFlagWithout(_ flag: LocalizedText, operation: ShipmentOperation) -> RequirementConflict {
        RequirementConflict(
            id: "sale-flag-without-sale",
            kk: "%1$@ — бұл өткізу, ал операция басқа: %2$@.",
            ru: "%1$@ — это реализация, а указана другая операция: %2$@.",
            en: "%1$@ is a sale, but the operation given is: %2$@.",
            flag, operation.name)
    }

    static let retailFlag = LocalizedText(kk: "Бөлшек сауда", ru: "Розничная торговля", en: "Retail trade")
    static let statePropertyFlag = LocalizedText(
        kk: "Мемлекет меншігіне айналдырылған мүлікті өткізу", ru: "Реализация имущества, обращённого в собственность государства",
        en: "A sale of property turned into state ownership")

    static func nonPositiveMass(_ kilograms: Int) -> RequirementConflict {
        RequirementConflict(
            id: "non-positive-vehicle-mass",
            kk: "Көлік құралының рұқсат етілген ең жоғары массасы 0 кг-нан артық болуы тиіс, ал көрсетілгені: %1$@ кг.",
            ru: "Разрешённая максимальная масса транспортного средства должна быть больше 0 кг, а указано: %1$@ кг.",
            en: "A vehicle's permitted maximum mass must be more than 0 kg, but %1$@ kg was given.",
            LocalizedText(kk: "\(kilograms)", ru: "\(kilograms)", en: "\(kilograms)"))
    }

    private init(id: String, kk: String, ru: String, en: String, _ arguments: LocalizedText...) {
        self.id = id
        text = LocalizedText(kk: kk, ru: ru, en: en, filling: arguments)
    }
}
