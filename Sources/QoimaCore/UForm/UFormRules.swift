/// The rules universal forms are checked against (domain.md §10). Decoding rules take %1$@ the
/// element's path and %2$@ its line, then the value found and what was expected.
public enum UFormRules {
    // MARK: Reading XML

    public static let date = UFormRule(
        "UF-XML-DATE",
        kk: "%2$@-жол, %1$@: «%3$@» күн.ай.жыл (dd.MM.yyyy) пішіміндегі күн емес.",
        ru: "Строка %2$@, %1$@: «%3$@» не является датой в формате дд.ММ.гггг.",
        en: "Line %2$@, %1$@: “%3$@” is not a date in the form dd.MM.yyyy.")
    public static let decimal = UFormRule(
        "UF-XML-DECIMAL",
        kk: "%2$@-жол, %1$@: «%3$@» сан емес.",
        ru: "Строка %2$@, %1$@: «%3$@» не является числом.",
        en: "Line %2$@, %1$@: “%3$@” is not a number.")
    public static let integer = UFormRule(
        "UF-XML-INTEGER",
        kk: "%2$@-жол, %1$@: «%3$@» бүтін сан емес.",
        ru: "Строка %2$@, %1$@: «%3$@» не является целым числом.",
        en: "Line %2$@, %1$@: “%3$@” is not a whole number.")
    public static let boolean = UFormRule(
        "UF-XML-BOOLEAN",
        kk: "%2$@-жол, %1$@: «%3$@» орнына true немесе false болуы керек.",
        ru: "Строка %2$@, %1$@: вместо «%3$@» должно быть true или false.",
        en: "Line %2$@, %1$@: “%3$@” must be true or false.")
    public static let enumeration = UFormRule(
        "UF-XML-ENUM",
        kk: "%2$@-жол, %1$@: «%3$@» рұқсат етілген мәндердің бірі емес: %4$@.",
        ru: "Строка %2$@, %1$@: «%3$@» не входит в допустимые значения: %4$@.",
        en: "Line %2$@, %1$@: “%3$@” is not one of the allowed values: %4$@.")
    public static let unknownElement = UFormRule(
        "UF-XML-UNKNOWN-ELEMENT",
        kk: "%2$@-жол: %1$@ элементі бұл жерде UFormV1 құрамына кірмейді.",
        ru: "Строка %2$@: элемент %1$@ не предусмотрен здесь в UFormV1.",
        en: "Line %2$@: element %1$@ is not part of UFormV1 here.")
    public static let duplicate = UFormRule(
        "UF-XML-DUPLICATE",
        kk: "%2$@-жол: %1$@ элементі бірнеше рет кездеседі; тек біріншісі оқылды.",
        ru: "Строка %2$@: элемент %1$@ встречается больше одного раза; прочитан только первый.",
        en: "Line %2$@: element %1$@ appears more than once; only the first one was read.")
    public static let order = UFormRule(
        "UF-XML-ORDER", severity: .warning,
        kk: "%2$@-жол: %1$@ элементі %3$@ элементінен кейін тұр, ал UFormV1 оны алдына қояды.",
        ru: "Строка %2$@: элемент %1$@ стоит после %3$@, а UFormV1 требует его раньше.",
        en: "Line %2$@: element %1$@ comes after %3$@, but UFormV1 puts it first.")

    // MARK: Content

    public static let numberRequired = UFormRule(
        "UF-NUMBER-REQUIRED",
        kk: "Форманың нөмірін енгізіңіз.", ru: "Укажите номер формы.", en: "Enter the form's number.")
    public static let numberLength = UFormRule(
        "UF-NUMBER-LENGTH",
        kk: "Форманың нөмірі %1$@ таңбадан аспауы керек; онда %2$@.",
        ru: "Номер формы не длиннее %1$@ символов; в нём %2$@.",
        en: "The form's number may be at most %1$@ characters long; it has %2$@.")
    public static let dateRequired = UFormRule(
        "UF-DATE-REQUIRED",
        kk: "Форманың күнін енгізіңіз.", ru: "Укажите дату формы.", en: "Enter the form's date.")
    public static let typeRequired = UFormRule(
        "UF-TYPE-REQUIRED",
        kk: "Форманың түрін таңдаңыз.", ru: "Выберите тип формы.", en: "Choose the form's type.")
    public static let systemType = UFormRule(
        "UF-SYSTEM-TYPE",
        kk: "%1$@ түріндегі форманы ЭШФ АЖ өзі жасайды; оны жүктеуге болмайды.",
        ru: "Формы типа %1$@ формирует сама ИС ЭСФ; загрузить такую форму нельзя.",
        en: "IS ESF makes %1$@ forms itself; they cannot be uploaded.")
    public static let commentRequired = UFormRule(
        "UF-COMMENT-REQUIRED",
        kk: "Түсініктеме міндетті (бос орын да жарайды).",
        ru: "Комментарий обязателен (допускается пробел).",
        en: "The comment is required (a single space will do).")
    public static let senderRequired = UFormRule(
        "UF-SENDER-REQUIRED",
        kk: "Жөнелтушіні (sender) толтырыңыз.", ru: "Заполните отправителя (sender).", en: "Fill in the sender.")
    public static let storeRequired = UFormRule(
        "UF-STORE-REQUIRED",
        kk: "Қойманың идентификаторын (storeId) енгізіңіз.",
        ru: "Укажите идентификатор склада (storeId).",
        en: "Enter the warehouse id (storeId).")
    public static let recipientRequired = UFormRule(
        "UF-RECIPIENT-REQUIRED",
        kk: "Ішкі орын ауыстыруға алушы қойма (recipient) керек.",
        ru: "Для внутреннего перемещения нужен склад-получатель (recipient).",
        en: "A movement needs the receiving warehouse (recipient).")
    public static let sameStore = UFormRule(
        "UF-SAME-STORE",
        kk: "Тауар сол қоймаға ауыстырылмайды: жөнелтуші мен алушы қоймалары әртүрлі болуы керек.",
        ru: "Перемещение в тот же склад невозможно: склады отправителя и получателя должны различаться.",
        en: "Goods cannot move to the same warehouse: the sender's and recipient's warehouses must differ.")
    public static let tinInvalid = UFormRule(
        "UF-TIN-INVALID",
        kk: "«%1$@» ЖСН/БСН емес.", ru: "«%1$@» не является ИИН/БИН.", en: "“%1$@” is not an IIN/BIN.")
    public static let productsRequired = UFormRule(
        "UF-PRODUCTS-REQUIRED",
        kk: "Кемінде бір тауар жолын қосыңыз.", ru: "Добавьте хотя бы одну строку товара.",
        en: "Add at least one goods line.")
    public static let sourcesRequired = UFormRule(
        "UF-SOURCES-REQUIRED",
        kk: "%1$@ формасына шикізат жолдары (sourceProducts) керек.",
        ru: "Для формы %1$@ нужны строки исходных товаров (sourceProducts).",
        en: "A %1$@ form needs source lines (sourceProducts).")
    public static let gsvsRequired = UFormRule(
        "UF-GSVS-REQUIRED",
        kk: "ГСВС кодын енгізіңіз.", ru: "Укажите код ГСВС.", en: "Enter the GSVS code.")
    public static let gsvsFormat = UFormRule(
        "UF-GSVS-FORMAT",
        kk: "«%1$@» ГСВС коды емес; күтілгені %2$@.",
        ru: "«%1$@» не является кодом ГСВС; ожидается %2$@.",
        en: "“%1$@” is not a GSVS code; expected %2$@.")
    public static let tnvedRequired = UFormRule(
        "UF-TNVED-REQUIRED",
        kk: "ТН СЭҚ кодын енгізіңіз.", ru: "Укажите код ТН ВЭД.", en: "Enter the TN VED code.")
    public static let tnvedFormat = UFormRule(
        "UF-TNVED-FORMAT",
        kk: "«%1$@» ТН СЭҚ коды емес: онда 10 цифр болады.",
        ru: "«%1$@» не является кодом ТН ВЭД: в нём 10 цифр.",
        en: "“%1$@” is not a TN VED code: it has 10 digits.")
    public static let unitRequired = UFormRule(
        "UF-UNIT-REQUIRED",
        kk: "Өлшем бірлігін енгізіңіз.", ru: "Укажите единицу измерения.", en: "Enter the unit of measure.")
    public static let nameRequired = UFormRule(
        "UF-NAME-REQUIRED",
        kk: "Тауардың атауын енгізіңіз.", ru: "Укажите наименование товара.", en: "Enter the product name.")
    public static let quantityPositive = UFormRule(
        "UF-QUANTITY-POSITIVE",
        kk: "Саны нөлден үлкен болуы керек.", ru: "Количество должно быть больше нуля.",
        en: "The quantity must be greater than zero.")
    public static let pricePositive = UFormRule(
        "UF-PRICE-POSITIVE",
        kk: "Бағасы нөлден үлкен болуы керек, %1$@ емес.",
        ru: "Цена должна быть больше нуля, а не %1$@.",
        en: "The price must be greater than zero, not %1$@.")
    public static let productIdPositive = UFormRule(
        "UF-PRODUCT-ID-POSITIVE",
        kk: "Партияның идентификаторы (productId) оң сан болуы керек, %1$@ емес.",
        ru: "Идентификатор партии (productId) должен быть положительным, а не %1$@.",
        en: "The batch id (productId) must be positive, not %1$@.")
    public static let productIdRequired = UFormRule(
        "UF-PRODUCT-ID-REQUIRED",
        kk: "%1$@ формасында әр жол қоймадағы партияны (productId) көрсетеді.",
        ru: "В форме %1$@ каждая строка указывает партию на складе (productId).",
        en: "In a %1$@ form every line names a batch in stock (productId).")
    public static let totalSumPositive = UFormRule(
        "UF-TOTAL-SUM-POSITIVE",
        kk: "Жалпы сома (totalSum) нөлден үлкен болуы керек.",
        ru: "Общая сумма (totalSum) должна быть больше нуля.",
        en: "The total (totalSum) must be greater than zero.")
    public static let writeOffReasonRequired = UFormRule(
        "UF-WRITE-OFF-REASON-REQUIRED",
        kk: "Есептен шығару себебін (writeOffReason) таңдаңыз.",
        ru: "Выберите причину списания (writeOffReason).",
        en: "Choose the reason for the write-off (writeOffReason).")
    public static let detailingTypeRequired = UFormRule(
        "UF-DETAILING-TYPE-REQUIRED",
        kk: "Детализация түрін (detailingType) таңдаңыз.",
        ru: "Выберите вид детализации (detailingType).",
        en: "Choose the kind of detailing (detailingType).")
    public static let reorganizationRequired = UFormRule(
        "UF-REORGANIZATION-REQUIRED",
        kk: "Қайта ұйымдастыру түрін (reorganizationType) және бұйрық нөмірін (orderNumber) енгізіңіз.",
        ru: "Укажите вид реорганизации (reorganizationType) и номер приказа (orderNumber).",
        en: "Enter the kind of reorganisation (reorganizationType) and the order number (orderNumber).")

    /// Every rule, for listings.
    public static let all: [UFormRule] = formatRules + kindRules + previewRules

    /// The rules of IS ESF's format (`UFormValidator.problems(in:)`) and of reading XML.
    public static let formatRules: [UFormRule] = [
        date, decimal, integer, boolean, enumeration, unknownElement, duplicate, order,
        numberRequired, numberLength, dateRequired, typeRequired, systemType, commentRequired, senderRequired,
        storeRequired, recipientRequired, sameStore, tinInvalid, productsRequired, sourcesRequired, gsvsRequired,
        gsvsFormat, tnvedRequired, tnvedFormat, unitRequired, nameRequired, quantityPositive, pricePositive,
        productIdPositive, productIdRequired, totalSumPositive, writeOffReasonRequired, detailingTypeRequired,
        reorganizationRequired,
    ]
}

extension UFormRules {
    private static let byId = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this id, for problems read back from storage.
    public static func rule(id: String) -> UFormRule? { byId[id] }
}
