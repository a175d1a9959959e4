import Foundation
import QoimaCore
import QoimaXML

/// Typed reads of IS ESF's answers, by element name. An absent or empty optional element reads
/// as nil; a required one that is absent throws naming its path; text that is not what the type
/// allows throws `badValue` with its path and value, never a silent nil.
extension SOAPElementView {
    /// The element at `path`, throwing the SOAP layer's "missing element" with its full path.
    func need(_ path: String) throws(ESFAnswerProblem) -> SOAPElementView {
        do {
            return try required(path)
        } catch {
            throw .soap(error)
        }
    }

    /// The text at `path`, nil when absent or empty.
    func string(_ path: String) -> String? {
        guard let text = text(path), !text.isEmpty else { return nil }
        return text
    }

    func requiredString(_ path: String) throws(ESFAnswerProblem) -> String {
        try need(path).text
    }

    func int64(_ path: String) throws(ESFAnswerProblem) -> Int64? {
        try value(path, Self.wholeNumber) { Int64($0) }
    }

    func requiredInt64(_ path: String) throws(ESFAnswerProblem) -> Int64 {
        try requiredValue(path, Self.wholeNumber) { Int64($0) }
    }

    func int(_ path: String) throws(ESFAnswerProblem) -> Int? {
        try value(path, Self.wholeNumber) { Int($0) }
    }

    func decimal(_ path: String) throws(ESFAnswerProblem) -> Decimal? {
        try value(path, Self.decimalNumber, DecimalText.parse)
    }

    func requiredDecimal(_ path: String) throws(ESFAnswerProblem) -> Decimal {
        try requiredValue(path, Self.decimalNumber, DecimalText.parse)
    }

    /// `xs:boolean`: true, false, 1 or 0.
    func bool(_ path: String) throws(ESFAnswerProblem) -> Bool? {
        try value(path, Self.boolean, Self.boolean(_:))
    }

    func requiredBool(_ path: String) throws(ESFAnswerProblem) -> Bool {
        try requiredValue(path, Self.boolean, Self.boolean(_:))
    }

    /// `xs:dateTime` (ESFDateTime).
    func dateTime(_ path: String) throws(ESFAnswerProblem) -> Date? {
        try value(path, Self.timestamp, ESFDateTime.instant)
    }

    /// A validity date of a dictionary entry, whose wire form is not documented: `xs:dateTime`,
    /// `xs:date` or `dd.MM.yyyy`, taken at midnight in Kazakhstan when it has no time.
    func dayOrDateTime(_ path: String) throws(ESFAnswerProblem) -> Date? {
        try value(path, Self.timestamp) { text in
            if let instant = ESFDateTime.instant(text) { return instant }
            let day = CalendarDate(ddMMyyyy: text) ?? Self.isoDay(text)
            return day.flatMap { ESFDateTime.instant(String(format: "%04d-%02d-%02dT00:00:00", $0.year, $0.month, $0.day)) }
        }
    }

    /// A day: `dd.MM.yyyy` as in documents, or `xs:date`/`xs:dateTime` (its day in Kazakhstan),
    /// since the answers' date fields are not all documented.
    func calendarDate(_ path: String) throws(ESFAnswerProblem) -> CalendarDate? {
        try value(path, Self.day) { text in
            if let day = CalendarDate(ddMMyyyy: text) ?? Self.isoDay(text) { return day }
            return ESFDateTime.instant(text).map { KazakhstanClock.day(of: $0) }
        }
    }

    /// The errors of a document: every `item` inside each `wrapper` (`errorList/error*`). Where
    /// a wrapper holds the error's fields itself (a repeated `errorList` with no items), it is the error.
    func documentErrors(_ wrapper: String, item: String = "error", code: String = "errorCode")
        throws(ESFAnswerProblem) -> [ESFDocumentError] {
        var errors: [ESFDocumentError] = []
        for list in children(wrapper) {
            let items = list.children(item)
            if items.isEmpty {
                if list.element.hasChildElements { errors.append(ESFDocumentError(list, code: code)) }
            } else {
                errors += items.map { ESFDocumentError($0, code: code) }
            }
        }
        return errors
    }

    /// The items of a list that IS ESF may write as `wrapper/item*` or as a repeated `wrapper`
    /// holding an item's fields itself; `itemField`, a field every item has, tells the two apart.
    func listItems(_ wrapper: String, itemField: String) -> [SOAPElementView] {
        children(wrapper).flatMap { list in list.child(itemField) != nil ? [list] : list.children() }
    }

    private func value<T>(_ path: String, _ expected: LocalizedText, _ parse: (String) -> T?)
        throws(ESFAnswerProblem) -> T? {
        guard let element = element(at: path) else { return nil }
        let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        guard let value = parse(text) else { throw .badValue(path: element.path, value: text, expected: expected) }
        return value
    }

    private func requiredValue<T>(_ path: String, _ expected: LocalizedText, _ parse: (String) -> T?)
        throws(ESFAnswerProblem) -> T {
        let element = try need(path)
        let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = parse(text) else { throw .badValue(path: element.path, value: text, expected: expected) }
        return value
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    private static func isoDay(_ text: String) -> CalendarDate? {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static let wholeNumber = LocalizedText(kk: "бүтін сан", ru: "целое число", en: "a whole number")
    private static let decimalNumber = LocalizedText(kk: "ондық сан", ru: "десятичное число", en: "a decimal number")
    private static let boolean = LocalizedText(kk: "true немесе false", ru: "true или false", en: "true or false")
    private static let timestamp = LocalizedText(kk: "күн мен уақыт (xs:dateTime)", ru: "дата и время (xs:dateTime)",
                                                 en: "a date and time (xs:dateTime)")
    private static let day = LocalizedText(kk: "кк.АА.жжжж күні", ru: "дата дд.ММ.гггг", en: "a dd.MM.yyyy date")
}
