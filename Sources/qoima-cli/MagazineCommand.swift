import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli magazine …`: the Magazine of paper SNTs (docs/magazine.md).
struct MagazineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "magazine",
        abstract: "Keep the Magazine of paper SNTs: issue, spoil, list, and track the deadline to enter them into IS ESF.",
        discussion: """
            When IS ESF is down, goods move on paper SNTs: each takes the next number of the company's Magazine \
            for its year, and must be entered into IS ESF within \(PaperEntryDeadline.workingDays) working days \
            after IS ESF works again (Kazakhstan's holidays of \(MagazineCommand.knownYears) are known). Exit status: \
            0 done, 1 (list) some entries shown are overdue, 2 refused or bad input, nothing changed.
            """,
        subcommands: [MagazineAddCommand.self, MagazineListCommand.self, MagazineSpoilCommand.self,
                      MagazineRestoreCommand.self, MagazineEnterCommand.self, MagazineDeadlineCommand.self,
                      MagazinePdfCommand.self]
    )

    static var knownYears: String {
        WorkingCalendar.kazakhstan.years.map { String($0.year) }.joined(separator: ", ")
    }
}

/// An existing entry, as the user names it: its number in a year's Magazine, or its id.
struct MagazineEntryOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The entry's number in the year's Magazine.", valueName: "NUMBER"))
    var number: Int?
    @Option(help: ArgumentHelp("The Magazine's year (default: this year).", valueName: "YEAR"))
    var year: Int?
    @Option(help: ArgumentHelp("The entry's id instead of its number (see `magazine list --json`).", valueName: "ID"))
    var id: Int64?

    var isGiven: Bool { number != nil || id != nil }

    func validate() throws {
        if number != nil, id != nil { throw ValidationError(CLIText.say(CLIText.magazineNumberOrId)) }
    }

    /// The entry's id; says which entry is missing and exits with 2.
    func resolve(_ store: MagazineStore, companyId: Int64) throws -> Int64 {
        let year = year ?? KazakhstanClock.today().year
        var entry: MagazineEntry?
        if let id {
            entry = try store.entry(id: id)
        } else if let number {
            entry = try store.entry(companyId: companyId, year: year, number: number)
        }
        guard let entry, entry.companyId == companyId else {
            let named = id.map(String.init) ?? number.map { "\($0)/\(year)" } ?? ""
            throw MagazineFailure.report(MagazineError.noSuchEntry(named), options: [:])
        }
        return entry.id
    }
}

/// Refusals as the Magazine commands print them: the option (or argument) at fault, then why.
enum MagazineFailure {
    static func report(_ error: Error, options: [MagazineError.Field: String]) -> Error {
        guard let error = error as? MagazineError else { return error }
        let place = options[error.field] ?? (error.field == .entry ? "NUMBER" : nil)
        StandardError.print((place.map { $0 + ": " } ?? "") + error.message(in: CLIText.language))
        return ExitCode(2)
    }

    /// Runs `body`; a refusal is printed with its option and exits with 2.
    static func run<T>(options: [MagazineError.Field: String], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw report(error, options: options)
        }
    }
}

/// Reading the Magazine's options.
enum MagazineArgument {
    static func date(_ text: String?, option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        return try day(text, option: option)
    }

    static func day(_ text: String, option: String) throws -> CalendarDate {
        guard let day = CalendarDate(ddMMyyyy: text) else {
            try DateOption.check(text, option: option)
            throw ValidationError(option)
        }
        return day
    }

    static func state(_ text: String) throws -> MagazineEntry.State {
        guard let state = MagazineEntry.State(rawValue: text.lowercased()) else {
            throw ValidationError(CLIText.say(CLIText.magazineBadState, text,
                                              MagazineEntry.State.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return state
    }

    /// A day given on the command line as an instant: noon in Kazakhstan, so it stays that day.
    static func instant(of day: CalendarDate) -> Date { KazakhstanClock.noon(of: day) }
}

extension CLIText {
    static let magazineIssued = LocalizedText(
        kk: "журнал жазбасы %1$@: %2$@ ТІЖ (№%3$@) %4$@ қағазда жазылды; себебі: %5$@",
        ru: "запись журнала %1$@: СНТ %2$@ (№ %3$@) выписана на бумаге %4$@; причина: %5$@",
        en: "Magazine entry %1$@: SNT %2$@ (number %3$@) issued on paper on %4$@; reason: %5$@")
    static let magazineSpoiled = LocalizedText(
        kk: "журнал жазбасы %1$@: бланк бүлінген деп белгіленді (%2$@)",
        ru: "запись журнала %1$@: бланк отмечен как испорченный (%2$@)",
        en: "Magazine entry %1$@: the blank is recorded as spoiled (%2$@)")
    static let magazineRestored = LocalizedText(
        kk: "%1$@: ЭШФ АЖ-ға %2$@ енгізу керек",
        ru: "%1$@: ввести в ИС ЭСФ %2$@",
        en: "%1$@: enter into IS ESF %2$@")
    static let magazineNothingToRestore = LocalizedText(
        kk: "%1$@ дейін қағазда жазылған, қалпына келтіру күні жоқ ашық жазба жоқ (бар күнді ауыстыру үшін: --replace)",
        ru: "нет открытых записей, выписанных не позже %1$@ и без даты восстановления (заменить указанные даты: --replace)",
        en: "no open entry issued on or before %1$@ lacks a restore date (to change those given: --replace)")
    static let magazineEntered = LocalizedText(
        kk: "%1$@: ЭШФ АЖ-ға %2$@ нөмірімен %3$@ енгізілді",
        ru: "%1$@: введена в ИС ЭСФ под номером %2$@, %3$@",
        en: "%1$@: entered into IS ESF as %2$@ on %3$@")
    static let magazineNothingRegistered = LocalizedText(
        kk: "қағазда берілген жазбалардың ешқайсысының ТІЖ-і әлі тіркелмеген",
        ru: "ни одна СНТ выписанных на бумаге записей ещё не зарегистрирована",
        en: "no SNT of an entry issued on paper is registered yet")
    static let magazineListHeader = LocalizedText(
        kk: "НӨМІРІ\tҚАҒАЗ КҮНІ\tСЕБЕБІ\tТІЖ\tТІЖ НӨМІРІ\tАЛУШЫ\tКҮЙІ\tТІРКЕУ НӨМІРІ",
        ru: "НОМЕР\tДАТА НА БУМАГЕ\tПРИЧИНА\tСНТ\tНОМЕР СНТ\tПОЛУЧАТЕЛЬ\tСОСТОЯНИЕ\tРЕГ. НОМЕР",
        en: "NUMBER\tPAPER DATE\tREASON\tSNT\tSNT NUMBER\tRECIPIENT\tSTATE\tREGISTRATION NUMBER")
    static let magazineListFooter = LocalizedText(
        kk: "жазбалар: %1$@, мерзімі өткені: %2$@",
        ru: "записей: %1$@, просрочено: %2$@",
        en: "entries: %1$@, overdue: %2$@")
    static let magazineNumberOrId = LocalizedText(
        kk: "жазбаны нөмірімен НЕМЕСЕ --id арқылы көрсетіңіз, екеуін бірге емес",
        ru: "укажите запись номером ИЛИ через --id, но не тем и другим сразу",
        en: "name the entry by NUMBER or by --id, not both")
    static let magazineNeedsEntry = LocalizedText(
        kk: "қай жазба екенін көрсетіңіз: НӨМІР немесе --id",
        ru: "укажите запись: НОМЕР или --id",
        en: "name the entry: NUMBER or --id")
    static let magazineBlankOrEntry = LocalizedText(
        kk: "не жазбаны (НӨМІР немесе --id), не --blank көрсетіңіз",
        ru: "укажите либо запись (НОМЕР или --id), либо --blank",
        en: "give either an entry (NUMBER or --id) or --blank")
    static let magazineBadState = LocalizedText(
        kk: "--state: «%1$@» — мыналардың бірі емес: %2$@",
        ru: "--state: «%1$@» — не одно из: %2$@",
        en: "--state: \"%1$@\" is not one of %2$@")
    static let magazineDateNeedsNumber = LocalizedText(
        kk: "--date тек --registration-number бірге беріледі (онсыз күн ТІЖ-дің өзінен алынады)",
        ru: "--date указывается только вместе с --registration-number (без него дата берётся из самой СНТ)",
        en: "--date goes with --registration-number (without it, the day is the SNT's own)")
    static let magazineDeadlineDay = LocalizedText(
        kk: "%1$@-жұмыс күні", ru: "рабочий день %1$@", en: "working day %1$@")
}
