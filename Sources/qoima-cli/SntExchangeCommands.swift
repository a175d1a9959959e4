import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaStore

/// `qoima-cli snt send ID...`: signs and sends drafts through the outbox, and waits until IS ESF
/// has registered or refused each.
struct SntSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sign drafts and send them to IS ESF; wait for each to be registered or refused.",
        discussion: """
            Each send is a job in the database's outbox before anything is sent. A send whose answer is lost is \
            never repeated blindly: IS ESF is first asked whether it has the document. Exit status: 0 when every \
            document is registered, 1 when any was refused or is still unfinished at --wait (run `snt send` or \
            `snt outbox` again later), 2 for bad input.
            """)

    @OptionGroup var options: ESFOptions

    @Argument(help: ArgumentHelp("Local ids of the drafts (see `snt list`).", valueName: "ID"))
    var ids: [Int64] = []

    @Option(help: "Seconds to keep working before leaving unfinished jobs for later.")
    var wait: Int = 120

    func run() async throws {
        let connection = try ESFConnection.open(options)
        let outbox = SntOutbox(client: connection.client, database: connection.database,
                               signer: try connection.documentSigner(), company: connection.company)
        var jobs: [OutboxJob] = []
        for id in ids {
            do {
                jobs.append(try outbox.queueSend(draft: id))
            } catch let error as SntOutboxError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(2)
            }
        }
        let finished = try await outbox.run(only: ids.isEmpty ? nil : Set(jobs.map(\.id)),
                                            until: .now + .seconds(wait))
        try OutboxReport.print(finished, database: connection.database)
        if finished.contains(where: { $0.state != .done }) { throw ExitCode(1) }
    }
}

/// What `qoima-cli snt confirm|decline|revoke ID` share.
struct SntActionOptions: ParsableArguments {
    @OptionGroup var options: ESFOptions

    @Argument(help: ArgumentHelp("Local id of the SNT (see `snt list`).", valueName: "ID"))
    var id: Int64

    @Option(help: ArgumentHelp("Why the SNT is declined or revoked (required for those).", valueName: "TEXT"))
    var cause: String?

    @Option(help: ArgumentHelp("Power of attorney number of the person accepting the goods.", valueName: "N"))
    var poaNumber: String?

    @Option(help: ArgumentHelp("Power of attorney date (dd.MM.yyyy).", valueName: "DATE"))
    var poaDate: String?

    @Option(help: "Seconds to keep working before leaving the job for later.")
    var wait: Int = 60

    func validate() throws {
        try DateOption.check(poaDate, option: "--poa-date")
        guard (poaNumber == nil) == (poaDate == nil) else {
            throw ValidationError("--poa-number and --poa-date go together")
        }
    }

    func perform(_ kind: SntActionKind) async throws {
        let connection = try ESFConnection.open(options)
        let outbox = SntOutbox(client: connection.client, database: connection.database,
                               signer: try connection.documentSigner(), company: connection.company)
        let attorney = poaNumber.flatMap { number in poaDate.flatMap(CalendarDate.init(ddMMyyyy:)).map { (number, $0) } }
        let job: OutboxJob
        do {
            job = try outbox.queueAction(kind, document: id, cause: cause, powerOfAttorney: attorney)
        } catch let error as SntOutboxError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
        let finished = try await outbox.run(only: [job.id], until: .now + .seconds(wait))
        try OutboxReport.print(finished, database: connection.database)
        if finished.contains(where: { $0.state != .done }) { throw ExitCode(1) }
    }

}

struct SntConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm an incoming SNT: the goods arrived (optionally with a power of attorney).")
    @OptionGroup var action: SntActionOptions
    func run() async throws { try await action.perform(.confirm) }
}

struct SntDeclineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Decline an incoming SNT, with --cause. An ESF linked to it is cancelled too.")
    @OptionGroup var action: SntActionOptions
    func run() async throws { try await action.perform(.decline) }
}

struct SntRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an own SNT, with --cause. An ESF linked to it is cancelled too.")
    @OptionGroup var action: SntActionOptions
    func run() async throws { try await action.perform(.revoke) }
}

/// `qoima-cli snt sync`: incoming and outgoing SNT updates.
struct SntSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the company's incoming and outgoing SNTs in step with IS ESF (resumes where it stopped).")

    @OptionGroup var options: ESFOptions

    func run() async throws {
        let connection = try ESFConnection.open(options)
        let sync = SntSync(client: connection.client, database: connection.database, company: connection.company)
        do {
            for report in try await sync.run() {
                print(CLIText.say(CLIText.sntSynced, report.direction.rawValue, String(report.count.inserted),
                                  String(report.count.updated), String(report.pages)))
                for id in report.count.unreadable { StandardError.print(CLIText.say(CLIText.unreadableSnt, String(id))) }
            }
        } catch let error as ESFError {
            throw ESFConnection.fail(error)
        }
    }
}

/// `qoima-cli snt outbox`: the jobs and where each stands.
struct SntOutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List the jobs sent or waiting to be sent to IS ESF, and their states.")

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Only this own company's jobs.", valueName: "BIN"))
    var company: String?

    func run() throws {
        let database = try database.open()
        let companies = try CompanyStore(database: database).all().filter { company == nil || $0.bin == company }
        let jobs = try companies.flatMap { try OutboxStore(database: database).jobs(companyId: $0.id) }
        try OutboxReport.print(jobs, database: database)
    }
}

/// Prints jobs, one line each: id, kind, document, state, outcome or error.
enum OutboxReport {
    static func print(_ jobs: [OutboxJob], database: QoimaDatabase) throws {
        Swift.print(CLIText.say(CLIText.outboxHeader))
        for job in jobs {
            let outcome = job.state == .done ? (job.result ?? "") : (job.lastError ?? job.result ?? "")
            Swift.print([String(job.id), job.kind.rawValue, job.sntId.map(String.init) ?? "", job.number ?? "",
                         job.state.label(in: CLIText.language), String(job.attempts), outcome]
                .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
        }
    }
}

extension CLIText {
    static let outboxHeader = LocalizedText(
        kk: "ТАПСЫРМА\tТҮРІ\tСНТ\tНӨМІР\tКҮЙІ\tӘРЕКЕТТЕР\tНӘТИЖЕ",
        ru: "ЗАДАНИЕ\tВИД\tСНТ\tНОМЕР\tСОСТОЯНИЕ\tПОПЫТКИ\tИТОГ",
        en: "JOB\tKIND\tSNT\tNUMBER\tSTATE\tATTEMPTS\tOUTCOME")
    static let sntSynced = LocalizedText(
        kk: "%1$@: жаңа %2$@, жаңартылған %3$@ (%4$@ бет)",
        ru: "%1$@: новых %2$@, обновлено %3$@ (страниц: %4$@)",
        en: "%1$@: %2$@ new, %3$@ updated (%4$@ pages)")
    static let unreadableSnt = LocalizedText(
        kk: "ЭШФ АЖ-дағы %1$@ СНТ-ның мәтіні оқылмайды; ол сақталмады",
        ru: "текст СНТ %1$@ из ИС ЭСФ не читается; она не сохранена",
        en: "the body of IS ESF's SNT %1$@ cannot be read; it was not stored")
}

/// `qoima-cli snt view ID`: tells IS ESF the receiver has opened an incoming SNT.
struct SntViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Mark an incoming SNT as viewed in IS ESF (NOT_VIEWED becomes DELIVERED), as opening it on the portal does.")

    @OptionGroup var options: ESFOptions

    @Argument(help: ArgumentHelp("Local id of the SNT (see `snt list`).", valueName: "ID"))
    var id: Int64

    func run() async throws {
        let connection = try ESFConnection.open(options)
        let documents = SntExchangeStore(database: connection.database)
        guard let state = try documents.exchangeState(id: id), let esfId = state.esfId else {
            StandardError.print(SntOutboxError.notRegistered(id).message(in: CLIText.language))
            throw ExitCode(2)
        }
        let results: [SntChangeResult]
        do {
            results = try await connection.client.viewSnts(ids: [esfId])
        } catch {
            throw ESFConnection.fail(error)
        }
        guard let status = results.first?.status else {
            StandardError.print(results.first?.errors.map(\.text).joined(separator: "; ") ?? "")
            throw ExitCode(1)
        }
        try SntRegistrationStore(database: connection.database).record(id: id, registrationNumber: state.registrationNumber,
                                                                       esfId: esfId, status: status)
        print("\(id)\t\(status.rawValue)")
    }
}
