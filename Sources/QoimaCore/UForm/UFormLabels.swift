// What users read for the forms' enumerations, and which of them a user makes.

extension UFormType {
    /// The forms a user draws up in Qoima, in the order the New menu offers them.
    public static let userKinds: [UFormType] = [.balance, .manufacture, .movement, .writeOff, .detailing,
                                               .balanceCorrection]

    public var label: LocalizedText {
        switch self {
        case .balance: LocalizedText(kk: "Қалдықтарды енгізу", ru: "Ввод остатков", en: "Balance entry")
        case .manufacture: LocalizedText(kk: "Өндіріс", ru: "Производство", en: "Production")
        case .movement: LocalizedText(kk: "Ішкі орын ауыстыру", ru: "Внутреннее перемещение", en: "Internal movement")
        case .writeOff: LocalizedText(kk: "Есептен шығару", ru: "Списание", en: "Write-off")
        case .balanceCorrection: LocalizedText(kk: "Қалдықтарды түзету", ru: "Корректировка остатков",
                                               en: "Balance correction")
        case .detailing: LocalizedText(kk: "Детализация", ru: "Детализация", en: "Detailing")
        case .physicalLabel: LocalizedText(kk: "Физикалық белгілерді енгізу", ru: "Ввод физических меток",
                                           en: "Physical labels")
        case .reorganization: LocalizedText(kk: "Қайта ұйымдастыру", ru: "Реорганизация", en: "Reorganisation")
        case .importDetailing: LocalizedText(kk: "Импорт детализациясы", ru: "Детализация импорта",
                                             en: "Import detailing")
        case .esf: LocalizedText(kk: "ЭШФ", ru: "ЭСФ", en: "ESF")
        case .kkm: LocalizedText(kk: "БКМ чегі", ru: "Чек ККМ", en: "KKM receipt")
        case .dt: LocalizedText(kk: "ТД", ru: "ДТ", en: "Customs declaration")
        case .fno: LocalizedText(kk: "СЕН 328.00", ru: "ФНО 328.00", en: "FNO 328.00")
        }
    }
}

extension UFormStatus {
    /// IS ESF has said its last word: processed, cancelled or failed. The `WAIT_` states are
    /// still on their way (assumed, domain.md U7).
    public var isFinal: Bool { self == .processed || self == .canceled || self == .failed }

    /// Still with IS ESF: sent, its effect on balances not yet settled.
    public var isPending: Bool { !isFinal && self != .draft }

    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(kk: "Жоба", ru: "Черновик", en: "Draft")
        case .created: LocalizedText(kk: "Құрылды", ru: "Создан", en: "Created")
        case .inProcessing: LocalizedText(kk: "Өңделуде", ru: "В обработке", en: "In processing")
        case .processed: LocalizedText(kk: "Өңделді", ru: "Обработан", en: "Processed")
        case .waitInStock: LocalizedText(kk: "Қоймада тауарды күтуде", ru: "Ожидает товар на складе",
                                         en: "Waiting for stock")
        case .waitDocument: LocalizedText(kk: "Құжатты күтуде", ru: "Ожидает документ", en: "Waiting for a document")
        case .canceled: LocalizedText(kk: "Күші жойылды", ru: "Аннулирован", en: "Cancelled")
        case .failed: LocalizedText(kk: "Қате", ru: "Ошибка", en: "Failed")
        }
    }
}

extension DetailingType {
    public var label: LocalizedText {
        switch self {
        case .conversion: LocalizedText(kk: "Өлшем бірліктері арасында ауыстыру", ru: "Конвертация единиц измерения",
                                        en: "Conversion between units")
        case .packing: LocalizedText(kk: "Жинақтау", ru: "Комплектация", en: "Packing")
        case .unpacking: LocalizedText(kk: "Жинақтан шығару", ru: "Разукомплектация", en: "Unpacking")
        case .reSorting: LocalizedText(kk: "Қайта сұрыптау", ru: "Пересортица", en: "Re-sorting")
        case .editing: LocalizedText(kk: "Деректерді түзету", ru: "Редактирование данных", en: "Editing")
        }
    }
}
