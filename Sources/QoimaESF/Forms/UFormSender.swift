import Foundation
import QoimaCore
import QoimaSigning
import QoimaStore
import QoimaXML

/// Signs and uploads the company's universal forms and follows them until IS ESF has said its
/// last word, so that each form reaches IS ESF exactly once however the network behaves.
///
/// The rule, as for SNTs (`SntOutbox`): a form's send is marked `sending` (and committed) before
/// its upload leaves. When the answer is lost the send becomes `uncertain`, and before the form
/// is uploaded again IS ESF's form feed (`queryUpdates`, from shortly before the first attempt)
/// is searched for a form with its content. Only when there is none is it uploaded again.
/// Accepted forms are followed with `queryUFormStatusById` until processed, cancelled or failed;
/// a failure's errors are fetched and mapped to the form's fields and lines.
public struct UFormSender: Sendable {
    public struct Options: Sendable {
        /// How far before a send's first attempt a lost upload is looked for (clocks differ).
        public var lookback: TimeInterval = 10 * 60
        /// The pause between rounds while IS ESF is still processing, or after a failure.
        public var pause: Duration = .milliseconds(200)
        public var longestPause: Duration = .seconds(5)
        public init() {}
    }

    let client: ESFClient
    let database: QoimaDatabase
    let signer: any Signer
    let company: OwnCompany
    public var options: Options

    public init(client: ESFClient, database: QoimaDatabase, signer: any Signer, company: OwnCompany,
                options: Options = Options()) {
        self.client = client
        self.database = database
        self.signer = signer
        self.company = company
        self.options = options
    }

    var store: UFormStore { UFormStore(database: database) }

    /// Queues form `id` (see `UFormStore.queueSend`: once, and only without errors).
    @discardableResult
    public func queue(id: Int64) throws -> StoredUForm { try store.queueSend(id: id) }

    /// Works on the company's forms on their way (or only `only`) until each is final or
    /// `deadline` passes; returns those forms as they stand. Network failures are retried with
    /// growing pauses and stay in the forms' send states; nothing here throws for them.
    @discardableResult
    public func run(only: Set<Int64>? = nil, until deadline: ContinuousClock.Instant = .now + .seconds(120),
                    progress: @Sendable (StoredUForm) -> Void = { _ in }) async throws -> [StoredUForm] {
        try store.recoverInterruptedSends(companyId: company.id)
        // What is open now is answered for even when the deadline has passed already.
        var touched = Set(try openForms(only).map(\.id))
        try await SendRounds.run(until: deadline, pause: options.pause, longestPause: options.longestPause) {
            let open = try openForms(only)
            touched.formUnion(open.map(\.id))
            return open.isEmpty ? nil : try await round(open, progress: progress)
        }
        return try (only ?? touched).sorted().compactMap { try store.form(id: $0) }
    }

    private func openForms(_ only: Set<Int64>?) throws -> [StoredUForm] {
        try store.forms(companyId: company.id, sendStates: [.pending, .sending, .uncertain, .accepted])
            .filter { only?.contains($0.id) ?? true }
    }

    /// One pass; true when any form moved.
    private func round(_ forms: [StoredUForm], progress: @Sendable (StoredUForm) -> Void) async throws -> Bool {
        var moved = try await resolveLostSends(forms.filter { $0.exchange.sendState == .uncertain })
        for form in forms where try store.form(id: form.id)?.exchange.sendState == .pending {
            moved = try await upload(form.id) || moved
        }
        let accepted = try forms.compactMap { try store.form(id: $0.id) }.filter { $0.exchange.sendState == .accepted }
        moved = try await follow(accepted) || moved
        for form in forms {
            if let now = try store.form(id: form.id), now.exchange.sendState != form.exchange.sendState
                || now.status != form.status { progress(now) }
        }
        return moved
    }

    // MARK: Lost answers

    /// Looks in IS ESF's form feed for forms whose upload answer was lost.
    private func resolveLostSends(_ forms: [StoredUForm]) async throws -> Bool {
        guard !forms.isEmpty else { return false }
        guard let earliest = forms.compactMap(\.exchange.firstSentAt).min() else {
            for form in forms { try store.notSent(id: form.id, error: "never sent") }
            return true
        }
        var cursor = UFormUpdateCursor(lastEventDate: earliest.addingTimeInterval(-options.lookback))
        var found: [RemoteUForm] = []
        do {
            while true {
                let page = try await client.uFormUpdates(after: cursor, limit: 100)
                found += page.uForms
                if page.lastBlock || page.uForms.isEmpty { break }
                cursor = page.next
            }
        } catch {
            for form in forms { try store.answerLost(id: form.id, error: error.message(in: .english)) }
            return false
        }
        var claimed = try store.claimedEsfIds(companyId: company.id)
        for form in forms {
            let match = found.first { remote in
                !claimed.contains(remote.uFormId) && Self.sameForm(remote.body, as: form.body, tin: company.bin)
            }
            if let match {
                claimed.insert(match.uFormId)
                try store.accepted(id: form.id, esfId: match.uFormId, signature: match.signature)
                try store.apply([ExchangedUForm(match)], companyId: company.id)
            } else {
                try store.notSent(id: form.id, error: "IS ESF does not have it: sending again")
            }
        }
        return true
    }

    /// The same form: the body IS ESF holds reads as the body sent (number, date, warehouses, every
    /// line), from the same taxpayer. Comparing content, not only number and date, keeps a form
    /// another installation numbered alike from being taken for this one.
    static func sameForm(_ body: String, as sent: String, tin: String) -> Bool {
        if body == sent { return true }
        guard let remote = try? UFormXMLReader.read(body).form, let local = try? UFormXMLReader.read(sent).form
        else { return false }
        return remote == local && (remote.sender?.tin?.rawValue ?? tin) == tin
    }

    // MARK: Uploading

    private func upload(_ id: Int64) async throws -> Bool {
        guard let queued = try store.form(id: id) else { return false }
        let document = try await SignedDocument.sign(queued.body, with: signer)
        let form = try store.beginAttempt(id: id)
        guard form.body == document.body else {
            // Cannot happen while the send is active (the form is locked); never send a body not signed.
            try store.notSent(id: id, error: "the form changed while it was being signed")
            return true
        }
        let outcome: UploadOutcome
        do throws(ESFError) {
            outcome = try await client.uploadUForms([document])
        } catch {
            if error.requestMayHaveBeenProcessed {
                try store.answerLost(id: id, error: error.message(in: .english))
            } else if error.isTransient {
                try store.notSent(id: id, error: error.message(in: .english))
                return false
            } else {
                try store.refused(id: id, errors: [], reason: error.message(in: .english))
            }
            return true
        }
        if let accepted = outcome.accepted.first, let esfId = accepted.id {
            try store.accepted(id: id, esfId: esfId, signature: document.signature)
        } else if let declined = outcome.declined.first {
            let errors = declined.errors.map(UFormErrorMapping.exchangeError)
            try store.refused(id: id, errors: errors, reason: Self.describe(errors))
        } else {
            try store.notSent(id: id, error: "IS ESF did not answer for this form")
        }
        return true
    }

    // MARK: Following

    /// Asks IS ESF how far the accepted forms got, and stores final answers with their errors.
    private func follow(_ forms: [StoredUForm]) async throws -> Bool {
        let ids = forms.compactMap(\.exchange.esfId)
        guard !ids.isEmpty else { return false }
        let summaries: [RemoteUFormSummary]
        do {
            summaries = try await client.uFormStatuses(ids: ids)
        } catch {
            return false
        }
        var moved = false
        for summary in summaries where ids.contains(summary.uFormId) {
            let status = summary.status.flatMap(UFormStatus.init(rawValue:)) ?? .created
            var errors: [ESFDocumentError]?
            if status == .failed { errors = (try? await client.uFormErrors(ids: [summary.uFormId]))?[summary.uFormId] ?? [] }
            let before = forms.first { $0.exchange.esfId == summary.uFormId }
            try store.apply([ExchangedUForm(summary, errors: errors)], companyId: company.id)
            if before?.status != status || status.isFinal { moved = true }
        }
        return moved
    }

    static func describe(_ errors: [ExchangeError]) -> String {
        errors.isEmpty ? "refused by IS ESF"
            : errors.map { [$0.location, $0.code, $0.text].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; ")
    }
}
