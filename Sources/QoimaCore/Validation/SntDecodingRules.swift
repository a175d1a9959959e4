/// Rules for what goes wrong while reading an SntV1 body from XML: a value that does not decode,
/// or an element out of place. They apply only to SNTs read from files or IS ESF; an SNT typed
/// into Qoima cannot break them. Arguments: %1$@ the element's path in the body (e.g.
/// `productSet/products/product[2]/quantity`), %2$@ its line in the input, %3$@ the value found,
/// %4$@ what was expected or what Qoima will write instead.
public enum SntDecodingRules {
    public static let date = SntRule(
        "XML-DATE", fields: dateFields, source: "domain.md §3",
        kk: "%2$@-жол, %1$@: «%3$@» күн.ай.жыл (dd.MM.yyyy) пішіміндегі күн емес.",
        ru: "Строка %2$@, %1$@: «%3$@» не является датой в формате дд.ММ.гггг.",
        en: "Line %2$@, %1$@: “%3$@” is not a date in the form dd.MM.yyyy.")

    public static let decimal = SntRule(
        "XML-DECIMAL", fields: decimalFields, source: "domain.md §3",
        kk: "%2$@-жол, %1$@: «%3$@» сан емес (цифрлар, қажет болса нүкте мен бөлшек бөлігі).",
        ru: "Строка %2$@, %1$@: «%3$@» не является числом (цифры, при необходимости точка и дробная часть).",
        en: "Line %2$@, %1$@: “%3$@” is not a number (digits, optionally a point and a fraction).")

    public static let decimalForm = SntRule(
        "XML-DECIMAL-FORM", fields: decimalFields, severity: .warning, source: "domain.md §3",
        kk: "%2$@-жол, %1$@: «%3$@» ЭШФ АЖ күткендей жазылмаған (артық нөлсіз, бос орынсыз); Qoima оны %4$@ деп жібереді.",
        ru: "Строка %2$@, %1$@: «%3$@» записано не так, как ожидает ИС ЭСФ (без лишних нулей и пробелов); Qoima отправит %4$@.",
        en: "Line %2$@, %1$@: “%3$@” is not written the way IS ESF expects (no extra zeros or spaces); Qoima will send %4$@.")

    public static let enumeration = SntRule(
        "XML-ENUM", fields: enumFields, source: "domain.md §5",
        kk: "%2$@-жол, %1$@: «%3$@» рұқсат етілген мәндердің бірі емес: %4$@.",
        ru: "Строка %2$@, %1$@: «%3$@» не входит в допустимые значения: %4$@.",
        en: "Line %2$@, %1$@: “%3$@” is not one of the allowed values: %4$@.")

    public static let boolean = SntRule(
        "XML-BOOLEAN", fields: booleanFields, source: "domain.md §3",
        kk: "%2$@-жол, %1$@: «%3$@» орнына true немесе false болуы керек.",
        ru: "Строка %2$@, %1$@: вместо «%3$@» должно быть true или false.",
        en: "Line %2$@, %1$@: “%3$@” must be true or false.")

    public static let integer = SntRule(
        "XML-INTEGER", fields: integerFields, source: "domain.md §5",
        kk: "%2$@-жол, %1$@: «%3$@» бүтін сан емес.",
        ru: "Строка %2$@, %1$@: «%3$@» не является целым числом.",
        en: "Line %2$@, %1$@: “%3$@” is not a whole number.")

    public static let unknownElement = SntRule(
        "XML-UNKNOWN-ELEMENT", fields: [SntField.document], source: "domain.md §5",
        kk: "%2$@-жол: %1$@ элементі бұл жерде SntV1 құрамына кірмейді; ол оқылмады.",
        ru: "Строка %2$@: элемент %1$@ не предусмотрен здесь в SntV1; он не прочитан.",
        en: "Line %2$@: element %1$@ is not part of SntV1 here; it was not read.")

    public static let order = SntRule(
        "XML-ORDER", fields: [SntField.document], severity: .warning, source: "domain.md §5",
        kk: "%2$@-жол: %1$@ элементі %3$@ элементінен кейін тұр, ал SntV1 оны алдына қояды; ЭШФ АЖ мұндай ретті қабылдамайды. Qoima жібергенде дұрыс ретпен жазады.",
        ru: "Строка %2$@: элемент %1$@ стоит после %3$@, а SntV1 требует его раньше; ИС ЭСФ отклоняет такой порядок. Qoima при отправке запишет правильный порядок.",
        en: "Line %2$@: element %1$@ comes after %3$@, but SntV1 puts it first; IS ESF rejects this order. Qoima writes the right order when it sends.")

    public static let duplicate = SntRule(
        "XML-DUPLICATE", fields: [SntField.document], source: "domain.md §5",
        kk: "%2$@-жол: %1$@ элементі бірнеше рет кездеседі; тек біріншісі оқылды.",
        ru: "Строка %2$@: элемент %1$@ встречается больше одного раза; прочитан только первый.",
        en: "Line %2$@: element %1$@ appears more than once; only the first one was read.")

    public static let missing = SntRule(
        "XML-MISSING", fields: [SntField.sntType, SntField.isContract, SntField.importType, SntField.exportType],
        source: "domain.md §5",
        kk: "%2$@-жол: міндетті %1$@ элементі жоқ.",
        ru: "Строка %2$@: нет обязательного элемента %1$@.",
        en: "Line %2$@: the required element %1$@ is missing.")

    private static let dateFields: [SntField] = [
        .date, .datePaper, .shippingDate, .digitalMarkingNotificationDate, .contractDate,
        .releasePowerOfAttorneyDate, .sharingContracts,
    ]
    private static let decimalFields: [SntField] = [.currencyRate]
        + GoodsTable.allCases.flatMap { table in
            GoodsTotalField.allCases.map { SntField.total($0, in: table) }
                + [GoodsLineField.quantity, .price, .priceWithoutTax, .exciseAmount, .exciseRate, .ndsAmount,
                   .priceWithTax].map { SntField.line($0, in: table) }
        }
    private static let enumFields: [SntField] = [
        .sntType, .reasonPaper, .importType, .exportType, .transferType, SntField.seller.categories,
        SntField.customer.categories, .transportTypes,
    ]
    private static let booleanFields: [SntField] = [
        SntField.seller.nonResident, SntField.customer.nonResident, SntField.consignor.nonResident,
        SntField.consignee.nonResident, .carrierNonResident, .isContract,
    ]
    private static let integerFields: [SntField] = [SntField.seller.storeId, SntField.customer.storeId]
        + GoodsTable.allCases.flatMap { table in
            [GoodsLineField.productNumber, .truOriginCode, .ndsRate].map { SntField.line($0, in: table) }
        }

    public static let all: [SntRule] = [
        date, decimal, decimalForm, enumeration, boolean, integer, unknownElement, order, duplicate, missing,
    ]
}
