import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import XCTest

/// Two demo companies trading through a sandbox in this process: the user's company (Қойма
/// Сауда) on a temporary database with its remembered IS ESF login, as the app opens it, and
/// the counterparty (Құрылыс & Ко) as an `ExchangeDesk` with a database of its own. A second
/// desk of the user's company makes valid shipments (`DemoShipment` needs its balances).
final class ExchangeTestWorld: Sendable {
    static let ownCompany = DemoWorld.own
    static let counterpartyCompany = DemoWorld.counterparty

    /// One test PKI per test process.
    static let pki: TestPKIIndex = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qoima-app-pki-\(getpid())-\(UUID().uuidString)").path
        do { return try TestPKI.generate(into: directory) } catch { fatalError("cannot make the test PKI: \(error)") }
    }()

    let directory: URL
    let sandbox: RunningSandbox
    let database: QoimaDatabase
    let company: OwnCompany
    let counterparty: ExchangeDesk
    let ownDesk: ExchangeDesk

    private init(directory: URL, sandbox: RunningSandbox, database: QoimaDatabase, company: OwnCompany,
                 counterparty: ExchangeDesk, ownDesk: ExchangeDesk) {
        self.directory = directory
        self.sandbox = sandbox
        self.database = database
        self.company = company
        self.counterparty = counterparty
        self.ownDesk = ownDesk
    }

    static func start(processingDelay: Duration = .zero) async throws -> ExchangeTestWorld {
        let directory = try scratchDirectory("exchange")
        var options = SandboxServer.Options(pki: pki, dataDirectory: directory.appendingPathComponent("sandbox").path, port: 0)
        options.processingDelay = processingDelay
        let sandbox = try await SandboxServer.start(options)
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: directory.appendingPathComponent("own.sqlite").path))
        let companyId = try CompanyStore(database: database).findOrAdd(bin: ownCompany.bin.rawValue, name: ownCompany.name)
        let company = try CompanyStore(database: database).all().first { $0.id == companyId }!
        let own = pki.company(bin: ownCompany.bin.rawValue)!
        try ESFLoginStore(database: database).save(ESFLogin(
            companyId: companyId, server: sandbox.url, userIin: own.directorIIN, userName: own.directorName,
            authKeyPath: pki.path(own.authentication.pkcs12), signKeyPath: pki.path(own.signing.pkcs12)))
        var quick = SntOutbox.Options()
        quick.pause = .milliseconds(50)
        return ExchangeTestWorld(
            directory: directory, sandbox: sandbox, database: database, company: company,
            counterparty: try desk(counterpartyCompany, sandbox: sandbox, directory: directory, options: quick),
            ownDesk: try desk(ownCompany, sandbox: sandbox, directory: directory, options: quick))
    }

    private static func desk(_ demo: DemoCompany, sandbox: RunningSandbox, directory: URL,
                             options: SntOutbox.Options) throws -> ExchangeDesk {
        let keys = pki.company(bin: demo.bin.rawValue)!
        let password = TestPKI.defaultPassword
        let credentials = ESFCredentials(bin: demo.bin,
                                         authSigner: try Pkcs12Signer(path: pki.path(keys.authentication.pkcs12),
                                                                      password: SecretBytes(password)),
                                         cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword))
        let client = ESFClient(sessions: ESFSessionManager(server: ESFServerProfile.named(sandbox.url)!, credentials: credentials))
        let database = try QoimaDatabase(location: DatabaseLocation(
            explicitPath: directory.appendingPathComponent("\(demo.bin.rawValue).sqlite").path))
        return try ExchangeDesk(demo, database: database, client: client,
                                signer: try Pkcs12Signer(path: pki.path(keys.signing.pkcs12), password: SecretBytes(password)),
                                options: options)
    }

    func stop() async {
        await sandbox.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A unique SNT number for this run.
    static func number(_ tag: String) -> String { "APP-\(tag)-\(UUID().uuidString.prefix(6))" }

    /// The director of the user's company, as the signing key names them.
    static var ownDirectorIIN: String { ownCompany.director.iin.rawValue }
}

/// Test cases that share one `ExchangeTestWorld` (started on first use, stopped after the class).
class ExchangeWorldTestCase: XCTestCase {
    /// How long the sandbox takes to check each SNT.
    class var processingDelay: Duration { .zero }
    nonisolated(unsafe) private static var worlds: [ObjectIdentifier: ExchangeTestWorld] = [:]

    override class func tearDown() {
        if let world = worlds.removeValue(forKey: ObjectIdentifier(self)) {
            let done = DispatchSemaphore(value: 0)
            Task.detached { await world.stop(); done.signal() }
            done.wait()
        }
        super.tearDown()
    }

    @MainActor static func world() throws -> ExchangeTestWorld {
        if let world = worlds[ObjectIdentifier(self)] { return world }
        let delay = processingDelay
        let world = try waitFor { try await ExchangeTestWorld.start(processingDelay: delay) }
        worlds[ObjectIdentifier(self)] = world
        return world
    }
}

/// Runs `work` off the main thread while the GLib main loop turns (so main-actor tasks and
/// widgets keep running), and returns its result.
@MainActor
func waitFor<T: Sendable>(timeout: Double = 120, _ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    Task.detached { box.set(await Result(catching: { try await work() })) }
    guard MainContext.run(until: { box.value != nil }, timeout: timeout), let result = box.value else {
        throw TimedOut(seconds: timeout)
    }
    return try result.get()
}

struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "no answer within \(seconds) s" }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, Error>?
    var value: Result<T, Error>? { lock.withLock { stored } }
    func set(_ value: Result<T, Error>) { lock.withLock { stored = value } }
}

extension Result where Failure == Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// A desk for the user's company over `world`, inside a running app whose settings it uses.
@MainActor
func deskContext(_ world: ExchangeTestWorld, app: AppUnderTest) -> DeskContext {
    DeskContext(database: world.database, company: world.company, settings: app.app.settings)
}
