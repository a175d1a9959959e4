import Foundation
import QoimaCore
@testable import QoimaStore
import QoimaXML
import XCTest

/// `snt import`, `snt list` and `snt export`, run as a user runs them.
final class SntImportCommandTests: XCTestCase {
    private var store: TemporaryDatabase!
    private var databasePath: String { store.path("cli.sqlite") }

    override func setUpWithError() throws { store = try TemporaryDatabase() }

    private func sample(_ name: String) -> String { SntXMLSamples.samplesFolder.appendingPathComponent(name).path }

    private func cli(_ arguments: [String], language: String = "C") throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--database", databasePath], language: language)
    }

    func testImportStoresEveryReadableDocumentAndSaysWhatItCouldNot() throws {
        let junk = store.path("junk.xml")
        try Data("<notSnt/>".utf8).write(to: URL(fileURLWithPath: junk))
        let result = try cli(["snt", "import", "--today", "20.11.2026", sample("primary-snt.xml"),
                              sample("portal-container.xml"), sample("decoding-problems.xml"), junk])
        XCTAssertEqual(result.status, 1, "documents that could not be read make the exit status 1")
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.last, "imported 4, with problems 1, unreadable 2")
        XCTAssertTrue(lines.contains { $0.hasPrefix(sample("portal-container.xml") + "#3: not imported: line 7") }, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix(junk + ": not imported:") }, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix(sample("decoding-problems.xml") + ": stored as draft") && $0.contains("XML-DATE") },
                      result.output)

        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: databasePath))
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM snt WHERE status = 'IMPORTED' AND direction = 'outgoing'"), "4")
        // The failing document is kept with its problems and its XML exactly as received.
        let problems = try XCTUnwrap(try database.scalar("SELECT problems FROM snt WHERE number = 'SNT-2026-0004'"))
        XCTAssertTrue(problems.contains("XML-DATE"), problems)
        let body = try XCTUnwrap(try database.scalar("SELECT body FROM snt WHERE number = 'SNT-2026-0004'"))
        XCTAssertEqual(body, try String(contentsOfFile: sample("decoding-problems.xml"), encoding: .utf8))
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM auditLog WHERE action = 'import'"), "3", "one entry per file")
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM auditLog WHERE entity = 'company' AND action = 'create'"),
                       try database.scalar("SELECT count(*) FROM company"), "every company the import added is audited")
        XCTAssertEqual(try database.check(), [])
    }

    func testImportIsInTheUsersLanguageAndNeedsACompanyWhenTheSellerIsUnknown() throws {
        var snt = try XCTUnwrap(try SntFileReader.read(fileAt: sample("primary-snt.xml")).first?.result.get().snt)
        snt.seller.tin = nil
        let file = store.path("no-seller.xml")
        try Data(SntXMLWriter.body(of: snt).utf8).write(to: URL(fileURLWithPath: file))
        // A fresh database has no company to fall back on.
        let refused = try cli(["snt", "import", file], language: "ru_RU.UTF-8")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("не импортирован: ИИН/БИН отправителя (B 13)"), refused.output)
        XCTAssertTrue(refused.output.hasSuffix("импортировано 0, с проблемами 0, не прочитано 1\n"), refused.output)
        let named = try cli(["snt", "import", "--company", "000140000012", file], language: "kk_KZ.UTF-8")
        XCTAssertEqual(named.status, 0, named.output + named.error)
        XCTAssertTrue(named.output.hasSuffix("импортталды 1, ақаулары барлары 1, оқылмағандары 0\n"), named.output)
        XCTAssertEqual(try cli(["snt", "import", "--company", "123", file]).status, 2, "a malformed BIN is a usage error")
    }

    func testListFiltersSearchesAndPrintsJSON() throws {
        XCTAssertEqual(try cli(["snt", "import", "--today", "20.11.2026", sample("portal-container.xml"),
                                sample("primary-snt.xml"), sample("decoding-problems.xml")]).status, 1)
        let table = try cli(["snt", "list"])
        XCTAssertEqual(table.status, 0, table.error)
        XCTAssertEqual(table.output.split(separator: "\n").count, 1 + 4, table.output)
        XCTAssertEqual(table.error, "showing 1–4 of 4\n")

        let json = try cli(["snt", "list", "--json", "--search", "құрылыс SNT-2026-0002", "--sort", "number",
                            "--ascending", "--status", "imported,draft", "--from", "01.01.2026", "--to", "31.12.2026",
                            "--limit", "2"])
        XCTAssertEqual(json.status, 0, json.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let items = try XCTUnwrap(object["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        // What the search must find, worked out from the files themselves: dated in 2026, with
        // «Құрылыс» in either party's name and that number.
        let expected = try [sample("portal-container.xml"), sample("primary-snt.xml"), sample("decoding-problems.xml")]
            .flatMap { try SntFileReader.read(fileAt: $0) }
            .compactMap { try? $0.result.get().snt }
            .filter { snt in
                (snt.date.map { $0.year == 2026 } ?? false)
                    && [snt.seller.name, snt.customer.name].contains { $0.contains("Құрылыс") }
                    && snt.number == "SNT-2026-0002"
            }
        // ("0001" would also begin the BIN 000140000002, so it would not narrow anything.)
        XCTAssertEqual(expected.count, 1, "one of the three SNTs of 2026 matches, so the search leaves two out")
        XCTAssertEqual(items.compactMap { $0["number"] as? String }, ["SNT-2026-0002"])
        XCTAssertEqual(items.first?["date"] as? String, expected.compactMap(\.date).min()?.ddMMyyyy)
        XCTAssertEqual(object["total"] as? Int, expected.count)

        let none = try cli(["snt", "list", "--direction", "incoming"])
        XCTAssertEqual(none.output.split(separator: "\n").count, 1)
        let unknownCompany = try cli(["snt", "list", "--company", "990140000099"], language: "ru_RU.UTF-8")
        XCTAssertEqual(unknownCompany.status, 1)
        XCTAssertEqual(unknownCompany.error, "своей компании с БИН 990140000099 нет\n")
        XCTAssertEqual(try cli(["snt", "list", "--status", "SENT"]).status, 2, "an unknown status is a usage error")
        XCTAssertEqual(try cli(["snt", "list", "--from", "2026-01-01"]).status, 2)
        XCTAssertEqual(try cli(["snt", "list", "--direction", "sideways"]).status, 2)
    }

    func testExportWritesAContainerThatImportsBackTheSameBodies() throws {
        XCTAssertEqual(try cli(["snt", "import", "--today", "20.11.2026", sample("primary-snt.xml"), sample("decoding-problems.xml")]).status, 0)
        let output = store.path("export.xml")
        let exported = try cli(["snt", "export", "2", "1", "-o", output])
        XCTAssertEqual(exported.status, 0, exported.error)
        let documents = try SntFileReader.read(fileAt: output)
        XCTAssertEqual(documents.count, 2)
        XCTAssertEqual(documents[0].body, try String(contentsOfFile: sample("decoding-problems.xml"), encoding: .utf8))
        XCTAssertEqual(documents[1].body, try String(contentsOfFile: sample("primary-snt.xml"), encoding: .utf8))

        let missing = try cli(["snt", "export", "1", "99", "-o", store.path("nothing.xml")])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.error, "there is no SNT with id 99; no file was written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path("nothing.xml")))
    }
}
