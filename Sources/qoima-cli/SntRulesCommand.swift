import ArgumentParser
import QoimaCore

/// `qoima-cli snt rules`: the rule catalogue, as docs/snt-rules.md or as one line per rule.
struct SntRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule SNTs are checked against."
    )

    @Flag(help: "Print docs/snt-rules.md (all three languages) instead of one line per rule.")
    var markdown = false

    func run() {
        if markdown {
            print(SntRuleCatalogue.markdown(), terminator: "")
            return
        }
        for rule in SntRuleCatalogue.all {
            let fields = rule.fields.map(\.code).joined(separator: ",")
            print("\(rule.id)\t\(rule.severity.rawValue)\t\(fields)\t\(rule.message.template(in: CLIText.language))")
        }
    }
}
