import Foundation

/// The comment as it travels: a write-off's details (`UForm.writeOffDetails`) written at its head
/// as `label: value; …`, then ` — ` and the user's own comment (assumed: `UFormAssumptions`).
/// `wire` and `note` are inverse, so a form read back from its body gets the user's comment back.
public enum UFormComment {
    /// The details as one line, in the order `WriteOffDetail` lists them; empty when none is filled.
    public static func summary(of details: [WriteOffDetail: String]) -> String {
        WriteOffDetail.allCases.compactMap { detail in
            guard let value = details[detail]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else { return nil }
            return detail.label.text(in: UFormAssumptions.commentLanguage) + ": " + value
        }.joined(separator: UFormAssumptions.commentDetailSeparator)
    }

    /// The comment to send for `note` and `details`. A comment that would be empty is a single
    /// space: IS ESF requires the element (domain.md §10).
    public static func wire(note: String?, details: [WriteOffDetail: String]) -> String {
        let summary = summary(of: details)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch (summary.isEmpty, note.isEmpty) {
        case (true, true): return " "
        case (true, false): return note
        case (false, true): return summary
        case (false, false): return summary + UFormAssumptions.commentNoteSeparator + note
        }
    }

    /// The user's comment inside a comment sent with `details`; the whole comment when it does
    /// not start with their summary (it was written elsewhere), nil when nothing is left.
    public static func note(fromWire comment: String?, details: [WriteOffDetail: String]) -> String? {
        guard let comment else { return nil }
        let summary = summary(of: details)
        var note = comment
        if !summary.isEmpty, comment.hasPrefix(summary) {
            note = String(comment.dropFirst(summary.count))
            if note.hasPrefix(UFormAssumptions.commentNoteSeparator) {
                note = String(note.dropFirst(UFormAssumptions.commentNoteSeparator.count))
            }
        }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension UForm {
    /// The form as IS ESF receives it: the details in the comment, which is never missing.
    public var forWire: UForm {
        var form = self
        form.comment = UFormComment.wire(note: comment, details: writeOffReason == nil ? [:] : writeOffDetails)
        form.writeOffDetails = [:]
        return form
    }

    /// The form read back from a body sent as `forWire`, given the details kept beside it.
    public func restoring(details: [WriteOffDetail: String]) -> UForm {
        var form = self
        form.writeOffDetails = details
        form.comment = UFormComment.note(fromWire: comment, details: writeOffReason == nil ? [:] : details)
        return form
    }
}
