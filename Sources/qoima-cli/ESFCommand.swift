import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// `qoima-cli esf …`: logging in to IS ESF.
struct ESFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esf",
        abstract: "Log in to IS ESF (or the sandbox) and out again.",
        subcommands: [Login.self, Logout.self]
    )

    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log in for a company: opens an IS ESF and a virtual-warehouse session and remembers the keys.",
            discussion: """
                The authentication key signs IS ESF's login ticket; the signing key (default: the same file) signs \
                documents. Qoima remembers the server and the keys' paths for the company, never a password: later \
                commands read them from --password-file / --cabinet-password-file, the keyring (with --remember), or \
                the terminal.
                """)

        @OptionGroup var options: ESFOptions

        @Option(help: ArgumentHelp("The authentication key (.p12) of the user.", valueName: "FILE"))
        var key: String

        @Option(help: ArgumentHelp("The key that signs documents (default: --key).", valueName: "FILE"))
        var signKey: String?

        func run() async throws {
            let database = try options.database.open()
            let authSigner = try options.openKey(key)
            let certificate = authSigner.certificate
            guard let iin = certificate.iin else {
                StandardError.print(CLIText.say(CLIText.keyWithoutIIN, key))
                throw ExitCode(2)
            }
            let bin = options.company ?? certificate.bin?.rawValue ?? iin.rawValue
            if let own = certificate.bin?.rawValue, own != bin {
                StandardError.print(CLIText.say(CLIText.keyOfAnotherCompany, key, own, bin))
                throw ExitCode(2)
            }
            let signPath = signKey ?? key
            if signKey != nil { _ = try options.openKey(signPath) }
            let server = try options.serverProfile() ?? .sandbox(port: 18443)
            let cabinet = try options.cabinetPassword(iin: iin.rawValue, server: server.baseURL)
            let companyId = try CompanyStore(database: database).findOrAdd(bin: bin,
                                                                           name: certificate.subject.organization ?? bin)
            let sessions = ESFSessionManager(server: server,
                                             credentials: ESFCredentials(bin: TaxpayerNumber(bin), authSigner: authSigner,
                                                                         cabinetPassword: cabinet),
                                             sessionIds: StoredSessionIds(database: database))
            do {
                for scope in [ESFScope.esf, .vstore] { _ = try await sessions.sessionId(scope) }
            } catch {
                throw ESFConnection.fail(error)
            }
            options.rememberCabinetPassword(cabinet, iin: iin.rawValue, server: server.baseURL)
            try ESFLoginStore(database: database).save(ESFLogin(
                companyId: companyId, server: server.baseURL, userIin: iin.rawValue,
                userName: certificate.subject.fullName, authKeyPath: Self.absolute(key),
                signKeyPath: Self.absolute(signPath)))
            print(CLIText.say(CLIText.loggedIn, server.baseURL, certificate.subject.fullName,
                              iin.rawValue, bin))
        }

        static func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }

    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the company's IS ESF sessions.")

        @OptionGroup var options: ESFOptions

        func run() async throws {
            let connection = try ESFConnection.open(options)
            await connection.sessions.close()
            print(CLIText.say(CLIText.loggedOut, connection.company.bin))
        }
    }
}

extension CLIText {
    static let keyWithoutIIN = LocalizedText(
        kk: "%1$@ кілтінің сертификатында ЖСН жоқ: ол ЭШФ АЖ-ға кіре алмайды",
        ru: "в сертификате ключа %1$@ нет ИИН: с ним нельзя войти в ИС ЭСФ",
        en: "the certificate of %1$@ holds no IIN: it cannot log in to IS ESF")
    static let keyOfAnotherCompany = LocalizedText(
        kk: "%1$@ кілті БСН %2$@ компаниясыныкі, ал --company %3$@",
        ru: "ключ %1$@ принадлежит компании с БИН %2$@, а --company %3$@",
        en: "the key %1$@ belongs to BIN %2$@, but --company is %3$@")
    static let loggedIn = LocalizedText(
        kk: "%1$@: %2$@ (ЖСН %3$@) БСН %4$@ атынан кірді",
        ru: "%1$@: вход выполнен, %2$@ (ИИН %3$@) от имени БИН %4$@",
        en: "%1$@: logged in as %2$@ (IIN %3$@) for BIN %4$@")
    static let loggedOut = LocalizedText(
        kk: "БСН %1$@ сессиялары жабылды",
        ru: "сессии БИН %1$@ закрыты",
        en: "the sessions of BIN %1$@ are closed")
}
