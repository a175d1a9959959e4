import QoimaCore
import QoimaXML

/// What a SOAP fault from IS ESF means for Qoima. A fault is always IS ESF's own answer, so the
/// request it answers was not carried out.
public enum ESFFaultKind: String, CaseIterable, Hashable, Sendable {
    /// The session expired or was closed: log in again and repeat the call.
    case sessionClosed
    /// The user already has a session open for this BIN (domain.md §6): close it by credentials first.
    case sessionAlreadyOpen
    /// The WS-Security check failed: on a session call, the cabinet password is wrong.
    case securityRefused
    /// The user may not do this for this taxpayer (`accessDeniedException`).
    case accessDenied
    /// IS ESF refused the request itself: a business rule, the schema, a stale ticket.
    case businessRefused
    /// The certificate's revocation check (OCSP) could not be made just now.
    case certificateCheckUnavailable
    /// The certificate failed its revocation check.
    case certificateRefused
    /// The server failed without naming an IS ESF exception (`soap:Server`): worth trying later.
    case serverError

    /// Texts that mean an expired or closed session when IS ESF does not use
    /// `sessionClosedException`, matched ignoring case in the fault string and detail.
    /// Assumed: domain.md §6 names only the exception, and session lifetime is U11.
    public static let sessionClosedMarkers = [
        "session closed", "session is closed", "session not found", "session expired", "session has expired",
        "session is not valid", "invalid session", "session_closed", "session_not_found",
        "сессия закрыта", "сессия не найдена", "сессия истекла", "сессия жабық",
    ]

    public init(_ fault: SOAPFault) {
        let known = fault.knownError
        let exception = fault.detail?.exception
        let texts = [fault.message, fault.detail?.text ?? ""].map { $0.lowercased() }
        if known == .sessionAlreadyOpen {
            self = .sessionAlreadyOpen
        } else if exception == .sessionClosed
            || Self.sessionClosedMarkers.contains(where: { marker in texts.contains { $0.contains(marker) } }) {
            self = .sessionClosed
        } else if known == .securityError {
            self = .securityRefused
        } else if let exception {
            switch exception {
            case .accessDenied: self = .accessDenied
            case .business, .sessionClosed: self = .businessRefused
            case .ocspNotAvailable, .ocspUnknownProblem, .ocspNonce: self = .certificateCheckUnavailable
            case .ocspCertificate: self = .certificateRefused
            }
        } else if known == nil, fault.code.name == SOAPFault.Code.server.name {
            // A CXF server fault without a declared exception: a crash or an outage behind it.
            self = .serverError
        } else {
            self = .businessRefused
        }
    }

    /// Worth asking again later.
    public var isTransient: Bool {
        switch self {
        case .sessionClosed, .certificateCheckUnavailable, .serverError: true
        case .sessionAlreadyOpen, .securityRefused, .accessDenied, .businessRefused, .certificateRefused: false
        }
    }

    /// What the user can do about it.
    var advice: LocalizedText {
        switch self {
        case .sessionClosed:
            LocalizedText(kk: "ЭШФ АЖ сессиясы жабылды; қайталаңыз, Qoima қайта кіреді.",
                          ru: "Сессия ИС ЭСФ закрыта; повторите, Qoima войдёт заново.",
                          en: "The IS ESF session has closed; try again and Qoima will log in anew.")
        case .sessionAlreadyOpen:
            LocalizedText(kk: "Бұл пайдаланушының ЭШФ АЖ-де ашық сессиясы бар; оны порталда жауып, қайталаңыз.",
                          ru: "У пользователя уже открыта сессия в ИС ЭСФ; закройте её на портале и повторите.",
                          en: "This user already has an IS ESF session open; close it on the portal and try again.")
        case .securityRefused:
            LocalizedText(kk: "ЭШФ АЖ кабинет құпиясөзін қабылдамады; оны тексеріңіз.",
                          ru: "ИС ЭСФ не приняла пароль кабинета; проверьте его.",
                          en: "IS ESF refused the cabinet password; check it.")
        case .accessDenied:
            LocalizedText(kk: "Бұл пайдаланушыға осы салық төлеуші үшін рұқсат жоқ; ЭШФ АЖ-дегі құқықтарды тексеріңіз.",
                          ru: "У пользователя нет прав на это для данного налогоплательщика; проверьте права в ИС ЭСФ.",
                          en: "The user may not do this for this taxpayer; check the user's rights in IS ESF.")
        case .businessRefused:
            LocalizedText(kk: "ЭШФ АЖ сұрауды қабылдамады; себебін түзетіп, қайта жіберіңіз.",
                          ru: "ИС ЭСФ отклонила запрос; устраните причину и отправьте снова.",
                          en: "IS ESF refused the request; fix the reason and send it again.")
        case .certificateCheckUnavailable:
            LocalizedText(kk: "Сертификатты тексеру қызметі қазір қолжетімсіз; кейінірек қайталаңыз.",
                          ru: "Служба проверки сертификата сейчас недоступна; повторите позже.",
                          en: "The certificate check service is unavailable just now; try again later.")
        case .certificateRefused:
            LocalizedText(kk: "Сертификат тексеруден өтпеді (кері қайтарылған болуы мүмкін); басқа кілтпен қол қойыңыз.",
                          ru: "Сертификат не прошёл проверку (возможно, отозван); подпишите другим ключом.",
                          en: "The certificate failed its check (it may be revoked); sign with another key.")
        case .serverError:
            LocalizedText(kk: "ЭШФ АЖ серверінде қате; кейінірек қайталаңыз.",
                          ru: "Ошибка на сервере ИС ЭСФ; повторите позже.",
                          en: "IS ESF failed on its side; try again later.")
        }
    }
}
