import Foundation
import QoimaCore
import XCTest

/// docs/snt-rules.md is generated from the catalogue; this test keeps the two in step.
final class SntRulesDocumentTests: XCTestCase {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/snt-rules.md")

    func testTheDocumentMatchesTheCatalogue() throws {
        let generated = SntRuleCatalogue.markdown()
        if ProcessInfo.processInfo.environment["QOIMA_UPDATE_DOCS"] == "1" {
            try generated.write(to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        let written = (try? String(contentsOf: Self.document, encoding: .utf8)) ?? ""
        guard written != generated else { return }
        let writtenLines = written.components(separatedBy: "\n"), generatedLines = generated.components(separatedBy: "\n")
        let line = zip(writtenLines, generatedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(writtenLines.count, generatedLines.count)
        XCTFail("""
            docs/snt-rules.md differs from SntRuleCatalogue.markdown() at line \(line + 1):
              file:      \(line < writtenLines.count ? writtenLines[line] : "<end>")
              generated: \(line < generatedLines.count ? generatedLines[line] : "<end>")
            Regenerate it: QOIMA_UPDATE_DOCS=1 swift test --filter SntRulesDocumentTests
            """)
    }

    func testTheDocumentListsEveryRuleAndTheRules() {
        let text = SntRuleCatalogue.markdown()
        for rule in SntRuleCatalogue.all {
            XCTAssertTrue(text.contains("#### \(rule.id)\n"), "\(rule.id) is missing from the document")
        }
        for heading in ["## Rounding", "## Currency", "## Dates", "## Assumptions"] {
            XCTAssertTrue(text.contains(heading), "\(heading) is missing")
        }
        for note in SntRuleAssumptions.notes { XCTAssertTrue(text.contains(note)) }
    }
}
