import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// How a send ended, as the window that started it shows it.
public enum SendOutcome: Sendable, Equatable {
    /// IS ESF registered the SNT: its number (A 4) and the status it has now.
    case registered(registrationNumber: String, status: SntStatus)
    /// IS ESF refused it, or it could not be queued; each error on its form field where known.
    case failed([ExchangeError])
    /// Still on its way (the answer is late or was lost): the outbox finishes it later and never
    /// sends it twice. The text says so in the user's words.
    case pending(String)
    /// The user closed the dialog before anything was sent.
    case cancelled
}

/// How a confirmation, decline or revocation ended.
public enum ActionOutcome: Sendable, Equatable {
    /// IS ESF applied it; the SNT now has this status.
    case applied(SntStatus)
    /// IS ESF (or Qoima, before sending) refused it; the text says why.
    case failed(String)
    /// Sent, but IS ESF's answer is not known yet.
    case pending(String)
    case cancelled
}

/// Why the exchange could not start.
public enum DeskExchangeError: Error, Equatable {
    /// The company has no remembered IS ESF login (`qoima-cli esf login`, or the login page).
    case noLogin
    /// The authentication key would not open (a wrong password says so).
    case authenticationKey(SigningError)
    /// The signing key would not open.
    case signingKey(SigningError)
    /// IS ESF refused the login (a wrong cabinet password among others) or could not be reached.
    case login(ESFError)
    /// No cabinet password was typed and none is remembered in the keyring.
    case cabinetPasswordMissing
    /// Nothing can be sent before a session is open.
    case noSession
    /// A call to IS ESF failed once the session was open.
    case exchange(ESFError)
    /// Anything else (the local database), in words.
    case other(String)

    /// What the user reads, in the interface's language.
    public var message: String {
        let language = DeskExchange.language
        switch self {
        case .noLogin: return tr("This company has no IS ESF login yet: log in to IS ESF first.")
        case let .authenticationKey(error), let .signingKey(error): return error.message(in: language)
        case let .login(error), let .exchange(error): return error.message(in: language)
        case let .other(text): return text
        case .cabinetPasswordMissing: return tr("Enter the password of your IS ESF cabinet.")
        case .noSession: return tr("No IS ESF session is open.")
        }
    }

    /// True when the cabinet password is what was wrong, so the dialog says it at that field.
    public var isWrongCabinetPassword: Bool {
        if case let .login(.loginRefused(refusal, _, _)) = self, refusal == .wrongCabinetPassword { return true }
        return self == .cabinetPasswordMissing
    }

    /// True when a key's password was wrong.
    public var isWrongKeyPassword: Bool {
        switch self {
        case .authenticationKey(.wrongPassword), .signingKey(.wrongPassword): true
        default: false
        }
    }
}

/// The SNT desk's link to IS ESF for the company at work: it opens one session per run (with the
/// remembered login's authentication key and the cabinet password), and sends, confirms,
/// declines, revokes and syncs through the outbox and the syncs of QoimaESF.
///
/// Everything slow (opening keys, the keyring's D-Bus calls, HTTP, the database writes of the
/// outbox) runs off the main thread in detached tasks; the results come back to the main actor,
/// so the windows keep drawing while IS ESF answers.
@MainActor
public final class DeskExchange {
    public let context: DeskContext
    /// The remembered login of `context.company`, read when the exchange was made.
    public let login: ESFLogin?
    /// Where the login points; nil without a login or with a server Qoima cannot read.
    public let server: ESFServerProfile?
    /// Tuning of the outbox (tests shorten its pauses).
    public var outboxOptions = SntOutbox.Options()
    /// How long a send or an action is waited for before the outcome is `pending`.
    public var waiting: Duration = .seconds(120)
    /// Where NCALayer listens (tests point it at a simulator and trust its certificate).
    public var ncaLayer = NCALayerClient.Configuration()
    /// Whether the cabinet password may be looked up in and kept in the desktop keyring.
    public var usesKeyring = true

    /// The open session's client (forms send through it too, `DeskExchange+Forms`).
    private(set) var client: ESFClient?
    /// Those told when a sync of the balances finished (`syncBalances`), whoever started it.
    private(set) var balanceListeners: [@MainActor (BalanceReconciler.Outcome) -> Void] = []

    /// Tells `listener` of every finished sync of the balances.
    public func onBalancesSynced(_ listener: @escaping @MainActor (BalanceReconciler.Outcome) -> Void) {
        balanceListeners.append(listener)
    }

    public init(context: DeskContext) {
        self.context = context
        let login = try? ESFLoginStore(database: context.database).login(companyId: context.company.id)
        self.login = login
        server = login.flatMap { ESFServerProfile.named($0.server) }
    }

    /// The language of messages that come from the domain layers (kk, ru, en).
    nonisolated static var language: Language { Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// Whether a session is open, so the signing dialog need not ask for the cabinet password.
    public var hasSession: Bool { client != nil }

    /// The client of the open session, for calls that need no signature (the warehouses).
    public var sessionClient: ESFClient? { client }

    /// The keyring's name for this login's cabinet password.
    private var cabinetIdentity: String? {
        guard let login, let server else { return nil }
        return ESFCredentials.keyringIdentity(iin: login.userIin, server: server.baseURL)
    }

    // MARK: Session

    /// Whether the keyring holds the cabinet password. Answers false when there is no keyring
    /// (no Secret Service on the bus), never an error: the keyring is a convenience.
    public func hasRememberedCabinetPassword() async -> Bool {
        guard usesKeyring, let identity = cabinetIdentity else { return false }
        return await Task.detached {
            (try? KeyringPasswordStore().lookup(for: identity)).flatMap { $0 }.map { password in
                password.wipe()
                return true
            } ?? false
        }.value
    }

    /// Opens the authentication key with `authenticationKeyPassword`, logs in with the cabinet
    /// password (nil: the one remembered in the keyring) and keeps the session for this run.
    /// `rememberCabinetPassword` keeps a password that worked in the keyring (when there is one).
    public func openSession(authenticationKeyPassword: SecretBytes, cabinetPassword: SecretBytes?,
                            rememberCabinetPassword: Bool) async throws(DeskExchangeError) {
        guard let login, let server else { throw .noLogin }
        let database = context.database, bin = context.company.bin, identity = cabinetIdentity
        let keyring = usesKeyring
        let passwords = HandOff((authenticationKeyPassword, cabinetPassword))
        let label = tr("Qoima: IS ESF cabinet password for IIN %1$@", login.userIin)
        let opened = await Task.detached { () -> Result<ESFClient, DeskExchangeError> in
            let (authPassword, typed) = passwords.value
            let cabinet: SecretBytes
            if let typed, typed.count > 0 {
                cabinet = typed
            } else if keyring, let identity, let stored = (try? KeyringPasswordStore().lookup(for: identity)) ?? nil {
                cabinet = stored
            } else {
                return .failure(.cabinetPasswordMissing)
            }
            let authSigner: Pkcs12Signer
            do {
                authSigner = try Pkcs12Signer(path: login.authKeyPath, password: authPassword)
            } catch {
                return .failure(.authenticationKey(error as? SigningError
                    ?? .unreadableFile(path: login.authKeyPath, reason: String(describing: error))))
            }
            let credentials = ESFCredentials(bin: TaxpayerNumber(bin), authSigner: authSigner, cabinetPassword: cabinet)
            // A session left open by an earlier run would be reused without a login, so a wrong
            // cabinet password would surface only when it expires, in the middle of a send. The
            // login is made afresh (IS ESF's open session is closed by credentials first), and
            // its id kept for the next run of qoima-cli or the app.
            let sessionIds = StoredSessionIds(database: database)
            try? sessionIds.save(sessionId: nil, scope: .esf, server: server.baseURL, iin: credentials.userIIN.rawValue,
                                 tin: credentials.bin.rawValue)
            let sessions = ESFSessionManager(server: server, credentials: credentials, sessionIds: sessionIds)
            do throws(ESFError) {
                _ = try await sessions.sessionId(.esf)
            } catch {
                return .failure(.login(error))
            }
            if rememberCabinetPassword, keyring, let identity, typed != nil {
                // A keyring that is missing or locked only means the password is asked next time.
                try? KeyringPasswordStore().store(password: cabinet, for: identity, label: label)
            }
            return .success(ESFClient(sessions: sessions))
        }.value
        switch opened {
        case let .success(client): self.client = client
        case let .failure(error): throw error
        }
    }

    /// Opens the signing key: a .p12 file with its password, or the key the user picks in
    /// NCALayer's own window.
    public func openSigner(_ key: SigningKeyChoice) async throws(DeskExchangeError) -> any Signer {
        let ncaLayer = self.ncaLayer
        let handOff = HandOff(key)
        let result = await Task.detached { () -> Result<any Signer, DeskExchangeError> in
            do {
                switch handOff.value {
                case let .file(path, password):
                    return .success(try Pkcs12Signer(path: path, password: password))
                case .ncaLayer:
                    return .success(try await NCALayerSigner.connect(for: .signing, configuration: ncaLayer))
                }
            } catch let error as SigningError {
                return .failure(.signingKey(error))
            } catch {
                return .failure(.signingKey(.cryptoFailure(operation: "open", reason: String(describing: error))))
            }
        }.value
        return try result.get()
    }

    // MARK: Sending and answering

    /// Queues draft `draftId` in the outbox, runs it until IS ESF registers or refuses it (or
    /// `waiting` passes) and says how it ended. Queueing the same revision twice finds the
    /// first job, so a second click never sends twice. `progress` hears the job's state.
    public func send(draftId: Int64, signer: any Signer,
                     progress: @escaping @MainActor @Sendable (String) -> Void = { _ in }) async -> SendOutcome {
        guard let client else { return .failed([Self.documentError(DeskExchangeError.noSession.message)]) }
        let outbox = SntOutbox(client: client, database: context.database, signer: signer, company: context.company,
                               options: outboxOptions)
        let database = context.database, waiting = self.waiting, language = Self.language
        return await Task.detached { () -> SendOutcome in
            do {
                let queued = try outbox.queueSend(draft: draftId)
                let jobs = try await outbox.run(only: [queued.id], until: .now + waiting) { job in
                    let text = job.state.label(in: language)
                    Task { @MainActor in progress(text) }
                }
                return try Self.outcome(of: jobs.first ?? queued, database: database, language: language)
            } catch let error as SntOutboxError {
                return .failed([Self.documentError(error.message(in: language))])
            } catch {
                return .failed([Self.documentError(String(describing: error))])
            }
        }.value
    }

    /// Confirms the incoming SNT `sntId`, with the receiver's power of attorney when given.
    public func confirm(sntId: Int64, powerOfAttorney: (number: String, date: CalendarDate)?,
                        signer: any Signer) async -> ActionOutcome {
        await act(.confirm, sntId: sntId, cause: nil, powerOfAttorney: powerOfAttorney.map(PowerOfAttorney.init),
                  signer: signer)
    }

    /// Declines the incoming SNT `sntId`; `cause` is required.
    public func decline(sntId: Int64, cause: String, signer: any Signer) async -> ActionOutcome {
        await act(.decline, sntId: sntId, cause: cause, powerOfAttorney: nil, signer: signer)
    }

    /// Revokes the own registered SNT `sntId`; `cause` is required.
    public func revoke(sntId: Int64, cause: String, signer: any Signer) async -> ActionOutcome {
        await act(.revoke, sntId: sntId, cause: cause, powerOfAttorney: nil, signer: signer)
    }

    private struct PowerOfAttorney: Sendable {
        let number: String
        let date: CalendarDate
        init(_ value: (number: String, date: CalendarDate)) {
            number = value.number
            date = value.date
        }
    }

    private func act(_ kind: SntActionKind, sntId: Int64, cause: String?, powerOfAttorney: PowerOfAttorney?,
                     signer: any Signer) async -> ActionOutcome {
        guard let client else { return .failed(DeskExchangeError.noSession.message) }
        let outbox = SntOutbox(client: client, database: context.database, signer: signer, company: context.company,
                               options: outboxOptions)
        let database = context.database, waiting = self.waiting, language = Self.language
        return await Task.detached { () -> ActionOutcome in
            do {
                let queued = try outbox.queueAction(kind, document: sntId, cause: cause,
                                                    powerOfAttorney: powerOfAttorney.map { ($0.number, $0.date) })
                let job = try await outbox.run(only: [queued.id], until: .now + waiting).first ?? queued
                switch job.state {
                case .done:
                    let status = try SntExchangeStore(database: database).exchangeState(id: sntId)?.status
                    return .applied(status ?? .created)
                case .failed, .cancelled:
                    return .failed(job.lastError ?? job.state.label(in: language))
                case .pending, .sending, .uncertain, .accepted:
                    return .pending(job.state.label(in: language))
                }
            } catch let error as SntOutboxError {
                return .failed(error.message(in: language))
            } catch {
                return .failed(String(describing: error))
            }
        }.value
    }

    // MARK: Reading

    /// Brings incoming and outgoing SNTs in step with IS ESF.
    @discardableResult
    public func refresh() async throws(DeskExchangeError) -> [SntSync.Report] {
        guard let client else { throw .noSession }
        let sync = SntSync(client: client, database: context.database, company: context.company)
        let result = await Task.detached { () -> Result<[SntSync.Report], DeskExchangeError> in
            do {
                return .success(try await sync.run())
            } catch let error as ESFError {
                return .failure(.exchange(error))
            } catch {
                return .failure(.other(String(describing: error)))
            }
        }.value
        return try result.get()
    }

    /// IS ESF's history of the SNT it knows as `esfId`; nil when no session is open or IS ESF
    /// cannot be reached (the window shows the local audit log then).
    public func history(esfId: Int64) async -> [RemoteSntHistoryEntry]? {
        guard let client else { return nil }
        return await Task.detached { try? await client.sntHistory(ids: [esfId]) }.value
    }

    // MARK: Outcomes

    /// What a send job's state means to the user.
    nonisolated static func outcome(of job: OutboxJob, database: QoimaDatabase, language: Language) throws -> SendOutcome {
        let state = job.sntId.flatMap { try? SntExchangeStore(database: database).exchangeState(id: $0) }
        switch job.state {
        case .done:
            return .registered(registrationNumber: state?.registrationNumber ?? job.result ?? "",
                               status: state?.status ?? .notViewed)
        case .failed, .cancelled:
            let errors = state?.errors ?? []
            return .failed(errors.isEmpty ? [documentError(job.lastError ?? job.state.label(in: language))] : errors)
        case .pending, .sending, .uncertain, .accepted:
            return .pending(job.state.label(in: language))
        }
    }

    /// An error about the whole document, not one field.
    nonisolated static func documentError(_ text: String) -> ExchangeError {
        ExchangeError(property: nil, code: nil, text: text, field: nil, line: nil)
    }
}

/// Where the signing key is: a .p12 file opened with its password, or NCALayer.
public enum SigningKeyChoice {
    case file(path: String, password: SecretBytes)
    case ncaLayer
}

/// Moves a value that is not Sendable (a password, a key choice holding one) into a detached
/// task that becomes its only user: the caller hands it over and does not touch it again.
struct HandOff<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
