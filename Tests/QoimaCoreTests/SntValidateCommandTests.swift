import Foundation
import QoimaCore
import QoimaXML
import XCTest

/// `qoima-cli snt validate | normalize | rules`, run as built.
final class SntValidateCommandTests: XCTestCase {
    private var samples: URL { SntXMLSamples.samplesFolder }
    private func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func testAValidSntExitsZeroAndPrintsNothing() throws {
        let result = try CLIRunner.run(["snt", "validate", "--today", "20.01.2026", sample("primary-snt.xml")])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(result.error.contains("documents checked: 1; errors: 0, warnings: 0"), result.error)
    }

    func testProblemsArePrintedOnePerLineWithFieldAndRule() throws {
        var snt = SntXMLSamples.primary
        snt.seller.tin = TaxpayerNumber("000140000003")
        snt.goods!.lines[1].quantity = 14
        let file = try temporaryFile("broken.xml", SntXMLWriter.body(of: snt))
        let result = try CLIRunner.run(["snt", "validate", "--today", "20.01.2026", file])
        XCTAssertEqual(result.status, 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let checksum = SntPartyRules.tinChecksum.message.text(in: .english, ["000140000003"])
        XCTAssertTrue(lines.contains("\(file): B13 TIN-CHECKSUM: \(checksum)"), result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(file): G1.8[2] LINE-VALUE-WITHOUT-TAX: ") }, result.output)
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^\S+: \S+ [A-Z0-9-]+: .+$"#, options: .regularExpression), line)
        }
    }

    func testContainerDocumentsAreNumberedAndAnUnparsableOneExitsTwo() throws {
        let result = try CLIRunner.run(["snt", "validate", "--today", "20.01.2026", sample("portal-container.xml")])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.contains("portal-container.xml#3: line 7, column 25: "), result.output)
        XCTAssertFalse(result.output.contains("#1:"), "documents 1 and 2 are valid: \(result.output)")
    }

    func testAFileThatCannotBeReadExitsTwo() throws {
        let result = try CLIRunner.run(["snt", "validate", "/nonexistent/snt.xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.hasPrefix("/nonexistent/snt.xml: "), result.output)
    }

    func testJSONHasOneObjectPerProblem() throws {
        let result = try CLIRunner.run(["snt", "validate", "--json", "--today", "20.01.2026", sample("decoding-problems.xml")])
        XCTAssertEqual(result.status, 1, result.error)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        XCTAssertFalse(array.isEmpty)
        for object in array {
            XCTAssertEqual(Set(object.keys), ["file", "document", "field", "path", "line", "rule", "severity", "message"])
        }
        let price = try XCTUnwrap(array.first { $0["rule"] as? String == "XML-DECIMAL" })
        XCTAssertEqual(price["field"] as? String, "G1.7")
        XCTAssertEqual(price["line"] as? Int, 1)
        XCTAssertEqual(price["severity"] as? String, "error")
        XCTAssertTrue(price["document"] is NSNull)
    }

    func testMessagesFollowTheLocale() throws {
        let russian = try CLIRunner.run(["snt", "validate", sample("decoding-problems.xml")], language: "ru_RU.UTF-8")
        XCTAssertTrue(russian.output.contains("A2 XML-DATE: Строка 4"), russian.output)
        let kazakh = try CLIRunner.run(["snt", "validate", sample("decoding-problems.xml")], language: "kk_KZ.UTF-8")
        XCTAssertTrue(kazakh.output.contains("A2 XML-DATE: 4-жол"), kazakh.output)
    }

    func testWarningsCanBeLeftOut() throws {
        var snt = SntXMLSamples.primary
        snt.goods!.lines[0].measureUnitCode = MeasureUnitCode("9999")
        let file = try temporaryFile("warning.xml", SntXMLWriter.body(of: snt))
        let all = try CLIRunner.run(["snt", "validate", "--today", "20.01.2026", file])
        XCTAssertEqual(all.status, 1, "an unknown unit is a warning, and a warning is a problem")
        let errorsOnly = try CLIRunner.run(["snt", "validate", "--no-warnings", "--today", "20.01.2026", file])
        XCTAssertEqual(errorsOnly.status, 0, errorsOnly.output)
    }

    func testACorrectionIsCheckedAgainstItsOriginal() throws {
        var fixed = SntXMLSamples.primary
        fixed.type = .fixed
        fixed.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-0000-000140000002-20260115-1")
        fixed.customer.name = "ТОО «Другой покупатель»"
        fixed.shippingDate = CalendarDate(year: 2026, month: 1, day: 15)
        let original = sample("primary-snt.xml")
        let file = try temporaryFile("fixed.xml", SntXMLWriter.body(of: fixed))
        let result = try CLIRunner.run(["snt", "validate", "--today", "20.01.2026", "--original", original, file])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains(" C23 "), "the customer's name is immutable: \(result.output)")
        XCTAssertTrue(result.output.contains(" A3 "), "the shipping date moved earlier: \(result.output)")
    }

    func testNormalizeWritesTheCanonicalBody() throws {
        let canonical = try CLIRunner.run(["snt", "normalize", sample("primary-snt.xml")])
        XCTAssertEqual(canonical.status, 0, canonical.error)
        let file = String(decoding: try SntXMLSamples.sampleBytes("primary-snt.xml"), as: UTF8.self)
        XCTAssertEqual(canonical.output, file.hasSuffix("\n") ? file : file + "\n")

        // Indented, out of order, with trailing zeros: normalised without loss.
        let messy = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:snt xmlns:x="v1.snt">
              <sntType>PRIMARY_SNT</sntType>
              <number>N-1</number>
              <date>15.01.2026</date>
              <currencyRate>1.500</currencyRate>
            </x:snt>
            """
        let result = try CLIRunner.run(["snt", "normalize", try temporaryFile("messy.xml", messy)])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, #"<v1:snt xmlns:v1="v1.snt"><date>15.01.2026</date><number>N-1</number><sntType>PRIMARY_SNT</sntType><currencyRate>1.5</currencyRate><customer></customer><seller></seller></v1:snt>"# + "\n",
                       "seller and customer are required elements, so they are written even when empty")
    }

    func testNormalizeRefusesToGuessAndPicksContainerDocuments() throws {
        let lossy = try CLIRunner.run(["snt", "normalize", sample("decoding-problems.xml")])
        XCTAssertEqual(lossy.status, 1)
        XCTAssertEqual(lossy.output, "")
        XCTAssertTrue(lossy.error.contains("XML-DATE"), lossy.error)

        let ambiguous = try CLIRunner.run(["snt", "normalize", sample("portal-container.xml")])
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.error.contains("--document"), ambiguous.error)
        let second = try CLIRunner.run(["snt", "normalize", "--document", "2", sample("portal-container.xml")])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.contains("<sntType>RETURNED_SNT</sntType>"), second.output)
        let broken = try CLIRunner.run(["snt", "normalize", "--document", "3", sample("portal-container.xml")])
        XCTAssertEqual(broken.status, 2)
    }

    func testRulesListsTheWholeCatalogue() throws {
        let result = try CLIRunner.run(["snt", "rules"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output.split(separator: "\n").count, SntRuleCatalogue.all.count)
        let markdown = try CLIRunner.run(["snt", "rules", "--markdown"])
        XCTAssertEqual(markdown.output, SntRuleCatalogue.markdown())
    }
}
