/// A line of the list of goods that need an SNT (Order 657, Appendix 1). The raw value is the
/// stable name used on the command line and in saved answers; `line` is the number in the list.
public enum GoodsGroup: String, CaseIterable, Sendable, Codable, Comparable {
    case biofuel
    case alcohol
    case oilProducts = "oil-products"
    case gasohol
    case lpg
    case narcotics
    case traceable
    /// Line 8: goods imported into Kazakhstan from other EAEU states.
    case eaeuImport = "eaeu-import"
    /// Line 9: goods exported from Kazakhstan to other EAEU states.
    case eaeuExport = "eaeu-export"

    /// The line number in Appendix 1 (1…9).
    public var line: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// Lines 1–7 say what the goods are; lines 8 and 9 say only where they go.
    public var isProductLine: Bool { line <= 7 }

    public static func < (lhs: GoodsGroup, rhs: GoodsGroup) -> Bool { lhs.line < rhs.line }

    public var name: LocalizedText {
        switch self {
        case .biofuel:
            LocalizedText(kk: "Биоотын", ru: "Биотопливо", en: "Biofuel")
        case .alcohol:
            LocalizedText(kk: "Этил спирті және алкоголь өнімі", ru: "Этиловый спирт и алкогольная продукция",
                          en: "Ethyl alcohol and alcoholic products")
        case .oilProducts:
            LocalizedText(kk: "Мұнай өнімдерінің жекелеген түрлері", ru: "Отдельные виды нефтепродуктов",
                          en: "Certain petroleum products")
        case .gasohol:
            LocalizedText(kk: "Газохол, бензанол, нефрас, жеңіл көмірсутектер қоспасы, экологиялық отын",
                          ru: "Газохол, бензанол, нефрас, смесь лёгких углеводородов, экологическое топливо",
                          en: "Gasohol, benzanol, nefras, light hydrocarbon mixtures, ecological fuel")
        case .lpg:
            LocalizedText(kk: "Сұйытылған мұнай газы", ru: "Сжиженный нефтяной газ", en: "Liquefied petroleum gas")
        case .narcotics:
            LocalizedText(kk: "Есірткі құралдары, психотроптық заттар, олардың сол тектестері мен прекурсорлары",
                          ru: "Наркотические средства, психотропные вещества, их аналоги и прекурсоры",
                          en: "Narcotic drugs, psychotropic substances, their analogues and precursors")
        case .traceable:
            LocalizedText(kk: "Қадағалануға жататын тауарлар", ru: "Товары, подлежащие прослеживаемости",
                          en: "Goods subject to traceability")
        case .eaeuImport:
            LocalizedText(kk: "ЕАЭО-ға мүше мемлекеттерден Қазақстан Республикасына әкелінетін тауарлар",
                          ru: "Товары, ввозимые в Республику Казахстан из государств — членов ЕАЭС",
                          en: "Goods imported into Kazakhstan from other EAEU states")
        case .eaeuExport:
            LocalizedText(kk: "Қазақстан Республикасынан ЕАЭО-ға мүше мемлекеттерге әкетілетін тауарлар",
                          ru: "Товары, вывозимые из Республики Казахстан в государства — члены ЕАЭС",
                          en: "Goods exported from Kazakhstan to other EAEU states")
        }
    }

    /// "of line 2" / "of lines 2, 3" in each language, for sentences about goods of some lines:
    /// Russian and Kazakh need the genitive there.
    public static func linesPhrase(_ groups: some Collection<GoodsGroup>) -> LocalizedText {
        let numbers = groups.sorted().map { String($0.line) }.joined(separator: ", ")
        return groups.count == 1
            ? LocalizedText(kk: "тізбенің \(numbers)-жолының", ru: "строки \(numbers) перечня", en: "line \(numbers) of the list")
            : LocalizedText(kk: "тізбенің \(numbers)-жолдарының", ru: "строк \(numbers) перечня", en: "lines \(numbers) of the list")
    }
}
