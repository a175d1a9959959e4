import Foundation
import QoimaCore

/// Why a key could not be opened or could not sign, said so that the user knows what to do.
public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case notPKCS12(path: String)
    case wrongPassword(path: String)
    case noPrivateKey(path: String)
    case noCertificate(path: String)
    /// A GOST key: OpenSSL cannot use it; NCALayer (with NUC's Kalkan provider) can.
    case gostKeyNeedsNCALayer(path: String)
    case unsupportedKey(algorithm: String)
    case notCertificate(reason: String)
    case cryptoFailure(operation: String, reason: String)
    case invalidXML(reason: String)
    case ncaLayerNotRunning(url: String)
    case ncaLayerCancelled
    case ncaLayerRefused(code: String, message: String)
    case ncaLayerProtocol(reason: String)
    /// The user chose another key in NCALayer's window than the one the signer was made for.
    case ncaLayerOtherKey(expected: String)
    case keyringUnavailable(reason: String)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .unreadableFile(path, reason):
            LocalizedText(kk: "%1$@ файлын оқу мүмкін емес: %2$@",
                          ru: "не удаётся прочитать файл %1$@: %2$@",
                          en: "cannot read %1$@: %2$@").text(in: language, [path, reason])
        case let .notPKCS12(path):
            LocalizedText(kk: "%1$@ — PKCS#12 кілт файлы емес (.p12)",
                          ru: "%1$@ — не файл ключа PKCS#12 (.p12)",
                          en: "%1$@ is not a PKCS#12 key file (.p12)").text(in: language, [path])
        case let .wrongPassword(path):
            LocalizedText(kk: "%1$@ кілтінің құпиясөзі қате",
                          ru: "неверный пароль ключа %1$@",
                          en: "wrong password for the key %1$@").text(in: language, [path])
        case let .noPrivateKey(path):
            LocalizedText(kk: "%1$@ файлында жабық кілт жоқ",
                          ru: "в файле %1$@ нет закрытого ключа",
                          en: "%1$@ holds no private key").text(in: language, [path])
        case let .noCertificate(path):
            LocalizedText(kk: "%1$@ файлында кілттің сертификаты жоқ",
                          ru: "в файле %1$@ нет сертификата ключа",
                          en: "%1$@ holds no certificate for its key").text(in: language, [path])
        case let .gostKeyNeedsNCALayer(path):
            LocalizedText(kk: "%1$@ — ГОСТ кілті; мұндай кілтпен NCALayer арқылы қол қойылады: NCALayer-ді іске қосып, «NCALayer» таңдаңыз",
                          ru: "%1$@ — ключ ГОСТ; такими ключами подписывают через NCALayer: запустите NCALayer и выберите «NCALayer»",
                          en: "%1$@ is a GOST key; such keys sign through NCALayer: start NCALayer and choose \"NCALayer\"")
                .text(in: language, [path])
        case let .unsupportedKey(algorithm):
            LocalizedText(kk: "%1$@ алгоритмінің кілтімен қол қою мүмкін емес",
                          ru: "ключом с алгоритмом %1$@ подписать нельзя",
                          en: "cannot sign with a key of algorithm %1$@").text(in: language, [algorithm])
        case let .notCertificate(reason):
            LocalizedText(kk: "сертификат оқылмайды: %1$@",
                          ru: "сертификат не читается: %1$@",
                          en: "the certificate cannot be read: %1$@").text(in: language, [reason])
        case let .cryptoFailure(operation, reason):
            LocalizedText(kk: "%1$@ орындалмады: %2$@",
                          ru: "не удалось выполнить %1$@: %2$@",
                          en: "%1$@ failed: %2$@").text(in: language, [operation, reason])
        case let .invalidXML(reason):
            LocalizedText(kk: "қол қойылатын XML оқылмайды: %1$@",
                          ru: "подписываемый XML не читается: %1$@",
                          en: "the XML to sign cannot be read: %1$@").text(in: language, [reason])
        case let .ncaLayerNotRunning(url):
            LocalizedText(kk: "NCALayer іске қосылмаған (%1$@ мекенжайына қосылу мүмкін емес): оны іске қосып, қайталаңыз",
                          ru: "NCALayer не запущен (нет соединения с %1$@): запустите его и повторите",
                          en: "NCALayer is not running (no connection to %1$@): start it and try again").text(in: language, [url])
        case .ncaLayerCancelled:
            LocalizedText(kk: "NCALayer терезесінде қол қою тоқтатылды",
                          ru: "подписание отменено в окне NCALayer",
                          en: "signing was cancelled in the NCALayer window").text(in: language)
        case let .ncaLayerRefused(code, message):
            LocalizedText(kk: "NCALayer қол қоймады (код %1$@): %2$@",
                          ru: "NCALayer не подписал (код %1$@): %2$@",
                          en: "NCALayer did not sign (code %1$@): %2$@").text(in: language, [code, message])
        case let .ncaLayerProtocol(reason):
            LocalizedText(kk: "NCALayer түсініксіз жауап берді: %1$@",
                          ru: "NCALayer ответил непонятно: %1$@",
                          en: "NCALayer answered in a way Qoima does not understand: %1$@").text(in: language, [reason])
        case let .ncaLayerOtherKey(expected):
            LocalizedText(kk: "NCALayer басқа кілтпен қол қойды; қайта қол қойып, %1$@ кілтін таңдаңыз",
                          ru: "NCALayer подписал другим ключом; подпишите снова и выберите ключ %1$@",
                          en: "NCALayer signed with another key; sign again and choose %1$@'s key").text(in: language, [expected])
        case let .keyringUnavailable(reason):
            LocalizedText(kk: "жүйелік кілттер қоймасы қолжетімсіз: %1$@",
                          ru: "системное хранилище паролей недоступно: %1$@",
                          en: "the desktop keyring is not available: %1$@").text(in: language, [reason])
        }
    }
}
