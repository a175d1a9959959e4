import QoimaCore

/// What `qoima-cli sandbox` says to a person, in the three languages. The "listening on" line is
/// the exception: scripts and tests read it, so it never changes with the locale.
enum SandboxText {
    static let dataDirectory = LocalizedText(
        kk: "деректер: %1$@", ru: "данные: %1$@", en: "data: %1$@")
    static let pki = LocalizedText(
        kk: "сынақ PKI: %1$@ (HTTPS үшін %2$@ сенімді деп белгілеңіз)",
        ru: "тестовый PKI: %1$@ (для HTTPS доверяйте %2$@)",
        en: "test PKI: %1$@ (for HTTPS trust %2$@)")
    static let faults = LocalizedText(
        kk: "ақаулар: %1$@", ru: "сбои: %1$@", en: "faults: %1$@")
    static let users = LocalizedText(
        kk: "Пайдаланушылар (кабинет құпиясөзі — WS-Security Password: %1$@; кілттер құпиясөзі: %2$@):",
        ru: "Пользователи (пароль кабинета — WS-Security Password: %1$@; пароль ключей: %2$@):",
        en: "Users (cabinet password, the WS-Security Password: %1$@; key password: %2$@):")
    static let user = LocalizedText(
        kk: "  %1$@, БСН %2$@: пайдаланушы ЖСН %3$@ (%4$@)",
        ru: "  %1$@, БИН %2$@: пользователь ИИН %3$@ (%4$@)",
        en: "  %1$@, BIN %2$@: user IIN %3$@ (%4$@)")
    static let keys = LocalizedText(
        kk: "    кілттер: %1$@ (кіру), %2$@ (қол қою)",
        ru: "    ключи: %1$@ (вход), %2$@ (подпись)",
        en: "    keys: %1$@ (authentication), %2$@ (signing)")
    static let stores = LocalizedText(
        kk: "    қоймалар: %1$@", ru: "    склады: %1$@", en: "    stores: %1$@")
    static let priority = LocalizedText(kk: "басым", ru: "приоритетный", en: "priority")
    static let stopHint = LocalizedText(
        kk: "Тоқтату үшін Ctrl+C басыңыз.", ru: "Остановить: Ctrl+C.", en: "Press Ctrl+C to stop.")
    static let stopped = LocalizedText(
        kk: "құмсалғыш тоқтатылды, күйі сақталды", ru: "песочница остановлена, состояние сохранено",
        en: "sandbox stopped, state saved")
    static let badDuration = LocalizedText(
        kk: "%1$@: 200ms, 30s, 2m немесе 0 сияқты ұзақтық керек, «%2$@» емес",
        ru: "%1$@: нужна длительность вида 200ms, 30s, 2m или 0, а не «%2$@»",
        en: "%1$@ needs a duration such as 200ms, 30s, 2m or 0, not “%2$@”")
    static let badPort = LocalizedText(
        kk: "--port 0-ден 65535-ке дейін болуы керек", ru: "--port должен быть от 0 до 65535",
        en: "--port must be from 0 to 65535")
    static let seeded = LocalizedText(
        kk: "%1$@ компаниясына қосылды: %2$@ қалдық жолы, %3$@ кіріс ТІЖ (%4$@ с)",
        ru: "компании %1$@ добавлено: строк остатков %2$@, входящих СНТ %3$@ (%4$@ с)",
        en: "added to %1$@: %2$@ balance rows, %3$@ incoming SNTs (%4$@ s)")
    static let cannotStart = LocalizedText(
        kk: "құмсалғыш іске қосылмады: %1$@", ru: "песочница не запустилась: %1$@",
        en: "the sandbox did not start: %1$@")
}
