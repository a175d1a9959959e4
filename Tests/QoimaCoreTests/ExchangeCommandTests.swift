import Foundation
import QoimaCore
import QoimaSandbox
import QoimaSigning
import QoimaXML
import XCTest

/// The exchange as a user types it: `esf login`, `snt import`, `snt send`, `snt sync`,
/// `snt view`, `snt confirm`, `warehouse …` and `balances …`, each a run of `qoima-cli` against a
/// sandbox process, each company with its own database.
final class ExchangeCommandTests: XCTestCase {
    private var sandbox: SandboxProcess!
    private var passwords: (key: String, cabinet: String)!
    private var folder: URL!

    override func setUpWithError() throws {
        sandbox = try SandboxProcess()
        passwords = try sandbox.passwordFiles()
        folder = sandbox.directory
    }

    override func tearDown() {
        XCTAssertEqual(sandbox.stop(), 0)
        sandbox = nil
    }

    private func database(_ company: DemoCompany) -> String {
        folder.appendingPathComponent("\(company.bin.rawValue).sqlite").path
    }

    /// Runs qoima-cli for `company` with its database and the password files; keyring and
    /// terminal are never asked (HOME points into the test folder).
    @discardableResult
    private func cli(_ company: DemoCompany, _ arguments: [String], expect status: Int32 = 0,
                     file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        // Commands that only read the database take no passwords.
        let offline = [["snt", "list"], ["balances", "list"], ["snt", "outbox"], ["snt", "import"]]
            .contains(Array(arguments.prefix(2)))
        let passwordOptions = offline ? [] : ["--password-file", passwords.key, "--cabinet-password-file", passwords.cabinet]
        let result = try CLIRunner.run(arguments + ["--database", database(company)] + passwordOptions,
                                       environment: ["HOME": folder.path, "XDG_DATA_HOME": folder.path,
                                                     "DBUS_SESSION_BUS_ADDRESS": "disabled:"])
        XCTAssertEqual(result.status, status, "\(arguments): \(result.output) \(result.error)", file: file, line: line)
        return result
    }

    private func login(_ company: DemoCompany) throws {
        let result = try cli(company, ["esf", "login", "--server", sandbox.url,
                                       "--key", SharedTestPKI.keyPath(company, .authentication),
                                       "--sign-key", SharedTestPKI.keyPath(company, .signing)])
        XCTAssertTrue(result.output.contains(company.bin.rawValue), result.output)
        XCTAssertTrue(result.output.contains(company.director.iin.rawValue), result.output)
    }

    private func listJSON(_ company: DemoCompany, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try cli(company, ["snt", "list", "--json"] + extra)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return try XCTUnwrap(object?["items"] as? [[String: Any]], result.output)
    }

    private func balances(_ company: DemoCompany) throws -> [[String: Any]] {
        let synced = try cli(company, ["balances", "sync"]).output
        XCTAssertTrue(synced.contains("GSVS"), synced)
        let result = try cli(company, ["balances", "list", "--json"])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    func testTwoCompaniesTradeThroughTheCommandLine() async throws {
        try login(.koimaSauda)
        try login(.qurylys)

        // Warehouses: A's own, and B's found by BIN for field C 30.
        let own = try cli(.koimaSauda, ["warehouse", "list", "--json"]).output
        let stores = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(own.utf8)) as? [[String: Any]])
        let priority = try XCTUnwrap(stores.first { $0["isDefault"] as? Bool == true })
        let found = try cli(.koimaSauda, ["warehouse", "find", "--bin", DemoCompany.qurylys.bin.rawValue, "--json"]).output
        let buyerStores = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(found.utf8)) as? [[String: Any]])
        let buyerPriority = try XCTUnwrap(buyerStores.first { $0["isDefault"] as? Bool == true })
        let refusal = try cli(.koimaSauda, ["warehouse", "deactivate", String(try XCTUnwrap(priority["storeId"] as? Int))],
                              expect: 1)
        XCTAssertFalse(refusal.error.isEmpty)
        let created = try cli(.koimaSauda, ["warehouse", "create", "--name", "Автодүкен", "--address", "Алматы, Абай 1",
                                            "--type", "MOBILE_STORE",
                                            "--responsible", DemoCompany.koimaSauda.director.iin.rawValue]).output
        let newId = try XCTUnwrap(created.split(separator: " ").compactMap { Int($0) }.first, created)
        try cli(.koimaSauda, ["warehouse", "deactivate", String(newId)])
        XCTAssertTrue(try cli(.koimaSauda, ["warehouse", "list"]).output.contains("INVALID"))
        XCTAssertTrue(try cli(.koimaSauda, ["warehouse", "activate", String(newId)]).output.contains("VALID"))
        try cli(.koimaSauda, ["warehouse", "create", "--name", "X", "--address", "Y", "--responsible", "123"], expect: 1)

        // A draft from a file, shipped from A's first batch.
        let before = try balances(.koimaSauda)
        let batch = try XCTUnwrap(before.first { ($0["productId"] as? Int) != nil })
        let seller = try CompanyDesk(.koimaSauda, sandbox: sandbox)
        var (snt, _) = try await seller.shipment(to: .qurylys, number: "CLI-\(UUID().uuidString.prefix(6))", quantity: 2)
        snt.seller.storeId = Int64(try XCTUnwrap(priority["storeId"] as? Int))
        snt.customer.storeId = Int64(try XCTUnwrap(buyerPriority["storeId"] as? Int))
        let file = folder.appendingPathComponent("snt.xml")
        try Data(SntXMLWriter.body(of: snt).utf8).write(to: file)
        try cli(.koimaSauda, ["snt", "import", file.path, "--company", DemoCompany.koimaSauda.bin.rawValue])
        let draft = try XCTUnwrap(try listJSON(.koimaSauda).first?["id"] as? Int)

        let sent = try cli(.koimaSauda, ["snt", "send", String(draft)])
        XCTAssertTrue(sent.output.contains("KZ-SNT-"), sent.output)
        let outbox = try cli(.koimaSauda, ["snt", "outbox"]).output
        XCTAssertTrue(outbox.contains("sendSnt"), outbox)
        // Sending it again is refused: it is no longer a draft.
        try cli(.koimaSauda, ["snt", "send", String(draft)], expect: 2)

        // B receives, views and confirms.
        XCTAssertTrue(try cli(.qurylys, ["snt", "sync"]).output.contains("INBOUND: 1"))
        let incoming = try XCTUnwrap(try listJSON(.qurylys, ["--direction", "incoming"]).first)
        let incomingId = String(try XCTUnwrap(incoming["id"] as? Int))
        XCTAssertEqual(incoming["status"] as? String, "NOT_VIEWED")
        XCTAssertTrue(try cli(.qurylys, ["snt", "view", incomingId]).output.contains("DELIVERED"))
        try cli(.qurylys, ["snt", "decline", incomingId], expect: 2)
        try cli(.qurylys, ["snt", "confirm", incomingId, "--poa-number", "17",
                           "--poa-date", KazakhstanClock.today().ddMMyyyy])

        // A sees it confirmed; the goods moved.
        try cli(.koimaSauda, ["snt", "sync"])
        XCTAssertEqual(try listJSON(.koimaSauda).first?["status"] as? String, "CONFIRMED")
        let after = try balances(.koimaSauda)
        let row = try XCTUnwrap(after.first { $0["balanceId"] as? Int == batch["balanceId"] as? Int })
        XCTAssertEqual(Decimal(string: try XCTUnwrap(row["quantity"] as? String)),
                       Decimal(string: try XCTUnwrap(batch["quantity"] as? String))! - 2)
        let received = try balances(.qurylys).filter { $0["storeId"] as? Int == buyerPriority["storeId"] as? Int }
        XCTAssertTrue(received.contains { $0["quantity"] as? String == "2" && $0["tnvedCode"] as? String == batch["tnvedCode"] as? String },
                      "\(received)")

        // Logging out closes the sessions; the next command logs in again by itself.
        try cli(.koimaSauda, ["esf", "logout"])
        try cli(.koimaSauda, ["snt", "sync"])
    }

    func testCommandsSayWhatIsMissing() throws {
        let notLoggedIn = try cli(.koimaSauda, ["snt", "sync"], expect: 2)
        XCTAssertTrue(notLoggedIn.error.contains("esf login"), notLoggedIn.error)
        let badServer = try cli(.koimaSauda, ["esf", "login", "--server", "ftp://x", "--key",
                                              SharedTestPKI.keyPath(.koimaSauda, .authentication)], expect: 2)
        XCTAssertTrue(badServer.error.contains("--server"), badServer.error)
        // A wrong key password is said, naming the key, before anything is sent.
        try Data("wrong".utf8).write(to: URL(fileURLWithPath: passwords.key))
        let wrongKey = try cli(.koimaSauda, ["esf", "login", "--server", sandbox.url, "--key",
                                             SharedTestPKI.keyPath(.koimaSauda, .authentication)], expect: 2)
        XCTAssertTrue(wrongKey.error.contains("auth.p12"), wrongKey.error)
        try Data(TestPKI.defaultPassword.utf8).write(to: URL(fileURLWithPath: passwords.key))
        // A wrong cabinet password is IS ESF's refusal, said plainly.
        try Data("wrong".utf8).write(to: URL(fileURLWithPath: passwords.cabinet))
        let refused = try cli(.koimaSauda, ["esf", "login", "--server", sandbox.url, "--key",
                                            SharedTestPKI.keyPath(.koimaSauda, .authentication)], expect: 1)
        XCTAssertFalse(refused.error.isEmpty)
    }
}
