import Foundation
import QoimaCore
import XCTest

final class SntRuleCatalogueTests: XCTestCase {
    func testRuleIdsAreUniqueAndWellFormed() {
        var seen = Set<String>()
        for rule in SntRuleCatalogue.all {
            XCTAssertTrue(seen.insert(rule.id).inserted, "rule id \(rule.id) is used twice")
            XCTAssertTrue(rule.id.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" || $0 == "." },
                          "rule id \(rule.id) should be upper case words joined by dashes")
            XCTAssertFalse(rule.fields.isEmpty, "\(rule.id) names no field")
            XCTAssertFalse(rule.source.isEmpty, "\(rule.id) has no source")
        }
    }

    func testEveryMessageHasThreeLanguagesWithTheSamePlaceholders() {
        for rule in SntRuleCatalogue.all {
            let message = rule.message
            let texts = [message.kazakh, message.russian, message.english]
            for text in texts {
                XCTAssertFalse(text.trimmingCharacters(in: .whitespaces).isEmpty, "\(rule.id) has an empty message")
            }
            XCTAssertNotEqual(message.kazakh, message.russian, "\(rule.id): the Kazakh text is the Russian one")
            XCTAssertNotEqual(message.russian, message.english, "\(rule.id): the Russian text is the English one")
            XCTAssertTrue(message.kazakh.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) },
                          "\(rule.id): the Kazakh text is not in Cyrillic")
            let placeholders = texts.map(Self.placeholders)
            XCTAssertEqual(placeholders[0], placeholders[2], "\(rule.id): Kazakh and English placeholders differ")
            XCTAssertEqual(placeholders[1], placeholders[2], "\(rule.id): Russian and English placeholders differ")
            if let highest = placeholders[2].max() {
                XCTAssertEqual(placeholders[2], Set(1...highest), "\(rule.id): placeholders skip a number")
            }
        }
    }

    func testEveryFieldOfARuleIsAFieldOfTheForm() {
        for rule in SntContentRules.all {
            for field in rule.fields {
                XCTAssertFalse(field.code.contains(" "), "\(rule.id): field code \(field.code) has a space")
                XCTAssertFalse(field.path.isEmpty, "\(rule.id): field \(field.code) has no path")
            }
        }
    }

    func testSeveritiesAndAreasAreConsistent() {
        XCTAssertEqual(SntContentRules.areas.flatMap(\.rules).map(\.id), SntContentRules.all.map(\.id))
        XCTAssertEqual(Set(SntRuleCatalogue.all.map(\.id)).isSuperset(of: SntContentRules.all.map(\.id)), true)
        XCTAssertTrue(SntContentRules.all.contains { $0.severity == .warning })
        XCTAssertTrue(SntContentRules.all.filter { $0.severity == .error }.count > 50)
    }

    /// The numbers N of the placeholders `%N$@` in a text.
    static func placeholders(_ text: String) -> Set<Int> {
        var numbers = Set<Int>()
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "%") {
            rest = rest[rest.index(after: start)...]
            let digits = rest.prefix { $0.isNumber }
            if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("$@"), let number = Int(digits) {
                numbers.insert(number)
            }
        }
        return numbers
    }
}

final class SntRuleExampleTests: XCTestCase {
    func testEveryContentRuleHasAnExample() {
        let examples = Set(SntRuleExamples.all.map(\.id))
        let missing = SntContentRules.all.map(\.id).filter { !examples.contains($0) }
        XCTAssertEqual(missing, [], "rules without an example in SntRuleExamples")
        let unknown = examples.subtracting(SntContentRules.all.map(\.id))
        XCTAssertEqual(unknown, [], "examples for rules that do not exist")
        XCTAssertEqual(examples.count, SntRuleExamples.all.count, "a rule has two examples")
    }

    func testValidExamplesPassEveryCheck() {
        for (id, example) in SntRuleExamples.all {
            let problems = SntValidator(context: example.validContext).check(example.valid)
            XCTAssertEqual(problems.map(\.summary), [], "the valid example of \(id) has problems")
        }
    }

    func testViolatingExamplesBreakTheirRuleWhereExpected() {
        for (id, example) in SntRuleExamples.all {
            let problems = SntValidator(context: example.violatingContext).check(example.violating)
            let found = problems.filter { $0.rule.id == id }
            XCTAssertFalse(found.isEmpty, "\(id) is not reported; found \(problems.map(\.summary))")
            XCTAssertTrue(found.contains { $0.location == example.location },
                          "\(id) is reported at \(found.map(\.location)), expected \(example.location)")
            for problem in found {
                XCTAssertTrue(problem.rule.fields.contains(problem.field),
                              "\(id) points at \(problem.field.code), which the rule does not list")
                let placeholders = SntRuleCatalogueTests.placeholders(problem.rule.message.english)
                XCTAssertEqual(problem.arguments.count, placeholders.count,
                               "\(id) fills \(problem.arguments.count) of \(placeholders.count) placeholders")
                for language in Language.allCases {
                    XCTAssertFalse(problem.message(in: language).contains("$@"), "\(id): a placeholder is left")
                }
            }
        }
    }
}
