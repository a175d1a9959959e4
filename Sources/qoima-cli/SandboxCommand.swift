import ArgumentParser
import Dispatch
import Foundation
import QoimaCore
import QoimaSandbox
import QoimaSigning

/// `qoima-cli sandbox …`: the local IS ESF.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the local IS ESF sandbox, or fill it with data.",
        subcommands: [SandboxServeCommand.self, SandboxSeedCommand.self]
    )
}

/// The options that say where the sandbox's state and keys are.
struct SandboxLocationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the sandbox's state here (default: $XDG_DATA_HOME/qoima/sandbox).", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("Use the test PKI in DIR (default: the demo PKI, made on first use).", valueName: "DIR"))
    var pki: String?

    var dataDirectory: String { data ?? SandboxConfiguration.defaultDataDirectory() }

    /// The PKI, or a message saying why it cannot be read and exit status 2.
    func preparePKI() throws -> TestPKIIndex {
        do {
            if let pki { return try TestPKIIndex.read(from: pki) }
            return try DemoKeys.prepare()
        } catch let error as SigningError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }
}

/// `qoima-cli sandbox serve`: serves until SIGINT or SIGTERM, then stops cleanly with status 0.
struct SandboxServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve IS ESF's SOAP API on 127.0.0.1 until interrupted.")

    @Option(help: ArgumentHelp("Listen on this port; 0 picks a free one.", valueName: "N"))
    var port = SandboxConfiguration.defaultPort

    @OptionGroup var location: SandboxLocationOptions

    @Option(help: ArgumentHelp("Inject faults, e.g. latency=200ms,drop=0.05,http500=0.02,fault=0.02,already-open=0.01,expire-sessions=30s.",
                               valueName: "SPEC"))
    var faults: String?

    @Flag(help: "Serve HTTPS with the test PKI's TLS certificate for 127.0.0.1.")
    var tls = false

    @Option(name: .customLong("fault-seed"), help: ArgumentHelp("Seed the random draws of --faults.", valueName: "N"))
    var faultSeed: UInt64?

    @Option(name: .customLong("processing-delay"),
            help: ArgumentHelp("Process uploads this long after they arrive (default 0).", valueName: "DURATION"))
    var processingDelay: String?

    @Option(name: .customLong("session-idle"),
            help: ArgumentHelp("Expire sessions idle this long (default 20m).", valueName: "DURATION"))
    var sessionIdle: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(CLIText.say(SandboxText.badPort)) }
        for (name, value) in [("--processing-delay", processingDelay), ("--session-idle", sessionIdle)] {
            if let value, SandboxFaults.duration(parsing: value) == nil {
                throw ValidationError(CLIText.say(SandboxText.badDuration, name, value))
            }
        }
        if let faults {
            do {
                _ = try SandboxFaults(spec: faults)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() async throws {
        let pki = try location.preparePKI()
        var options = SandboxServer.Options(pki: pki, dataDirectory: location.dataDirectory, port: port)
        options.faults = try faults.map { try SandboxFaults(spec: $0) } ?? .none
        options.faultSeed = faultSeed
        options.tls = tls
        options.processingDelay = processingDelay.flatMap(SandboxFaults.duration(parsing:)) ?? .zero
        if let idle = sessionIdle.flatMap(SandboxFaults.duration(parsing:)) {
            options.sessionIdleTimeout = Double(idle.components.seconds) + Double(idle.components.attoseconds) / 1e18
        }
        // Signals are caught before the server starts, so an early SIGTERM still stops it cleanly.
        let stops = SignalWatch([SIGINT, SIGTERM])
        let sandbox: RunningSandbox
        do {
            sandbox = try await SandboxServer.start(options)
        } catch let error as SandboxServerError {
            StandardError.print(CLIText.say(SandboxText.cannotStart, error.message(in: CLIText.language)))
            throw ExitCode(1)
        }
        // One line, flushed at once: scripts and tests wait for it and read the URL from it.
        Self.say("Qoima sandbox: listening on \(sandbox.url)")
        try describe(sandbox, pki: pki)
        await stops.first()
        await sandbox.stop()
        Self.say(CLIText.say(SandboxText.stopped))
    }

    private func describe(_ sandbox: RunningSandbox, pki: TestPKIIndex) throws {
        Self.say(CLIText.say(SandboxText.dataDirectory, sandbox.store.path))
        Self.say(CLIText.say(SandboxText.pki, pki.directory, sandbox.caBundlePath))
        if let faults { Self.say(CLIText.say(SandboxText.faults, faults)) }
        Self.say(CLIText.say(SandboxText.users, SandboxSeed.cabinetPassword, TestPKI.defaultPassword))
        for user in try sandbox.store.users() {
            Self.say(CLIText.say(SandboxText.user, user.companyName, user.companyBin, user.iin, user.name))
            if let keys = pki.company(bin: user.companyBin) {
                Self.say(CLIText.say(SandboxText.keys, pki.path(keys.authentication.pkcs12), pki.path(keys.signing.pkcs12)))
            }
            let stores = user.stores.map {
                "\($0.id) \($0.type)" + ($0.isDefault ? " (" + CLIText.say(SandboxText.priority) + ")" : "")
            }
            Self.say(CLIText.say(SandboxText.stores, stores.joined(separator: ", ")))
        }
        Self.say(CLIText.say(SandboxText.stopHint))
    }

    /// Standard output without buffering, so a reader sees each line as it is written.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// `qoima-cli sandbox seed`: bulk data for benchmarks.
struct SandboxSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Add many balance rows and registered incoming SNTs to a sandbox company.")

    @OptionGroup var location: SandboxLocationOptions

    @Option(help: ArgumentHelp("The company's BIN.", valueName: "BIN"))
    var company: String

    @Option(help: ArgumentHelp("Add N balance rows (batches) to the company's store.", valueName: "N"))
    var balances = 0

    @Option(help: ArgumentHelp("Put the balance rows in this store (default: the priority store).", valueName: "ID"))
    var store: Int64?

    @Option(name: .customLong("incoming-snts"), help: ArgumentHelp("Add N registered SNTs sent to the company.", valueName: "N"))
    var incomingSnts = 0

    func run() throws {
        let started = Date()
        let pki = try location.preparePKI()
        let sandbox = try SandboxStore(directory: location.dataDirectory)
        defer { try? sandbox.close() }
        do {
            try sandbox.seed(from: pki)
            try sandbox.addBalances(company: company, store: store, count: balances)
            try sandbox.addIncomingSnts(company: company, count: incomingSnts)
        } catch let error as SandboxSeedError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(1)
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print(CLIText.say(SandboxText.seeded, company, String(balances), String(incomingSnts), seconds))
    }
}

/// Waits for one of some signals; they no longer end the process by themselves.
final class SignalWatch {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(_ signals: [Int32]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func first() async {
        for await _ in stream { return }
    }
}
