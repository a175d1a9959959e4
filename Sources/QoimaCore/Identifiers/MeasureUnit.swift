/// A unit of measure Qoima knows offline. IS ESF's dictionary (§9.3) is the authority and
/// arrives with sync; this built-in table covers the common OKEI codes (assumed, U9).
public struct MeasureUnit: Hashable, Sendable {
    public let code: String
    public let name: LocalizedText

    public static let known: [String: MeasureUnit] = Dictionary(uniqueKeysWithValues: [
        MeasureUnit(code: "796", name: LocalizedText(kk: "дана", ru: "штука", en: "piece")),
        MeasureUnit(code: "166", name: LocalizedText(kk: "килограмм", ru: "килограмм", en: "kilogram")),
        MeasureUnit(code: "163", name: LocalizedText(kk: "грамм", ru: "грамм", en: "gram")),
        MeasureUnit(code: "168", name: LocalizedText(kk: "тонна", ru: "тонна", en: "tonne")),
        MeasureUnit(code: "112", name: LocalizedText(kk: "литр", ru: "литр", en: "litre")),
        MeasureUnit(code: "111", name: LocalizedText(kk: "текше сантиметр", ru: "кубический сантиметр", en: "cubic centimetre")),
        MeasureUnit(code: "113", name: LocalizedText(kk: "текше метр", ru: "кубический метр", en: "cubic metre")),
        MeasureUnit(code: "006", name: LocalizedText(kk: "метр", ru: "метр", en: "metre")),
        MeasureUnit(code: "055", name: LocalizedText(kk: "шаршы метр", ru: "квадратный метр", en: "square metre")),
        MeasureUnit(code: "715", name: LocalizedText(kk: "жұп", ru: "пара", en: "pair")),
        MeasureUnit(code: "778", name: LocalizedText(kk: "қаптама", ru: "упаковка", en: "package")),
        MeasureUnit(code: "839", name: LocalizedText(kk: "жиынтық", ru: "комплект", en: "set")),
        MeasureUnit(code: "868", name: LocalizedText(kk: "бөтелке", ru: "бутылка", en: "bottle")),
        MeasureUnit(code: "616", name: LocalizedText(kk: "бобина", ru: "бобина", en: "reel")),
        MeasureUnit(code: "356", name: LocalizedText(kk: "сағат", ru: "час", en: "hour")),
        MeasureUnit(code: "625", name: LocalizedText(kk: "парақ", ru: "лист", en: "sheet")),
        MeasureUnit(code: "736", name: LocalizedText(kk: "орам", ru: "рулон", en: "roll")),
        MeasureUnit(code: "812", name: LocalizedText(kk: "жәшік", ru: "ящик", en: "box")),
    ].map { ($0.code, $0) })
}
