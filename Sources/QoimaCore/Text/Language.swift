/// The three languages Qoima speaks. Core messages carry all three; the UI and the CLI pick one.
public enum Language: String, CaseIterable, Sendable, Codable {
    case kazakh = "kk"
    case russian = "ru"
    case english = "en"

    /// The language of a POSIX locale environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`),
    /// English when none of them names Kazakh or Russian.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return Language(localeName: value) ?? .english
        }
        return .english
    }

    /// `kk_KZ.UTF-8` → Kazakh, `ru` → Russian, `C` or unknown → nil.
    public init?(localeName: String) {
        let code = localeName.prefix { $0.isLetter }.lowercased()
        self.init(rawValue: code)
    }
}
