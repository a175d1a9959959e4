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

    /// Brings the warehouses and balances cache in step with IS ESF (after a processed form).
    @discardableResult
    public func syncBalances() async throws(DeskExchangeError) -> VirtualWarehouseSync.Report {
        guard let client else { throw .noSession }
        let sync = VirtualWarehouseSync(client: client, database: context.database, company: context.company)
        let result = await Task.detached { () -> Result<VirtualWarehouseSync.Report, DeskExchangeError> in
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
