import QoimaCore

/// The format and logic checks IS ESF makes beyond QoimaCore's offline ones, because only the
/// server knows them: who uploaded the SNT, the SNTs it refers to, and the warehouse's batches
/// (domain.md §4, §14; that IS ESF checks them this way is assumed, U6, U7).
enum SandboxSntRules {
    static let sellerIsNotTheSession = SntRule(
        "ESF-SELLER-NOT-SESSION", fields: [SntField.seller.tin], source: "domain.md §8.2",
        kk: "Жеткізушінің ЖСН/БСН-і (%1$@) ТІЖ-ді жүктеген салық төлеушімен (%2$@) сәйкес келмейді.",
        ru: "ИИН/БИН поставщика (%1$@) не совпадает с налогоплательщиком, загрузившим СНТ (%2$@).",
        en: "The supplier's IIN/BIN (%1$@) is not the taxpayer who uploaded the SNT (%2$@).")

    static let relatedNotFound = SntRule(
        "ESF-RELATED-NOT-FOUND", fields: [.relatedRegistrationNumberFixed, .relatedRegistrationNumberReturned],
        source: "domain.md §4",
        kk: "%1$@ тіркеу нөмірі бар ТІЖ табылмады.",
        ru: "СНТ с регистрационным номером %1$@ не найдена.",
        en: "No SNT has the registration number %1$@.")

    static let fixedOriginalStatus = SntRule(
        "ESF-FIXED-ORIGINAL-STATUS", fields: [.relatedRegistrationNumberFixed], source: "domain.md §4",
        kk: "Тек «Қаралмаған» немесе «Жеткізілген» ТІЖ-ді түзетуге болады; бастапқы ТІЖ мәртебесі — %1$@.",
        ru: "Исправить можно только СНТ в статусе «Не просмотрен» или «Доставленный»; статус исходной СНТ — %1$@.",
        en: "Only an SNT that is not viewed or delivered can be corrected; the original's status is %1$@.")

    static let fixedOtherSeller = SntRule(
        "ESF-FIXED-OTHER-SELLER", fields: [.relatedRegistrationNumberFixed], source: "domain.md §4",
        kk: "Бастапқы ТІЖ %1$@ басқа жеткізушінікі (%2$@).",
        ru: "Исходная СНТ %1$@ выписана другим поставщиком (%2$@).",
        en: "The original SNT %1$@ was issued by another supplier (%2$@).")

    static let sellerStoreRequired = SntRule(
        "VS-SELLER-STORE-REQUIRED", fields: [SntField.seller.storeId], source: "domain.md §5.1",
        kk: "Жолдар виртуалды қойма партияларына сілтейді, бірақ жеткізушінің қоймасы (B21) көрсетілмеген.",
        ru: "Строки ссылаются на партии виртуального склада, но склад поставщика (B21) не указан.",
        en: "Lines point at virtual-warehouse batches, but the supplier's warehouse (B21) is empty.")

    static let storeUnknown = SntRule(
        "VS-STORE-UNKNOWN", fields: [SntField.seller.storeId], source: "domain.md §9.1",
        kk: "%1$@ қоймасы %2$@ жеткізушісінің жұмыс істеп тұрған қоймаларының арасында жоқ.",
        ru: "Склад %1$@ не найден среди действующих складов поставщика %2$@.",
        en: "Warehouse %1$@ is not one of supplier %2$@'s active warehouses.")

    static let batchUnknown = SntRule(
        "VS-BATCH-UNKNOWN", fields: [.line(.productId, in: .g1), .line(.productId, in: .g6)], source: "domain.md §9.2",
        kk: "%1$@ партиясы %2$@ қоймасында жоқ.",
        ru: "Партия %1$@ не найдена на складе %2$@.",
        en: "Batch %1$@ is not in warehouse %2$@.")

    static let batchInsufficient = SntRule(
        "VS-BATCH-INSUFFICIENT", fields: [.line(.quantity, in: .g1), .line(.quantity, in: .g6)], source: "domain.md §9.2",
        kk: "%1$@ партиясында тауар жеткіліксіз: қолжетімдісі %2$@, қажеті %3$@.",
        ru: "Недостаточно товара в партии %1$@: доступно %2$@, требуется %3$@.",
        en: "Batch %1$@ holds too little: %2$@ available, %3$@ needed.")
}
