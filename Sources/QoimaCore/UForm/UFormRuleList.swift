/// The rules and assumptions of the form checks as docs/forms.md lists them (generated, so the
/// document cannot drift from the code).
public enum UFormRuleList {
    public static func markdown() -> String {
        var out = "## Rules\n\nEvery rule the checks apply: its id, its severity and its message in English (Kazakh and "
            + "Russian in the code). `%1$@`… are filled by the problem. Ids with `ASSUMED` rest on an assumption below.\n\n"
        out += "| Rule | Severity | Message |\n|---|---|---|\n"
        for rule in UFormRules.all {
            let message = rule.message.english.replacingOccurrences(of: "|", with: "\\|")
            out += "| `\(rule.id)` | \(rule.severity.rawValue) | \(message) |\n"
        }
        out += "\n## Assumptions\n\nWhere domain.md is silent, Qoima requires what a demanding auditor would ask for "
            + "(`UFormAssumptions`, one place):\n\n"
        for note in UFormAssumptions.notes { out += "- \(note)\n" }
        return out
    }
}
