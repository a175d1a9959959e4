import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A child process started in a session of its own, either with a pseudo-terminal as its
/// controlling terminal (what it writes there is read, and keys are typed into it, as a user
/// would), or with no terminal at all.
final class TerminalSession {
    struct Exit: Equatable {
        let status: Int32?
        let signal: Int32?
    }

    let pid: pid_t
    private let master: Int32
    /// The test's own handle on the terminal, to read its settings while the child has it.
    private let terminal: Int32
    private(set) var transcript: [UInt8] = []
    private var exit: Exit?

    var text: String { String(decoding: transcript, as: UTF8.self) }

    /// Starts `executable` with `arguments` and exactly `environment`; `terminal: false` gives it
    /// /dev/null for input and `outputFile` for output and errors, and no controlling terminal.
    init(_ executable: String, _ arguments: [String], environment: [String: String],
         terminal withTerminal: Bool = true, outputFile: String? = nil) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        // A new session (so no terminal but the one opened below), default signal actions, none blocked.
        var defaults = sigset_t()
        sigfillset(&defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(PseudoTerminal.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        if withTerminal {
            master = try PseudoTerminal.openMaster()
            let path = try PseudoTerminal.name(of: master)
            terminal = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard terminal >= 0 else { throw TerminalSessionError("cannot open \(path)") }
            // The session leader opening a terminal makes it its controlling terminal (glibc runs
            // setsid before the file actions).
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        } else {
            master = -1
            terminal = -1
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputFile ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw TerminalSessionError("cannot start \(executable): \(String(cString: strerror(result)))") }
        pid = child
    }

    deinit {
        if exit == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if master >= 0 { close(master) }
        if terminal >= 0 { close(terminal) }
    }

    /// Reads the terminal until `text` has appeared, or fails after `timeout` seconds.
    func waitFor(_ text: String, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !self.text.contains(text) {
            guard Date() < deadline else {
                throw TerminalSessionError("\"\(text)\" did not appear in \(timeout) s; the terminal shows: \(self.text)")
            }
            if try pollExit() != nil, !readAvailable(waiting: 0) {
                throw TerminalSessionError("the process ended before \"\(text)\" appeared; the terminal shows: \(self.text)")
            }
            _ = readAvailable(waiting: 100)
        }
    }

    /// Types `bytes` into the terminal, as keys pressed.
    func type(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(master, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    func type(_ text: String) { type(Array(text.utf8)) }

    /// Whether the terminal echoes what is typed, as it is set now.
    var echoes: Bool {
        var settings = termios()
        guard tcgetattr(terminal, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Waits for the child to end, reading the rest of what it wrote.
    @discardableResult
    func finish(timeout: Double = 60) throws -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let exit = try pollExit() {
                while readAvailable(waiting: 50) {}
                return exit
            }
            guard Date() < deadline else {
                throw TerminalSessionError("the process did not end in \(timeout) s; the terminal shows: \(text)")
            }
            if !readAvailable(waiting: 50) { usleep(10_000) }
        }
    }

    /// Reads what is there; true when something was.
    private func readAvailable(waiting milliseconds: Int32) -> Bool {
        guard master >= 0 else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        transcript += buffer[0..<count]
        return true
    }

    private func pollExit() throws -> Exit? {
        if let exit { return exit }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        // WIFEXITED / WIFSIGNALED, which Swift does not import.
        let signal = status & 0x7F
        exit = signal == 0 ? Exit(status: (status >> 8) & 0xFF, signal: nil) : Exit(status: nil, signal: signal)
        return exit
    }
}

struct TerminalSessionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The pseudo-terminal calls Swift's Glibc module leaves out (they need _XOPEN_SOURCE), taken
/// from the C library by name.
enum PseudoTerminal {
    /// POSIX_SPAWN_SETSID, likewise left out.
    static let spawnSetSID: Int32 = 0x80

    private typealias OpenMaster = @convention(c) (Int32) -> Int32
    private typealias OnMaster = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    private static func function<F>(_ name: String, as type: F.Type) throws -> F {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else {
            throw TerminalSessionError("the C library has no \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }

    static func openMaster() throws -> Int32 {
        let master = try function("posix_openpt", as: OpenMaster.self)(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw TerminalSessionError("no pseudo-terminal: \(String(cString: strerror(errno)))") }
        guard try function("grantpt", as: OnMaster.self)(master) == 0,
              try function("unlockpt", as: OnMaster.self)(master) == 0 else {
            close(master)
            throw TerminalSessionError("cannot unlock the pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        return master
    }

    static func name(of master: Int32) throws -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard try function("ptsname_r", as: Name.self)(master, &name, name.count) == 0 else {
            throw TerminalSessionError("ptsname_r failed")
        }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
