import COpenSSL
import Foundation
import QoimaCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reading a key's password from where the user keeps it, without it touching the disk: no
/// String, no temporary file, and every buffer it passed through wiped.
public enum PasswordInput {
    /// A password file holds the password and perhaps a newline; anything longer is a mistake.
    public static let largestFile = 64 * 1024
    /// The longest line a terminal hands over in its line-editing mode.
    public static let longestTypedPassword = 4096

    /// The contents of `path` less one trailing "\n" or "\r\n" (as `echo` or an editor leaves
    /// it). Works with files, pipes and `/dev/stdin`.
    public static func fromFile(_ path: String) throws -> SecretBytes {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SigningError.unreadableFile(path: path, reason: systemError()) }
        defer { close(descriptor) }

        var buffer = [UInt8](repeating: 0, count: largestFile + 1)
        defer { buffer.wipe() }
        var length = 0
        while length < buffer.count {
            let read = buffer.withUnsafeMutableBytes { bytes in
                Glibc.read(descriptor, bytes.baseAddress! + length, bytes.count - length)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw SigningError.unreadableFile(path: path, reason: systemError())
            }
            if read == 0 { break }
            length += read
        }
        guard length <= largestFile else {
            throw SigningError.unreadableFile(
                path: path, reason: "it is larger than \(largestFile / 1024) KiB, too large to hold only a password")
        }
        if length > 0, buffer[length - 1] == 0x0A {
            length -= 1
            if length > 0, buffer[length - 1] == 0x0D { length -= 1 }
        }
        return buffer.withUnsafeBufferPointer { SecretBytes(bytes: Array($0[0..<length])) }
    }

    /// Asks on the controlling terminal (`/dev/tty`, whatever standard input and output are) with
    /// echo off, and reads one line. The terminal's settings come back on every way out,
    /// including SIGINT, SIGQUIT, SIGTERM and SIGHUP while waiting (the signal then ends the
    /// process as it would have). Throws `PasswordInputError.noTerminal` when there is none.
    public static func fromTerminal(prompt: String) throws -> SecretBytes {
        try terminalInUse.withLock { _ in try readFromTerminal(prompt: prompt) }
    }

    private static func readFromTerminal(prompt: String) throws -> SecretBytes {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else { throw PasswordInputError.noTerminal(reason: "/dev/tty: " + systemError()) }
        defer { close(terminal) }
        var settings = termios()
        guard tcgetattr(terminal, &settings) == 0 else {
            throw PasswordInputError.noTerminal(reason: "/dev/tty: " + systemError())
        }

        // Echo goes off before the prompt shows, so nothing typed after the prompt is echoed.
        var quiet = settings
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL)
        quiet.c_lflag |= tcflag_t(ICANON)
        let restorer = TerminalRestorer(terminal: terminal, settings: settings)
        defer { restorer.restore() }
        guard tcsetattr(terminal, TCSAFLUSH, &quiet) == 0 else {
            throw PasswordInputError.terminalFailure(reason: systemError())
        }
        write(terminal, Array(prompt.utf8))

        var line = [UInt8](repeating: 0, count: longestTypedPassword)
        defer { line.wipe() }
        var length = 0
        var ended = false
        var tooLong = false
        var byte: UInt8 = 0
        defer { byte = 0 }
        while true {
            let read = Glibc.read(terminal, &byte, 1)
            if read < 0 {
                if errno == EINTR { continue }
                throw PasswordInputError.terminalFailure(reason: systemError())
            }
            if read == 0 { break }
            if byte == 0x0A {
                ended = true
                break
            }
            if length < line.count {
                line[length] = byte
                length += 1
            } else {
                tooLong = true
            }
        }
        // The Enter that was not echoed.
        write(terminal, [0x0A])
        guard !tooLong else { throw PasswordInputError.tooLong(limit: longestTypedPassword) }
        // End of input (Ctrl-D) on an empty line: the user gave up.
        guard ended || length > 0 else { throw PasswordInputError.noPasswordTyped }
        if length > 0, line[length - 1] == 0x0D { length -= 1 }
        return line.withUnsafeBufferPointer { SecretBytes(bytes: Array($0[0..<length])) }
    }

    private static let terminalInUse = Mutex(())

    private static func write(_ descriptor: Int32, _ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// Why no password could be read from the terminal, said so that the user knows what to do.
public enum PasswordInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No controlling terminal (a service, a pipeline, a desktop launcher).
    case noTerminal(reason: String)
    /// The input ended (Ctrl-D) before anything was typed.
    case noPasswordTyped
    case tooLong(limit: Int)
    case terminalFailure(reason: String)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .noTerminal(reason):
            LocalizedText(kk: "кілттің құпиясөзін енгізетін терминал жоқ (%1$@): оны файлмен беріңіз, --password-file ФАЙЛ",
                          ru: "нет терминала, чтобы ввести пароль ключа (%1$@): передайте его в файле, --password-file ФАЙЛ",
                          en: "there is no terminal to type the key's password in (%1$@): give it in a file with --password-file FILE")
                .text(in: language, [reason])
        case .noPasswordTyped:
            LocalizedText(kk: "құпиясөз енгізілмеді", ru: "пароль не введён", en: "no password was typed").text(in: language)
        case let .tooLong(limit):
            LocalizedText(kk: "құпиясөз тым ұзын (ең көбі %1$@ байт)",
                          ru: "пароль слишком длинный (не больше %1$@ байт)",
                          en: "the password is too long (at most %1$@ bytes)").text(in: language, [String(limit)])
        case let .terminalFailure(reason):
            LocalizedText(kk: "терминалдан құпиясөзді оқу мүмкін емес: %1$@",
                          ru: "не удаётся прочитать пароль с терминала: %1$@",
                          en: "cannot read the password from the terminal: %1$@").text(in: language, [reason])
        }
    }
}

/// Puts a terminal's settings back when the prompt is over, and, while it is not, when a signal
/// that ends the process arrives (those signals are caught only where their action is the
/// default one, and reset to it first, so they still end the process).
private final class TerminalRestorer {
    private static let caught: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]
    private let terminal: Int32
    private var settings: termios
    private var replaced: [(signal: Int32, previous: sigaction)] = []

    init(terminal: Int32, settings: termios) {
        self.terminal = terminal
        self.settings = settings
        // Everything the handler reads is in place before it is installed.
        interruptedSettings.pointee = settings
        interruptedTerminal.store(terminal, ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in restoreTerminalAndResignal(signal) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
        for signal in Self.caught {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, previous.__sigaction_handler.sa_handler == nil,
                  previous.sa_flags & Int32(SA_SIGINFO) == 0 else { continue }
            if sigaction(signal, &action, nil) == 0 { replaced.append((signal, previous)) }
        }
    }

    func restore() {
        _ = tcsetattr(terminal, TCSAFLUSH, &settings)
        interruptedTerminal.store(-1, ordering: .releasing)
        for var entry in replaced { _ = sigaction(entry.signal, &entry.previous, nil) }
        replaced = []
    }
}

/// What the signal handler restores (one prompt at a time: `PasswordInput.terminalInUse`).
private let interruptedTerminal = Atomic<Int32>(-1)
nonisolated(unsafe) private let interruptedSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)

/// Runs in a signal handler: only async-signal-safe calls.
private func restoreTerminalAndResignal(_ signal: Int32) {
    let terminal = interruptedTerminal.load(ordering: .acquiring)
    if terminal >= 0 { _ = tcsetattr(terminal, TCSANOW, interruptedSettings) }
    // SA_RESETHAND made the action the default one again: the process ends as it would have.
    _ = raise(signal)
}

extension [UInt8] {
    /// Overwrites the bytes in place with zeros, in a way the optimiser cannot drop.
    mutating func wipe() {
        withUnsafeMutableBytes { bytes in
            if let base = bytes.baseAddress { OPENSSL_cleanse(base, bytes.count) }
        }
    }
}
