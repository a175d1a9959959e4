/// Section A: number, dates, type, paper issue and the kind of movement.
public enum SntGeneralRules {
    /// A 1 holds at most this many characters (domain.md §3, a client limit).
    public static let numberMaxLength = 50

    public static let numberRequired = SntRule(
        "A1-REQUIRED", fields: [.number], source: "domain.md §5.1",
        kk: "ТІЖ нөмірін көрсетіңіз.",
        ru: "Укажите номер СНТ.",
        en: "Enter the SNT number.")

    /// Arguments: the limit, the length found.
    public static let numberLength = SntRule(
        "A1-LENGTH", fields: [.number], source: "domain.md §3 (client limit)",
        kk: "ТІЖ нөмірі %1$@ таңбадан аспауы керек, ал қазір онда %2$@ таңба бар.",
        ru: "Номер СНТ — не длиннее %1$@ символов, а сейчас в нём %2$@.",
        en: "The SNT number may be at most %1$@ characters long; it has %2$@.")

    public static let dateRequired = SntRule(
        "A2-REQUIRED", fields: [.date], source: "domain.md §5.1",
        kk: "ТІЖ-дің жазып берілген күнін көрсетіңіз.",
        ru: "Укажите дату выписки СНТ.",
        en: "Enter the date of issue.")

    /// Arguments: the date of issue, today.
    public static let dateInFuture = SntRule(
        "A2-IN-FUTURE", fields: [.date], source: "assumed; Order 657 item 10 (an SNT is issued when it is drawn up)",
        kk: "Жазып берілген күн %1$@ әлі келген жоқ: бүгін %2$@.",
        ru: "Дата выписки %1$@ ещё не наступила: сегодня %2$@.",
        en: "The date of issue, %1$@, is in the future: today is %2$@.")

    public static let paperDateAndReason = SntRule(
        "PAPER-DATE-AND-REASON", fields: [.datePaper, .reasonPaper], source: "domain.md §5.1, §12",
        kk: "Қағаз ТІЖ күні мен қағазда ресімдеу себебі бірге толтырылады: екеуін де көрсетіңіз немесе екеуін де бос қалдырыңыз.",
        ru: "Дата бумажной СНТ и причина оформления на бумаге заполняются вместе: укажите обе или оставьте обе пустыми.",
        en: "The paper SNT date and the reason for paper go together: fill in both or neither.")

    /// Arguments: the paper date, the date of issue.
    public static let paperDateAfterIssue = SntRule(
        "PAPER-DATE-AFTER-ISSUE", fields: [.datePaper], source: "domain.md §12 (a paper SNT is entered afterwards)",
        kk: "Қағаз ТІЖ күні %1$@ жазып берілген күннен (%2$@) кейін тұр: қағаз ТІЖ электрондықтан бұрын ресімделеді.",
        ru: "Дата бумажной СНТ %1$@ позже даты выписки %2$@, хотя бумажная СНТ оформляется раньше электронной.",
        en: "The paper SNT date, %1$@, is after the date of issue, %2$@; the paper SNT comes first.")

    public static let shippingDateRequired = SntRule(
        "A3-REQUIRED", fields: [.shippingDate], source: "assumed (the 2021 schema marks it optional); domain.md §5.1",
        kk: "Тиеп-жөнелту күнін көрсетіңіз.",
        ru: "Укажите дату отгрузки.",
        en: "Enter the shipping date.")

    /// Arguments: the shipping date, the date of issue (of the paper SNT, when there is one).
    public static let shippingBeforeIssue = SntRule(
        "A3-BEFORE-ISSUE", fields: [.shippingDate],
        source: "domain.md §2 deadlines (no later than the start of shipment); paper, import and correction cases assumed",
        kk: "Тиеп-жөнелту күні %1$@ жазып берілген күннен (%2$@) ерте: ТІЖ тауар жөнелтілгенге дейін ресімделуі керек.",
        ru: "Дата отгрузки %1$@ раньше даты выписки %2$@: СНТ оформляется не позднее начала отгрузки.",
        en: "The shipping date, %1$@, is before the date of issue, %2$@: an SNT is issued no later than the goods leave.")

    /// Arguments: the shipping date, the number of days.
    public static let shippingFarAhead = SntRule(
        "A3-FAR-AHEAD", fields: [.shippingDate], severity: .warning, source: "assumed",
        kk: "Тиеп-жөнелту күні %1$@ жазып берілген күннен %2$@ күннен астам кейін тұр — жылын тексеріңіз.",
        ru: "Дата отгрузки %1$@ отстоит от даты выписки больше чем на %2$@ дней — проверьте год.",
        en: "The shipping date, %1$@, is more than %2$@ days after the date of issue; check the year.")

    public static let markingNoticePair = SntRule(
        "MARKING-NOTICE-PAIR", fields: [.digitalMarkingNotificationNumber, .digitalMarkingNotificationDate],
        severity: .warning, source: "assumed; domain.md §5.1",
        kk: "Цифрлық таңбалау туралы хабарламаның нөмірі мен күні бірге толтырылады.",
        ru: "Номер и дата уведомления о цифровой маркировке заполняются вместе.",
        en: "The digital-marking notification number and date go together.")

    public static let relatedNumberRequired = SntRule(
        "RELATED-NUMBER-REQUIRED", fields: [.relatedRegistrationNumberFixed, .relatedRegistrationNumberReturned],
        source: "domain.md §4, §5.1",
        kk: "Түзетілген ТІЖ мен қайтаруға арналған ТІЖ-де ол қатысты ТІЖ-дің тіркеу нөмірін көрсетіңіз.",
        ru: "В исправленной СНТ и в СНТ на возврат укажите регистрационный номер СНТ, к которой она относится.",
        en: "A corrected or return SNT needs the registration number of the SNT it refers to.")

    public static let relatedNumberOnPrimary = SntRule(
        "RELATED-NUMBER-ON-PRIMARY", fields: [.relatedRegistrationNumberFixed, .relatedRegistrationNumberReturned], source: "domain.md §4, §5.1",
        kk: "Бастапқы ТІЖ басқа ТІЖ-ге сілтемейді: байланысты ТІЖ-дің тіркеу нөмірін өшіріңіз.",
        ru: "Первичная СНТ не ссылается на другую СНТ: удалите регистрационный номер связанной СНТ.",
        en: "A primary SNT refers to no other SNT: clear the related registration number.")

    /// Arguments: the text, the expected shape.
    public static let registrationNumberFormat = SntRule(
        "REGISTRATION-NUMBER-FORMAT", fields: [.relatedRegistrationNumberFixed, .relatedRegistrationNumberReturned],
        source: "domain.md §3",
        kk: "«%1$@» ТІЖ тіркеу нөміріне ұқсамайды; күтілетін пішін: %2$@.",
        ru: "«%1$@» не похож на регистрационный номер СНТ; ожидается вид %2$@.",
        en: "“%1$@” is not an SNT registration number; expected %2$@.")

    public static let importAndExport = SntRule(
        "IMPORT-AND-EXPORT", fields: [.importType, .exportType], source: "domain.md §5.1",
        kk: "ТІЖ не импортқа, не экспортқа ресімделеді, екеуіне бірдей емес: артығын алып тастаңыз.",
        ru: "СНТ оформляется либо на ввоз, либо на вывоз, но не на то и другое сразу: уберите лишнее.",
        en: "An SNT is an import or an export, not both: remove one.")

    public static let sezCodeRequired = SntRule(
        "SEZ-CODE-REQUIRED", fields: [.importSezCode, .exportSezCode], source: "domain.md §5.1",
        kk: "АЭА-ға әкелу және АЭА-дан әкету кезінде арнайы экономикалық аймақтың кодын көрсетіңіз.",
        ru: "При ввозе в СЭЗ и вывозе из СЭЗ укажите код специальной экономической зоны.",
        en: "Import into or export from a special economic zone needs the SEZ code.")

    public static let sezCodeNotAllowed = SntRule(
        "SEZ-CODE-NOT-ALLOWED", fields: [.importSezCode, .exportSezCode], source: "Order 657 item 13; domain.md §5.1",
        kk: "АЭА коды тек АЭА-ға әкелу немесе АЭА-дан әкету кезінде толтырылады: оны өшіріңіз.",
        ru: "Код СЭЗ заполняется только при ввозе в СЭЗ или вывозе из СЭЗ: очистите его.",
        en: "The SEZ code belongs only to import into or export from an SEZ: clear it.")

    public static let aircraftDetailsRequired = SntRule(
        "AIRCRAFT-DETAILS-REQUIRED",
        fields: [.aircraftRegistrationNumber, .aircraftType, .flightNumber, .warrantNumber],
        source: "domain.md §5.4",
        kk: "Әуе кемесіне жанармай құю кезінде оның тіркеу нөмірін, түрін, рейс нөмірін және талап (ордер) нөмірін көрсетіңіз.",
        ru: "При заправке воздушного судна укажите его регистрационный номер, тип, номер рейса и номер требования (ордера).",
        en: "Aircraft refuelling needs the aircraft's registration number, its type, the flight number and the warrant number.")

    public static let aircraftDetailsUnexpected = SntRule(
        "AIRCRAFT-DETAILS-UNEXPECTED", fields: [.aircraftRefueling], severity: .warning,
        source: "Order 657 item 13; domain.md §5.4",
        kk: "Әуе кемесіне жанармай құю мәліметтері толтырылған, бірақ экспорт түрі — жанармай құю емес.",
        ru: "Заполнены сведения о заправке воздушного судна, но вид вывоза — не заправка воздушного судна.",
        en: "Aircraft refuelling details are filled in, but the export kind is not aircraft refuelling.")

    /// Arguments: the seller's and the customer's IIN/BIN.
    public static let transferSameTin = SntRule(
        "TRANSFER-SAME-TIN", fields: [SntField.customer.tin],
        source: "Order 657 items 3.6, 14.8; the same IIN/BIN is assumed",
        kk: "Бір тұлғаның ішінде орын ауыстыруда өнім беруші мен алушының ЖСН/БСН бірдей болады, ал мұнда %1$@ және %2$@.",
        ru: "При перемещении в рамках одного лица ИИН/БИН поставщика и получателя совпадают, а здесь %1$@ и %2$@.",
        en: "A movement within one person has the same IIN/BIN on both sides; here they are %1$@ and %2$@.")

    public static let transferInKazakhstanBorder = SntRule(
        "TRANSFER-IN-KZ-BORDER", fields: [.transferType], source: "assumed; domain.md §5.1",
        kk: "Қазақстан ішіндегі орын ауыстыру шекарадан өтпейді: импорт пен экспорт түрін алып тастаңыз, жөнелту және жеткізу елі — KZ.",
        ru: "Перемещение в пределах Казахстана не пересекает границу: уберите вид ввоза или вывоза, страны отправки и доставки — KZ.",
        en: "A movement within Kazakhstan crosses no border: no import or export kind, and KZ as the countries of dispatch and delivery.")

    public static let transferEAEUKind = SntRule(
        "TRANSFER-EAEU-KIND", fields: [.transferType], source: "assumed; domain.md §5.1",
        kk: "ЕАЭО шегіндегі орын ауыстыру шекарадан өтеді: импорт немесе экспорт түрін таңдаңыз.",
        ru: "Перемещение в пределах ЕАЭС пересекает границу: выберите вид ввоза или вывоза.",
        en: "A movement within the EAEU crosses a border: choose the import or export kind.")

    /// Arguments: the country.
    public static let transferEAEUCountry = SntRule(
        "TRANSFER-EAEU-COUNTRY", fields: [SntField.seller.countryCode, SntField.customer.countryCode],
        severity: .warning, source: "assumed; domain.md §5.1",
        kk: "Орын ауыстыру ЕАЭО шегінде, бірақ %1$@ ЕАЭО мүшесі емес.",
        ru: "Перемещение в пределах ЕАЭС, но %1$@ не входит в ЕАЭС.",
        en: "A movement within the EAEU, but %1$@ is not an EAEU member.")

    /// Arguments: the country.
    public static let domesticForeignCountry = SntRule(
        "DOMESTIC-FOREIGN-COUNTRY", fields: [SntField.seller.countryCode, SntField.customer.countryCode],
        severity: .warning, source: "Order 657 item 14; which fields decide is assumed",
        kk: "Елі — %1$@, бірақ ТІЖ-де импорт та, экспорт та таңдалмаған: тауар шекарадан өтсе, түрін таңдаңыз.",
        ru: "Указана страна %1$@, но в СНТ не выбран ни ввоз, ни вывоз: если товар пересекает границу, выберите вид.",
        en: "The country is %1$@, but the SNT is neither an import nor an export: if the goods cross a border, choose which.")

    public static let importFromKazakhstan = SntRule(
        "IMPORT-FROM-KZ", fields: [SntField.seller.countryCode], severity: .warning, source: "assumed; domain.md §5.1",
        kk: "Импорт, бірақ жөнелту елі — Қазақстан (KZ). Елді тексеріңіз.",
        ru: "Ввоз, но страна отправки — Казахстан (KZ). Проверьте страну.",
        en: "An import, but the country of dispatch is Kazakhstan (KZ). Check the country.")

    public static let exportToKazakhstan = SntRule(
        "EXPORT-TO-KZ", fields: [SntField.customer.countryCode], severity: .warning, source: "assumed; domain.md §5.1",
        kk: "Экспорт, бірақ жеткізу елі — Қазақстан (KZ). Елді тексеріңіз.",
        ru: "Вывоз, но страна доставки — Казахстан (KZ). Проверьте страну.",
        en: "An export, but the country of delivery is Kazakhstan (KZ). Check the country.")

    public static let all: [SntRule] = [
        numberRequired, numberLength, dateRequired, dateInFuture, paperDateAndReason, paperDateAfterIssue,
        shippingDateRequired, shippingBeforeIssue, shippingFarAhead, markingNoticePair, relatedNumberRequired,
        relatedNumberOnPrimary, registrationNumberFormat, importAndExport, sezCodeRequired, sezCodeNotAllowed,
        aircraftDetailsRequired, aircraftDetailsUnexpected, transferSameTin, transferInKazakhstanBorder,
        transferEAEUKind, transferEAEUCountry, domesticForeignCountry, importFromKazakhstan, exportToKazakhstan,
    ]
}
