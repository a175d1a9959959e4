import Foundation
import QoimaCore
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaXML
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A sandbox on 127.0.0.1 for one test, in a data directory of its own, trusting the shared
/// test PKI; and a client that speaks to it over libcurl with real SOAP and real signatures.
struct SandboxHarness: Sendable {
    let sandbox: RunningSandbox
    let directory: String
    let transport = HTTPTransport(configuration: .init(connectTimeout: .seconds(5), totalTimeout: .seconds(30)))

    static func start(directory: String? = nil,
                      _ configure: (inout SandboxServer.Options) -> Void = { _ in }) async throws -> SandboxHarness {
        let directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("qoima-sandbox-test-\(UUID().uuidString)").path
        var options = SandboxServer.Options(pki: SharedTestPKI.index, dataDirectory: directory, port: 0)
        configure(&options)
        return SandboxHarness(sandbox: try await SandboxServer.start(options), directory: directory)
    }

    func stop() async { await sandbox.stop() }

    /// Stops and removes the data directory.
    func finish() async {
        await sandbox.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: Calls

    /// An answer or a SOAP fault; the body of either, as text.
    enum Reply: Sendable {
        case answer(String)
        case fault(SOAPFault, status: Int)

        /// The response element; a test failure (thrown) when the reply is a fault.
        func element(file: StaticString = #filePath, line: UInt = #line) throws -> SOAPElementView {
            guard case let .answer(text) = self else {
                XCTFail("expected an answer, got \(self)", file: file, line: line)
                throw SandboxTestError.unexpectedReply
            }
            return try XCTUnwrap(try SOAPEnvelope(parsing: text).operation, file: file, line: line)
        }

        var fault: SOAPFault? {
            if case let .fault(fault, _) = self { return fault }
            return nil
        }
    }

    /// POSTs `message` to `service`, with the WS-Security header when `user` is given.
    func call(_ service: ESFService, _ message: SOAPMessage,
              user: (iin: String, password: String)? = nil) async throws -> Reply {
        let body: [UInt8] = try user.map { user in
            try Array(user.password.utf8).withUnsafeBytes { try message.envelope(username: user.iin, password: $0) }
        } ?? Array(message.envelope().utf8)
        let result: Result<HTTPResponse, HTTPTransportError>
        do {
            result = .success(try await transport.post(body, to: sandbox.url(of: service), headers: Self.headers))
        } catch {
            result = .failure(error)
        }
        switch result {
        case let .success(response):
            return .answer(String(decoding: response.body, as: UTF8.self))
        case let .failure(.httpStatus(_, response)):
            let text = String(decoding: response.body, as: UTF8.self)
            let parsed: SOAPError?
            do {
                _ = try SOAPEnvelope(parsing: text)
                parsed = nil
            } catch {
                parsed = error
            }
            guard case let .fault(fault)? = parsed else { throw SandboxTestError.notAFault(status: response.status, body: text) }
            return .fault(fault, status: response.status)
        case let .failure(error):
            throw error
        }
    }

    static let headers = [HTTPHeader("Content-Type", SOAPMessage.contentType), HTTPHeader("SOAPAction", SOAPMessage.soapAction)]

    /// A request of `operation` on `service` with `children` after `sessionId`.
    func request(_ operation: ESFOperation, on service: ESFService, session: String?,
                 @SOAPChildren _ children: () -> [SOAPElement] = { [] }) -> SOAPMessage {
        let rest = children()
        return SOAPMessage(operation.request, in: service.namespace) {
            if let session { SOAPElement("sessionId", session) }
            rest
        }
    }

    /// Calls a session-bound operation and returns its answer element.
    func answer(_ operation: ESFOperation, on service: ESFService, session: String,
                @SOAPChildren _ children: () -> [SOAPElement] = { [] },
                file: StaticString = #filePath, line: UInt = #line) async throws -> SOAPElementView {
        try await call(service, request(operation, on: service, session: session, children)).element(file: file, line: line)
    }

    // MARK: Logging in

    static func user(_ company: DemoCompany) -> (iin: String, password: String) {
        (company.director.iin.rawValue, SandboxSeed.cabinetPassword)
    }

    /// The ticket flow: a ticket, signed with the director's authentication key, then a session
    /// on `service` (SessionService or VstoreSessionService).
    func login(_ company: DemoCompany, on service: ESFService = .session,
               password: String = SandboxSeed.cabinetPassword) async throws -> Reply {
        let ticket = try await call(.auth, SOAPMessage(ESFOperation.createAuthTicket.request, in: ESFService.auth.namespace) {
            SOAPElement("iin", company.director.iin.rawValue)
        }).element()
        let signed = try SharedTestPKI.signer(company, .authentication)
            .signXMLDocument(try XCTUnwrap(ticket.text("authTicketXml")))
        return try await call(service, SOAPMessage(ESFOperation.createSessionSigned.request, in: service.namespace) {
            SOAPElement("tin", company.bin.rawValue)
            SOAPElement("signedAuthTicket", signed)
            SOAPElement("sourceType", ESFWireValues.sourceType)
        }, user: (company.director.iin.rawValue, password))
    }

    func session(_ company: DemoCompany, on service: ESFService = .session) async throws -> String {
        let sessionId = try await login(company, on: service).element().text("sessionId")
        return try XCTUnwrap(sessionId)
    }

    // MARK: Documents

    /// Base64 signature over `body` and the signer's certificate.
    static func sign(_ body: String, as company: DemoCompany) throws -> (signature: String, certificate: String) {
        let signer = try SharedTestPKI.signer(company)
        return (try signer.signRaw(Array(body.utf8)).base64, signer.certificate.base64)
    }

    /// Uploads SNT bodies signed by `company`; `tamper` signs something else.
    func upload(_ bodies: [String], as company: DemoCompany, session: String, tamper: Bool = false) async throws
        -> SOAPElementView {
        let signer = try SharedTestPKI.signer(company)
        let signatures = try bodies.map { try signer.signRaw(Array(($0 + (tamper ? " " : "")).utf8)).base64 }
        return try await answer(.uploadSnt, on: .snt, session: session) {
            SOAPElement("sntInfoList") {
                for (body, signature) in zip(bodies, signatures) {
                    SOAPElement("sntInfo") {
                        SOAPElement("sntBody", body)
                        SOAPElement("version", ESFWireValues.sntVersion)
                        SOAPElement("signature", signature)
                        SOAPElement("signatureType", ESFWireValues.companySignature)
                    }
                }
            }
            SOAPElement("x509Certificate", signer.certificate.base64)
        }
    }

    /// Uploads one SNT and returns its id.
    func uploadOne(_ snt: Snt, as company: DemoCompany = .koimaSauda, session: String,
                   file: StaticString = #filePath, line: UInt = #line) async throws -> Int64 {
        let result = try await upload([SntXMLWriter.body(of: snt)], as: company, session: session)
        let id = try XCTUnwrap(result.text("acceptedList/sntUploadResult/sntId"),
                               result.text("declinedList/sntUploadResult/errorList/error/text") ?? "not accepted",
                               file: file, line: line)
        return try XCTUnwrap(Int64(id), file: file, line: line)
    }

    /// `sntInfo` of one SNT, read with the session.
    func info(_ sntId: Int64, session: String) async throws -> SOAPElementView {
        let answer = try await answer(.querySntById, on: .snt, session: session) {
            SOAPElement("idList") { SOAPElement("id", sntId) }
        }
        return try XCTUnwrap(answer.items("sntInfoList", "sntInfo").first, "SNT \(sntId) is not visible")
    }

    func status(_ sntId: Int64, session: String) async throws -> String? {
        try await info(sntId, session: session).text("status")
    }

    /// `changeStatus` with a signed action body.
    func change(_ action: SntAction, as company: DemoCompany, session: String) async throws -> SOAPElementView {
        let body = SntActionXML.body(of: action)
        let (signature, certificate) = try Self.sign(body, as: company)
        let answer = try await answer(.changeSntStatus, on: .snt, session: session) {
            SOAPElement("sntActionInfoList") {
                SOAPElement("sntActionInfo") {
                    SOAPElement("sntActionBody", body)
                    SOAPElement("sntVersion", ESFWireValues.sntVersion)
                    SOAPElement("sntId", action.sntId)
                    SOAPElement("signature", signature)
                    SOAPElement("signatureType", ESFWireValues.companySignature)
                    SOAPElement("certificate", certificate)
                }
            }
        }
        return try XCTUnwrap(answer.items("resultList", "changeStatusResult").first)
    }

    /// Balance rows of the session's company, all pages, by batch.
    func balances(session: String) async throws -> [Int64: (store: Int64, quantity: String, reserve: String)] {
        var rows: [Int64: (Int64, String, String)] = [:]
        var last: Int64 = 0
        while true {
            let page = try await answer(.queryCurrentBalances, on: .vstoreBalance, session: session) {
                SOAPElement("lastBalanceId", last)
                SOAPElement("limit", 1000)
            }
            for row in page.items("balances", "balance") {
                let batch = Int64(row.text("productId") ?? "") ?? 0
                let store = Int64(row.text("taxpayerStoreId") ?? "") ?? 0
                rows[batch * 100_000 + store] = (store, row.text("quantity") ?? "", row.text("reserveQuantity") ?? "")
            }
            last = Int64(page.text("lastBalanceId") ?? "") ?? last
            if page.text("lastBlock") == "true" { break }
        }
        return rows
    }
}

extension SOAPElement {
    /// Numbers and flags as IS ESF writes them.
    init(_ name: String, _ number: some BinaryInteger) { self.init(name, String(number)) }
    init(_ name: String, _ flag: Bool) { self.init(name, flag ? "true" : "false") }
}

extension SandboxHarness {
    /// A plain HTTP GET over a socket (HTTPTransport only POSTs): the head and the body.
    static func get(_ url: String) async throws -> (head: String, body: String) {
        let parsed = try XCTUnwrap(URLComponents(string: url))
        let port = try XCTUnwrap(parsed.port)
        let descriptor = try XCTUnwrap(RawTestServer.connect(toPort: port))
        defer { close(descriptor) }
        let target = parsed.percentEncodedPath + (parsed.percentEncodedQuery.map { "?" + $0 } ?? "")
        RawTestServer.write(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8),
                            to: descriptor)
        var bytes: [UInt8] = []
        while let more = RawTestServer.read(descriptor) { bytes += more }
        let separator = try XCTUnwrap(bytes.firstRange(of: Array("\r\n\r\n".utf8)))
        return (String(decoding: bytes[..<separator.lowerBound], as: UTF8.self),
                String(decoding: bytes[separator.upperBound...], as: UTF8.self))
    }
}

extension XCTestCase {
    /// A sandbox for this test, stopped and its data directory removed when the test ends.
    func startSandbox(directory: String? = nil,
                      _ configure: (inout SandboxServer.Options) -> Void = { _ in }) async throws -> SandboxHarness {
        let harness = try await SandboxHarness.start(directory: directory, configure)
        addTeardownBlock { await harness.finish() }
        return harness
    }
}

enum SandboxTestError: Error {
    case unexpectedReply
    case notAFault(status: Int, body: String)
}

/// SNTs for the sandbox tests: the sample primary SNT (Қойма Сауда → Құрылыс & Ко, batches
/// 812004, 812017, 812033 in store 1001), dated today, with a number of its own.
enum SandboxSamples {
    static var today: CalendarDate { KazakhstanClock.today() }

    /// The sample with `number` and, when given, these quantities for its three lines.
    static func snt(_ number: String, quantities: [String]? = nil) -> Snt {
        var snt = SntXMLSamples.primary
        snt.number = number
        snt.date = today
        snt.shippingDate = today
        snt.releaseGoods = nil
        if let quantities, var goods = snt.goods {
            for (index, quantity) in quantities.enumerated() where index < goods.lines.count {
                goods.lines[index].quantity = DecimalText.parse(quantity)
                goods.lines[index] = GoodsLineArithmetic.completed(goods.lines[index])
            }
            goods.totals = GoodsLineArithmetic.totals(of: goods.lines)
            snt.goods = goods
        }
        return snt
    }

    /// Balance key as `SandboxHarness.balances` gives it.
    static func key(batch: Int64, store: Int64) -> Int64 { batch * 100_000 + store }
}
