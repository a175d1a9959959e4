/// Fields 50 and 51: currency and exchange rate (Order 657 items 8–9).
public enum SntCurrencyRules {
    public static let currencyRequired = SntRule(
        "CURRENCY-REQUIRED", fields: [.currencyCode], source: "domain.md §5",
        kk: "Валюта кодын көрсетіңіз (теңге үшін — KZT).",
        ru: "Укажите код валюты (для тенге — KZT).",
        en: "Enter the currency code (KZT for tenge).")

    /// Arguments: the text.
    public static let currencyCodeInvalid = SntRule(
        "CURRENCY-CODE-INVALID", fields: [.currencyCode], source: "domain.md §3 (ISO 4217)",
        kk: "«%1$@» валюта коды емес: ISO 4217 бойынша үш латын әрпі керек, мысалы KZT.",
        ru: "«%1$@» — не код валюты: нужны три латинские буквы по ISO 4217, например KZT.",
        en: "“%1$@” is not a currency code: three letters of ISO 4217, such as KZT.")

    /// Arguments: the currency.
    public static let foreignCurrencyNotAllowed = SntRule(
        "CURRENCY-FOREIGN-NOT-ALLOWED", fields: [.currencyCode],
        source: "Order 657 items 8–9; the facts for each case are assumed (see Currency)",
        kk: "ТІЖ ұлттық валютада (KZT) ресімделеді. %1$@ тек импортта, өнімді бөлу туралы келісім бойынша мәмілелерде және ҚҚС-тың нөлдік мөлшерлемесі қолданылатын экспорт пен айналымдарда рұқсат етіледі.",
        ru: "СНТ оформляется в тенге (KZT). %1$@ допускается только при ввозе, по сделкам в рамках СРП, а также при экспорте и оборотах по нулевой ставке НДС.",
        en: "An SNT is drawn up in tenge (KZT). %1$@ is allowed only on import, for production-sharing deals, and for exports and turnovers at the zero VAT rate.")

    /// Arguments: the currency.
    public static let rateRequired = SntRule(
        "CURRENCY-RATE-REQUIRED", fields: [.currencyRate], source: "domain.md §5.1",
        kk: "%1$@ валютасы үшін теңгеге шаққандағы бағамын көрсетіңіз; ол нөлден үлкен болуы керек.",
        ru: "Для валюты %1$@ укажите курс к тенге больше нуля.",
        en: "For %1$@, enter the exchange rate to tenge, greater than zero.")

    /// Arguments: the rate.
    public static let rateForTenge = SntRule(
        "CURRENCY-RATE-FOR-TENGE", fields: [.currencyRate], source: "domain.md §5.1",
        kk: "Теңгедегі ТІЖ-де валюта бағамы көрсетілмейді немесе 1-ге тең болады, %1$@ емес.",
        ru: "Для СНТ в тенге курс не указывается или равен 1, а не %1$@.",
        en: "An SNT in tenge has no exchange rate, or a rate of 1, not %1$@.")

    public static let all: [SntRule] = [
        currencyRequired, currencyCodeInvalid, foreignCurrencyNotAllowed, rateRequired, rateForTenge,
    ]
}
