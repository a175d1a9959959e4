import QoimaCore
import QoimaXML

extension ESFOperation {
    /// Calls that change something at IS ESF. They are never repeated automatically: a lost
    /// answer leaves open whether IS ESF acted, and only the caller (the outbox) can find out.
    /// `queryViewSnt` is not among them: marking an SNT viewed twice is the same as once.
    public var isWriting: Bool {
        switch self {
        case .uploadSnt, .changeSntStatus, .createStores, .changeStoreStatus, .uploadUForm: true
        default: false
        }
    }

    /// The exchanges the session manager makes on its own (ticket, login, status, logout). When
    /// one of them fails, the caller's own request was never sent.
    public var managesSession: Bool {
        switch self {
        case .createAuthTicket, .createSession, .createSessionSigned, .currentSessionStatus, .closeSession,
             .closeSessionByCredentials: true
        default: false
        }
    }

    /// What Qoima was doing, for messages: "logging in to IS ESF", "sending to IS ESF"…
    var activity: LocalizedText {
        if managesSession {
            return LocalizedText(kk: "ЭШФ АЖ-ге кіру", ru: "вход в ИС ЭСФ", en: "logging in to IS ESF")
        }
        if isWriting {
            return LocalizedText(kk: "ЭШФ АЖ-ге жіберу", ru: "отправка в ИС ЭСФ", en: "sending to IS ESF")
        }
        return LocalizedText(kk: "ЭШФ АЖ-ден оқу", ru: "чтение из ИС ЭСФ", en: "reading from IS ESF")
    }
}
