/// Sections B, C and D: seller, customer, consignor and consignee; and the IIN/BIN and country
/// codes wherever they occur.
public enum SntPartyRules {
    /// Every field that holds an IIN or a BIN.
    public static let tinFields: [SntField] = [
        SntField.seller.tin, SntField.seller.branchTin, SntField.seller.reorganizedTin,
        SntField.customer.tin, SntField.customer.branchTin, SntField.customer.reorganizedTin,
        SntField.consignor.tin, SntField.consignee.tin, .carrierTin, .driverTin,
    ]

    /// Every field that holds a country code.
    public static let countryFields: [SntField] = [
        SntField.seller.registerCountryCode, SntField.seller.countryCode,
        SntField.customer.registerCountryCode, SntField.customer.countryCode,
        SntField.consignor.countryCode, SntField.consignee.countryCode,
    ]

    public static let nameRequired = SntRule(
        "PARTY-NAME-REQUIRED",
        fields: [SntField.seller.name, SntField.customer.name, SntField.consignor.name, SntField.consignee.name],
        source: "domain.md §5.1, §5.2",
        kk: "Атауын (жеке тұлға үшін — тегін, атын, әкесінің атын) көрсетіңіз.",
        ru: "Укажите наименование (для физического лица — Ф. И. О.).",
        en: "Enter the name (the full name, for an individual).")

    public static let tinRequired = SntRule(
        "PARTY-TIN-REQUIRED", fields: [SntField.seller.tin, SntField.customer.tin], source: "domain.md §3, §5.1",
        kk: "ЖСН/БСН көрсетіңіз: оны тек резидент емес тұлға үшін бос қалдыруға болады.",
        ru: "Укажите ИИН/БИН: его можно не заполнять только для нерезидента.",
        en: "Enter the IIN/BIN; only a non-resident may go without one.")

    /// Arguments: the text.
    public static let tinFormat = SntRule(
        "TIN-FORMAT", fields: tinFields, source: "domain.md §3",
        kk: "«%1$@» ЖСН/БСН емес: ол 12 цифрдан тұрады.",
        ru: "«%1$@» — не ИИН/БИН: он состоит из 12 цифр.",
        en: "“%1$@” is not an IIN/BIN: it has 12 digits.")

    /// Arguments: the number.
    public static let tinChecksum = SntRule(
        "TIN-CHECKSUM", fields: tinFields, source: "domain.md §3",
        kk: "%1$@ ЖСН/БСН бақылау разрядын тексеруден өтпеді — цифрлардың бірі қате терілген болуы мүмкін.",
        ru: "ИИН/БИН %1$@ не проходит проверку контрольного разряда — вероятно, опечатка в одной из цифр.",
        en: "%1$@ fails the IIN/BIN check digit: a digit is probably mistyped.")

    public static let registerCountryRequired = SntRule(
        "REGISTER-COUNTRY-REQUIRED",
        fields: [SntField.seller.registerCountryCode, SntField.customer.registerCountryCode],
        source: "domain.md §5.1",
        kk: "Тіркелген елін көрсетіңіз.",
        ru: "Укажите страну регистрации.",
        en: "Enter the country of registration.")

    public static let countryRequired = SntRule(
        "COUNTRY-REQUIRED",
        fields: [SntField.seller.countryCode, SntField.customer.countryCode,
                 SntField.consignor.countryCode, SntField.consignee.countryCode],
        source: "domain.md §5.1, §5.2",
        kk: "Елін көрсетіңіз.",
        ru: "Укажите страну.",
        en: "Enter the country.")

    /// Arguments: the text.
    public static let countryCodeInvalid = SntRule(
        "COUNTRY-CODE-INVALID", fields: countryFields, source: "domain.md §3 (ISO 3166-1 alpha-2 assumed, U2)",
        kk: "«%1$@» ел коды емес: ISO 3166-1 бойынша екі латын әрпі керек, мысалы KZ.",
        ru: "«%1$@» — не код страны: нужны две латинские буквы по ISO 3166-1, например KZ.",
        en: "“%1$@” is not a country code: two letters of ISO 3166-1, such as KZ.")

    /// Arguments: the country of registration.
    public static let residentRegisterCountry = SntRule(
        "RESIDENT-REGISTER-COUNTRY",
        fields: [SntField.seller.registerCountryCode, SntField.customer.registerCountryCode],
        source: "domain.md §5.1",
        kk: "Резидент Қазақстанда тіркелген: тіркелген елі KZ болуы керек, %1$@ емес. Тұлға резидент емес болса, оны белгілеңіз.",
        ru: "Резидент зарегистрирован в Казахстане: страна регистрации — KZ, а не %1$@. Если лицо — нерезидент, отметьте это.",
        en: "A resident is registered in Kazakhstan: the country of registration is KZ, not %1$@. Mark the party as a non-resident if it is one.")

    public static let nonResidentInKazakhstan = SntRule(
        "NON-RESIDENT-IN-KZ",
        fields: [SntField.seller.registerCountryCode, SntField.customer.registerCountryCode],
        severity: .warning, source: "domain.md §5.1",
        kk: "Тұлға резидент емес деп белгіленген, бірақ тіркелген елі — Қазақстан (KZ).",
        ru: "Лицо отмечено как нерезидент, но страна регистрации — Казахстан (KZ).",
        en: "The party is marked as a non-resident but registered in Kazakhstan (KZ).")

    public static let branchTinSame = SntRule(
        "BRANCH-TIN-SAME", fields: [SntField.seller.branchTin, SntField.customer.branchTin], severity: .warning,
        source: "domain.md §5.1",
        kk: "Құрылымдық бөлімшенің БСН-і тұлғаның өз ЖСН/БСН-імен бірдей. Бұл өріске бөлімшенің өз БСН-і жазылады.",
        ru: "БИН структурного подразделения совпадает с ИИН/БИН самого лица. В этом поле указывается БИН подразделения.",
        en: "The branch BIN is the party's own IIN/BIN; this field holds the structural subdivision's BIN.")

    /// Arguments: the id.
    public static let storeIdInvalid = SntRule(
        "STORE-ID-INVALID", fields: [SntField.seller.storeId, SntField.customer.storeId], source: "domain.md §9.1",
        kk: "Виртуалды қойма идентификаторы оң сан болуы керек, %1$@ емес.",
        ru: "Идентификатор виртуального склада — положительное число, а не %1$@.",
        en: "The virtual-warehouse id is a positive number, not %1$@.")

    public static let sellerStoreExpected = SntRule(
        "SELLER-STORE-EXPECTED", fields: [SntField.seller.storeId], severity: .warning,
        source: "assumed; domain.md §5.1, §9.2",
        kk: "Тауар жолдары виртуалды қойма партияларына сілтейді, бірақ өнім берушінің қоймасы көрсетілмеген.",
        ru: "Строки товаров ссылаются на партии виртуального склада, но склад поставщика не указан.",
        en: "Goods lines point at virtual-warehouse batches, but the seller's warehouse is empty.")

    public static let consignmentTinExpected = SntRule(
        "CONSIGNMENT-TIN-EXPECTED", fields: [SntField.consignor.tin, SntField.consignee.tin], severity: .warning,
        source: "assumed; domain.md §5.2",
        kk: "Қазақстандағы резидент жүк жөнелтушінің немесе жүк алушының ЖСН/БСН-ін көрсетіңіз.",
        ru: "Для резидента в Казахстане укажите ИИН/БИН грузоотправителя или грузополучателя.",
        en: "Enter the IIN/BIN of a resident consignor or consignee in Kazakhstan.")

    public static let all: [SntRule] = [
        nameRequired, tinRequired, tinFormat, tinChecksum, registerCountryRequired, countryRequired,
        countryCodeInvalid, residentRegisterCountry, nonResidentInKazakhstan, branchTinSame, storeIdInvalid,
        sellerStoreExpected, consignmentTinExpected,
    ]
}
