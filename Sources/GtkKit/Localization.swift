import CGtk
import Foundation

/// gettext for Qoima's domain. xgettext has no Swift mode, so translatable strings are plain
/// literals passed to `tr` and `trn` (extracted with `--keyword=tr --keyword=trn:1,2`); values are
/// put in after translation through positional placeholders `%1$@`, `%2$@` …, never by interpolation.
public enum Localization {
    public static let domain = "qoima"

    /// Binds the domain to a directory holding `LANG/LC_MESSAGES/qoima.mo` and makes it the default.
    public static func setUp(localeDirectory: String) {
        setlocale(LC_ALL, "")
        bindtextdomain(domain, localeDirectory)
        bind_textdomain_codeset(domain, "UTF-8")
        textdomain(domain)
    }
}

/// The translation of a literal message id.
public func tr(_ message: String) -> String {
    // gettext hands back the very pointer it was given when there is no translation: then the
    // message is its own translation, and no String is built from a pointer into itself.
    message.withCString { id in
        guard let translated = dgettext(Localization.domain, id), translated != id else { return message }
        return String(cString: translated)
    }
}

/// The translation with `%1$@`, `%2$@` … replaced by the arguments, in any order the
/// translation needs.
public func tr(_ message: String, _ arguments: CustomStringConvertible...) -> String {
    var text = tr(message)
    for (index, argument) in arguments.enumerated() {
        text = text.replacingOccurrences(of: "%\(index + 1)$@", with: argument.description)
    }
    return text
}

/// The translation of a message about `count` things, in the form the language uses for that
/// number (Russian has three: 1 СНТ просрочена, 2 просрочены, 5 просрочено), with `%1$@` … replaced.
public func trn(_ singular: String, _ plural: String, _ count: Int, _ arguments: CustomStringConvertible...) -> String {
    var text = singular.withCString { one in
        plural.withCString { many in
            // As with `tr`: no translation hands back one of the ids themselves.
            guard let translated = dngettext(Localization.domain, one, many, UInt(max(count, 0))),
                  translated != one, translated != many else { return count == 1 ? singular : plural }
            return String(cString: translated)
        }
    }
    for (index, argument) in arguments.enumerated() {
        text = text.replacingOccurrences(of: "%\(index + 1)$@", with: argument.description)
    }
    return text
}
