import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// The options of every command that talks to IS ESF: which database, company and server, and
/// how to get the key and cabinet passwords.
struct ESFOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The own company, by BIN (default: the only company logged in).", valueName: "BIN"))
    var company: String?

    @Option(help: ArgumentHelp(
        "IS ESF to talk to: production, test, or a base URL; a loopback URL is the sandbox (default: the server of `esf login`).",
        valueName: "URL"))
    var server: String?

    @Option(help: ArgumentHelp("Verify the server's TLS certificate against this CA bundle instead of the system's.",
                               valueName: "FILE"))
    var caBundle: String?

    @OptionGroup var keyPassword: KeyPasswordOption

    @Option(help: ArgumentHelp(
        "Read the IS ESF cabinet password (the portal account's, not the key's) from FILE.", valueName: "FILE"))
    var cabinetPasswordFile: String?

    /// The server `--server` names, or nil when not given; exits with 2 when it names none.
    func serverProfile() throws -> ESFServerProfile? {
        guard let server else { return nil }
        guard let profile = ESFServerProfile.named(server, caBundlePath: caBundle) else {
            StandardError.print(CLIText.say(CLIText.badServer, server))
            throw ExitCode(2)
        }
        return profile
    }

    /// The own company of `--company`, or the only one logged in.
    func ownCompany(_ database: QoimaDatabase) throws -> OwnCompany {
        let companies = CompanyStore(database: database)
        if let bin = company {
            guard let own = try companies.company(bin: bin) else {
                StandardError.print(CLIText.say(CLIText.notLoggedIn, bin))
                throw ExitCode(2)
            }
            return own
        }
        let logins = ESFLoginStore(database: database)
        let loggedIn = try companies.all().filter { try logins.login(companyId: $0.id) != nil }
        guard loggedIn.count == 1 else {
            StandardError.print(CLIText.say(loggedIn.isEmpty ? CLIText.nobodyLoggedIn : CLIText.chooseCompany,
                                            loggedIn.map(\.bin).joined(separator: ", ")))
            throw ExitCode(2)
        }
        return loggedIn[0]
    }

    /// The cabinet password: from `--cabinet-password-file`, the keyring, or the terminal.
    func cabinetPassword(iin: String, server: String) throws -> SecretBytes {
        let identity = ESFCredentials.keyringIdentity(iin: iin, server: server)
        if let cabinetPasswordFile {
            do {
                return try PasswordInput.fromFile(cabinetPasswordFile)
            } catch let error as SigningError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(2)
            }
        }
        if let stored = try? KeyringPasswordStore().lookup(for: identity) { return stored }
        do {
            return try PasswordInput.fromTerminal(prompt: CLIText.say(CLIText.cabinetPasswordPrompt, iin))
        } catch let error as PasswordInputError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }

    /// Keeps the cabinet password in the keyring when `--remember` was given.
    func rememberCabinetPassword(_ password: SecretBytes, iin: String, server: String) {
        guard keyPassword.remember else { return }
        let identity = ESFCredentials.keyringIdentity(iin: iin, server: server)
        try? KeyringPasswordStore().store(password: password, for: identity,
                                          label: CLIText.say(CLIText.cabinetKeyringLabel, iin))
    }

    /// Opens a PKCS#12 key as `keys` commands do; a wrong password or unreadable file is said
    /// and exits with 2.
    func openKey(_ path: String) throws -> Pkcs12Signer {
        try KeyFile.open(path, with: keyPassword)
    }
}

extension CLIText {
    static let badServer = LocalizedText(
        kk: "--server: «%1$@» — production, test немесе http(s)://хост:порт болуы керек",
        ru: "--server: «%1$@» — нужно production, test или http(s)://хост:порт",
        en: "--server: \"%1$@\" must be production, test or http(s)://host:port")
    static let notLoggedIn = LocalizedText(
        kk: "БСН %1$@ компаниясы ЭШФ АЖ-ға кірмеген; алдымен qoima-cli esf login орындаңыз",
        ru: "компания с БИН %1$@ не выполнила вход в ИС ЭСФ; сначала выполните qoima-cli esf login",
        en: "the company with BIN %1$@ has not logged in to IS ESF; run qoima-cli esf login first")
    static let nobodyLoggedIn = LocalizedText(
        kk: "ешбір компания ЭШФ АЖ-ға кірмеген; алдымен qoima-cli esf login орындаңыз%1$@",
        ru: "ни одна компания не вошла в ИС ЭСФ; сначала выполните qoima-cli esf login%1$@",
        en: "no company has logged in to IS ESF; run qoima-cli esf login first%1$@")
    static let chooseCompany = LocalizedText(
        kk: "бірнеше компания кірген (%1$@); --company BIN арқылы таңдаңыз",
        ru: "вход выполнили несколько компаний (%1$@); выберите через --company BIN",
        en: "several companies are logged in (%1$@); choose one with --company BIN")
    static let cabinetPasswordPrompt = LocalizedText(
        kk: "%1$@ ЖСН-нің ЭШФ АЖ кабинетінің құпиясөзі: ",
        ru: "Пароль кабинета ИС ЭСФ для ИИН %1$@: ",
        en: "IS ESF cabinet password for IIN %1$@: ")
    static let cabinetKeyringLabel = LocalizedText(
        kk: "Qoima: %1$@ ЖСН-нің ЭШФ АЖ кабинетінің құпиясөзі",
        ru: "Qoima: пароль кабинета ИС ЭСФ для ИИН %1$@",
        en: "Qoima: IS ESF cabinet password for IIN %1$@")
}
