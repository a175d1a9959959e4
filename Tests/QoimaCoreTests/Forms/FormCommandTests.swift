import Foundation
import QoimaCore
import QoimaXML
import XCTest

/// Forms and balances as a user types them: `form new|check|send|list` and `balances export`,
/// each a run of `qoima-cli` against a sandbox process.
final class FormCommandTests: XCTestCase {
    private var sandbox: SandboxProcess!
    private var passwords: (key: String, cabinet: String)!
    private var folder: URL!
    private var database: String { folder.appendingPathComponent("forms.sqlite").path }

    override func setUpWithError() throws {
        sandbox = try SandboxProcess()
        passwords = try sandbox.passwordFiles()
        folder = sandbox.directory
    }

    override func tearDown() {
        XCTAssertEqual(sandbox.stop(), 0)
        sandbox = nil
    }

    /// Runs qoima-cli with the test database; only commands that talk to IS ESF get passwords.
    @discardableResult
    private func cli(_ arguments: [String], expect status: Int32 = 0, language: String = "C",
                     file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let online = [["esf", "login"], ["balances", "sync"], ["form", "send"]].contains(Array(arguments.prefix(2)))
            || arguments.prefix(2) == ["balances", "reconcile"] && !arguments.contains("--last")
        let passwordOptions = online ? ["--password-file", passwords.key, "--cabinet-password-file", passwords.cabinet] : []
        let result = try CLIRunner.run(arguments + ["--database", database] + passwordOptions, language: language,
                                       environment: ["HOME": folder.path, "XDG_DATA_HOME": folder.path,
                                                     "DBUS_SESSION_BUS_ADDRESS": "disabled:"])
        XCTAssertEqual(result.status, status, "\(arguments): \(result.output) \(result.error)", file: file, line: line)
        return result
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    private func loginAndSync() throws {
        try cli(["esf", "login", "--server", sandbox.url, "--key", SharedTestPKI.keyPath(.koimaSauda, .authentication),
                 "--sign-key", SharedTestPKI.keyPath(.koimaSauda, .signing)])
        try cli(["balances", "sync"])
    }

    func testAWriteOffFromTheCommandLine() throws {
        try loginAndSync()
        // Too much: stored, with the line and the amount said; not sendable.
        let tooMuch = try cli(["form", "new", "--type", "write-off", "--reason", "DAMAGE", "--take", "812004:100000",
                               "--json"], expect: 1)
        let refused = try json(tooMuch.output)
        let tooMuchId = try XCTUnwrap(refused["id"] as? Int)
        let problems = try XCTUnwrap(refused["problems"] as? [[String: Any]])
        let quantity = try XCTUnwrap(problems.first { $0["rule"] as? String == "UF-BALANCE-INSUFFICIENT" })
        XCTAssertEqual(quantity["line"] as? Int, 1)
        XCTAssertEqual(quantity["field"] as? String, "quantity")
        XCTAssertTrue((quantity["message"] as? String)?.hasPrefix("Line 1 takes 99500 t more than the 500 t available") == true,
                      "\(quantity)")
        XCTAssertTrue(problems.contains { $0["rule"] as? String == "UF-ASSUMED-WO-DOCUMENTNUMBER-REQUIRED" })
        let check = try cli(["form", "check", String(tooMuchId)], expect: 1)
        XCTAssertTrue(check.output.contains("products[1].quantity error UF-BALANCE-INSUFFICIENT: Line 1 takes 99500 t more"),
                      check.output)
        XCTAssertTrue(check.output.contains("1001\t812004\tСера техническая комовая\t500\t-100000\t-99500"), check.output)
        let notSent = try cli(["form", "send", String(tooMuchId)], expect: 2)
        XCTAssertTrue(notSent.error.contains("fix them first"), notSent.error)
        let russian = try cli(["form", "check", String(tooMuchId)], expect: 1, language: "ru_RU.UTF-8")
        XCTAssertTrue(russian.output.contains("Строка 1 берёт на 99500 т больше"), russian.output)

        // Right: details given, checked clean, sent and processed.
        let made = try cli(["form", "new", "--type", "WRITE_OFF", "--reason", "theft", "--take", "812004:4",
                            "--detail", "documentNumber=АКТ-3", "--detail", "documentDate=\(KazakhstanClock.today().ddMMyyyy)",
                            "--detail", "policeReportNumber=КУИ 77", "--detail",
                            "policeReportDate=\(KazakhstanClock.today().ddMMyyyy)", "--comment", "Қойма бұзылды", "--json"])
        let id = try XCTUnwrap(try json(made.output)["id"] as? Int)
        let clean = try cli(["form", "check", String(id)])
        XCTAssertTrue(clean.output.contains("errors: 0, warnings: 0"), clean.output)
        let sent = try cli(["form", "send", String(id)])
        XCTAssertTrue(sent.output.contains("Processed KZ-UF-000140000002-"), sent.output)

        let list = try json(try cli(["form", "list", "--type", "WRITE_OFF", "--status", "processed", "--json"]).output)
        let items = try XCTUnwrap(list["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["id"] as? Int }, [id])
        XCTAssertEqual(items.first?["writeOffReason"] as? String, "THEFT")
        XCTAssertEqual(items.first?["totalSum"] as? String, "180000")
        let text = try cli(["form", "list"])
        XCTAssertTrue(text.output.contains("Write-off\tWO-\(KazakhstanClock.today().year)-0002"), text.output)
        XCTAssertTrue(text.error.contains("2 of 2 forms shown"), text.error)

        try cli(["balances", "sync"])
        let exported = folder.appendingPathComponent("store-1001.csv")
        try cli(["balances", "export", "--store", "1001", "-o", exported.path])
        let bytes = try Data(contentsOf: exported)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark for spreadsheets")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("storeId,balanceId,productId,name,kpvedCode,tnvedCode,gtinCode,measureUnitCode,"),
                      lines[0])
        XCTAssertTrue(lines[0].hasSuffix(",dutyType,countryCode,projectCode,syncedAt"), lines[0])
        let sulphur = try XCTUnwrap(lines.first { $0.contains(",812004,") })
        XCTAssertTrue(sulphur.contains(",Сера техническая комовая,08.91.12.01,2503001000,,168,45000,496,0,496,"), sulphur)
        let cement = try XCTUnwrap(lines.first { $0.contains(",812017,") })
        XCTAssertTrue(cement.contains("\"Цемент портландский ЦЕМ I 42,5Н\""), "a comma is quoted: \(cement)")
    }

    func testBalanceEntryFromFlagsAndAFileAndWhatIsRefused() throws {
        try loginAndSync()
        let made = try cli(["form", "new", "--type", "BALANCE", "--add",
                            "name=Кірпіш;kpved=23.32.11.100;tnved=6904100000;unit=796;price=120;quantity=1000"])
        XCTAssertTrue(made.output.contains("saved as a draft"), made.output)
        // A file: what `new` stored reads back, and checks, the same.
        let form = UForm(number: "BAL-FILE-1", date: KazakhstanClock.today(), type: .balance,
                         sender: UFormParty(storeId: 1001, tin: TaxpayerNumber("000140000002")), totalSum: 500,
                         comment: "файлдан",
                         products: [UFormProduct(gsvsCode: GsvsCode("23.32.11.100-6904100000"), measureUnitCode: MeasureUnitCode("796"),
                                                 price: 5, quantity: 100, sum: 500, name: "Кірпіш", tnvedCode: TnvedCode("6904100000"))])
        let path = folder.appendingPathComponent("form.xml").path
        try UFormXMLWriter.body(of: form).write(toFile: path, atomically: true, encoding: .utf8)
        try cli(["form", "check", "--file", path])
        let fromFile = try json(try cli(["form", "new", "--file", path, "--json"]).output)
        XCTAssertEqual(fromFile["number"] as? String, "BAL-FILE-1")
        let sent = try cli(["form", "send", String(try XCTUnwrap(fromFile["id"] as? Int))])
        XCTAssertTrue(sent.output.contains("Processed"), sent.output)

        // What is wrong is said, where.
        let badKind = try cli(["form", "new", "--type", "LOAN"], expect: 2)
        XCTAssertTrue(badKind.error.contains("--type: \"LOAN\" is not one of BALANCE"), badKind.error)
        let badTake = try cli(["form", "new", "--type", "WRITE_OFF", "--take", "812004"], expect: 2)
        XCTAssertTrue(badTake.error.contains("BATCH:QUANTITY"), badTake.error)
        let noBatch = try cli(["form", "new", "--type", "WRITE_OFF", "--take", "999:1"], expect: 2)
        XCTAssertTrue(noBatch.error.contains("batch 999 is not in warehouse 1001"), noBatch.error)
        try "<nonsense".write(toFile: path, atomically: true, encoding: .utf8)
        let unreadable = try cli(["form", "check", "--file", path], expect: 2)
        XCTAssertTrue(unreadable.error.contains("cannot be read as a UFormV1 document"), unreadable.error)
        let missing = try cli(["form", "check", "4242"], expect: 2)
        XCTAssertTrue(missing.error.contains("there is no form 4242"), missing.error)

        let csv = folder.appendingPathComponent("out.csv").path
        try cli(["balances", "export", "--store", "1001", "-o", csv])
        let exists = try cli(["balances", "export", "--store", "1001", "-o", csv], expect: 2)
        XCTAssertTrue(exists.error.contains("add --force"), exists.error)
        try cli(["balances", "export", "--store", "1001", "-o", csv, "--force"])
        let unknown = try cli(["balances", "export", "--store", "77", "-o", csv, "--force"], expect: 2)
        XCTAssertTrue(unknown.error.contains("warehouse 77 is not one of the company's warehouses (known: 1001, 1002)"),
                      unknown.error)
        let nowhere = try cli(["balances", "export", "--store", "1001", "-o", "/nonexistent/dir/x.csv"], expect: 2)
        XCTAssertTrue(nowhere.error.contains("/nonexistent/dir/x.csv could not be written"), nowhere.error)
    }

    /// `balances reconcile`: nothing to say before a comparison exists; a form this database
    /// sent changes nothing unexpected; a write-off sent from another copy of Qoima (as from the
    /// portal) is the one difference, with its cause, in text and JSON.
    func testReconcileListsTheDifferenceAWriteOffMadeElsewhereCausesWithItsCause() async throws {
        try loginAndSync()
        let none = try cli(["balances", "reconcile", "--last"], expect: 2)
        XCTAssertTrue(none.error.contains("no comparison yet"), none.error)
        let first = try cli(["balances", "reconcile"])
        XCTAssertTrue(first.output.contains("the balances are as Qoima expected"), first.output)

        let made = try cli(["form", "new", "--type", "WRITE_OFF", "--reason", "DAMAGE", "--take", "812004:2",
                            "--detail", "documentNumber=АКТ-9", "--detail", "documentDate=\(KazakhstanClock.today().ddMMyyyy)",
                            "--json"])
        try cli(["form", "send", String(try XCTUnwrap(try json(made.output)["id"] as? Int))])
        let own = try cli(["balances", "reconcile"])
        XCTAssertTrue(own.output.contains("the balances are as Qoima expected"), own.output)

        let elsewhere = try FormDesk(sandbox: sandbox)
        let balances = try await elsewhere.syncBalances()
        let sulphur = try XCTUnwrap(balances[BalanceKey(1001, 812_004)])
        let portal = try elsewhere.draft(.writeOff) { form in
            form.writeOffReason = .damage
            form.writeOffDetails = [.documentNumber: "П-1", .documentDate: KazakhstanClock.today().ddMMyyyy]
            form.products = [UFormProduct(taking: 3, from: sulphur)]
        }
        let processed = try await elsewhere.send(portal)
        XCTAssertEqual(processed.status, .processed)

        let found = try cli(["balances", "reconcile"])
        XCTAssertTrue(found.output.contains("1 batch(es) differ from what Qoima expected"), found.output)
        XCTAssertTrue(found.output.contains("warehouse 1001, batch 812004 «Сера техническая комовая»: Qoima expected "
                                            + "\(DecimalText.format(sulphur.quantity)) t, IS ESF reports "
                                            + "\(DecimalText.format(sulphur.quantity - 3)) t (−3)"), found.output)
        XCTAssertTrue(found.output.contains("    • form \(processed.form.number) (\(processed.exchange.registrationNumber ?? "?")) "
                                            + "was made outside Qoima (on the portal) (−3 t)"), found.output)
        let report = try json(try cli(["balances", "reconcile", "--last", "--json"]).output)
        let differences = try XCTUnwrap(report["differences"] as? [[String: Any]])
        XCTAssertEqual(differences.count, 1)
        XCTAssertEqual(differences.first?["productId"] as? Int, 812_004)
        let cause = try XCTUnwrap((differences.first?["causes"] as? [[String: Any]])?.first)
        XCTAssertEqual(cause["cause"] as? String, "formMadeElsewhere")
        XCTAssertEqual(cause["quantity"] as? String, "-3")
        XCTAssertEqual(cause["number"] as? String, processed.form.number)
        let russian = try cli(["balances", "reconcile", "--last"], language: "ru_RU.UTF-8")
        XCTAssertTrue(russian.output.contains("создана вне Qoima (на портале) (−3 т)"), russian.output)
    }
}
