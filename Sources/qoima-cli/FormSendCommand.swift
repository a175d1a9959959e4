import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaStore

/// `qoima-cli form send ID...`: signs and uploads forms, and waits until IS ESF has processed or
/// refused each.
struct FormSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sign forms and send them to IS ESF; wait for each to be processed or refused.",
        discussion: """
            A form is checked again before it is queued and is refused while it has errors. Its send is recorded \
            before anything leaves; a send whose answer is lost is never repeated blindly: IS ESF's form feed is \
            searched for it first. Without IDs, continues the sends left unfinished. Exit status: 0 when every \
            form is processed, 1 when any failed or is still unfinished at --wait (run `form send` again later), \
            2 for bad input.
            """)

    @OptionGroup var options: ESFOptions

    @Argument(help: ArgumentHelp("Local ids of the forms (see `form list`).", valueName: "ID"))
    var ids: [Int64] = []

    @Option(help: "Seconds to keep working before leaving unfinished sends for later.")
    var wait: Int = 120

    func run() async throws {
        let connection = try ESFConnection.open(options)
        let sender = UFormSender(client: connection.client, database: connection.database,
                                 signer: try connection.documentSigner(), company: connection.company)
        let store = UFormStore(database: connection.database)
        for id in ids {
            guard let form = try store.form(id: id), form.companyId == connection.company.id else {
                StandardError.print(CLIText.say(CLIText.noSuchForm, String(id)))
                throw ExitCode(2)
            }
            do {
                try sender.queue(id: id)
            } catch let error as UFormStoreError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(2)
            } catch let error as UFormSendError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(2)
            }
        }
        let finished = try await sender.run(only: ids.isEmpty ? nil : Set(ids), until: .now + .seconds(wait))
        for form in finished {
            let outcome = form.status == .processed ? (form.exchange.registrationNumber ?? "")
                : (form.exchange.sendState?.isActive == true ? form.exchange.sendState!.label.text(in: CLIText.language)
                    : form.exchange.cancelReason ?? form.exchange.sendError ?? "")
            print(CLIText.say(CLIText.formSent, String(form.id), form.form.number,
                              form.status.label.text(in: CLIText.language), outcome))
            for error in form.exchange.errors {
                print("  " + [UFormPath.location(of: error.field ?? error.property ?? ""), error.code ?? "", error.text]
                    .filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
        if finished.contains(where: { $0.status != .processed }) { throw ExitCode(1) }
    }
}
