import QoimaCore

/// Why some bytes could not be read as the XML document expected, with the place in the input
/// (1-based line and column) when there is one.
public struct XMLInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The input is larger than `XMLLimits.maxBytes`; nothing was parsed.
        case tooLarge(bytes: Int, limit: Int)
        /// The input has a document type declaration. Qoima's formats never have one, and refusing
        /// it closes the door to entity expansion and external entities.
        case doctype
        /// Elements nest deeper than `XMLLimits.maxDepth`.
        case tooDeep(limit: Int)
        /// Not well-formed XML; `detail` is libxml2's own (English) description.
        case malformed(code: Int, detail: String)
        /// Well-formed, but the root is not the element expected.
        case unexpectedRoot(found: String, namespace: String?, expected: String)
        /// An element the document cannot do without is absent (a container entry's body).
        case missingElement(String)
        /// A portal container entry of a document version Qoima does not read.
        case unsupportedVersion(String)
        /// The file itself could not be read (missing, a folder, no permission).
        case unreadable(String)
    }

    public let reason: Reason
    public let line: Int?
    public let column: Int?

    public init(_ reason: Reason, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// What is wrong, in English.
    public var message: String { message(in: .english) }

    public func message(in language: Language) -> String {
        let (template, arguments) = text
        return template.text(in: language, arguments)
    }

    /// `line 3, column 7: …`, in English; the form the CLI prints after the file name.
    public var description: String { located(in: .english) }

    /// The message prefixed with its place in the input, when known.
    public func located(in language: Language) -> String {
        guard let line else { return message(in: language) }
        let place = column.map { Self.lineAndColumn.text(in: language, [String(line), String($0)]) }
            ?? Self.lineOnly.text(in: language, [String(line)])
        return place + ": " + message(in: language)
    }

    private var text: (LocalizedText, [String]) {
        switch reason {
        case let .tooLarge(bytes, limit):
            (LocalizedText(kk: "Файл тым үлкен: %1$@ байт, шегі %2$@ байт; ол оқылмады.",
                           ru: "Файл слишком большой: %1$@ байт при пределе %2$@ байт; он не прочитан.",
                           en: "The file is too large: %1$@ bytes, the limit is %2$@ bytes; it was not read."),
             [String(bytes), String(limit)])
        case .doctype:
            (LocalizedText(kk: "Құжатта DOCTYPE жарияланымы бар; Qoima оны қауіпсіздік үшін қабылдамайды.",
                           ru: "В документе есть объявление DOCTYPE; Qoima не принимает его из соображений безопасности.",
                           en: "The document has a DOCTYPE declaration; Qoima refuses it for safety."), [])
        case let .tooDeep(limit):
            (LocalizedText(kk: "Элементтер тым терең салынған (%1$@ деңгейден артық).",
                           ru: "Элементы вложены слишком глубоко (более %1$@ уровней).",
                           en: "Elements are nested too deeply (more than %1$@ levels)."), [String(limit)])
        case let .malformed(_, detail):
            (LocalizedText(kk: "XML дұрыс құрылмаған: %1$@", ru: "XML составлен неверно: %1$@",
                           en: "The XML is not well-formed: %1$@"), [detail])
        case let .unexpectedRoot(found, namespace, expected):
            (LocalizedText(kk: "Түбір элементі %1$@ (аттар кеңістігі: %2$@), ал %3$@ күтілген.",
                           ru: "Корневой элемент %1$@ (пространство имён: %2$@), а ожидался %3$@.",
                           en: "The root element is %1$@ (namespace: %2$@), but %3$@ was expected."),
             [found, namespace.map { "\"\($0)\"" } ?? "—", expected])
        case let .missingElement(name):
            (LocalizedText(kk: "%1$@ элементі жоқ.", ru: "Нет элемента %1$@.", en: "The element %1$@ is missing."), [name])
        case let .unsupportedVersion(version):
            (LocalizedText(kk: "Құжат нұсқасы «%1$@» оқылмайды; тек SntV1 оқылады.",
                           ru: "Версия документа «%1$@» не читается; читается только SntV1.",
                           en: "Document version “%1$@” cannot be read; only SntV1 is supported."), [version])
        case let .unreadable(reason):
            (LocalizedText(kk: "Файл оқылмады: %1$@", ru: "Не удалось прочитать файл: %1$@",
                           en: "The file could not be read: %1$@"), [reason])
        }
    }

    private static let lineAndColumn = LocalizedText(kk: "%1$@-жол, %2$@-баған", ru: "строка %1$@, столбец %2$@",
                                                     en: "line %1$@, column %2$@")
    private static let lineOnly = LocalizedText(kk: "%1$@-жол", ru: "строка %1$@", en: "line %1$@")
}
