/// Section G: rates, line arithmetic and set totals (domain.md §5.3). Every computed amount is
/// rounded to the tiyn by `GoodsLineArithmetic` and compared exactly.
public enum SntArithmeticRules {
    static let columns = SntGoodsRules.columns

    static func totals(_ total: GoodsTotalField) -> [SntField] {
        GoodsTable.allCases.map { SntField.total(total, in: $0) }
    }

    /// Arguments: the rate.
    public static let exciseRateNegative = SntRule(
        "LINE-EXCISE-RATE-NEGATIVE", fields: columns(.exciseRate), source: "domain.md §5.3",
        kk: "Акциз мөлшерлемесі теріс болмайды: %1$@.",
        ru: "Ставка акциза не может быть отрицательной: %1$@.",
        en: "The excise rate cannot be negative: %1$@.")

    public static let exciseRateRequired = SntRule(
        "LINE-EXCISE-RATE-REQUIRED", fields: columns(.exciseRate), source: "domain.md §5.3",
        kk: "Акциз сомасы бар, бірақ акциз мөлшерлемесі көрсетілмеген.",
        ru: "Указана сумма акциза, но не указана ставка акциза.",
        en: "An excise amount is given but no excise rate.")

    public static let vatRateRequired = SntRule(
        "LINE-VAT-RATE-REQUIRED", fields: columns(.ndsRate), source: "domain.md §5.3",
        kk: "ҚҚС сомасы бар, бірақ ҚҚС мөлшерлемесі көрсетілмеген.",
        ru: "Указана сумма НДС, но не указана ставка НДС.",
        en: "A VAT amount is given but no VAT rate.")

    /// Arguments: the rate, the rates allowed.
    public static let vatRateAllowed = SntRule(
        "LINE-VAT-RATE-ALLOWED", fields: columns(.ndsRate), source: "Tax Code 2025 art. 503; the set is assumed",
        kk: "%1$@ пайыз — Салық кодексіндегі ҚҚС мөлшерлемесі емес; мүмкін мөлшерлемелер: %2$@.",
        ru: "%1$@ % — не ставка НДС по Налоговому кодексу; возможные ставки: %2$@.",
        en: "%1$@ % is not a VAT rate of the Tax Code; the rates are %2$@.")

    /// Arguments: the rate, the turnover date, the rates then in force.
    public static let vatRateForDate = SntRule(
        "LINE-VAT-RATE-FOR-DATE", fields: columns(.ndsRate), severity: .warning,
        source: "Tax Code 2025 art. 503 (16 % from 1 Jan 2026); assumed",
        kk: "%1$@ пайыздық ҚҚС мөлшерлемесі %2$@ күні қолданылмайды; ол кезде: %3$@.",
        ru: "Ставка НДС %1$@ % не действует на %2$@; в это время действуют: %3$@.",
        en: "The %1$@ % VAT rate does not apply on %2$@; the rates then are %3$@.")

    /// Arguments: the expected value, the value found.
    public static let valueWithoutTax = SntRule(
        "LINE-VALUE-WITHOUT-TAX", fields: columns(.priceWithoutTax), source: "domain.md §3, §5.3",
        kk: "Жанама салықтарсыз құны %1$@ болуы керек (саны × бағасы, тиынға дейін дөңгелектенген), ал көрсетілгені %2$@.",
        ru: "Стоимость без косвенных налогов должна быть %1$@ (количество × цена с округлением до тиына), а указано %2$@.",
        en: "The value without indirect taxes should be %1$@ (quantity × price, to the tiyn); it is %2$@.")

    /// Arguments: the expected amount, the amount found.
    public static let exciseAmount = SntRule(
        "LINE-EXCISE-AMOUNT", fields: columns(.exciseAmount), source: "domain.md §3, §5.3",
        kk: "Акциз сомасы %1$@ болуы керек (акциз мөлшерлемесі × саны), ал көрсетілгені %2$@.",
        ru: "Сумма акциза должна быть %1$@ (ставка акциза × количество), а указано %2$@.",
        en: "The excise amount should be %1$@ (excise rate × quantity); it is %2$@.")

    /// Arguments: the expected amount, the rate, the amount found.
    public static let vatAmount = SntRule(
        "LINE-VAT-AMOUNT", fields: columns(.ndsAmount), source: "domain.md §3, §5.3",
        kk: "ҚҚС сомасы %1$@ болуы керек (жанама салықтарсыз құн мен акциздің %2$@ пайызы), ал көрсетілгені %3$@.",
        ru: "Сумма НДС должна быть %1$@ (%2$@ % от стоимости без косвенных налогов и акциза), а указано %3$@.",
        en: "The VAT amount should be %1$@ (%2$@ % of the value without taxes plus excise); it is %3$@.")

    /// Arguments: the expected value, the value found.
    public static let valueWithTax = SntRule(
        "LINE-VALUE-WITH-TAX", fields: columns(.priceWithTax), source: "domain.md §3, §5.3",
        kk: "Жанама салықтарды ескергендегі құны %1$@ болуы керек (салықтарсыз құн + акциз + ҚҚС), ал көрсетілгені %2$@.",
        ru: "Стоимость с учётом косвенных налогов должна быть %1$@ (стоимость без налогов + акциз + НДС), а указано %2$@.",
        en: "The value with taxes should be %1$@ (value without taxes + excise + VAT); it is %2$@.")

    /// Arguments: the sum of the lines, the total found.
    public static let totalValueWithoutTax = SntRule(
        "TOTAL-VALUE-WITHOUT-TAX", fields: totals(.totalPriceWithoutTax), source: "domain.md §3, §5.3",
        kk: "Жанама салықтарсыз құнның жиыны %1$@ болуы керек (жолдардың қосындысы), ал көрсетілгені %2$@.",
        ru: "Итог стоимости без косвенных налогов должен быть %1$@ (сумма по строкам), а указано %2$@.",
        en: "The total value without taxes should be %1$@, the sum of the lines; it is %2$@.")

    /// Arguments: the sum of the lines, the total found.
    public static let totalExciseAmount = SntRule(
        "TOTAL-EXCISE-AMOUNT", fields: totals(.totalExciseAmount), source: "domain.md §3, §5.3",
        kk: "Акциз сомасының жиыны %1$@ болуы керек (жолдардың қосындысы), ал көрсетілгені %2$@.",
        ru: "Итог суммы акциза должен быть %1$@ (сумма по строкам), а указано %2$@.",
        en: "The total excise should be %1$@, the sum of the lines; it is %2$@.")

    /// Arguments: the sum of the lines, the total found.
    public static let totalVatAmount = SntRule(
        "TOTAL-VAT-AMOUNT", fields: totals(.totalNdsAmount), source: "domain.md §3, §5.3",
        kk: "ҚҚС сомасының жиыны %1$@ болуы керек (жолдардың қосындысы), ал көрсетілгені %2$@.",
        ru: "Итог суммы НДС должен быть %1$@ (сумма по строкам), а указано %2$@.",
        en: "The total VAT should be %1$@, the sum of the lines; it is %2$@.")

    /// Arguments: the sum of the lines, the total found.
    public static let totalValueWithTax = SntRule(
        "TOTAL-VALUE-WITH-TAX", fields: totals(.totalPriceWithTax), source: "domain.md §3, §5.3",
        kk: "Жанама салықтарды ескергендегі құнның жиыны %1$@ болуы керек (жолдардың қосындысы), ал көрсетілгені %2$@.",
        ru: "Итог стоимости с учётом косвенных налогов должен быть %1$@ (сумма по строкам), а указано %2$@.",
        en: "The total value with taxes should be %1$@, the sum of the lines; it is %2$@.")

    public static let all: [SntRule] = [
        exciseRateNegative, exciseRateRequired, vatRateRequired, vatRateAllowed, vatRateForDate, valueWithoutTax,
        exciseAmount, vatAmount, valueWithTax, totalValueWithoutTax, totalExciseAmount, totalVatAmount,
        totalValueWithTax,
    ]
}
