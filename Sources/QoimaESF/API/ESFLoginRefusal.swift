import QoimaCore
import QoimaXML

/// Why IS ESF would not open a session for the user. None of these goes away by trying again
/// with the same credentials.
public enum ESFLoginRefusal: Hashable, Sendable {
    /// The WS-Security check of the login failed: the cabinet (IS ESF account) password is wrong.
    case wrongCabinetPassword
    /// The authentication certificate names no IIN, so there is no user to log in as.
    case certificateWithoutIIN
    /// `createAuthTicket` answered without a ticket: the IIN is not an IS ESF user (domain.md §6).
    case emptyTicket
    /// IS ESF refused the signed ticket or the key (`SIGNATURE_INVALID_FORMAT`, `METHOD_NOT_SUPPORT_GOST_2015`…).
    case ticketRefused(SOAPFault)
    /// IS ESF refused the user for this taxpayer or business profile.
    case notPermitted(SOAPFault)
    /// A session stayed open even after closing it by credentials.
    case sessionStillOpen(SOAPFault)

    public func message(in language: Language, iin: String, tin: String) -> String {
        switch self {
        case .wrongCabinetPassword:
            LocalizedText(kk: "ЭШФ АЖ %1$@ ЖСН үшін кабинет құпиясөзін қабылдамады. ЭШФ АЖ есептік жазбасының құпиясөзін (кілт құпиясөзін емес) енгізіп, қайталаңыз.",
                          ru: "ИС ЭСФ не приняла пароль кабинета для ИИН %1$@. Введите пароль учётной записи ИС ЭСФ (не пароль ключа) и повторите.",
                          en: "IS ESF refused the cabinet password for IIN %1$@. Enter the password of the IS ESF account (not the key's password) and try again.")
                .text(in: language, [iin])
        case .certificateWithoutIIN:
            LocalizedText(kk: "Аутентификация сертификатында ЖСН жоқ; ЭШФ АЖ-ге кіру үшін ҰКО-ның AUTH кілтін таңдаңыз.",
                          ru: "В сертификате аутентификации нет ИИН; для входа в ИС ЭСФ выберите ключ AUTH НУЦ.",
                          en: "The authentication certificate names no IIN; choose an NUC AUTH key to log in to IS ESF.")
                .text(in: language)
        case .emptyTicket:
            LocalizedText(kk: "ЭШФ АЖ %1$@ ЖСН үшін кіру билетін бермеді: бұл ЖСН ЭШФ АЖ-де тіркелмеген болуы мүмкін.",
                          ru: "ИС ЭСФ не выдала билет входа для ИИН %1$@: возможно, этот ИИН не зарегистрирован в ИС ЭСФ.",
                          en: "IS ESF gave no login ticket for IIN %1$@: that IIN may not be registered in IS ESF.")
                .text(in: language, [iin])
        case let .ticketRefused(fault):
            LocalizedText(kk: "ЭШФ АЖ қол қойылған кіру билетін қабылдамады (%1$@); AUTH кілтін тексеріп, қайталаңыз.",
                          ru: "ИС ЭСФ не приняла подписанный билет входа (%1$@); проверьте ключ AUTH и повторите.",
                          en: "IS ESF refused the signed login ticket (%1$@); check the AUTH key and try again.")
                .text(in: language, [fault.description])
        case let .notPermitted(fault):
            LocalizedText(kk: "ЭШФ АЖ %1$@ ЖСН-ді %2$@ салық төлеушісі атынан кіргізбеді (%3$@); ЭШФ АЖ-дегі құқықтарды тексеріңіз.",
                          ru: "ИС ЭСФ не пустила ИИН %1$@ от имени налогоплательщика %2$@ (%3$@); проверьте права в ИС ЭСФ.",
                          en: "IS ESF would not let IIN %1$@ act for taxpayer %2$@ (%3$@); check the rights in IS ESF.")
                .text(in: language, [iin, tin, fault.description])
        case let .sessionStillOpen(fault):
            LocalizedText(kk: "%1$@ ЖСН-нің ЭШФ АЖ-дегі ашық сессиясы жабылмады (%2$@); оны порталда жауып, қайталаңыз.",
                          ru: "Открытая сессия ИИН %1$@ в ИС ЭСФ не закрылась (%2$@); закройте её на портале и повторите.",
                          en: "The open IS ESF session of IIN %1$@ would not close (%2$@); close it on the portal and try again.")
                .text(in: language, [iin, fault.description])
        }
    }
}
