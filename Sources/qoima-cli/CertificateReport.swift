import Foundation
import QoimaCore
import QoimaSigning

/// What `keys info` prints about a certificate.
enum CertificateReport {
    static func text(_ certificate: Certificate, now: Date = Date()) -> String {
        let language = CLIText.language
        let none = "—"
        let usage = certificate.usage?.text.text(in: language) ?? none
        let roles = certificate.roles.map { CLIText.say(role($0)) }.joined(separator: ", ")
        let rows: [(LocalizedText, String)] = [
            (CLIText.ownerLabel, certificate.subject.fullName.isEmpty ? none : certificate.subject.fullName),
            (CLIText.iinLabel, certificate.iin?.rawValue ?? none),
            (CLIText.binLabel, certificate.bin.map { bin in
                certificate.subject.organization.map { "\(bin.rawValue) (\($0))" } ?? bin.rawValue
            } ?? none),
            (CLIText.usageLabel, roles.isEmpty ? usage : "\(usage); \(roles)"),
            (CLIText.validityLabel, "\(KazakhstanClock.minuteText(of: certificate.notBefore)) – \(KazakhstanClock.minuteText(of: certificate.notAfter)), "
                + CLIText.say(validity(certificate.validity(at: now)))),
            (CLIText.algorithmLabel, certificate.keyAlgorithm.description),
            (CLIText.issuerLabel, certificate.issuer.description),
            (CLIText.serialLabel, certificate.serialNumber),
        ]
        let labels = rows.map { CLIText.say($0.0) }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, rows).map { label, row in
            label + ":" + String(repeating: " ", count: width - label.count + 1) + row.1
        }.joined(separator: "\n")
    }

    static func json(_ certificate: Certificate, now: Date = Date()) -> String {
        let object: [String: Any] = [
            "owner": certificate.subject.fullName,
            "commonName": certificate.subject.commonName ?? NSNull(),
            "iin": certificate.iin?.rawValue ?? NSNull(),
            "bin": certificate.bin?.rawValue ?? NSNull(),
            "organization": certificate.subject.organization ?? NSNull(),
            "usage": certificate.usage?.rawValue ?? NSNull(),
            "roles": certificate.roles.map(\.rawValue),
            "notBefore": ISO8601DateFormatter().string(from: certificate.notBefore),
            "notAfter": ISO8601DateFormatter().string(from: certificate.notAfter),
            "valid": certificate.validity(at: now) == .valid,
            "algorithm": certificate.keyAlgorithm.description,
            "issuer": certificate.issuer.description,
            "serialNumber": certificate.serialNumber,
            "certificate": certificate.base64,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys,
                                                                                   .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func validity(_ validity: Certificate.Validity) -> LocalizedText {
        switch validity {
        case .valid: CLIText.validNow
        case .expired: CLIText.expiredNow
        case .notYetValid: CLIText.notYetValidNow
        }
    }

    private static func role(_ role: NcaCertificateProfile.Role) -> LocalizedText {
        switch role {
        case .individual: LocalizedText(kk: "жеке тұлға", ru: "физическое лицо", en: "individual")
        case .legalEntity: LocalizedText(kk: "заңды тұлға", ru: "юридическое лицо", en: "legal entity")
        case .firstHead: LocalizedText(kk: "бірінші басшы", ru: "первый руководитель", en: "first head")
        case .maySign: LocalizedText(kk: "қол қою құқығы бар", ru: "с правом подписи", en: "may sign")
        case .mayApproveFinancialDocuments:
            LocalizedText(kk: "қаржы құжаттарына қол қояды", ru: "подписывает финансовые документы",
                          en: "signs financial documents")
        case .humanResources: LocalizedText(kk: "кадр қызметі", ru: "кадровая служба", en: "human resources")
        case .employee: LocalizedText(kk: "қызметкер", ru: "сотрудник", en: "employee")
        }
    }
}

extension CLIText {
    static let ownerLabel = LocalizedText(kk: "Иесі", ru: "Владелец", en: "Owner")
    static let iinLabel = LocalizedText(kk: "ЖСН", ru: "ИИН", en: "IIN")
    static let binLabel = LocalizedText(kk: "БСН", ru: "БИН", en: "BIN")
    static let usageLabel = LocalizedText(kk: "Мақсаты", ru: "Назначение", en: "Usage")
    static let validityLabel = LocalizedText(kk: "Жарамдылығы", ru: "Срок действия", en: "Validity")
    static let algorithmLabel = LocalizedText(kk: "Алгоритм", ru: "Алгоритм", en: "Algorithm")
    static let issuerLabel = LocalizedText(kk: "Берген", ru: "Издатель", en: "Issuer")
    static let serialLabel = LocalizedText(kk: "Сериялық нөмірі", ru: "Серийный номер", en: "Serial number")
    static let validNow = LocalizedText(kk: "қазір жарамды", ru: "действует сейчас", en: "valid now")
    static let expiredNow = LocalizedText(kk: "мерзімі өткен", ru: "срок истёк", en: "expired")
    static let notYetValidNow = LocalizedText(kk: "әлі күшіне енбеген", ru: "ещё не действует", en: "not yet valid")
    static let noSuchFile = LocalizedText(kk: "мұндай файл жоқ", ru: "нет такого файла", en: "no such file")
    static let signatureWritten = LocalizedText(
        kk: "қолтаңба %1$@ файлына жазылды (қол қойған: %2$@)",
        ru: "подпись записана в %1$@ (подписал: %2$@)",
        en: "signature written to %1$@ (signed by %2$@)")
    static let signatureHolds = LocalizedText(
        kk: "қолтаңба дұрыс: қол қойған %1$@, ЖСН %2$@, БСН %3$@",
        ru: "подпись верна: подписал %1$@, ИИН %2$@, БИН %3$@",
        en: "signature holds: signed by %1$@, IIN %2$@, BIN %3$@")
    static let signatureFails = LocalizedText(
        kk: "қолтаңба дұрыс емес: %1$@",
        ru: "подпись неверна: %1$@",
        en: "signature does not hold: %1$@")
    static let directoryNotEmpty = LocalizedText(
        kk: "%1$@ бос емес; бар сынақ PKI-ді ауыстыру үшін --force қосыңыз",
        ru: "каталог %1$@ не пуст; чтобы заменить тестовую PKI, добавьте --force",
        en: "%1$@ is not empty; add --force to replace the test PKI there")
    static let testPKIWritten = LocalizedText(
        kk: "сынақ PKI %1$@ ішіне жазылды; әр кілттің құпиясөзі: %2$@",
        ru: "тестовая PKI записана в %1$@; пароль каждого ключа: %2$@",
        en: "test PKI written to %1$@; every key's password is %2$@")
}
