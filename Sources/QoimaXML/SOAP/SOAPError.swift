import QoimaCore

/// Why a SOAP message could not be read or written.
public enum SOAPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not XML, refused by the safety limits, not a SOAP 1.1 envelope, or an element the reader
    /// needs is missing (the error names it as a path, such as `Envelope/Body`).
    case invalid(XMLInputError)
    /// The body holds another operation's element than the one expected.
    case unexpectedOperation(found: String, expected: String, line: Int)
    /// The peer answered with a SOAP fault.
    case fault(SOAPFault)
    /// The password bytes are not UTF-8, or hold a character XML 1.0 cannot carry. The password
    /// itself is never part of the message.
    case unwritablePassword

    static func missing(_ path: String, line: Int?) -> SOAPError {
        .invalid(XMLInputError(.missingElement(path), line: line))
    }

    /// What is wrong, in English.
    public var message: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .invalid(error): error.located(in: language)
        case let .unexpectedOperation(found, expected, line):
            LocalizedText(kk: "%1$@-жол: SOAP денесінде %2$@ элементі бар, ал %3$@ күтілген.",
                          ru: "строка %1$@: в теле SOAP элемент %2$@, а ожидался %3$@.",
                          en: "line %1$@: the SOAP body holds %2$@, but %3$@ was expected.")
                .text(in: language, [String(line), found, expected])
        case let .fault(fault):
            LocalizedText(kk: "ЭШФ АЖ қатемен жауап берді: %1$@", ru: "ИС ЭСФ ответила ошибкой: %1$@",
                          en: "IS ESF answered with a fault: %1$@")
                .text(in: language, [fault.description])
        case .unwritablePassword:
            LocalizedText(kk: "Құпиясөзде XML-де жіберуге болмайтын таңба бар.",
                          ru: "В пароле есть символ, который нельзя передать в XML.",
                          en: "The password holds a character that cannot be sent in XML.")
                .text(in: language)
        }
    }

    public var description: String { message }
}
