// What users read for A 2.1.1 `reasonPaper` (the enumeration itself is in Snt/SntKinds.swift).

extension PaperReason {
    public var name: LocalizedText {
        switch self {
        case .downTime:
            LocalizedText(kk: "ЭШФ АЖ істен шықты немесе жоспарлы жұмыстар жүрді",
                          ru: "Сбой ИС ЭСФ или плановые работы",
                          en: "IS ESF was down or under planned works")
        case .unlawfulRemovalRegistration:
            LocalizedText(kk: "Тіркеуді уәкілетті орган бұғаттады",
                          ru: "Регистрация заблокирована уполномоченным органом",
                          en: "Registration was blocked by the authorised body")
        case .missingRequirement:
            LocalizedText(kk: "Ол кезде ТІЖ жазу міндеті болмады",
                          ru: "Обязанности выписывать СНТ тогда не было",
                          en: "No SNT was required at the time")
        }
    }
}
