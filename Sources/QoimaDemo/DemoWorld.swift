import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore

/// Demo mode's world: the sandbox running in this process on a free loopback port, the demo
/// companies with their test keys, and a demo database of ТОО «Қойма Сауда» filled, on first
/// start, with SNTs in every state by really sending them through the sandbox. ТОО «Құрылыс & Ко»
/// is the counterparty: its side is played from a database of its own, so the demo database holds
/// each document once, as the user's company sees it.
public final class DemoWorld: Sendable {
    /// Someone a newcomer can log in as, with everything needed (shown on the welcome page).
    public struct User: Hashable, Sendable {
        public let company: DemoCompany
        public let authKeyPath: String
        public let signKeyPath: String
        public let keyPassword: String
        public let cabinetPassword: String
        /// The company whose database the app opens; the other is the counterparty.
        public let isOwn: Bool
    }

    public let sandbox: RunningSandbox
    public let directory: String
    public let databasePath: String
    public let users: [User]

    public static let own = DemoCompany.koimaSauda
    public static let counterparty = DemoCompany.qurylys

    private init(sandbox: RunningSandbox, directory: String, databasePath: String, users: [User]) {
        self.sandbox = sandbox
        self.directory = directory
        self.databasePath = databasePath
        self.users = users
    }

    public var serverURL: String { sandbox.url }

    /// `$XDG_DATA_HOME/qoima/demo` (or `~/.local/share/qoima/demo`).
    public static func defaultDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: base).appendingPathComponent("qoima/demo").path
    }

    /// Starts the sandbox and, the first time (or after `reset`), builds the demo world. Later
    /// starts keep what the user did in it.
    public static func start(directory: String = defaultDirectory(), pki: TestPKIIndex? = nil,
                             reset: Bool = false) async throws -> DemoWorld {
        let folder = URL(fileURLWithPath: directory)
        let marker = folder.appendingPathComponent("built").path
        if reset || !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let keys = try pki ?? DemoKeys.prepare()
        let sandbox = try await SandboxServer.start(SandboxServer.Options(
            pki: keys, dataDirectory: folder.appendingPathComponent("sandbox").path, port: 0))
        let users = DemoCompany.all.compactMap { company in
            keys.company(bin: company.bin.rawValue).map { entry in
                User(company: company, authKeyPath: keys.path(entry.authentication.pkcs12),
                     signKeyPath: keys.path(entry.signing.pkcs12), keyPassword: TestPKI.defaultPassword,
                     cabinetPassword: SandboxSeed.cabinetPassword, isOwn: company == own)
            }
        }
        let world = DemoWorld(sandbox: sandbox, directory: directory,
                              databasePath: folder.appendingPathComponent("qoima-demo.sqlite").path, users: users)
        do {
            if !FileManager.default.fileExists(atPath: marker) {
                try await DemoScenario(world: world).build()
                try Data(Date().formatted(.iso8601).utf8).write(to: URL(fileURLWithPath: marker))
            }
            try world.rememberLogin()
        } catch {
            await sandbox.stop()
            throw error
        }
        return world
    }

    public func stop() async { await sandbox.stop() }

    public func user(_ company: DemoCompany) -> User? { users.first { $0.company == company } }

    /// The own company's login, pointing at this run's sandbox (its port changes every start).
    private func rememberLogin() throws {
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        guard let user = user(Self.own) else { return }
        let id = try CompanyStore(database: database).findOrAdd(bin: user.company.bin.rawValue, name: user.company.name)
        try ESFLoginStore(database: database).save(ESFLogin(
            companyId: id, server: serverURL, userIin: user.company.director.iin.rawValue,
            userName: "\(user.company.director.commonName) \(user.company.director.patronymic)",
            authKeyPath: user.authKeyPath, signKeyPath: user.signKeyPath))
    }

    /// A client of this world's sandbox for `company`, logged in with its test keys.
    func client(for company: DemoCompany, database: QoimaDatabase? = nil) throws -> (ESFClient, any Signer) {
        guard let user = user(company) else { throw DemoWorldError.noKeys(company.bin.rawValue) }
        let password = SecretBytes(user.keyPassword)
        let credentials = ESFCredentials(bin: company.bin, authSigner: try Pkcs12Signer(path: user.authKeyPath,
                                                                                       password: password),
                                         cabinetPassword: SecretBytes(user.cabinetPassword))
        let sessions = ESFSessionManager(server: ESFServerProfile.named(serverURL)!, credentials: credentials)
        return (ESFClient(sessions: sessions), try Pkcs12Signer(path: user.signKeyPath, password: password))
    }
}

public enum DemoWorldError: Error, Equatable, CustomStringConvertible {
    case noKeys(String)
    case stepFailed(String)

    public var description: String {
        switch self {
        case let .noKeys(bin): "the demo PKI has no keys for BIN \(bin)"
        case let .stepFailed(step): "building the demo world failed: \(step)"
        }
    }
}
