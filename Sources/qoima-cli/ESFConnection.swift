import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// Everything a command needs to talk to IS ESF for one company: the database, the company's
/// remembered login, the server, a session manager that reuses the session of the command
/// before, and the client.
struct ESFConnection {
    let database: QoimaDatabase
    let company: OwnCompany
    let login: ESFLogin
    let server: ESFServerProfile
    let sessions: ESFSessionManager
    let client: ESFClient
    let options: ESFOptions

    /// Opens the database, finds the company's login, opens its authentication key and gets the
    /// cabinet password. Exits with 2 (having said why) when any of it is missing.
    static func open(_ options: ESFOptions) throws -> ESFConnection {
        let database = try options.database.open()
        let company = try options.ownCompany(database)
        guard let login = try ESFLoginStore(database: database).login(companyId: company.id) else {
            StandardError.print(CLIText.say(CLIText.notLoggedIn, company.bin))
            throw ExitCode(2)
        }
        let server = try options.serverProfile() ?? ESFServerProfile.named(login.server, caBundlePath: options.caBundle)
            ?? .sandbox(port: 18443)
        let authSigner = try options.openKey(login.authKeyPath)
        let cabinet = try options.cabinetPassword(iin: login.userIin, server: server.baseURL)
        let credentials = ESFCredentials(bin: TaxpayerNumber(company.bin), authSigner: authSigner, cabinetPassword: cabinet)
        let sessions = ESFSessionManager(server: server, credentials: credentials,
                                         sessionIds: StoredSessionIds(database: database))
        return ESFConnection(database: database, company: company, login: login, server: server, sessions: sessions,
                             client: ESFClient(sessions: sessions), options: options)
    }

    /// The key that signs documents (opened when first needed: reading commands never ask for it).
    func documentSigner() throws -> Pkcs12Signer {
        try options.openKey(login.signKeyPath)
    }

    /// Says what went wrong talking to IS ESF and exits with 1.
    static func fail(_ error: ESFError) -> ExitCode {
        StandardError.print(error.message(in: CLIText.language))
        return ExitCode(1)
    }
}
