import ArgumentParser
import Foundation
import QoimaCore
import QoimaSigning

/// How a command that opens a key file gets its password: `--password-file FILE`, else the
/// desktop keyring when the password was remembered there, else typed on the terminal with echo
/// off. The password is never written to a file, the database or a log; only `--remember` puts it
/// in the keyring, which encrypts it.
struct KeyPasswordOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read the key's password from FILE (a trailing newline is dropped); /dev/stdin reads it from a pipe.",
        valueName: "FILE"))
    var passwordFile: String?

    @Flag(help: ArgumentHelp(
        "Once the key has opened, keep its password in the desktop keyring so later runs do not ask for it.",
        discussion: "Without --remember the password stays in memory only, until the command ends."))
    var remember = false

    /// Where a password came from.
    enum Source: Equatable { case file, keyring, terminal }

    /// The password for the key in `keyPath`: from `--password-file`, else from the keyring, else
    /// asked for with `prompt` (default: `Password for NAME: `). Says why not and exits with 2
    /// when there is no way to get it. The caller wipes it when done.
    func password(for keyPath: String, prompt: String? = nil) throws -> SecretBytes {
        try obtainPassword(for: keyPath, prompt: prompt).password
    }

    /// Call once the key opened with `password`: keeps it in the keyring when `--remember` was
    /// given (saying so on standard error), and does nothing otherwise. A keyring that cannot take
    /// it is reported, but does not fail the command, whose work is done.
    func keyOpened(keyPath: String, password: SecretBytes) {
        guard remember else { return }
        do {
            try KeyringPasswordStore().store(password: password, for: KeyIdentity.file(keyPath),
                                             label: CLIText.say(CLIText.keyringLabel, KeyIdentity.file(keyPath)))
            StandardError.print(CLIText.say(CLIText.passwordRemembered))
        } catch let error as SigningError {
            StandardError.print(CLIText.say(CLIText.passwordNotRemembered, error.message(in: CLIText.language)))
        } catch {
            StandardError.print(CLIText.say(CLIText.passwordNotRemembered, "\(error)"))
        }
    }

    /// Gets the password, opens the key with `open`, and calls `keyOpened` when it opened. A
    /// password from the keyring that the key refuses (it was changed since) is removed from the
    /// keyring, and the password is asked for on the terminal instead. The password is wiped
    /// before this returns.
    func openKey<Key>(at keyPath: String, prompt: String? = nil, _ open: (SecretBytes) throws -> Key) throws -> Key {
        let (password, source) = try obtainPassword(for: keyPath, prompt: prompt)
        defer { password.wipe() }
        do {
            let key = try open(password)
            if source != .keyring { keyOpened(keyPath: keyPath, password: password) }
            return key
        } catch SigningError.wrongPassword where source == .keyring {
            _ = try? KeyringPasswordStore().forget(KeyIdentity.file(keyPath))
            StandardError.print(CLIText.say(CLIText.rememberedPasswordRefused))
            let typed = try askOnTerminal(for: keyPath, prompt: prompt)
            defer { typed.wipe() }
            let key = try open(typed)
            keyOpened(keyPath: keyPath, password: typed)
            return key
        }
    }

    func obtainPassword(for keyPath: String, prompt: String?) throws -> (password: SecretBytes, source: Source) {
        if let passwordFile {
            do {
                return (try PasswordInput.fromFile(passwordFile), .file)
            } catch let error as SigningError {
                StandardError.print(error.message(in: CLIText.language))
                throw ExitCode(2)
            }
        }
        // Looking up is harmless: without an earlier --remember nothing is there. A keyring that
        // cannot be reached is no reason to fail; the terminal is asked instead.
        if let stored = try? KeyringPasswordStore().lookup(for: KeyIdentity.file(keyPath)) {
            return (stored, .keyring)
        }
        return (try askOnTerminal(for: keyPath, prompt: prompt), .terminal)
    }

    private func askOnTerminal(for keyPath: String, prompt: String?) throws -> SecretBytes {
        let prompt = prompt ?? CLIText.say(CLIText.keyPasswordPrompt, URL(fileURLWithPath: keyPath).lastPathComponent)
        do {
            return try PasswordInput.fromTerminal(prompt: prompt)
        } catch let error as PasswordInputError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }
}

extension CLIText {
    static let keyPasswordPrompt = LocalizedText(
        kk: "%1$@ кілтінің құпиясөзі: ",
        ru: "Пароль ключа %1$@: ",
        en: "Password for %1$@: ")
    static let keyringLabel = LocalizedText(
        kk: "Qoima: %1$@ кілтінің құпиясөзі",
        ru: "Qoima: пароль ключа %1$@",
        en: "Qoima: password for the key %1$@")
    static let passwordRemembered = LocalizedText(
        kk: "кілттің құпиясөзі жүйелік кілттер қоймасында сақталды; ол енді сұралмайды",
        ru: "пароль ключа сохранён в системном хранилище паролей; больше он не спрашивается",
        en: "the key's password is kept in the desktop keyring; it will not be asked for again")
    static let passwordNotRemembered = LocalizedText(
        kk: "кілттің құпиясөзі сақталмады: %1$@",
        ru: "пароль ключа не сохранён: %1$@",
        en: "the key's password was not kept: %1$@")
    static let rememberedPasswordRefused = LocalizedText(
        kk: "кілттер қоймасында сақталған құпиясөз кілтті енді ашпайды; ол қоймадан өшірілді",
        ru: "пароль из системного хранилища больше не открывает ключ; он удалён из хранилища",
        en: "the password kept in the desktop keyring no longer opens the key; it was removed from the keyring")
}
