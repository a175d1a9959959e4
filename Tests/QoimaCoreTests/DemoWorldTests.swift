import Foundation
import GRDB
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSigning
@testable import QoimaStore
import XCTest

/// Demo mode's world: built once through the in-process sandbox, with SNTs in every state, then
/// kept across starts.
final class DemoWorldTests: XCTestCase {
    func testTheDemoWorldHoldsSNTsInEveryStateAndKeepsThemAcrossStarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let world = try await DemoWorld.start(directory: directory, pki: SharedTestPKI.index)
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: world.databasePath))
        let company = try XCTUnwrap(CompanyStore(database: database).company(bin: DemoWorld.own.bin.rawValue))
        XCTAssertEqual(try CompanyStore(database: database).all().count, 1, "only the user's company is own")

        let rows = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT number, direction, status, registrationNumber FROM snt WHERE companyId = ?",
                             arguments: [company.id])
        }
        let statuses = Dictionary(rows.map { (($0["number"] as String), ($0["status"] as String)) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(statuses["ДЕМО-001"], "DRAFT")
        XCTAssertEqual(statuses["ДЕМО-002"], "NOT_VIEWED")
        XCTAssertEqual(statuses["ДЕМО-003"], "DELIVERED")
        XCTAssertEqual(statuses["ДЕМО-004"], "CONFIRMED")
        XCTAssertEqual(statuses["ДЕМО-005"], "DECLINED")
        XCTAssertEqual(statuses["ДЕМО-006"], "REVOKED")
        XCTAssertEqual(statuses["ДЕМО-007"], "FAILED")
        XCTAssertEqual(statuses["ДЕМО-008"], "CANCELED")
        XCTAssertEqual(statuses["ДЕМО-009"], "NOT_VIEWED")
        XCTAssertEqual(statuses["ҚҰР-101"], "NOT_VIEWED")
        XCTAssertEqual(rows.filter { $0["direction"] as String == "incoming" }.count, 2)
        XCTAssertEqual(statuses["ДЕМО-Қ01"], "DRAFT")
        XCTAssertEqual(statuses["ДЕМО-Қ02"], "NOT_VIEWED")
        XCTAssertEqual(statuses["ДЕМО-Қ03"], "DRAFT")
        XCTAssertEqual(rows.count, 14, "each document once: \(statuses)")
        // The Magazine: overdue, a spoiled blank, entered with its registration, open.
        let magazine = try MagazineStore(database: database).list(MagazineQuery(companyId: company.id))
        let today = KazakhstanClock.today()
        let statusOf = { (number: String) in magazine.first { $0.snt?.number == number }?.entry.status(on: today) }
        XCTAssertEqual(magazine.count, 4)
        if case .overdue = statusOf("ДЕМО-Қ01") {} else { XCTFail("ДЕМО-Қ01 is \(String(describing: statusOf("ДЕМО-Қ01")))") }
        XCTAssertEqual(magazine.filter { $0.entry.state == .spoiled && $0.snt == nil }.count, 1)
        let entered = try XCTUnwrap(magazine.first { $0.snt?.number == "ДЕМО-Қ02" })
        XCTAssertEqual(entered.entry.state, .entered)
        XCTAssertEqual(entered.entry.registrationNumber?.rawValue, entered.snt?.registrationNumber)
        if case .open(_, let left) = statusOf("ДЕМО-Қ03") { XCTAssertGreaterThan(left, 0) } else { XCTFail("ДЕМО-Қ03 is not open") }
        // Each draft on paper carries A 2.1 and A 2.1.1.
        let open = try XCTUnwrap(magazine.first { $0.snt?.number == "ДЕМО-Қ03" })
        let draft = try XCTUnwrap(SntDraftStore(database: database).draft(id: try XCTUnwrap(open.snt?.id)))
        XCTAssertEqual(draft.snt.datePaper, open.entry.paperDate)
        XCTAssertEqual(draft.snt.reasonPaper, .unlawfulRemovalRegistration)
        XCTAssertGreaterThan(try BalanceStore(database: database).count(companyId: company.id), 0)
        XCTAssertEqual(try WarehouseStore(database: database).warehouses(companyId: company.id).count, 2)
        XCTAssertGreaterThan(try DictionaryStore(database: database).units().count, 0)
        // The portal's write-off is the one difference the last sync found, with its cause.
        let report = try XCTUnwrap(ReconciliationStore(database: database).lastReport(companyId: company.id))
        XCTAssertNotNil(report.previousSyncAt)
        XCTAssertEqual(report.differences.count, 1, "\(report.differences)")
        XCTAssertEqual(report.differences.first?.quantityDifference, -1)
        XCTAssertEqual(report.differences.first?.causes.map(\.kind), [.formMadeElsewhere])
        XCTAssertEqual(report.differences.first?.causes.first?.documentNumber, "ПОРТАЛ-1")
        let login = try XCTUnwrap(ESFLoginStore(database: database).login(companyId: company.id))
        XCTAssertEqual(login.server, world.serverURL)
        XCTAssertEqual(world.users.map(\.isOwn), [true, false])
        XCTAssertEqual(world.users.first?.cabinetPassword, "Qoima-Sandbox-1")
        await world.stop()

        // A second start keeps the world (the user's work in it included) and points the login
        // at the new port.
        _ = try SntDraftStore(database: database).createDraft(companyId: company.id,
            StoreSamples.snt(number: "МЕНІКІ-1", date: KazakhstanClock.today(), customer: ("000140000012", "Құрылыс")))
        let again = try await DemoWorld.start(directory: directory, pki: SharedTestPKI.index)
        let reopened = try QoimaDatabase(location: DatabaseLocation(explicitPath: again.databasePath))
        let count = try await reopened.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM snt") }
        XCTAssertEqual(count, 15)
        XCTAssertEqual(try ESFLoginStore(database: reopened).login(companyId: company.id)?.server, again.serverURL)
        // The sandbox kept its state too: the registered SNTs are still there.
        let client = try againClient(again)
        let incoming = try await client.sntUpdates(direction: .outbound,
                                                   after: SntUpdateCursor(lastEventDate: Date().addingTimeInterval(-86_400)),
                                                   limit: 100)
        XCTAssertGreaterThanOrEqual(incoming.snts.count, 8)
        await again.stop()
    }

    private func againClient(_ world: DemoWorld) throws -> ESFClient {
        let user = try XCTUnwrap(world.user(DemoWorld.own))
        let credentials = ESFCredentials(bin: user.company.bin,
                                         authSigner: try SharedTestPKI.signer(user.company, .authentication),
                                         cabinetPassword: SecretBytes(user.cabinetPassword))
        return ESFClient(sessions: ESFSessionManager(server: ESFServerProfile.named(world.serverURL)!,
                                                     credentials: credentials))
    }
}
