import Foundation

/// The short sign of a unit of measure for messages ("5 kg"), from its OKEI code; the code
/// itself for units without a common sign.
public enum UnitSymbol {
    public static func of(_ code: String?) -> LocalizedText {
        guard let code else { return LocalizedText(kk: "", ru: "", en: "") }
        switch code {
        case "796": return LocalizedText(kk: "дана", ru: "шт.", en: "pcs")
        case "166": return LocalizedText(kk: "кг", ru: "кг", en: "kg")
        case "163": return LocalizedText(kk: "г", ru: "г", en: "g")
        case "168": return LocalizedText(kk: "т", ru: "т", en: "t")
        case "112": return LocalizedText(kk: "л", ru: "л", en: "l")
        case "111": return LocalizedText(kk: "см³", ru: "см³", en: "cm³")
        case "113": return LocalizedText(kk: "м³", ru: "м³", en: "m³")
        case "006": return LocalizedText(kk: "м", ru: "м", en: "m")
        case "055": return LocalizedText(kk: "м²", ru: "м²", en: "m²")
        case "715": return LocalizedText(kk: "жұп", ru: "пар", en: "pairs")
        case "778": return LocalizedText(kk: "қапт.", ru: "упак.", en: "pkg")
        case "839": return LocalizedText(kk: "жиынт.", ru: "компл.", en: "sets")
        case "868": return LocalizedText(kk: "бөтел.", ru: "бут.", en: "bottles")
        case "812": return LocalizedText(kk: "жәшік", ru: "ящ.", en: "boxes")
        default:
            let name = MeasureUnit.known[code]?.name
            return name ?? LocalizedText(kk: "(\(code))", ru: "(\(code))", en: "(\(code))")
        }
    }

    /// "5 kg": a quantity with its unit, in each language.
    public static func quantity(_ amount: Decimal, _ code: String?) -> LocalizedText {
        let number = DecimalText.format(amount)
        let sign = of(code)
        func join(_ unit: String) -> String { unit.isEmpty ? number : number + " " + unit }
        return LocalizedText(kk: join(sign.kazakh), ru: join(sign.russian), en: join(sign.english))
    }
}
