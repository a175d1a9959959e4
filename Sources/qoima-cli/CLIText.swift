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
    static let importSummary = LocalizedText(
        kk: "импортталды %1$@, ақаулары барлары %2$@, оқылмағандары %3$@",
        ru: "импортировано %1$@, с проблемами %2$@, не прочитано %3$@",
        en: "imported %1$@, with problems %2$@, unreadable %3$@")
    static let importedWithProblem = LocalizedText(
        kk: "%1$@: %2$@ жобасы ретінде сақталды; %3$@ %4$@: %5$@",
        ru: "%1$@: сохранён как черновик %2$@; %3$@ %4$@: %5$@",
        en: "%1$@: stored as draft %2$@; %3$@ %4$@: %5$@")
    static let notImported = LocalizedText(
        kk: "%1$@: импортталмады: %2$@",
        ru: "%1$@: не импортирован: %2$@",
        en: "%1$@: not imported: %2$@")
    static let noCompany = LocalizedText(
        kk: "жөнелтушінің ЖСН/БСН-і (B 13) жоқ немесе қате, сондықтан кімнің жобасы екені белгісіз; --company BIN көрсетіңіз",
        ru: "ИИН/БИН отправителя (B 13) отсутствует или неверен, поэтому неясно, чей это черновик; укажите --company BIN",
        en: "the seller's IIN/BIN (B 13) is missing or invalid, so whose draft it is cannot be told; give --company BIN")
    static let importFailed = LocalizedText(
        kk: "импорт дерекқорға жазылмады, ештеңе импортталмады: %1$@",
        ru: "импорт не записан в базу, ничего не импортировано: %1$@",
        en: "the import could not be written to the database; nothing was imported: %1$@")
    static let listFooter = LocalizedText(
        kk: "%3$@ ішінен %1$@–%2$@ көрсетілді",
        ru: "показаны %1$@–%2$@ из %3$@",
        en: "showing %1$@–%2$@ of %3$@")
    static let noSuchSnt = LocalizedText(
        kk: "%1$@ нөмірлі ТІЖ жоқ; файл жазылмады",
        ru: "СНТ с номером %1$@ нет; файл не записан",
        en: "there is no SNT with id %1$@; no file was written")
    static let noOwnCompany = LocalizedText(
        kk: "БСН %1$@ бар өз компания жоқ",
        ru: "своей компании с БИН %1$@ нет",
        en: "no own company has the BIN %1$@")
    static let exported = LocalizedText(
        kk: "%1$@ ТІЖ %2$@ файлына жазылды",
        ru: "СНТ: %1$@, записаны в %2$@",
        en: "%1$@ SNTs written to %2$@")
    static let listHeader = LocalizedText(
        kk: "ID\tБАҒЫТ\tМӘРТЕБЕ\tНӨМІР\tКҮНІ\tКОНТРАГЕНТ\tЖСН/БСН\tСОМА\tТІРКЕУ НӨМІРІ",
        ru: "ID\tНАПРАВЛЕНИЕ\tСТАТУС\tНОМЕР\tДАТА\tКОНТРАГЕНТ\tИИН/БИН\tСУММА\tРЕГ. НОМЕР",
        en: "ID\tDIRECTION\tSTATUS\tNUMBER\tDATE\tCOUNTERPARTY\tIIN/BIN\tTOTAL\tREGISTRATION NUMBER")
}

/// Writes to standard error.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
