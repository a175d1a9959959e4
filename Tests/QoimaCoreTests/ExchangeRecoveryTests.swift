import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaSigning
@testable import QoimaStore
import XCTest

/// The client against the sandbox where things go wrong: TLS with and without the test CA, a
/// session left open by another run, sessions that expire, syncs cut off half-way.
final class ExchangeRecoveryTests: XCTestCase {
    private func credentials(_ company: DemoCompany = .koimaSauda) throws -> ESFCredentials {
        ESFCredentials(bin: company.bin, authSigner: try SharedTestPKI.signer(company, .authentication),
                       cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword))
    }

    func testTLSIsVerifiedAgainstTheGivenCABundleAndRefusedWithoutIt() async throws {
        let sandbox = try SandboxProcess(extra: ["--tls"])
        defer { sandbox.stop() }
        XCTAssertTrue(sandbox.url.hasPrefix("https://"), sandbox.url)
        let trusted = ESFServerProfile.named(sandbox.url, caBundlePath: SharedTestPKI.index.path(SharedTestPKI.index.rootCertificate))!
        let client = ESFClient(sessions: ESFSessionManager(server: trusted, credentials: try credentials()))
        let stores = try await client.stores()
        XCTAssertTrue(stores.contains { $0.isDefault == true })

        // The system's CAs do not know the test root: the call fails before anything is sent.
        let untrusted = ESFClient(sessions: ESFSessionManager(server: sandbox.server, credentials: try credentials(),
                                                              policy: ESFSessionPolicy(retry: .never)))
        do {
            _ = try await untrusted.stores()
            XCTFail("a server the system does not trust was accepted")
        } catch {
            guard case let .transport(transport, _) = error, case .tlsFailure = transport else {
                return XCTFail("expected a TLS failure, got \(error)")
            }
            XCTAssertFalse(error.requestMayHaveBeenProcessed)
        }
    }

    func testASessionLeftOpenByAnotherRunIsClosedAndOpenedAgain() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let first = ESFSessionManager(server: sandbox.server, credentials: try credentials())
        let firstId = try await first.sessionId(.esf)
        // A second run that does not know the first one's session (it crashed, say).
        let second = ESFSessionManager(server: sandbox.server, credentials: try credentials())
        let secondId = try await second.sessionId(.esf)
        XCTAssertNotEqual(firstId, secondId)
        XCTAssertTrue(secondId.contains(DemoCompany.koimaSauda.bin.rawValue))
        let snts = try await ESFClient(sessions: second).sntUpdates(direction: .inbound,
                                                                     after: SntUpdateCursor(lastEventDate: Date()), limit: 10)
        XCTAssertTrue(snts.lastBlock)
        await second.close()
    }

    func testAnExpiredSessionIsReopenedAndTheCallRepeated() async throws {
        let sandbox = try SandboxProcess(extra: ["--session-idle", "1s"])
        defer { sandbox.stop() }
        let sessions = ESFSessionManager(server: sandbox.server, credentials: try credentials(),
                                         policy: ESFSessionPolicy(idleCheckAfter: .seconds(3600)))
        let client = ESFClient(sessions: sessions)
        let before = try await sessions.sessionId(.vstore)
        try await Task.sleep(for: .milliseconds(1500))
        // The session expired on the server while the client still holds it.
        _ = try await client.stores()
        let after = try await sessions.sessionId(.vstore)
        XCTAssertNotEqual(before, after)
    }

    func testABalancesSnapshotCutOffHalfWayResumesAfterItsLastPage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sandbox = try await SandboxServer.start(SandboxServer.Options(
            pki: SharedTestPKI.index, dataDirectory: directory.path, port: 0))
        try sandbox.store.addBalances(company: DemoCompany.koimaSauda.bin.rawValue, count: 45)
        let store = try TemporaryDatabase()
        let companyId = try store.company()
        let company = try XCTUnwrap(CompanyStore(database: store.database).all().first { $0.id == companyId })
        let sessions = ESFSessionManager(server: ESFServerProfile.named(sandbox.url)!, credentials: try credentials(),
                                         policy: ESFSessionPolicy(retry: .never))
        let sync = VirtualWarehouseSync(client: ESFClient(sessions: sessions), database: store.database,
                                        company: company, pageSize: 10)
        // IS ESF goes away after the second page.
        let pages = Counter()
        do {
            _ = try await sync.syncBalances { report in
                if pages.increment() == 2 { sandbox.faults = try! SandboxFaults(spec: "http500=1") }
            }
            XCTFail("the sync should have been cut off")
        } catch {}
        let stoppedAfter = try XCTUnwrap(BalanceStore(database: store.database).snapshotInProgress(companyId: companyId))
        XCTAssertEqual(try BalanceStore(database: store.database).count(companyId: companyId), 0, "no half snapshot")

        sandbox.faults = .none
        let report = try await sync.syncBalances()
        XCTAssertEqual(report.resumedAfter, stoppedAfter)
        let all = try BalanceStore(database: store.database).balances(companyId: companyId)
        XCTAssertEqual(all.count, 51, "six seeded batches and 45 added, each once")
        XCTAssertEqual(Set(all.map(\.balanceId)).count, all.count)
        await sandbox.stop()
    }

    func testSNTSyncResumesFromItsCursorAndDictionariesAreCached() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let desk = try CompanyDesk(.qurylys, sandbox: sandbox)
        let sync = SntSync(client: desk.client, database: desk.database, company: desk.company, pageSize: 3)
        let first = try await sync.sync(.inbound)
        let seller = try CompanyDesk(.koimaSauda, sandbox: sandbox)
        for tag in 1...4 {
            let (snt, _) = try await seller.shipment(to: .qurylys, number: "SYNC-\(tag)-\(UUID().uuidString.prefix(4))",
                                                     quantity: 1)
            let job = try await seller.send(try seller.draft(snt))
            XCTAssertEqual(job.state, .done, job.lastError ?? "")
        }
        let second = try await sync.sync(.inbound)
        XCTAssertEqual(second.count.inserted, 4)
        XCTAssertGreaterThanOrEqual(second.pages, 2, "pages of three")
        let third = try await sync.sync(.inbound)
        XCTAssertEqual(third.count.inserted + third.count.updated, 0, "nothing new after the cursor: \(first)")

        let dictionaries = try await DictionarySync(client: desk.client, database: desk.database,
                                                    companyId: desk.company.id, blockSize: 4).run()
        XCTAssertGreaterThan(dictionaries.units, 10)
        XCTAssertGreaterThan(dictionaries.gsvsEntries, 4, "more than one block")
        let cached = DictionaryStore(database: desk.database)
        XCTAssertEqual(try cached.units().count, dictionaries.units)
        XCTAssertEqual(try cached.gsvsCount(), dictionaries.gsvsEntries)
        XCTAssertFalse(try cached.gsvs(codePrefix: "23.51").isEmpty)
        let again = try await DictionarySync(client: desk.client, database: desk.database, companyId: desk.company.id).run()
        XCTAssertEqual(again.gsvsEntries, 0, "the GSVS cursor remembers where it stopped")
    }
}

/// A counter callbacks on any thread can bump.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
