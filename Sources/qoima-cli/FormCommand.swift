import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli form …`: universal forms of the virtual warehouse (balance entry, production,
/// movement, write-off, detailing, balance correction).
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Draw up, check, send and list universal forms of the virtual warehouse.",
        subcommands: [FormNewCommand.self, FormCheckCommand.self, FormSendCommand.self, FormListCommand.self]
    )
}

/// The database and the own company of commands that work offline.
struct FormCompanyOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The own company, by BIN (default: the only one).", valueName: "BIN"))
    var company: String?

    /// Opens the database and finds the company; says why not and exits with 2.
    func open() throws -> (database: QoimaDatabase, company: OwnCompany) {
        let database = try database.open()
        let companies = try CompanyStore(database: database).all().filter { company == nil || $0.bin == company }
        guard companies.count == 1 else {
            StandardError.print(CLIText.say(companies.isEmpty ? CLIText.noOwnCompany : CLIText.chooseCompany,
                                            company ?? companies.map(\.bin).joined(separator: ", ")))
            throw ExitCode(2)
        }
        return (database, companies[0])
    }
}

/// Reading the forms' enumerations from the command line: the wire value in any case, with `-`
/// for `_` (`write-off`, `WRITE_OFF`).
enum FormArgument {
    static func parse<Value: RawRepresentable<String> & CaseIterable>(_ text: String, as _: Value.Type,
                                                                       option: String) throws -> Value {
        let wire = text.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let value = Value(rawValue: wire) else {
            throw ValidationError("\(option): \"\(text)\" is not one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}

/// Problems as the form commands print them: `location severity rule: message`.
enum FormProblemText {
    static func line(_ problem: UFormProblem) -> String {
        "\(problem.location) \(problem.severity.rawValue) \(problem.rule.id): \(problem.message(in: CLIText.language))"
    }

    static func json(_ problem: UFormProblem) -> [String: Any] {
        ["path": problem.path, "field": problem.field, "table": problem.table?.rawValue ?? NSNull(),
         "line": problem.lineNumber.map { $0 as Any } ?? NSNull(), "rule": problem.rule.id,
         "severity": problem.severity.rawValue, "message": problem.message(in: CLIText.language)]
    }
}

extension CLIText {
    static let formSaved = LocalizedText(
        kk: "%1$@ форма (%2$@, №%3$@) жоба ретінде сақталды",
        ru: "форма %1$@ (%2$@, № %3$@) сохранена как черновик",
        en: "form %1$@ (%2$@, number %3$@) saved as a draft")
    static let formProblems = LocalizedText(
        kk: "қателер: %1$@, ескертулер: %2$@",
        ru: "ошибок: %1$@, предупреждений: %2$@",
        en: "errors: %1$@, warnings: %2$@")
    static let noSuchForm = LocalizedText(
        kk: "%1$@ нөмірлі форма жоқ (қараңыз: form list)",
        ru: "формы с локальным номером %1$@ нет (см. form list)",
        en: "there is no form %1$@ (see `form list`)")
    static let noBatch = LocalizedText(
        kk: "%1$@: %3$@ қоймасында %2$@ партиясы жоқ (соңғы синхрондау бойынша; balances sync іске қосыңыз)",
        ru: "%1$@: партии %2$@ нет на складе %3$@ (по последней синхронизации; выполните balances sync)",
        en: "%1$@: batch %2$@ is not in warehouse %3$@ (as last synced; run `balances sync`)")
    static let formFileUnreadable = LocalizedText(
        kk: "%1$@ файлы UFormV1 құжаты ретінде оқылмайды: %2$@",
        ru: "файл %1$@ не читается как документ UFormV1: %2$@",
        en: "%1$@ cannot be read as a UFormV1 document: %2$@")
    static let formListHeader = LocalizedText(
        kk: "ID\tТҮРІ\tНӨМІРІ\tКҮНІ\tҚОЙМА\tАЛУШЫ\tСОМАСЫ\tКҮЙІ\tТІРКЕУ НӨМІРІ\tҚАТЕЛЕР",
        ru: "ID\tВИД\tНОМЕР\tДАТА\tСКЛАД\tПОЛУЧАТЕЛЬ\tСУММА\tСТАТУС\tРЕГ. НОМЕР\tОШИБКИ",
        en: "ID\tKIND\tNUMBER\tDATE\tWAREHOUSE\tRECIPIENT\tTOTAL\tSTATUS\tREGISTRATION\tERRORS")
    static let formListFooter = LocalizedText(
        kk: "%2$@ форманың %1$@ көрсетілді",
        ru: "показано %1$@ из %2$@",
        en: "%1$@ of %2$@ forms shown")
    static let formSent = LocalizedText(
        kk: "%1$@ форма (№%2$@): %3$@ %4$@",
        ru: "форма %1$@ (№ %2$@): %3$@ %4$@",
        en: "form %1$@ (%2$@): %3$@ %4$@")
    static let previewHeader = LocalizedText(
        kk: "ҚОЙМА\tПАРТИЯ\tАТАУЫ\tБЫЛ\tӨЗГЕРІС\tБОЛАДЫ\tҚОЛЖЕТІМДІ",
        ru: "СКЛАД\tПАРТИЯ\tНАИМЕНОВАНИЕ\tБЫЛО\tИЗМЕНЕНИЕ\tСТАНЕТ\tДОСТУПНО",
        en: "STORE\tBATCH\tNAME\tBEFORE\tCHANGE\tAFTER\tAVAILABLE")
    static let newBatch = LocalizedText(kk: "жаңа", ru: "новая", en: "new")
}
