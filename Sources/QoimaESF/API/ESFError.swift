import QoimaCore
import QoimaXML

/// Why a call to IS ESF failed, told so that the caller knows two things: whether IS ESF may
/// have acted on the request although Qoima never saw its answer
/// (`requestMayHaveBeenProcessed`), and whether asking again later may succeed (`isTransient`).
public enum ESFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP exchange failed (no connection, TLS, timeout, a lost answer, a non-2xx status
    /// whose body is not a SOAP fault).
    case transport(HTTPTransportError, operation: ESFOperation)
    /// IS ESF answered with a SOAP fault; `faultKind` says what it means.
    case fault(SOAPFault, operation: ESFOperation)
    /// An answer came but could not be read.
    case unreadableAnswer(ESFAnswerProblem, operation: ESFOperation)
    /// IS ESF would not open a session for user `iin` acting for `tin`.
    case loginRefused(ESFLoginRefusal, iin: String, tin: String)
    /// The signer could not sign (the login ticket); nothing was sent.
    case signingFailed(operation: ESFOperation, reason: String)
    /// The request cannot be sent as asked; nothing was sent.
    case invalidRequest(ESFRequestProblem, operation: ESFOperation)

    /// The exchange that failed. For `loginRefused`, the login.
    public var operation: ESFOperation {
        switch self {
        case let .transport(_, operation), let .fault(_, operation), let .unreadableAnswer(_, operation),
             let .signingFailed(operation, _), let .invalidRequest(_, operation): operation
        case .loginRefused: .createSessionSigned
        }
    }

    /// What a fault means; nil for every other error.
    public var faultKind: ESFFaultKind? {
        guard case let .fault(fault, _) = self else { return nil }
        return ESFFaultKind(fault)
    }

    /// True when the caller's request may have reached IS ESF and been acted on although its
    /// answer never arrived: the connection broke or timed out after sending, the server failed
    /// with an HTTP 5xx that is not a SOAP fault, or the answer was garbled. Ask IS ESF what
    /// became of it before sending it again. False for faults (IS ESF answered: it did not do
    /// it), for failures before sending, and for failures while logging in, when the caller's
    /// request itself was never sent.
    public var requestMayHaveBeenProcessed: Bool {
        switch self {
        case let .transport(error, operation):
            guard !operation.managesSession else { return false }
            if case let .httpStatus(_, response) = error { return response.status >= 500 }
            return error.requestMayHaveBeenProcessed
        case let .unreadableAnswer(_, operation): return !operation.managesSession
        case .fault, .loginRefused, .signingFailed, .invalidRequest: return false
        }
    }

    /// Worth trying again later, unchanged: the network, an overloaded or failing server, an
    /// expired session, a garbled answer. Refusals and unreadable well-formed answers are not.
    public var isTransient: Bool {
        switch self {
        case let .transport(error, _):
            switch error {
            case .cannotConnect, .timedOut, .answerLost: return true
            case let .httpStatus(_, response): return response.status >= 500 || [408, 429].contains(response.status)
            case .invalidRequest, .unreadableCABundle, .tlsFailure, .cancelled: return false
            }
        case let .fault(fault, _): return ESFFaultKind(fault).isTransient
        case let .unreadableAnswer(problem, _): return problem.isGarbled
        case .loginRefused, .signingFailed, .invalidRequest: return false
        }
    }

    public var description: String { message(in: .english) }

    /// What happened and what the user can do.
    public func message(in language: Language) -> String {
        let activity = Self.capitalised(operation.activity.text(in: language))
        var text: String
        switch self {
        case let .transport(error, _):
            text = activity + ": " + error.message(in: language)
            if requestMayHaveBeenProcessed, case .httpStatus = error { text += "; " + Self.checkFirst.text(in: language) }
        case let .fault(fault, _):
            text = LocalizedText(kk: "%1$@: ЭШФ АЖ қабылдамады: %2$@. %3$@",
                                 ru: "%1$@: ИС ЭСФ отказала: %2$@. %3$@",
                                 en: "%1$@: IS ESF refused: %2$@. %3$@")
                .text(in: language, [activity, fault.description, ESFFaultKind(fault).advice.text(in: language)])
        case let .unreadableAnswer(problem, _):
            text = LocalizedText(kk: "%1$@: ЭШФ АЖ жауабы оқылмады (%2$@)",
                                 ru: "%1$@: ответ ИС ЭСФ не прочитан (%2$@)",
                                 en: "%1$@: the answer from IS ESF could not be read (%2$@)")
                .text(in: language, [activity, problem.message(in: language)])
            if requestMayHaveBeenProcessed { text += "; " + Self.checkFirst.text(in: language) }
        case let .loginRefused(refusal, iin, tin):
            text = refusal.message(in: language, iin: iin, tin: tin)
        case let .signingFailed(_, reason):
            text = LocalizedText(kk: "%1$@: қол қою мүмкін болмады (%2$@); кілтті тексеріп, қайталаңыз.",
                                 ru: "%1$@: не удалось подписать (%2$@); проверьте ключ и повторите.",
                                 en: "%1$@: signing failed (%2$@); check the key and try again.")
                .text(in: language, [activity, reason])
        case let .invalidRequest(problem, _):
            text = activity + ": " + problem.message(in: language)
        }
        return text
    }

    private static let checkFirst = LocalizedText(
        kk: "сұрау орындалған болуы мүмкін, қайта жібермес бұрын оның күйін тексеріңіз",
        ru: "запрос мог быть выполнен, проверьте его результат, прежде чем отправлять снова",
        en: "the request may have been carried out, so check its outcome before sending it again")

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// Why a request cannot be sent as asked.
public enum ESFRequestProblem: Hashable, Sendable {
    /// The documents of one upload are signed with different certificates, but the upload
    /// carries one `x509Certificate` for all of them (domain.md §8.1, §10).
    case mixedCertificates
    /// The cabinet password holds bytes that XML cannot carry.
    case unwritablePassword

    public func message(in language: Language) -> String {
        switch self {
        case .mixedCertificates:
            LocalizedText(kk: "бір жіберілімдегі құжаттарға әртүрлі сертификаттармен қол қойылған; оларды бөлек жіберіңіз",
                          ru: "документы одной отправки подписаны разными сертификатами; отправьте их по отдельности",
                          en: "the documents of one upload are signed with different certificates; send them separately")
                .text(in: language)
        case .unwritablePassword:
            SOAPError.unwritablePassword.message(in: language)
        }
    }
}
