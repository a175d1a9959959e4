import Foundation

/// The rules of `UFormValidator.check`: what Qoima requires of each kind of form beyond IS ESF's
/// format (domain.md §10). Ids of rules that rest on `UFormAssumptions` start `UF-ASSUMED-`.
extension UFormRules {
    // MARK: Dates, warehouses, arithmetic

    public static let dateInFuture = UFormRule(
        "UF-DATE-FUTURE",
        kk: "Форманың күні (%1$@) бүгінгі күннен (%2$@) кейін.",
        ru: "Дата формы (%1$@) позже сегодняшней (%2$@).",
        en: "The form's date (%1$@) is later than today (%2$@).")
    public static let storeNotOwn = UFormRule(
        "UF-ASSUMED-STORE-NOT-OWN",
        kk: "%1$@ қоймасы компанияның қоймаларының арасында жоқ (қоймаларды синхрондаңыз).",
        ru: "Склада %1$@ нет среди складов компании (выполните синхронизацию складов).",
        en: "Warehouse %1$@ is not one of the company's warehouses (sync the warehouses).")
    public static let storeInactive = UFormRule(
        "UF-ASSUMED-STORE-INACTIVE",
        kk: "«%1$@» қоймасы өшірілген: формада қолдануға болмайды.",
        ru: "Склад «%1$@» деактивирован: в форме его использовать нельзя.",
        en: "Warehouse “%1$@” is deactivated: a form cannot use it.")
    public static let senderNotCompany = UFormRule(
        "UF-SENDER-NOT-COMPANY",
        kk: "Жөнелтушінің ЖСН/БСН-і (%1$@) компанияныкі (%2$@) емес.",
        ru: "ИИН/БИН отправителя (%1$@) не совпадает с ИИН/БИН компании (%2$@).",
        en: "The sender's IIN/BIN (%1$@) is not the company's (%2$@).")
    public static let recipientNotAllowed = UFormRule(
        "UF-ASSUMED-RECIPIENT-NOT-ALLOWED",
        kk: "Алушы қойма тек орын ауыстыруда, өндірісте және детализацияда болады.",
        ru: "Склад-получатель бывает только у перемещения, производства и детализации.",
        en: "Only movements, production and detailing have a receiving warehouse.")
    public static let sourcesNotAllowed = UFormRule(
        "UF-SOURCES-NOT-ALLOWED",
        kk: "%1$@ формасында шикізат жолдары (sourceProducts) болмайды.",
        ru: "В форме «%1$@» нет строк исходных товаров (sourceProducts).",
        en: "A %1$@ form has no input lines (sourceProducts).")
    public static let lineSum = UFormRule(
        "UF-LINE-SUM",
        kk: "Сома %1$@ баға × сан = %2$@ емес.",
        ru: "Сумма %1$@ не равна цене × количество = %2$@.",
        en: "The sum %1$@ is not price × quantity = %2$@.")
    public static let totalSum = UFormRule(
        "UF-TOTAL-SUM",
        kk: "Жалпы сома %1$@ жолдардың сомасына (%2$@) тең емес.",
        ru: "Общая сумма %1$@ не равна сумме строк (%2$@).",
        en: "The total %1$@ is not the sum of the lines (%2$@).")
    public static let sourceTotalSum = UFormRule(
        "UF-SOURCE-TOTAL-SUM",
        kk: "Шикізаттың жалпы сомасы (sourceTotalSum) %1$@ болуы керек — шикізат жолдарының сомасы.",
        ru: "Общая сумма исходных товаров (sourceTotalSum) должна быть %1$@ — сумма их строк.",
        en: "The inputs' total (sourceTotalSum) must be %1$@, the sum of their lines.")
    public static let newBatchNamed = UFormRule(
        "UF-ASSUMED-NEW-BATCH",
        kk: "Бұл жол жаңа партия болады, оны ЭШФ АЖ нөмірлейді: партияның нөмірін (productId) өшіріңіз.",
        ru: "Эта строка станет новой партией, её номер даст ИС ЭСФ: уберите номер партии (productId).",
        en: "This line becomes a new batch that IS ESF numbers: leave the batch (productId) empty.")
    public static let newBatchPrice = UFormRule(
        "UF-ASSUMED-NEW-BATCH-PRICE",
        kk: "Жаңа партияның бір бірлігінің бағасын енгізіңіз.",
        ru: "Укажите цену за единицу новой партии.",
        en: "Enter the unit price of the new batch.")
    public static let batchTwice = UFormRule(
        "UF-BATCH-TWICE", severity: .warning,
        kk: "%1$@ партиясы %2$@-жолда да бар.",
        ru: "Партия %1$@ есть и в строке %2$@.",
        en: "Batch %1$@ is on line %2$@ as well.")

    // MARK: Write-off

    public static let writeOffPeriod = UFormRule(
        "UF-WRITE-OFF-PERIOD",
        kk: "Кезең %1$@ басталып, %2$@ аяқталады: басы соңынан кейін.",
        ru: "Период начинается %1$@ и кончается %2$@: начало позже конца.",
        en: "The period starts on %1$@, after its end on %2$@.")
    public static let otherNeedsComment = UFormRule(
        "UF-ASSUMED-OTHER-COMMENT",
        kk: "«Басқа» себебімен есептен шығарғанда түсініктемеде не болғанын жазыңыз.",
        ru: "При списании по причине «Прочее» опишите в комментарии, что произошло.",
        en: "A write-off for “Other” needs a comment saying what happened.")

    // MARK: Detailing

    public static let packingInputs = UFormRule(
        "UF-ASSUMED-PACKING-INPUTS",
        kk: "Жинақтау кемінде екі шикізат жолынан жинақ жасайды; формада %1$@.",
        ru: "Комплектация собирает комплект минимум из двух строк исходных товаров; в форме %1$@.",
        en: "Packing assembles a set from at least two input lines; the form has %1$@.")
    public static let packingOutputs = UFormRule(
        "UF-ASSUMED-PACKING-OUTPUTS",
        kk: "Жинақтау бір жинақ (бір тауар жолы) жасайды; формада %1$@.",
        ru: "Комплектация даёт ровно один комплект (одну строку товара); в форме %1$@.",
        en: "Packing makes exactly one set (one output line); the form has %1$@.")
    public static let unpackingInputs = UFormRule(
        "UF-ASSUMED-UNPACKING-INPUTS",
        kk: "Жинақтан шығару бір жинақты (бір шикізат жолын) ажыратады; формада %1$@.",
        ru: "Разукомплектация разбирает ровно один комплект (одну строку исходного товара); в форме %1$@.",
        en: "Unpacking takes exactly one set apart (one input line); the form has %1$@.")
    public static let unpackingOutputs = UFormRule(
        "UF-ASSUMED-UNPACKING-OUTPUTS",
        kk: "Жинақтан шығару кемінде екі тауар жолын береді; формада %1$@.",
        ru: "Разукомплектация даёт минимум две строки товаров; в форме %1$@.",
        en: "Unpacking gives at least two output lines; the form has %1$@.")
    public static let detailingValue = UFormRule(
        "UF-ASSUMED-DETAILING-VALUE",
        kk: "Детализация тауардың құнын сақтайды: шыққан тауарлардың сомасы %1$@, шикізаттыкі %2$@.",
        ru: "Детализация сохраняет стоимость товара: сумма результата %1$@, а исходных товаров %2$@.",
        en: "Detailing keeps the goods' value: the outputs total %1$@, the inputs %2$@.")
    public static let reSortingValue = UFormRule(
        "UF-ASSUMED-RESORTING-VALUE", severity: .warning,
        kk: "Қайта сұрыптаудан кейін құн өзгереді: шыққан тауарлар %1$@, шикізат %2$@.",
        ru: "После пересортицы стоимость меняется: результат %1$@, исходные товары %2$@.",
        en: "Re-sorting changes the value: the outputs total %1$@, the inputs %2$@.")
    public static let conversionSameGoods = UFormRule(
        "UF-ASSUMED-CONVERSION-GOODS",
        kk: "Конвертация сол тауардың өлшем бірлігін ауыстырады: %1$@ ТН СЭҚ коды шикізатта жоқ.",
        ru: "Конвертация меняет единицу измерения того же товара: кода ТН ВЭД %1$@ нет среди исходных.",
        en: "A conversion changes the unit of the same goods: TN VED %1$@ is not among the inputs.")
    public static let conversionUnit = UFormRule(
        "UF-ASSUMED-CONVERSION-UNIT",
        kk: "Конвертация өлшем бірлігін ауыстырады, ал бұл жолда ол шикізаттағыдай: %1$@.",
        ru: "Конвертация меняет единицу измерения, а в этой строке она та же, что у исходного товара: %1$@.",
        en: "A conversion changes the unit of measure, but this line keeps the input's: %1$@.")
    public static let reSortingUnit = UFormRule(
        "UF-ASSUMED-RESORTING-UNIT",
        kk: "Қайта сұрыптау өлшем бірлігін сақтайды: бұл жолда %1$@, шикізатта %2$@.",
        ru: "Пересортица не меняет единицу измерения: в этой строке %1$@, у исходных товаров %2$@.",
        en: "Re-sorting keeps the unit of measure: this line has %1$@, the inputs %2$@.")
    public static let reSortingQuantity = UFormRule(
        "UF-ASSUMED-RESORTING-QUANTITY",
        kk: "Қайта сұрыптау санды сақтайды: шыққан тауарлар %1$@, шикізат %2$@.",
        ru: "Пересортица сохраняет количество: у результата %1$@, у исходных товаров %2$@.",
        en: "Re-sorting keeps the quantity: the outputs have %1$@, the inputs %2$@.")
    public static let editingPairs = UFormRule(
        "UF-ASSUMED-EDITING-PAIRS",
        kk: "Деректерді түзетуде әр шикізат жолына бір тауар жолы сәйкес келеді: шикізат %1$@, тауар %2$@.",
        ru: "При редактировании каждой строке исходного товара соответствует одна строка результата: исходных %1$@, результата %2$@.",
        en: "Editing pairs each input line with one output line: %1$@ inputs, %2$@ outputs.")
    public static let editingQuantity = UFormRule(
        "UF-ASSUMED-EDITING-QUANTITY",
        kk: "Түзету партияның деректерін өзгертеді, санын емес: мұнда %1$@, %3$@-шикізат жолында %2$@.",
        ru: "Редактирование меняет данные партии, а не её количество: здесь %1$@, в строке исходного товара %3$@ — %2$@.",
        en: "Editing changes a batch's data, not its quantity: %1$@ here, %2$@ on input line %3$@.")
    public static let editingNothing = UFormRule(
        "UF-EDITING-NOTHING", severity: .warning,
        kk: "Бұл жол %1$@-шикізат жолымен бірдей: ештеңе өзгермейді.",
        ru: "Эта строка совпадает со строкой исходного товара %1$@: ничего не изменится.",
        en: "This line is the same as input line %1$@: nothing would change.")

    /// The rules of `UFormValidator.check` beyond the format.
    public static let kindRules: [UFormRule] = [
        dateInFuture, storeNotOwn, storeInactive, senderNotCompany, recipientNotAllowed, sourcesNotAllowed, lineSum,
        totalSum, sourceTotalSum, newBatchNamed, newBatchPrice, batchTwice,
        writeOffPeriod, otherNeedsComment, packingInputs, packingOutputs,
        unpackingInputs, unpackingOutputs, detailingValue, reSortingValue, conversionSameGoods, conversionUnit,
        reSortingUnit, reSortingQuantity, editingPairs, editingQuantity, editingNothing,
    ] + WriteOffDetail.allCases.flatMap { detail in detail.checks.map { writeOffDetail(detail, $0) } }

    /// What can be wrong with one write-off detail.
    public enum DetailCheck: String, CaseIterable, Sendable {
        /// Missing, though the reason needs it.
        case required = "REQUIRED"
        /// Not a dd.MM.yyyy date.
        case date = "DATE"
        /// Not an IIN/BIN.
        case taxpayerNumber = "TIN"
        /// A date later than the form's.
        case late = "LATE"
    }

    /// The rule for `check` of `detail`, its message naming the detail: `UF-ASSUMED-WO-GUILTYPERSONIIN-REQUIRED`.
    /// Arguments: `late` takes the detail's date and the form's, `date` and `taxpayerNumber` the value.
    public static func writeOffDetail(_ detail: WriteOffDetail, _ check: DetailCheck) -> UFormRule {
        let label = detail.label
        let template: (kk: String, ru: String, en: String) = switch check {
        case .required: ("Толтырыңыз: «LABEL» (есептен шығарудың бұл себебіне міндетті).",
                         "Заполните: «LABEL» (обязательно при этой причине списания).",
                         "Fill in: LABEL (this write-off reason requires it).")
        case .date: ("LABEL: «%1$@» күн.ай.жыл (dd.MM.yyyy) пішіміндегі күн емес.",
                     "LABEL: «%1$@» не является датой в формате дд.ММ.гггг.",
                     "LABEL: “%1$@” is not a date in the form dd.MM.yyyy.")
        case .taxpayerNumber: ("LABEL: «%1$@» ЖСН/БСН емес.", "LABEL: «%1$@» не является ИИН/БИН.",
                               "LABEL: “%1$@” is not an IIN/BIN.")
        case .late: ("LABEL (%1$@) форманың күнінен (%2$@) кейін.", "LABEL (%1$@) позже даты формы (%2$@).",
                     "LABEL (%1$@) is later than the form's date (%2$@).")
        }
        let id = (check == .required || check == .late ? "UF-ASSUMED-WO-" : "UF-WO-") + detail.rawValue.uppercased()
            + "-" + check.rawValue
        return UFormRule(id, kk: template.kk.replacingOccurrences(of: "LABEL", with: label.kazakh),
                         ru: template.ru.replacingOccurrences(of: "LABEL", with: label.russian),
                         en: template.en.replacingOccurrences(of: "LABEL", with: label.english))
    }
}

extension WriteOffDetail {
    /// The checks a value of this kind gets.
    var checks: [UFormRules.DetailCheck] {
        switch valueKind {
        case .text: [.required]
        case .date: [.required, .date, .late]
        case .taxpayerNumber: [.required, .taxpayerNumber]
        }
    }
}
