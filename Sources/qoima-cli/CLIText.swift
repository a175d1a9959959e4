import Foundation
import QoimaCore

/// The command-line tool's own messages, in the three languages; the rest comes from QoimaCore.
enum CLIText {
    static let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)

    static func say(_ text: LocalizedText, _ arguments: String...) -> String {
        text.text(in: language, arguments)
    }

    static let normalizeNeedsOneDocument = LocalizedText(
        kk: "файлда %1$@ құжат бар; нөмірін --document арқылы таңдаңыз",
        ru: "в файле %1$@ документов; выберите номер через --document",
        en: "the file holds %1$@ documents; choose one with --document")
    static let noSuchDocument = LocalizedText(
        kk: "файлда %1$@ нөмірлі құжат жоқ (барлығы %2$@)",
        ru: "в файле нет документа № %1$@ (всего %2$@)",
        en: "the file has no document #%1$@ (it holds %2$@)")
    static let cannotNormalize = LocalizedText(
        kk: "құжатты қалыпқа келтіру мүмкін емес: оның мәндері оқылмайды (төменде)",
        ru: "документ нельзя привести к каноническому виду: часть значений не читается (см. ниже)",
        en: "the document cannot be normalised: some of its values cannot be read (below)")
    static let originalUnusable = LocalizedText(
        kk: "--original файлында бір ғана оқылатын ТІЖ болуы керек: %1$@",
        ru: "в файле --original должна быть ровно одна читаемая СНТ: %1$@",
        en: "the --original file must hold exactly one readable SNT: %1$@")
    static let backupWritten = LocalizedText(
        kk: "сақтық көшірме жазылды: %1$@",
        ru: "резервная копия записана: %1$@",
        en: "backup written: %1$@")
    static let restored = LocalizedText(
        kk: "%1$@ көшірмесінен %2$@ қалпына келтірілді",
        ru: "база %2$@ восстановлена из копии %1$@",
        en: "%2$@ restored from %1$@")
    static let databaseSound = LocalizedText(
        kk: "%1$@: тұтастық пен сыртқы кілттер тексерілді, ақау жоқ",
        ru: "%1$@: целостность и внешние ключи проверены, проблем нет",
        en: "%1$@: integrity and foreign keys checked, no problems")
    static let summary = LocalizedText(
        kk: "тексерілген құжаттар: %1$@; қателер: %2$@, ескертулер: %3$@",
        ru: "проверено документов: %1$@; ошибок: %2$@, предупреждений: %3$@",
        en: "documents checked: %1$@; errors: %2$@, warnings: %3$@")
}

/// Writes to standard error.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
