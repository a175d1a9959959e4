/// A message written out in Kazakh, Russian and English, with optional positional
/// placeholders `%1$@`, `%2$@`… that are filled after choosing the language.
public struct LocalizedText: Hashable, Sendable, Codable {
    public let kazakh: String
    public let russian: String
    public let english: String

    public init(kk: String, ru: String, en: String) {
        kazakh = kk
        russian = ru
        english = en
    }

    /// Each language's template with `%N$@` filled from the same language's text of `arguments`.
    public init(kk: String, ru: String, en: String, filling arguments: [LocalizedText]) {
        self.init(kk: LocalizedText.fill(kk, arguments.map(\.kazakh)),
                  ru: LocalizedText.fill(ru, arguments.map(\.russian)),
                  en: LocalizedText.fill(en, arguments.map(\.english)))
    }

    public func template(in language: Language) -> String {
        switch language {
        case .kazakh: kazakh
        case .russian: russian
        case .english: english
        }
    }

    /// The text in `language` with `%N$@` replaced by `arguments[N-1]`.
    public func text(in language: Language, _ arguments: [String] = []) -> String {
        LocalizedText.fill(template(in: language), arguments)
    }

    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = template
        // Highest index first, so %1$@ never eats the prefix of %10$@.
        for (index, argument) in arguments.enumerated().reversed() {
            result = result.replacingOccurrences(of: "%\(index + 1)$@", with: argument)
        }
        return result
    }
}
