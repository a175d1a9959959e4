import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaXML
import XCTest

/// The sandbox as a server: its state survives a restart, it serves HTTPS, it injects faults,
/// and `qoima-cli sandbox serve` and `seed` run it as a process.
final class SandboxServerTests: XCTestCase {
    func testTheStateSurvivesARestart() async throws {
        let first = try await SandboxHarness.start()
        let session = try await first.session(.koimaSauda)
        let id = try await first.uploadOne(SandboxSamples.snt("SNT-KEPT"), session: session)
        let registered = try await first.info(id, session: session).text("registrationNumber")
        let number = try XCTUnwrap(registered)
        let warehouse = try await first.session(.koimaSauda, on: .vstoreSession)
        _ = try await first.answer(.createStores, on: .taxpayerStore, session: warehouse) {
            SOAPElement("storeList") {
                SOAPElement("store") {
                    SOAPElement("name", "Склад на Рысқұлова")
                    SOAPElement("address", "Алматы")
                    SOAPElement("type", "STORE_HOUSE")
                    SOAPElement("responsiblePersonIin", DemoCompany.koimaSauda.director.iin.rawValue)
                }
            }
        }
        await first.stop()

        let second = try await startSandbox(directory: first.directory)
        let stale = try await second.call(.snt, second.request(.querySntStatusById, on: .snt, session: session))
        XCTAssertEqual(stale.fault?.detail?.exception, .sessionClosed, "sessions do not outlive the process")
        let again = try await second.session(.koimaSauda)
        let info = try await second.info(id, session: again)
        XCTAssertEqual(info.text("status"), "NOT_VIEWED")
        XCTAssertEqual(info.text("registrationNumber"), number)
        let stockSession = try await second.session(.koimaSauda, on: .vstoreSession)
        let stores = try await second.answer(.listStores, on: .taxpayerStore, session: stockSession)
        XCTAssertEqual(stores.text("recordsCount"), "3")
        let stock = try await second.balances(session: stockSession)
        XCTAssertEqual(stock[SandboxSamples.key(batch: 812_004, store: 1001)]?.reserve, "10")

        let next = try await second.uploadOne(SandboxSamples.snt("SNT-NEXT"), session: again)
        XCTAssertGreaterThan(next, id)
        let nextRegistered = try await second.info(next, session: again).text("registrationNumber")
        let nextNumber = try XCTUnwrap(nextRegistered)
        XCTAssertEqual(SntRegistrationNumber(nextNumber).parts.flatMap { Int($0.sequence) },
                       SntRegistrationNumber(number).parts.flatMap { Int($0.sequence) }.map { $0 + 1 })
        let users = try second.sandbox.store.users()
        XCTAssertEqual(users.map(\.companyBin), ["000140000002", "000140000012"], "seeded once, not twice")
        XCTAssertEqual(users.first?.password, SandboxSeed.cabinetPassword)
    }

    func testHTTPSWithTheTestPKIsCertificate() async throws {
        let harness = try await startSandbox { $0.tls = true }
        XCTAssertTrue(harness.sandbox.url.hasPrefix("https://127.0.0.1:"))
        let transport = HTTPTransport(configuration: .init(caBundlePath: harness.sandbox.caBundlePath))
        let message = SOAPMessage(ESFOperation.createAuthTicket.request, in: .esf) {
            SOAPElement("iin", DemoCompany.qurylys.director.iin.rawValue)
        }
        let response = try await transport.post(Array(message.envelope().utf8), to: harness.sandbox.url(of: .auth),
                                                headers: SandboxHarness.headers)
        XCTAssertNotNil(try SOAPEnvelope(parsing: response.body).operation?.text("authTicketXml"))
    }

    func testADroppedAnswerWasProcessedAndIsLostToTheClient() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.koimaSauda)
        harness.sandbox.faults = try SandboxFaults(spec: "drop=1")
        do {
            _ = try await harness.upload([SntXMLWriter.body(of: SandboxSamples.snt("SNT-LOST"))], as: .koimaSauda, session: session)
            XCTFail("the answer should have been cut")
        } catch let error as HTTPTransportError {
            guard case .answerLost = error else { return XCTFail("\(error)") }
            XCTAssertTrue(error.requestMayHaveBeenProcessed)
        }
        harness.sandbox.faults = .none
        let feed = try await harness.answer(.querySntUpdates, on: .snt, session: session) {
            SOAPElement("direction", "OUTBOUND")
            SOAPElement("lastEventDate", "2020-01-01T00:00:00+05:00")
        }
        let infos = feed.items("sntInfoList", "sntInfo")
        XCTAssertEqual(infos.map { $0.text("documentInfo/sntBody").flatMap { try? SntXMLReader.read($0).snt.number } }, ["SNT-LOST"])
        XCTAssertEqual(infos.first?.text("status"), "NOT_VIEWED", "uploaded and registered though the client never heard")
    }

    func testHTTP500AndSOAPFaultsAreAnsweredWithoutProcessing() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.koimaSauda)
        let body = SntXMLWriter.body(of: SandboxSamples.snt("SNT-NEVER"))

        harness.sandbox.faults = try SandboxFaults(spec: "http500=1")
        do {
            _ = try await harness.upload([body], as: .koimaSauda, session: session)
            XCTFail("expected HTTP 500")
        } catch let SandboxTestError.notAFault(status, text) {
            XCTAssertEqual(status, 500)
            XCTAssertTrue(text.hasPrefix("<html>"), text)
        }
        // ?wsdl is never faulted.
        let wsdl = try await SandboxHarness.get(harness.sandbox.url(of: .snt) + "?wsdl")
        XCTAssertTrue(wsdl.head.hasPrefix("HTTP/1.1 200"), wsdl.head)

        harness.sandbox.faults = try SandboxFaults(spec: "fault=1")
        let fault = try await harness.call(.snt, harness.request(.querySntStatusById, on: .snt, session: session))
        XCTAssertEqual(fault.fault?.code, .server)
        if case let .fault(_, status) = fault { XCTAssertEqual(status, 500) }

        harness.sandbox.faults = .none
        let feed = try await harness.answer(.querySntUpdates, on: .snt, session: session) {
            SOAPElement("lastEventDate", "2020-01-01T00:00:00+05:00")
        }
        XCTAssertEqual(feed.items("sntInfoList", "sntInfo").count, 0, "nothing was processed")
    }

    func testLatencyAlreadyOpenAndSessionExpiry() async throws {
        let harness = try await startSandbox { $0.faults = try! SandboxFaults(spec: "expire-sessions=400ms") }
        let session = try await harness.session(.koimaSauda)
        try await Task.sleep(for: .milliseconds(700))
        let expired = try await harness.call(.snt, harness.request(.querySntStatusById, on: .snt, session: session))
        XCTAssertEqual(expired.fault?.detail?.exception, .sessionClosed)

        harness.sandbox.faults = try SandboxFaults(spec: "already-open=1,latency=300ms")
        let started = ContinuousClock.now
        let refused = try await harness.login(.qurylys)
        XCTAssertEqual(refused.fault?.knownError, .sessionAlreadyOpen, "no session was open, but the fault says so")
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(600), "two calls, each delayed")
    }

    func testSeededFaultsRepeatDrawForDraw() async throws {
        func pattern(seed: UInt64) async throws -> [Bool] {
            let harness = try await startSandbox {
                $0.faults = try! SandboxFaults(spec: "fault=0.5")
                $0.faultSeed = seed
            }
            var faulted: [Bool] = []
            for _ in 0..<16 {
                let reply = try await harness.call(.session, harness.request(.currentSessionStatus, on: .session, session: "none"))
                faulted.append(reply.fault != nil)
            }
            return faulted
        }
        let first = try await pattern(seed: 42)
        let repeated = try await pattern(seed: 42)
        XCTAssertEqual(repeated, first)
        XCTAssertTrue(first.contains(true) && first.contains(false), "\(first)")
    }

    func testTheServeCommandPrintsItsURLServesAndStopsOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-sandbox-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeded = try CLIRunner.run(["sandbox", "seed", "--data", directory.path, "--pki", SharedTestPKI.index.directory,
                                        "--company", "000140000012", "--balances", "300", "--incoming-snts", "40"])
        XCTAssertEqual(seeded.status, 0, seeded.error)
        XCTAssertTrue(seeded.output.contains("300"), seeded.output)

        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["sandbox", "serve", "--port", "0", "--data", directory.path, "--pki", SharedTestPKI.index.directory]
        process.environment = ProcessInfo.processInfo.environment.merging(["LANG": "C"]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let (first, leftover) = try await Self.firstLine(of: output.fileHandleForReading)
        let url = try XCTUnwrap(first.range(of: #"http://127\.0\.0\.1:\d+$"#, options: .regularExpression).map { String(first[$0]) },
                                first)
        XCTAssertEqual(first, "Qoima sandbox: listening on \(url)")

        let transport = HTTPTransport(configuration: .init(connectTimeout: .seconds(5), totalTimeout: .seconds(20)))
        let message = SOAPMessage(ESFOperation.createAuthTicket.request, in: .esf) {
            SOAPElement("iin", DemoCompany.qurylys.director.iin.rawValue)
        }
        let response = try await transport.post(Array(message.envelope().utf8), to: url + ESFService.auth.rawValue,
                                                headers: SandboxHarness.headers)
        XCTAssertNotNil(try SOAPEnvelope(parsing: response.body).operation?.text("authTicketXml"))

        process.terminate() // SIGTERM
        let status = await Task.detached { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }.value
        XCTAssertEqual(status, 0)
        XCTAssertEqual(process.terminationReason, .exit)
        let rest = String(decoding: leftover + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(rest.contains(SandboxSeed.cabinetPassword), rest)
        XCTAssertTrue(rest.contains("000140000012"), rest)

        // What `seed` added is there for the next start.
        let harness = try await startSandbox(directory: directory.path)
        let session = try await harness.session(.qurylys)
        let feed = try await harness.answer(.querySntUpdates, on: .snt, session: session) {
            SOAPElement("direction", "INBOUND")
            SOAPElement("lastEventDate", "2020-01-01T00:00:00+05:00")
        }
        XCTAssertEqual(feed.items("sntInfoList", "sntInfo").count, 40)
        XCTAssertEqual(feed.items("sntInfoList", "sntInfo").first?.text("status"), "NOT_VIEWED")
        let stock = try await harness.balances(session: try await harness.session(.qurylys, on: .vstoreSession))
        XCTAssertEqual(stock.count, 3 + 300)
    }

    /// The first line a child process writes, read off the cooperative pool, within 30 seconds,
    /// and what came after it in the same read.
    static func firstLine(of handle: FileHandle) async throws -> (String, Data) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                var bytes: [UInt8] = []
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if let newline = bytes.firstIndex(of: 10) {
                        return continuation.resume(returning: (String(decoding: bytes[..<newline], as: UTF8.self),
                                                               Data(bytes[(newline + 1)...])))
                    }
                }
                continuation.resume(throwing: SandboxTestError.unexpectedReply)
            }.start()
        }
    }
}

