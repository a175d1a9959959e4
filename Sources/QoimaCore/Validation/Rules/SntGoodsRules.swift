/// Section G: the goods tables, their lines' required columns and identifiers, and the oil set.
/// The line arithmetic is in `SntArithmeticRules`.
public enum SntGoodsRules {
    /// A column in both goods tables.
    static func columns(_ column: GoodsLineField) -> [SntField] {
        GoodsTable.allCases.map { SntField.line(column, in: $0) }
    }

    public static let goodsRequired = SntRule(
        "GOODS-REQUIRED", fields: [.goods, .oil], source: "domain.md §5.3",
        kk: "ТІЖ-ге кемінде бір тауар жолын қосыңыз.",
        ru: "Добавьте в СНТ хотя бы одну строку товара.",
        en: "Add at least one goods line.")

    public static let tableEmpty = SntRule(
        "GOODS-TABLE-EMPTY", fields: [.goods, .oil], source: "domain.md §5.3",
        kk: "Кестеде бірде-бір жол жоқ: жол қосыңыз немесе кестені алып тастаңыз.",
        ru: "В таблице нет ни одной строки: добавьте строку или уберите таблицу.",
        en: "The table has no lines: add one or remove the table.")

    public static let lineNumberRequired = SntRule(
        "LINE-NUMBER-REQUIRED", fields: columns(.productNumber), source: "domain.md §5.3",
        kk: "Жолдың реттік нөмірін көрсетіңіз.",
        ru: "Укажите порядковый номер строки.",
        en: "Enter the line number.")

    /// Arguments: the number.
    public static let lineNumberDuplicate = SntRule(
        "LINE-NUMBER-DUPLICATE", fields: columns(.productNumber), source: "domain.md §5.3",
        kk: "%1$@ нөмірі осы кестеде бұрын да кездесті: жол нөмірлері қайталанбайды.",
        ru: "Номер %1$@ уже встречался в этой таблице: номера строк не повторяются.",
        en: "Number %1$@ is already used in this table; line numbers do not repeat.")

    /// Arguments: the number of lines, the number found.
    public static let lineNumberSequence = SntRule(
        "LINE-NUMBER-SEQUENCE", fields: columns(.productNumber), source: "domain.md §5.3",
        kk: "Жолдар 1-ден бастап үзіліссіз нөмірленеді; кестеде %1$@ жол бар, сондықтан %2$@ нөмірі болмайды.",
        ru: "Строки нумеруются подряд с 1 до числа строк (%1$@), номер %2$@ выходит за этот ряд.",
        en: "Lines are numbered 1 to %1$@ without gaps; %2$@ is outside that range.")

    public static let originRequired = SntRule(
        "LINE-ORIGIN-REQUIRED", fields: columns(.truOriginCode), source: "domain.md §5.3",
        kk: "Тауардың шығу тегінің белгісін (1-ден 6-ға дейінгі код) көрсетіңіз.",
        ru: "Укажите признак происхождения товара (код от 1 до 6).",
        en: "Enter the origin sign (a code from 1 to 6).")

    /// Arguments: the code.
    public static let originRange = SntRule(
        "LINE-ORIGIN-RANGE", fields: columns(.truOriginCode), source: "domain.md §5.3, §14",
        kk: "Шығу тегінің белгісі — 1-ден 6-ға дейінгі код, %1$@ емес.",
        ru: "Признак происхождения — код от 1 до 6, а не %1$@.",
        en: "The origin sign is a code from 1 to 6, not %1$@.")

    public static let nameRequired = SntRule(
        "LINE-NAME-REQUIRED", fields: columns(.productName), source: "domain.md §5.3",
        kk: "Тауардың атауын көрсетіңіз.",
        ru: "Укажите наименование товара.",
        en: "Enter the product name.")

    public static let tnvedRequired = SntRule(
        "LINE-TNVED-REQUIRED", fields: columns(.tnvedCode), source: "domain.md §5.3",
        kk: "ЕАЭО СЭҚ ТН кодын көрсетіңіз: ол әр жолда міндетті.",
        ru: "Укажите код ТН ВЭД ЕАЭС: он обязателен в каждой строке.",
        en: "Enter the TN VED code; every line needs one.")

    /// Arguments: the text.
    public static let tnvedFormat = SntRule(
        "TNVED-FORMAT", fields: columns(.tnvedCode), source: "domain.md §1, §5.3",
        kk: "«%1$@» ЕАЭО СЭҚ ТН коды емес: ол 10 цифрдан тұрады.",
        ru: "«%1$@» — не код ТН ВЭД ЕАЭС: он состоит из 10 цифр.",
        en: "“%1$@” is not a TN VED code: it has 10 digits.")

    public static let unitRequired = SntRule(
        "LINE-UNIT-REQUIRED", fields: columns(.measureUnitCode), source: "domain.md §5.3",
        kk: "Өлшем бірлігін көрсетіңіз.",
        ru: "Укажите единицу измерения.",
        en: "Enter the unit of measure.")

    /// Arguments: the text.
    public static let unitCodeFormat = SntRule(
        "UNIT-CODE-FORMAT", fields: columns(.measureUnitCode), source: "domain.md §9.3",
        kk: "«%1$@» өлшем бірлігінің коды емес: ол ең көбі 10 цифрдан тұрады.",
        ru: "«%1$@» — не код единицы измерения: это не более 10 цифр.",
        en: "“%1$@” is not a unit code: at most 10 digits.")

    /// Arguments: the code.
    public static let unitCodeUnknown = SntRule(
        "UNIT-CODE-UNKNOWN", fields: columns(.measureUnitCode), severity: .warning, source: "domain.md §9.3",
        kk: "%1$@ өлшем бірлігі коды Qoima-дағы анықтамалықта жоқ: кодты тексеріңіз немесе анықтамалықтарды жаңартыңыз.",
        ru: "Кода единицы измерения %1$@ нет в справочнике Qoima: проверьте код или обновите справочники.",
        en: "Unit code %1$@ is not in Qoima's dictionary; check the code or update the dictionaries.")

    public static let quantityRequired = SntRule(
        "LINE-QUANTITY-REQUIRED", fields: columns(.quantity), source: "domain.md §5.3",
        kk: "Тауардың санын көрсетіңіз.",
        ru: "Укажите количество.",
        en: "Enter the quantity.")

    /// Arguments: the quantity.
    public static let quantityPositive = SntRule(
        "LINE-QUANTITY-POSITIVE", fields: columns(.quantity), source: "domain.md §10 (quantity > 0)",
        kk: "Саны нөлден үлкен болуы керек, %1$@ емес.",
        ru: "Количество должно быть больше нуля, а не %1$@.",
        en: "The quantity must be greater than zero, not %1$@.")

    public static let priceRequired = SntRule(
        "LINE-PRICE-REQUIRED", fields: columns(.price), source: "domain.md §5.3",
        kk: "Бірлік бағасын көрсетіңіз.",
        ru: "Укажите цену за единицу.",
        en: "Enter the unit price.")

    /// Arguments: the price.
    public static let priceNegative = SntRule(
        "LINE-PRICE-NEGATIVE", fields: columns(.price), source: "domain.md §9.2 (unit price ≥ 0)",
        kk: "Баға теріс болмайды: %1$@.",
        ru: "Цена не может быть отрицательной: %1$@.",
        en: "The price cannot be negative: %1$@.")

    public static let productIdExpected = SntRule(
        "LINE-PRODUCT-ID-EXPECTED", fields: columns(.productId), severity: .warning,
        source: "assumed; Order 657 item 7; domain.md §5.3",
        kk: "Ішкі ТІЖ-дегі тауар виртуалды қоймадағы партияға сілтеуі керек: тауар идентификаторын таңдаңыз.",
        ru: "Товар во внутренней СНТ должен ссылаться на партию виртуального склада: выберите идентификатор товара.",
        en: "On a domestic SNT a line points at a virtual-warehouse batch: choose the product id.")

    /// Arguments: the text, the expected shape.
    public static let productIdFormat = SntRule(
        "PRODUCT-ID-FORMAT", fields: columns(.productId), source: "domain.md §3",
        kk: "«%1$@» виртуалды қойманың тауар идентификаторы емес; күтілетін пішін: %2$@.",
        ru: "«%1$@» — не идентификатор товара виртуального склада; ожидается вид %2$@.",
        en: "“%1$@” is not a virtual-warehouse product id; expected %2$@.")

    /// Arguments: the code in the product id, the line's code.
    public static let productIdTnved = SntRule(
        "PRODUCT-ID-TNVED", fields: columns(.productId), source: "domain.md §3, §9.2",
        kk: "Тауар идентификаторындағы СЭҚ ТН коды — %1$@, ал жолда — %2$@.",
        ru: "В идентификаторе товара код ТН ВЭД %1$@, а в строке — %2$@.",
        en: "The product id has TN VED %1$@, but the line has %2$@.")

    /// Arguments: the GTIN in the product id, the line's GTIN.
    public static let productIdGtin = SntRule(
        "PRODUCT-ID-GTIN", fields: [SntField.line(.productId, in: .g1)], source: "domain.md §3, §9.2",
        kk: "Тауар идентификаторындағы GTIN — %1$@, ал жолда — %2$@.",
        ru: "В идентификаторе товара GTIN %1$@, а в строке — %2$@.",
        en: "The product id has GTIN %1$@, but the line has %2$@.")

    /// Arguments: the text.
    public static let gtinFormat = SntRule(
        "GTIN-FORMAT", fields: [SntField.line(.gtinCode, in: .g1)], source: "domain.md §1 (GS1)",
        kk: "«%1$@» GTIN емес: ол 8, 12, 13 немесе 14 цифрдан тұрады.",
        ru: "«%1$@» — не GTIN: он состоит из 8, 12, 13 или 14 цифр.",
        en: "“%1$@” is not a GTIN: it has 8, 12, 13 or 14 digits.")

    /// Arguments: the GTIN.
    public static let gtinChecksum = SntRule(
        "GTIN-CHECKSUM", fields: [SntField.line(.gtinCode, in: .g1)], source: "domain.md §1 (GS1 check digit)",
        kk: "%1$@ GTIN бақылау цифрын тексеруден өтпеді — штрихкодты қайта оқыңыз немесе тексеріңіз.",
        ru: "GTIN %1$@ не проходит проверку контрольной цифры — перечитайте или проверьте штрихкод.",
        en: "GTIN %1$@ fails its check digit; scan or check the barcode again.")

    /// Arguments: the text, the number of digits.
    public static let ntinFormat = SntRule(
        "NTIN-FORMAT", fields: columns(.ntin), source: "assumed (13 digits, U22); domain.md §13",
        kk: "«%1$@» ҰТК коды (NTIN) емес: ол %2$@ цифрдан тұрады.",
        ru: "«%1$@» — не код НКТ (NTIN): он состоит из %2$@ цифр.",
        en: "“%1$@” is not an NTIN: it has %2$@ digits.")

    /// Arguments: the NTIN.
    public static let ntinChecksum = SntRule(
        "NTIN-CHECKSUM", fields: columns(.ntin), source: "assumed (GS1 check digit, U22); domain.md §13",
        kk: "%1$@ ҰТК коды (NTIN) бақылау цифрын тексеруден өтпеді.",
        ru: "Код НКТ (NTIN) %1$@ не проходит проверку контрольной цифры.",
        en: "NTIN %1$@ fails its check digit.")

    public static let oilSetFieldRequired = SntRule(
        "OIL-SET-FIELD-REQUIRED",
        fields: [.oilKogdOfSender, .oilKogdOfRecipient, .oilOperationCode, .oilProductSellerType],
        source: "domain.md §5.4",
        kk: "Мұнай өнімдері кестесі үшін жіберушінің және алушының МКО кодтарын, операция кодын және өнім беруші түрін (69–72 өрістер) толтырыңыз.",
        ru: "Для таблицы нефтепродуктов заполните коды ОГД отправителя и получателя, код операции и тип поставщика (поля 69–72).",
        en: "The oil products table needs the sender's and recipient's tax offices, the operation code and the seller type (fields 69–72).")

    public static let oilPinRequired = SntRule(
        "OIL-PIN-REQUIRED", fields: [SntField.line(.pinCode, in: .g6)], source: "domain.md §5.4",
        kk: "Мұнай өнімі жолында PIN-кодты көрсетіңіз.",
        ru: "В строке нефтепродукта укажите PIN-код.",
        en: "Enter the PIN of the oil product line.")

    /// Arguments: the text, the number of digits.
    public static let taxOfficeFormat = SntRule(
        "KOGD-FORMAT", fields: [.oilKogdOfSender, .oilKogdOfRecipient, .sellerKogd, .customerKogd],
        severity: .warning, source: "assumed; domain.md §5.4",
        kk: "«%1$@» мемлекеттік кірістер органының коды емес: ол %2$@ цифрдан тұрады.",
        ru: "«%1$@» — не код органа государственных доходов: он состоит из %2$@ цифр.",
        en: "“%1$@” is not a tax-office code: it has %2$@ digits.")

    public static let all: [SntRule] = [
        goodsRequired, tableEmpty, lineNumberRequired, lineNumberDuplicate, lineNumberSequence, originRequired,
        originRange, nameRequired, tnvedRequired, tnvedFormat, unitRequired, unitCodeFormat, unitCodeUnknown,
        quantityRequired, quantityPositive, priceRequired, priceNegative, productIdExpected, productIdFormat,
        productIdTnved, productIdGtin, gtinFormat, gtinChecksum, ntinFormat, ntinChecksum, oilSetFieldRequired,
        oilPinRequired, taxOfficeFormat,
    ]
}
