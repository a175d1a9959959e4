import Foundation
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import QoimaXML

/// The exchange against an in-process sandbox over loopback HTTP: a full balances snapshot of
/// 100,000 rows and 10,000 incoming SNTs synced into the store, and the round trip of sending one
/// SNT (sign, upload, IS ESF's check, registration number back).
struct ExchangeBenchmark {
    let folder: URL
    var balanceRows = 100_000
    var incomingSnts = 10_000
    var sends = 100

    func run() async throws -> [String: Any] {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pki = try TestPKI.generate(into: folder.appendingPathComponent("pki").path)
        let sandbox = try await SandboxServer.start(SandboxServer.Options(
            pki: pki, dataDirectory: folder.appendingPathComponent("sandbox").path, port: 0))
        let seller = DemoCompany.koimaSauda, buyer = DemoCompany.qurylys
        let seedStart = ContinuousClock.now
        try sandbox.store.addBalances(company: seller.bin.rawValue, count: balanceRows)
        try sandbox.store.addIncomingSnts(company: seller.bin.rawValue, count: incomingSnts)
        print(String(format: "  seeded %d balance rows and %d incoming SNTs in %.1f s", balanceRows, incomingSnts,
                     (ContinuousClock.now - seedStart).seconds))

        let database = try QoimaDatabase(location: DatabaseLocation(
            explicitPath: folder.appendingPathComponent("qoima.sqlite").path))
        let companyId = try CompanyStore(database: database).findOrAdd(bin: seller.bin.rawValue, name: seller.name)
        let company = try CompanyStore(database: database).all().first { $0.id == companyId }!
        let entry = pki.company(bin: seller.bin.rawValue)!
        let password = TestPKI.defaultPassword
        let credentials = ESFCredentials(
            bin: seller.bin, authSigner: try Pkcs12Signer(path: pki.path(entry.authentication.pkcs12),
                                                          password: SecretBytes(password)),
            cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword))
        let client = ESFClient(sessions: ESFSessionManager(server: ESFServerProfile.named(sandbox.url)!,
                                                           credentials: credentials))
        var result: [String: Any] = ["build": "release"]

        let balancesStart = ContinuousClock.now
        let balances = try await VirtualWarehouseSync(client: client, database: database, company: company).syncBalances()
        let balanceSeconds = (ContinuousClock.now - balancesStart).seconds
        result["balances"] = ["rows": balances.balances, "pages": balances.pages, "seconds": balanceSeconds,
                              "rowsPerSecond": Double(balances.balances) / balanceSeconds]
        print(String(format: "  balances: %d rows in %d pages, %.2f s, %.0f rows/s", balances.balances, balances.pages,
                     balanceSeconds, Double(balances.balances) / balanceSeconds))

        let sntStart = ContinuousClock.now
        let sync = SntSync(client: client, database: database, company: company, firstSyncSince: Date().addingTimeInterval(-86_400))
        let inbound = try await sync.sync(.inbound)
        let sntSeconds = (ContinuousClock.now - sntStart).seconds
        let stored = inbound.count.inserted + inbound.count.updated
        result["incomingSnts"] = ["snts": stored, "pages": inbound.pages, "seconds": sntSeconds,
                                  "sntsPerSecond": Double(stored) / sntSeconds]
        print(String(format: "  incoming SNTs: %d in %d pages, %.2f s, %.0f SNTs/s", stored, inbound.pages, sntSeconds,
                     Double(stored) / sntSeconds))

        // Round trips: one SNT at a time, from queueing to its registration number.
        let signer = try Pkcs12Signer(path: pki.path(entry.signing.pkcs12), password: SecretBytes(password))
        let outbox = SntOutbox(client: client, database: database, signer: signer, company: company)
        let template = try await DemoShipment.make(client: client, seller: seller, buyer: buyer, number: "BENCH",
                                                   quantity: 1).snt
        var seconds: [Double] = []
        for index in 0..<sends {
            var snt = template
            snt.number = "BENCH-\(index + 1)"
            let draft = try SntDraftStore(database: database).createDraft(companyId: company.id, snt)
            let start = ContinuousClock.now
            let job = try outbox.queueSend(draft: draft)
            let finished = try await outbox.run(only: [job.id])
            seconds.append((ContinuousClock.now - start).seconds)
            guard finished.first?.state == .done else { fatalError("send \(index) ended \(String(describing: finished.first))") }
        }
        let sorted = seconds.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
        result["sendRoundTrip"] = ["sends": sends, "p50Milliseconds": percentile(0.5) * 1e3,
                                   "p95Milliseconds": percentile(0.95) * 1e3, "maxMilliseconds": sorted.last! * 1e3]
        print(String(format: "  send round trip: p50 %.1f ms, p95 %.1f ms (%d sends)", percentile(0.5) * 1e3,
                     percentile(0.95) * 1e3, sends))
        await client.sessions.close()
        await sandbox.stop()
        return result
    }
}
