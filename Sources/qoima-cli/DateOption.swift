import ArgumentParser
import QoimaCore

/// Date options (`--today`, `--from`, `--to`) are written dd.MM.yyyy, as on the SNT form.
enum DateOption {
    /// Throws a usage error naming `option` when `value` is given but is not such a date.
    static func check(_ value: String?, option: String) throws {
        if let value, CalendarDate(ddMMyyyy: value) == nil {
            throw ValidationError("\(option) must be a date written dd.MM.yyyy, such as 15.01.2026")
        }
    }
}
