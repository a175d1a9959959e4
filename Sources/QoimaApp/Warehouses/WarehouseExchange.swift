import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaStore

/// The warehouses' calls to IS ESF, over the desk's session: creating, activating and
/// deactivating warehouses, finding a counterparty's, and the sync. None needs a signature, but
/// each needs a session: when none is open, the signing dialog opens it first (the same dialog
/// and the same keys as a send), then the call runs and its outcome is shown there.
@MainActor
public final class WarehouseExchange {
    public let desk: DeskExchange
    /// The dialog opening a session for a call, while it is open (tests fill it in).
    private(set) var connecting: SigningDialog?

    public init(desk: DeskExchange) {
        self.desk = desk
    }

    var context: DeskContext { desk.context }

    /// Runs `call` with the session's client, opening the session first when needed (the
    /// dialog over `parent` says `title`). `call` returns the outcome the dialog shows, or nil
    /// to close it at once.
    func withSession(title: String, over parent: ObjectHandle?, cancelled: (@MainActor () -> Void)? = nil,
                     _ call: @escaping @MainActor (ESFClient) async -> (success: Bool, text: String)?) {
        if let client = desk.sessionClient {
            Task { @MainActor in _ = await call(client) }
            return
        }
        let dialog = SigningDialog(exchange: desk, title: title,
                                   summary: tr("Qoima logs in to IS ESF with your keys; nothing is signed."),
                                   acceptLabel: tr("_Connect"), transientFor: parent)
        connecting = dialog
        dialog.work = { [weak self, weak dialog] _ in
            guard let client = self?.desk.sessionClient else { return }
            dialog?.showProgress(title)
            if let outcome = await call(client) {
                dialog?.showResult(success: outcome.success, title: title, text: outcome.text)
            } else {
                dialog?.cancel()
            }
        }
        dialog.onClosed = { [weak self] phase in
            self?.connecting = nil
            if phase == .form || phase == .opening { cancelled?() }
        }
        dialog.present()
    }

    // MARK: Calls (off the main thread)

    /// Creates the warehouse in IS ESF; on success the warehouses are synced so it is stored.
    func create(_ store: NewStore, client: ESFClient) async -> Result<StoreCreateOutcome, DeskExchangeError> {
        let database = context.database, company = context.company
        return await Task.detached {
            do {
                let outcome = try await client.createStores([store])
                if !outcome.accepted.isEmpty {
                    _ = try await VirtualWarehouseSync(client: client, database: database, company: company).syncWarehouses()
                }
                return .success(outcome)
            } catch let error as ESFError {
                return .failure(.exchange(error))
            } catch {
                return .failure(.other(String(describing: error)))
            }
        }.value
    }

    /// Activates or deactivates a warehouse; the warehouses are synced afterwards either way.
    func changeStatus(storeId: Int64, activate: Bool, client: ESFClient) async -> Result<StoreStatusChange?, DeskExchangeError> {
        let database = context.database, company = context.company
        return await Task.detached {
            do {
                let change = try await client.changeStoreStatus([StoreStatusAction(storeId: storeId, activate: activate)]).first
                _ = try await VirtualWarehouseSync(client: client, database: database, company: company).syncWarehouses()
                return .success(change)
            } catch let error as ESFError {
                return .failure(.exchange(error))
            } catch {
                return .failure(.other(String(describing: error)))
            }
        }.value
    }

    /// The warehouses and balances from IS ESF, compared with what Qoima expected; `progress`
    /// hears each page.
    func sync(client: ESFClient, progress: @escaping @MainActor @Sendable (VirtualWarehouseSync.Report) -> Void)
        async -> Result<BalanceReconciler.Outcome, DeskExchangeError> {
        do throws(DeskExchangeError) {
            return .success(try await desk.syncBalances(client: client, progress: progress))
        } catch {
            return .failure(error)
        }
    }

    /// Another taxpayer's warehouses.
    func stores(ofTin tin: TaxpayerNumber, client: ESFClient) async -> Result<[RemoteStore], DeskExchangeError> {
        await Task.detached {
            do throws(ESFError) {
                return .success(try await client.stores(ofTin: tin))
            } catch {
                return .failure(.exchange(error))
            }
        }.value
    }

    /// The finder's lookup over this exchange: opens the session first when needed.
    public func lookup(over parent: ObjectHandle?) -> CounterpartyWarehouseFinder.Lookup {
        { [weak self] tin, done in
            guard let self else { return done(.failure(tr("Not connected to IS ESF."))) }
            self.withSession(title: tr("Find a counterparty's warehouses"), over: parent) { [weak self] client in
                guard let self else { return nil }
                let found = await self.stores(ofTin: tin, client: client)
                done(found.mapError { LookupFailure($0.message) })
                return nil
            }
        }
    }
}

/// Why a lookup found nothing, in words.
public struct LookupFailure: Error, Equatable {
    public let text: String
    public init(_ text: String) { self.text = text }
}

extension Result where Failure == LookupFailure {
    static func failure(_ text: String) -> Self { .failure(LookupFailure(text)) }
}
