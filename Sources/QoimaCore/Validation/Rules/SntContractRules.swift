/// Section F: the contract.
public enum SntContractRules {
    public static let numberRequired = SntRule(
        "CONTRACT-NUMBER-REQUIRED", fields: [.contractNumber], source: "domain.md §5.2",
        kk: "Шарт бойынша жеткізілім: шарттың нөмірін көрсетіңіз.",
        ru: "Поставка по договору: укажите номер договора.",
        en: "Supply under a contract: enter the contract number.")

    public static let dateRequired = SntRule(
        "CONTRACT-DATE-REQUIRED", fields: [.contractDate], source: "domain.md §5.2",
        kk: "Шарт бойынша жеткізілім: шарттың күнін көрсетіңіз.",
        ru: "Поставка по договору: укажите дату договора.",
        en: "Supply under a contract: enter the contract date.")

    /// Arguments: the contract date, the date of issue.
    public static let dateAfterIssue = SntRule(
        "CONTRACT-DATE-AFTER-ISSUE", fields: [.contractDate], severity: .warning, source: "domain.md §5.2",
        kk: "Шарт күні %1$@ ТІЖ жазып берілген күннен (%2$@) кейін тұр.",
        ru: "Дата договора %1$@ позже даты выписки СНТ %2$@.",
        en: "The contract date, %1$@, is after the SNT's date of issue, %2$@.")

    public static let detailsWithoutContract = SntRule(
        "CONTRACT-DETAILS-WITHOUT-CONTRACT", fields: [.contractNumber, .contractDate], severity: .warning,
        source: "Order 657 item 13; domain.md §5.2",
        kk: "«Шартсыз» деп белгіленген, бірақ шарттың нөмірі немесе күні толтырылған.",
        ru: "Отмечено «без договора», но номер или дата договора заполнены.",
        en: "Marked “without a contract”, but a contract number or date is filled in.")

    public static let all: [SntRule] = [numberRequired, dateRequired, dateAfterIssue, detailsWithoutContract]
}
