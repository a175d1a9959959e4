import Foundation
import QoimaCore
import QoimaSigning
import QoimaStore
import QoimaXML

/// Sends SNTs and their status changes to IS ESF through the store's outbox, so that each one
/// is registered exactly once however the network behaves, and each job ends in a state the
/// user can see.
///
/// The rule: a job is marked `sending` (and committed) before its request leaves. When the
/// answer is lost the job becomes `uncertain`, and before it is sent again IS ESF is asked
/// (`queryUpdate` of the company's outgoing SNTs since shortly before the first attempt)
/// whether it already holds a document with the job's number and date. Only when it does not
/// is the document sent again.
public struct SntOutbox: Sendable {
    public struct Options: Sendable {
        /// Documents per `uploadSnt` request.
        public var batchSize = 25
        /// How far before a job's first attempt a lost send is looked for (clocks differ).
        public var lookback: TimeInterval = 10 * 60
        /// The pause between rounds while IS ESF is still checking documents, or after a failure.
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

    var outbox: OutboxStore { OutboxStore(database: database) }
    var documents: SntExchangeStore { SntExchangeStore(database: database) }

    // MARK: Queueing

    /// Queues draft `id` for sending. Sending the same revision twice queues it once; a draft
    /// IS ESF already has (or is taking) is refused.
    public func queueSend(draft id: Int64) throws -> OutboxJob {
        guard let draft = try documents.outgoing(id: id) else { throw SntOutboxError.noSuchDocument(id) }
        guard draft.status.isEditable, draft.esfId == nil else {
            throw SntOutboxError.alreadySent(id, draft.status)
        }
        return try outbox.enqueue(NewOutboxJob(companyId: company.id, kind: .sendSnt, sntId: id, number: draft.number,
                                               documentDate: draft.date, idempotencyKey: "send:\(id):\(draft.revision)"))
    }

    /// Queues a confirmation, decline or revocation of the SNT stored locally as `id`.
    public func queueAction(_ kind: SntActionKind, document id: Int64, cause: String? = nil,
                            powerOfAttorney: (number: String, date: CalendarDate)? = nil) throws -> OutboxJob {
        guard let state = try documents.exchangeState(id: id) else { throw SntOutboxError.noSuchDocument(id) }
        guard let esfId = state.esfId else { throw SntOutboxError.notRegistered(id) }
        let trimmedCause = cause?.trimmingCharacters(in: .whitespacesAndNewlines)
        if kind != .confirm, trimmedCause?.isEmpty ?? true { throw SntOutboxError.causeRequired(kind) }
        switch kind {
        case .confirm, .decline: guard state.direction == .incoming else { throw SntOutboxError.onlyReceiver(kind) }
        case .revoke: guard state.direction == .outgoing else { throw SntOutboxError.onlySupplier }
        }
        guard !state.status.isFinal else { throw SntOutboxError.alreadyFinal(id, state.status) }
        let payload = SntActionPayload(cause: kind == .confirm ? nil : trimmedCause,
                                       powerOfAttorneyNumber: powerOfAttorney?.number,
                                       powerOfAttorneyDate: powerOfAttorney?.date.ddMMyyyy)
        return try outbox.enqueue(NewOutboxJob(companyId: company.id, kind: OutboxJob.Kind(kind), sntId: id,
                                               esfId: esfId, payload: payload.json,
                                               idempotencyKey: "\(kind.rawValue):\(esfId)"))
    }

    // MARK: Running

    /// Works on the company's unfinished jobs (or only `only`) until each is final or
    /// `deadline` passes; returns the jobs as they stand. Failures of the network are retried
    /// with growing pauses; nothing here throws for them: they stay in the jobs' states.
    @discardableResult
    public func run(only: Set<Int64>? = nil, until deadline: ContinuousClock.Instant = .now + .seconds(120),
                    progress: @Sendable (OutboxJob) -> Void = { _ in }) async throws -> [OutboxJob] {
        try outbox.recoverInterrupted(companyId: company.id)
        try await SendRounds.run(until: deadline, pause: options.pause, longestPause: options.longestPause) {
            let open = try openJobs(only)
            return open.isEmpty ? nil : try await round(open, progress: progress)
        }
        return try outbox.jobs(companyId: company.id).filter { only?.contains($0.id) ?? true }
    }

    private func openJobs(_ only: Set<Int64>?) throws -> [OutboxJob] {
        try outbox.jobs(companyId: company.id, in: [.pending, .uncertain, .accepted, .sending])
            .filter { only?.contains($0.id) ?? true }
    }

    /// One pass over the open jobs; true when any job moved.
    private func round(_ jobs: [OutboxJob], progress: @Sendable (OutboxJob) -> Void) async throws -> Bool {
        var moved = false
        let sends = jobs.filter { $0.kind == .sendSnt }
        let actions = jobs.filter { $0.kind != .sendSnt }
        moved = try await resolveLostSends(sends.filter { $0.state == .uncertain }) || moved
        moved = try await send(try outbox.jobs(companyId: company.id, in: [.pending])
            .filter { job in sends.contains { $0.id == job.id } }) || moved
        moved = try await checkAccepted(try outbox.jobs(companyId: company.id, in: [.accepted])
            .filter { job in sends.contains { $0.id == job.id } }) || moved
        for action in actions {
            moved = try await perform(action) || moved
        }
        for job in jobs {
            if let now = try outbox.job(id: job.id), now.state != job.state { progress(now) }
        }
        return moved
    }

    // MARK: Sends

    /// Asks IS ESF whether it took the lost sends, matching by number and date among the
    /// company's outgoing SNTs that no local document claims yet.
    private func resolveLostSends(_ jobs: [OutboxJob]) async throws -> Bool {
        guard let earliest = jobs.compactMap(\.firstSentAt).min() else {
            for job in jobs { try outbox.notSent(job.id, error: "never sent") }
            return !jobs.isEmpty
        }
        var cursor = SntUpdateCursor(lastEventDate: earliest.addingTimeInterval(-options.lookback), lastSntId: nil)
        var found: [RemoteSnt] = []
        do {
            while true {
                let page = try await client.sntUpdates(direction: .outbound, after: cursor, limit: 200)
                found += page.snts
                if page.lastBlock || page.snts.isEmpty { break }
                cursor = page.next
            }
        } catch {
            for job in jobs { try outbox.answerLost(job.id, error: error.message(in: .english)) }
            return false
        }
        // IS ESF ids other sends already own: a document found there is theirs, not this job's.
        var claimed = Set(try outbox.jobs(companyId: company.id).filter { $0.kind == .sendSnt }.compactMap(\.esfId))
        for job in jobs {
            let match = found.first { remote in
                guard !claimed.contains(remote.sntId), let identity = SntIdentity(body: remote.body) else { return false }
                return identity.number == job.number && identity.date == job.documentDate
                    && identity.sellerTin == company.bin
            }
            if let match {
                claimed.insert(match.sntId)
                try link(job, esfId: match.sntId, signature: match.signature ?? "")
                try outbox.accepted(job.id, esfId: match.sntId)
            } else {
                try outbox.notSent(job.id, error: "IS ESF does not have it: sending again")
            }
        }
        return true
    }

    private func link(_ job: OutboxJob, esfId: Int64, signature: String) throws {
        if let local = job.sntId { try documents.linkSent(id: local, esfId: esfId, signature: signature) }
    }

    /// Sends pending documents in batches.
    private func send(_ jobs: [OutboxJob]) async throws -> Bool {
        guard !jobs.isEmpty else { return false }
        var moved = false
        for batch in stride(from: 0, to: jobs.count, by: options.batchSize).map({ Array(jobs[$0..<min($0 + options.batchSize, jobs.count)]) }) {
            var prepared: [(job: OutboxJob, document: SignedDocument)] = []
            for job in batch {
                guard let local = job.sntId, let draft = try documents.outgoing(id: local) else {
                    try outbox.failed(job.id, error: "the draft was deleted")
                    continue
                }
                let document = try await SignedDocument.sign(draft.body, with: signer)
                prepared.append((try outbox.beginAttempt(job.id), document))
            }
            guard !prepared.isEmpty else { continue }
            let outcome: UploadOutcome
            do throws(ESFError) {
                outcome = try await client.uploadSnts(prepared.map(\.document))
            } catch {
                for (job, _) in prepared {
                    if error.requestMayHaveBeenProcessed {
                        try outbox.answerLost(job.id, error: error.message(in: .english))
                    } else if error.isTransient || prepared.count > 1 {
                        try outbox.notSent(job.id, error: error.message(in: .english))
                    } else {
                        try outbox.failed(job.id, error: error.message(in: .english))
                        moved = true
                    }
                }
                if !error.requestMayHaveBeenProcessed, !error.isTransient, prepared.count > 1 {
                    // One document may have spoiled the batch: try them one by one.
                    var single = self
                    single.options.batchSize = 1
                    return try await single.send(try prepared.compactMap { try outbox.job(id: $0.job.id) })
                }
                continue
            }
            try record(outcome, for: prepared)
            moved = true
        }
        return moved
    }

    /// Matches upload results to jobs by the number and date they echo.
    private func record(_ outcome: UploadOutcome, for prepared: [(job: OutboxJob, document: SignedDocument)]) throws {
        var remaining = prepared
        func take(_ result: UploadResult) -> (job: OutboxJob, document: SignedDocument)? {
            let index = remaining.firstIndex { $0.job.number == result.number
                && (result.date.flatMap(CalendarDate.init(ddMMyyyy:)) ?? $0.job.documentDate) == $0.job.documentDate }
                ?? (remaining.count == 1 ? 0 : nil)
            return index.map { remaining.remove(at: $0) }
        }
        for result in outcome.accepted {
            guard let (job, document) = take(result), let esfId = result.id else { continue }
            try link(job, esfId: esfId, signature: document.signature)
            try outbox.accepted(job.id, esfId: esfId)
        }
        for result in outcome.declined {
            guard let (job, _) = take(result) else { continue }
            let errors = result.errors.map(SntErrorMapping.exchangeError)
            try storeErrors(errors, for: job)
            try outbox.failed(job.id, error: Self.describe(errors))
        }
        // A document IS ESF neither accepted nor declined is not there: send it again.
        for (job, _) in remaining { try outbox.notSent(job.id, error: "IS ESF did not answer for this document") }
    }

    private func storeErrors(_ errors: [ExchangeError], for job: OutboxJob) throws {
        guard let local = job.sntId else { return }
        try documents.recordErrors(id: local, errors: errors)
    }

    /// Asks IS ESF how far the accepted documents got: registered (done) or failed its checks.
    private func checkAccepted(_ jobs: [OutboxJob]) async throws -> Bool {
        let ids = jobs.compactMap(\.esfId)
        guard !ids.isEmpty else { return false }
        let summaries: [RemoteSntSummary]
        do {
            summaries = try await client.sntStatuses(ids: ids)
        } catch {
            return false
        }
        var moved = false
        for job in jobs {
            guard let esfId = job.esfId, let summary = summaries.first(where: { $0.sntId == esfId }) else { continue }
            switch summary.status {
            case nil, .created, .draft, .imported: continue
            case .failed:
                let errors = (try? await client.sntErrors(ids: [esfId]))?[esfId] ?? []
                let mapped = errors.map(SntErrorMapping.exchangeError)
                try storeErrors(mapped, for: job)
                if let local = job.sntId {
                    try SntRegistrationStore(database: database).record(id: local, registrationNumber: nil, esfId: esfId,
                                                                        status: .failed)
                }
                try outbox.failed(job.id, error: summary.cancelReason ?? Self.describe(mapped), result: SntStatus.failed.rawValue)
            default:
                if let local = job.sntId, let status = summary.status {
                    try SntRegistrationStore(database: database).record(id: local,
                                                                        registrationNumber: summary.registrationNumber,
                                                                        esfId: esfId, status: status)
                }
                try outbox.done(job.id, result: summary.registrationNumber ?? summary.statusText)
            }
            moved = true
        }
        return moved
    }

    // MARK: Actions

    /// Confirms, declines or revokes. A lost answer is resolved by the SNT's status: an action
    /// already applied is done, one not applied is sent again (applying it twice is refused by
    /// IS ESF anyway, since the status is then final).
    private func perform(_ job: OutboxJob) async throws -> Bool {
        guard let esfId = job.esfId, let local = job.sntId, let kind = job.kind.action else {
            try outbox.failed(job.id, error: "the document is gone")
            return true
        }
        if job.state == .uncertain {
            guard let summary = try? await client.sntStatuses(ids: [esfId]).first else { return false }
            if let status = summary.status, status == kind.resultingStatus {
                try finishAction(job, local: local, esfId: esfId, status: status)
                return true
            }
            if let status = summary.status, status.isFinal {
                try outbox.failed(job.id, error: "the SNT is already \(status.rawValue)", result: status.rawValue)
                return true
            }
            try outbox.notSent(job.id, error: "IS ESF has not applied it: sending again")
        }
        guard let document = try documents.document(esfId: esfId, companyId: company.id) else {
            try outbox.failed(job.id, error: "the document is gone")
            return true
        }
        let payload = SntActionPayload(json: job.payload)
        let action = SntAction(sntId: esfId, kind: kind, originalDocumentSignature: document.signature,
                               powerOfAttorneyDate: payload.powerOfAttorneyDate.flatMap(CalendarDate.init(ddMMyyyy:)),
                               powerOfAttorneyNumber: payload.powerOfAttorneyNumber, cause: payload.cause)
        let signed = try await SignedSntAction.sign(action, with: signer)
        _ = try outbox.beginAttempt(job.id)
        let results: [SntChangeResult]
        do throws(ESFError) {
            results = try await client.changeSntStatus([signed])
        } catch {
            if error.requestMayHaveBeenProcessed {
                try outbox.answerLost(job.id, error: error.message(in: .english))
            } else if error.isTransient {
                try outbox.notSent(job.id, error: error.message(in: .english))
                return false
            } else {
                try outbox.failed(job.id, error: error.message(in: .english))
            }
            return true
        }
        guard let result = results.first(where: { $0.sntId == esfId }) ?? results.first else {
            try outbox.answerLost(job.id, error: "IS ESF's answer named no document")
            return true
        }
        if result.isChanged, let status = result.status {
            try finishAction(job, local: local, esfId: esfId, status: status)
        } else {
            let errors = result.errors.map(SntErrorMapping.exchangeError)
            try outbox.failed(job.id, error: Self.describe(errors), result: result.status?.rawValue)
        }
        return true
    }

    private func finishAction(_ job: OutboxJob, local: Int64, esfId: Int64, status: SntStatus) throws {
        let registration = try documents.exchangeState(id: local)?.registrationNumber
        try SntRegistrationStore(database: database).record(id: local, registrationNumber: registration, esfId: esfId,
                                                            status: status)
        try outbox.done(job.id, result: status.rawValue)
    }

    static func describe(_ errors: [ExchangeError]) -> String {
        errors.isEmpty ? "refused by IS ESF"
            : errors.map { [$0.location, $0.code, $0.text].compactMap { $0 }.joined(separator: " ") }
                .joined(separator: "; ")
    }
}

/// An action's details kept in its job.
struct SntActionPayload: Codable {
    var cause: String?
    var powerOfAttorneyNumber: String?
    var powerOfAttorneyDate: String?

    init(cause: String?, powerOfAttorneyNumber: String?, powerOfAttorneyDate: String?) {
        self.cause = cause
        self.powerOfAttorneyNumber = powerOfAttorneyNumber
        self.powerOfAttorneyDate = powerOfAttorneyDate
    }

    init(json: String) {
        self = (try? JSONDecoder().decode(Self.self, from: Data(json.utf8)))
            ?? SntActionPayload(cause: nil, powerOfAttorneyNumber: nil, powerOfAttorneyDate: nil)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}

/// The number, date and seller of an SNT body, read without decoding the whole document.
struct SntIdentity {
    var number: String?
    var date: CalendarDate?
    var sellerTin: String?

    init?(body: String) {
        guard let snt = try? SntXMLReader.read(body).snt else { return nil }
        number = snt.number
        date = snt.date
        sellerTin = snt.seller.tin?.rawValue
    }
}

extension OutboxJob.Kind {
    init(_ action: SntActionKind) {
        switch action {
        case .confirm: self = .confirmSnt
        case .decline: self = .declineSnt
        case .revoke: self = .revokeSnt
        }
    }

    var action: SntActionKind? {
        switch self {
        case .sendSnt: nil
        case .confirmSnt: .confirm
        case .declineSnt: .decline
        case .revokeSnt: .revoke
        }
    }
}

extension SntActionKind {
    var resultingStatus: SntStatus {
        switch self {
        case .confirm: .confirmed
        case .decline: .declined
        case .revoke: .revoked
        }
    }
}

public enum SntOutboxError: Error, Equatable, CustomStringConvertible {
    case noSuchDocument(Int64)
    case alreadySent(Int64, SntStatus)
    case notRegistered(Int64)
    case causeRequired(SntActionKind)
    case onlyReceiver(SntActionKind)
    case onlySupplier
    case alreadyFinal(Int64, SntStatus)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .noSuchDocument(id):
            LocalizedText(kk: "%1$@ нөмірлі СНТ жоқ", ru: "СНТ с номером %1$@ нет", en: "there is no SNT %1$@")
                .text(in: language, [String(id)])
        case let .alreadySent(id, status):
            LocalizedText(kk: "%1$@ СНТ-сы жіберіліп қойған (күйі %2$@); тек жобаны жіберуге болады",
                          ru: "СНТ %1$@ уже отправлена (статус %2$@); отправить можно только черновик",
                          en: "SNT %1$@ was already sent (status %2$@); only a draft can be sent")
                .text(in: language, [String(id), status.rawValue])
        case let .notRegistered(id):
            LocalizedText(kk: "%1$@ СНТ-сы ЭШФ АЖ-да жоқ; алдымен синхрондаңыз",
                          ru: "СНТ %1$@ нет в ИС ЭСФ; сначала выполните синхронизацию",
                          en: "SNT %1$@ is not in IS ESF; sync first").text(in: language, [String(id)])
        case let .causeRequired(kind):
            LocalizedText(kk: "%1$@ үшін себеп керек (--cause)", ru: "для %1$@ нужна причина (--cause)",
                          en: "%1$@ needs a cause (--cause)").text(in: language, [kind.rawValue])
        case let .onlyReceiver(kind):
            LocalizedText(kk: "%1$@ — тек алушының әрекеті", ru: "%1$@ может выполнить только получатель",
                          en: "only the receiver can %1$@").text(in: language, [kind.rawValue])
        case .onlySupplier:
            LocalizedText(kk: "СНТ-ны тек жеткізуші кері шақыра алады", ru: "отозвать СНТ может только поставщик",
                          en: "only the supplier can revoke an SNT").text(in: language)
        case let .alreadyFinal(id, status):
            LocalizedText(kk: "%1$@ СНТ-сының күйі соңғы (%2$@): оны өзгертуге болмайды",
                          ru: "статус СНТ %1$@ окончательный (%2$@): его нельзя изменить",
                          en: "SNT %1$@ is final (%2$@): it cannot change").text(in: language, [String(id), status.rawValue])
        }
    }
}
