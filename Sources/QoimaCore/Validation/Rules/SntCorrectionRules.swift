/// A correction (FIXED_SNT) against its original (domain.md §4: the rules one client enforces;
/// that IS ESF applies the same ones is assumed, U6).
public enum SntCorrectionRules {
    /// The fields a correction must keep as in the original.
    public static let immutableFields: [SntField] =
        [.importType, .importSezCode, .exportType, .exportSezCode, .transferType]
        + partyFields(.seller) + partyFields(.customer)

    static func partyFields(_ role: SntPartyRole) -> [SntField] {
        let fields = SntField.party(role)
        return [fields.tin, fields.nonResident, fields.name, fields.branchTin, fields.reorganizedTin,
                fields.categories, fields.registerCountryCode, fields.countryCode, fields.actualAddress,
                fields.storeId]
    }

    /// Arguments: the related registration number.
    public static let originalMissing = SntRule(
        "FIXED-ORIGINAL-MISSING", fields: [.relatedRegistrationNumberFixed], severity: .warning,
        source: "domain.md §4",
        kk: "Түзетілетін ТІЖ (%1$@) Qoima-да жоқ, сондықтан түзетуді онымен салыстыру мүмкін болмады: оны ЭШФ АЖ-дан жүктеп алыңыз.",
        ru: "Исправляемой СНТ (%1$@) нет в Qoima, поэтому исправление не удалось сверить с ней: загрузите её из ИС ЭСФ.",
        en: "The original SNT (%1$@) is not in Qoima, so the correction could not be compared with it; download it from IS ESF.")

    /// Arguments: the original's registration number, the number found.
    public static let relatedNumber = SntRule(
        "FIXED-RELATED-NUMBER", fields: [.relatedRegistrationNumberFixed], source: "domain.md §4, §5.1",
        kk: "Түзетілген ТІЖ түзетілетін ТІЖ-ге (%1$@) сілтеуі керек, ал мұнда %2$@ көрсетілген.",
        ru: "Исправленная СНТ должна ссылаться на исправляемую (%1$@), а указано %2$@.",
        en: "A correction refers to its original, %1$@; this one refers to %2$@.")

    /// Arguments: the original's status.
    public static let originalStatus = SntRule(
        "FIXED-ORIGINAL-STATUS", fields: [.relatedRegistrationNumberFixed],
        source: "domain.md §4 (client rule; U6)",
        kk: "Тек «Қаралмаған» немесе «Жеткізілген» мәртебесіндегі ТІЖ-ді түзетуге болады; түзетілетін ТІЖ мәртебесі — %1$@.",
        ru: "Исправить можно только СНТ в статусе «Не просмотрен» или «Доставленный»; статус исправляемой СНТ — %1$@.",
        en: "Only an SNT that is not viewed or delivered can be corrected; the original's status is %1$@.")

    /// Arguments: the original's shipping date, the date found.
    public static let shippingDate = SntRule(
        "FIXED-SHIPPING-DATE", fields: [.shippingDate], source: "domain.md §4 (client rule; U6)",
        kk: "Түзетілген ТІЖ-дегі тиеп-жөнелту күні түзетілетін ТІЖ-дегіден (%1$@) ерте болмауы керек, ал мұнда %2$@.",
        ru: "Дата отгрузки в исправленной СНТ не может быть раньше, чем в исправляемой (%1$@), а указано %2$@.",
        en: "A correction's shipping date cannot be earlier than the original's, %1$@; it is %2$@.")

    /// Arguments: the original's value, the value found.
    public static let keepsField = SntRule(
        "FIXED-KEEPS-FIELD", fields: immutableFields, source: "domain.md §4 (client rule; U6)",
        kk: "Түзетілген ТІЖ-де бұл өріс түзетілетін ТІЖ-дегідей қалады: %1$@ (мұнда %2$@).",
        ru: "В исправленной СНТ это поле остаётся как в исправляемой: %1$@ (здесь %2$@).",
        en: "A correction keeps this field as in the original: %1$@ (here %2$@).")

    public static let all: [SntRule] = [originalMissing, relatedNumber, originalStatus, shippingDate, keepsField]
}
