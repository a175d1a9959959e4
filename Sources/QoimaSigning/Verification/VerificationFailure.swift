import Foundation
import QoimaCore

/// Why a signature or a certificate did not pass.
public enum VerificationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The signature does not match the signed bytes under this certificate's key.
    case signatureMismatch
    /// The certificate given is not the one that signed.
    case wrongCertificate
    /// An XMLDSig reference's digest differs: the document was changed after signing.
    case digestMismatch(reference: String)
    case malformedSignature(reason: String)
    case noSignature
    case certificateExpired(notAfter: Date)
    case certificateNotYetValid(notBefore: Date)
    case untrustedCertificate(reason: String)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case .signatureMismatch:
            LocalizedText(kk: "қолтаңба сәйкес келмейді: құжат өзгертілген немесе басқа кілтпен қол қойылған",
                          ru: "подпись не сходится: документ изменён или подписан другим ключом",
                          en: "the signature does not match: the document was changed or signed with another key")
                .text(in: language)
        case .wrongCertificate:
            LocalizedText(kk: "қолтаңбаны бұл сертификаттың иесі қоймаған",
                          ru: "подпись поставлена не владельцем этого сертификата",
                          en: "the signature was not made by this certificate's owner").text(in: language)
        case let .digestMismatch(reference):
            LocalizedText(kk: "қол қойылған мазмұн өзгертілген (сілтеме «%1$@»)",
                          ru: "подписанное содержимое изменено (ссылка «%1$@»)",
                          en: "the signed content was changed (reference \"%1$@\")").text(in: language, [reference])
        case let .malformedSignature(reason):
            LocalizedText(kk: "қолтаңба бұзылған: %1$@",
                          ru: "подпись повреждена: %1$@",
                          en: "the signature is malformed: %1$@").text(in: language, [reason])
        case .noSignature:
            LocalizedText(kk: "құжатта XMLDSig қолтаңбасы жоқ",
                          ru: "в документе нет подписи XMLDSig",
                          en: "the document has no XMLDSig signature").text(in: language)
        case let .certificateExpired(notAfter):
            LocalizedText(kk: "сертификаттың мерзімі %1$@ өтіп кеткен",
                          ru: "срок действия сертификата истёк %1$@",
                          en: "the certificate expired on %1$@").text(in: language, [KazakhstanClock.minuteText(of: notAfter)])
        case let .certificateNotYetValid(notBefore):
            LocalizedText(kk: "сертификат тек %1$@ бастап жарамды",
                          ru: "сертификат действует только с %1$@",
                          en: "the certificate is valid only from %1$@").text(in: language, [KazakhstanClock.minuteText(of: notBefore)])
        case let .untrustedCertificate(reason):
            LocalizedText(kk: "сертификат сенімді куәландырушы орталықтан шықпаған: %1$@",
                          ru: "сертификат выдан не доверенным удостоверяющим центром: %1$@",
                          en: "the certificate does not chain to a trusted CA: %1$@").text(in: language, [reason])
        }
    }
}
