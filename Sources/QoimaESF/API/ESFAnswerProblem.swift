import QoimaCore
import QoimaXML

/// Why an answer from IS ESF could not be read, though it came whole over HTTP.
public enum ESFAnswerProblem: Error, Hashable, Sendable {
    /// Not XML or cut short, not a SOAP envelope, another operation's wrapper, or a required
    /// element missing (the error names its path, such as `sntUploadResponse/acceptedList/sntUploadResult[1]/sntId`).
    case soap(SOAPError)
    /// An element whose text is not what its type allows: `expected` says what it should be.
    case badValue(path: String, value: String, expected: LocalizedText)

    /// True when the bytes themselves were broken (cut short, garbled): asking again may give a
    /// whole answer. A well-formed answer that lacks a field or holds a strange value will not
    /// read better the second time.
    var isGarbled: Bool {
        guard case let .soap(.invalid(error)) = self else { return false }
        switch error.reason {
        case .malformed, .tooDeep, .doctype, .unexpectedRoot: return true
        case .tooLarge, .missingElement, .unsupportedVersion, .unreadable: return false
        }
    }

    public func message(in language: Language) -> String {
        switch self {
        case let .soap(error): error.message(in: language)
        case let .badValue(path, value, expected):
            LocalizedText(kk: "%1$@ элементінде «%2$@» тұр, ал %3$@ күтілген.",
                          ru: "В элементе %1$@ значение «%2$@», а ожидалось %3$@.",
                          en: "%1$@ holds “%2$@”, but %3$@ was expected.")
                .text(in: language, [path, value, expected.text(in: language)])
        }
    }
}
