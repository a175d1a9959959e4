import Foundation
import XCTest

/// Runs the built `qoima-cli snt required` as a user would.
final class SntRequiredCommandTests: XCTestCase {
    private func run(_ arguments: [String], language: String = "C") throws -> CLIRunner.Result {
        try CLIRunner.run(["snt", "required"] + arguments, language: language)
    }

    func testYes() throws {
        let result = try run(["--goods", "eaeu-import", "--direction", "import-eaeu", "--transport", "road",
                              "--vehicle-max-mass-kg", "2501"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "SNT required: yes")
        XCTAssertTrue(result.output.contains("[Order 657, Rules item 14.3] (assumption 1)"), result.output)
        XCTAssertTrue(result.output.contains("Drawn up by: the recipient (on import)"), result.output)
    }

    func testNoInRussian() throws {
        let result = try run(["--goods", "narcotics,traceable", "--direction", "domestic", "--operation", "own-movement"],
                             language: "ru_RU.UTF-8")
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output.split(separator: "\n").first, "СНТ требуется: нет")
        XCTAssertTrue(result.output.contains("подпункт 8) пункта 14"), result.output)
        XCTAssertTrue(result.output.contains("Допущения"), "line 6 rests on an assumption: \(result.output)")
    }

    func testCannotDecideListsWhatIsMissingAsJSON() throws {
        let result = try run(["--direction", "export-eaeu", "--transport", "road", "--json"], language: "kk_KZ.UTF-8")
        XCTAssertEqual(result.status, 0, result.error)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(json["verdict"] as? String, "cannot-decide")
        XCTAssertEqual(json["language"] as? String, "kk")
        XCTAssertEqual(json["summary"] as? String, "ТІЖ қажет: анықтау мүмкін емес")
        let questions = try XCTUnwrap(json["openQuestions"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(questions.first, "vehicle-mass")
    }

    func testBadArgumentExitsWithTwoAndListsTheValidValues() throws {
        let result = try run(["--goods", "wine", "--direction", "domestic"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.isEmpty)
        XCTAssertTrue(result.error.contains("“wine” is not a valid value for --goods"), result.error)
        XCTAssertTrue(result.error.contains("biofuel, alcohol, oil-products"), result.error)

        XCTAssertEqual(try run(["--direction", "sideways"]).status, 2)
        XCTAssertEqual(try run(["--vehicle-max-mass-kg", "heavy"]).status, 2)
        XCTAssertEqual(try run(["--vehicle-max-mass-kg", "0"]).status, 2)
        XCTAssertEqual(try run(["--no-such-option"]).status, 2)
    }
}
