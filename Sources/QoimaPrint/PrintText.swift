import QoimaCore

/// The printouts' own words, in the three languages.
enum PrintText {
    static let pageOf = LocalizedText(kk: "%2$@ беттің %1$@-беті", ru: "страница %1$@ из %2$@", en: "page %1$@ of %2$@")
    static let signature = LocalizedText(kk: "қолы", ru: "подпись", en: "signature")
    static let fullName = LocalizedText(kk: "аты-жөні", ru: "Ф. И. О.", en: "full name")
    static let sealPlace = LocalizedText(kk: "М. О.", ru: "М. П.", en: "place of seal")
    static let carriedForward = LocalizedText(kk: "Келесі бетке көшірілді", ru: "Перенос на следующую страницу",
                                              en: "Carried forward")
    static let broughtForward = LocalizedText(kk: "Алдыңғы беттен көшірілді", ru: "Перенос с предыдущей страницы",
                                              en: "Brought forward")
    static let total = LocalizedText(kk: "Барлығы", ru: "Итого", en: "Total")
    static let yes = LocalizedText(kk: "Иә", ru: "Да", en: "Yes")
    static let no = LocalizedText(kk: "Жоқ", ru: "Нет", en: "No")
    static let bin = LocalizedText(kk: "БСН", ru: "БИН", en: "BIN")
    static let provisional = LocalizedText(
        kk: "Бағандар болжамды (ресми тізім әлі оқылмаған), нұсқа %1$@",
        ru: "Графы предварительные (официальный перечень ещё не прочитан), версия %1$@",
        en: "Provisional columns (the official list has not been read yet), version %1$@")
}
