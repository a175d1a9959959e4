import Foundation
import QoimaCore
import QoimaESF
import QoimaSigning
import QoimaStore

/// How sending a form ended, as the window that started it shows it.
public enum FormSendOutcome: Sendable, Equatable {
    /// IS ESF processed it: the balances have changed.
    case processed(registrationNumber: String?)
    /// Refused before it left (its own errors), or by IS ESF; each text says why and where.
    case failed([String])
    /// On its way: IS ESF has not said its last word yet; the text says where it stands.
    case pending(String)
    case cancelled
}

extension DeskExchange {
    /// Queues form `id` (once, and only without errors), uploads it signed by `signer` and
    /// follows it until IS ESF processes or refuses it, or `waiting` passes. `progress` hears
    /// where it stands.
    public func sendForm(id: Int64, signer: any Signer, options: UFormSender.Options = UFormSender.Options(),
                         progress: @escaping @MainActor @Sendable (String) -> Void = { _ in }) async -> FormSendOutcome {
        guard let client else { return .failed([DeskExchangeError.noSession.message]) }
        let sender = UFormSender(client: client, database: context.database, signer: signer, company: context.company,
                                 options: options)
        let waiting = self.waiting, language = Self.language
        return await Task.detached { () -> FormSendOutcome in
            do {
                try sender.queue(id: id)
                let forms = try await sender.run(only: [id], until: .now + waiting) { form in
                    let text = form.exchange.sendState.map { $0.label.text(in: language) } ?? form.status.label.text(in: language)
                    Task { @MainActor in progress(text) }
                }
                guard let form = forms.first(where: { $0.id == id }) else { return .pending("") }
                return Self.outcome(of: form, language: language)
            } catch let error as UFormSendError {
                return .failed([error.message(in: language)])
            } catch let error as UFormStoreError {
                return .failed([error.message(in: language)])
            } catch {
                return .failed([String(describing: error)])
            }
        }.value
    }

    /// Brings the forms, SNTs, warehouses and balances in step with IS ESF (after a processed
    /// form, or from the Warehouses page over `client`), and compares the balances with what
    /// Qoima expected (`BalanceReconciler`): every sync in the app is a reconciliation, so each
    /// one is compared with the one before. `progress` hears each page of balances; those who
    /// follow the balances hear the outcome (`onBalancesSynced`).
    @discardableResult
    public func syncBalances(client: ESFClient? = nil,
                             progress: @escaping @MainActor @Sendable (VirtualWarehouseSync.Report) -> Void = { _ in })
        async throws(DeskExchangeError) -> BalanceReconciler.Outcome {
        guard let client = client ?? self.client else { throw .noSession }
        let reconciler = BalanceReconciler(client: client, database: context.database, company: context.company)
        let result = await Task.detached { () -> Result<BalanceReconciler.Outcome, DeskExchangeError> in
            do {
                return .success(try await reconciler.runWithSync(progress: { report in Task { @MainActor in progress(report) } }))
            } catch let error as ESFError {
                return .failure(.exchange(error))
            } catch {
                return .failure(.other(String(describing: error)))
            }
        }.value
        let outcome = try result.get()
        for listener in balanceListeners { listener(outcome) }
        return outcome
    }

    nonisolated static func outcome(of form: StoredUForm, language: Language) -> FormSendOutcome {
        switch form.status {
        case .processed:
            return .processed(registrationNumber: form.exchange.registrationNumber)
        case .failed, .canceled:
            let errors = form.exchange.errors.map { error in error.field.map { "\($0): \(error.text)" } ?? error.text }
            let reason = form.exchange.cancelReason ?? form.exchange.sendError ?? form.status.label.text(in: language)
            return .failed(errors.isEmpty ? [reason] : errors)
        case .draft where form.exchange.sendState == .failed:
            return .failed([form.exchange.sendError ?? UFormSendState.failed.label.text(in: language)])
        default:
            return .pending(form.exchange.sendState.map { $0.label.text(in: language) } ?? form.status.label.text(in: language))
        }
    }
}
