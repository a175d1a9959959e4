import Foundation
import QoimaCore
import QoimaSandbox
import QoimaSigning
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// NCALayerSigner against the NCALayer simulator over real TLS on 127.0.0.1. The simulator signs
/// with the test PKI's keys of Қойма Сауда's director: authentication first, then signing.
final class NCALayerSignerTests: XCTestCase {
    private let company = DemoCompany.koimaSauda
    private var simulator: NCALayerSimulator!

    override func setUp() async throws {
        simulator = try Self.simulator(for: company)
        try await simulator.start()
    }

    override func tearDown() async throws {
        await simulator?.stop()
        simulator = nil
    }

    // MARK: Connecting

    func testNothingListeningIsSaidAtOnce() async throws {
        let url = try XCTUnwrap(simulator.url)
        await simulator.stop()
        let client = try NCALayerClient(.init(url: url))   // the default, generous connect timeout
        let started = ContinuousClock.now
        await assertThrows(.ncaLayerNotRunning(url: url)) { try await client.version() }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2), "a refused connection must not wait for the timeout")
    }

    func testAListenerThatNeverGreetsIsNotNCALayer() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let url = "wss://127.0.0.1:\(listener.port)"
        let client = try NCALayerClient(.init(url: url, connectTimeout: .seconds(1)))
        let started = ContinuousClock.now
        await assertThrows(.ncaLayerNotRunning(url: url)) { try await client.version() }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(4))
    }

    func testGreetingGivesTheVersion() async throws {
        let version = try await client().version()
        XCTAssertEqual(version, "1.2")
        XCTAssertEqual(simulator.requests, [], "reading the greeting asks NCALayer nothing")
    }

    func testKeyInfoGivesTheChosenKeysCertificate() async throws {
        let signer = try await NCALayerSigner.connect(for: .authentication, client: client())
        let expected = try Certificate(contentsOf: pkiPath(SharedTestPKI.company(company).authentication.certificate))
        XCTAssertEqual(signer.certificate, expected)
        XCTAssertEqual(signer.certificate.iin, company.director.iin)
        XCTAssertEqual(signer.certificate.bin, company.bin)
        XCTAssertEqual(signer.certificate.usage, .authentication)
        XCTAssertEqual(signer.keyInfo.subjectCn, company.director.commonName)
        XCTAssertEqual(simulator.requests, [request("getKeyInfo", [.string("PKCS12")])])
    }

    func testActiveTokensAskWithoutArguments() async throws {
        let tokens = try await client().activeTokens()
        XCTAssertEqual(tokens, [])
        let sent = try sentJSON()
        XCTAssertEqual(Set(sent.keys), ["module", "method"], "public clients send no args here")
        XCTAssertEqual(sent["module"] as? String, "kz.gov.pki.knca.commonUtils")
        XCTAssertEqual(sent["method"] as? String, "getActiveTokens")
    }

    // MARK: Signing

    func testSignedTicketCarriesAnXMLDSigThatVerifies() async throws {
        let signer = try await NCALayerSigner.connect(for: .authentication, client: client())
        let ticket = "<authSign><timeMark>2026-11-23T10:00:00+05:00</timeMark><state>c2F5IGhlbGxv</state></authSign>"
        let signed = try await signer.signXML(ticket)

        let verifiedSigner = try XMLSignatureVerifier.verify(signed, certificate: signer.certificate)
        XCTAssertEqual(verifiedSigner.iin, company.director.iin)
        XCTAssertEqual(verifiedSigner.usage, .authentication, "AUTHENTICATION asks for the authentication key")
        let tampered = signed.replacingOccurrences(of: "c2F5IGhlbGxv", with: "c2F5IGJ5ZQ==")
        XCTAssertNotEqual(tampered, signed)
        XCTAssertThrowsError(try XMLSignatureVerifier.verify(tampered, certificate: signer.certificate))
        XCTAssertEqual(simulator.requests.last,
                       request("signXml", [.string("PKCS12"), .string("AUTHENTICATION"), .string(ticket), .string(""), .string("")]))
    }

    func testSignedBodyIsADetachedCMSThatVerifiesOverItsBytesOnly() async throws {
        simulator.chosenKeyUsage = .signing
        let signer = try await NCALayerSigner.connect(for: .signing, client: client())
        let signing = try Certificate(contentsOf: pkiPath(SharedTestPKI.company(company).signing.certificate))
        XCTAssertEqual(signer.certificate, signing)
        let body = Array("<sntBody number=\"Қ-1\">100.00</sntBody>".utf8)
        let signature = try await signer.sign(body)

        XCTAssertEqual(signature.format, .cms)
        let verifiedSigner = try SignatureVerifier.verify(signature, over: body, certificate: signer.certificate)
        XCTAssertEqual(verifiedSigner.bin, company.bin)
        var tampered = body
        tampered[tampered.count - 3] ^= 0x01
        XCTAssertThrowsError(try SignatureVerifier.verify(signature, over: tampered, certificate: signer.certificate))

        let sent = try sentJSON()
        XCTAssertEqual(sent["method"] as? String, "createCMSSignatureFromBase64")
        let arguments = try XCTUnwrap(sent["args"] as? [Any])
        XCTAssertEqual(arguments.count, 4)
        XCTAssertEqual(arguments.prefix(3).compactMap { $0 as? String }, ["PKCS12", "SIGNATURE", Data(body).base64EncodedString()])
        XCTAssertEqual(arguments.last as? Bool, false, "detached: attach is JSON false")
        XCTAssertNil(arguments.last as? String)
    }

    // MARK: What goes wrong

    /// The key named when the signer was made is the authentication key; the SIGNATURE request
    /// then signs with the signing key, as a user picking another key in NCALayer's window would.
    func testASignatureWithAnotherKeyIsRefused() async throws {
        simulator.chosenKeyUsage = .authentication
        let signer = try await NCALayerSigner.connect(for: .signing, client: client())
        let expected = SigningError.ncaLayerOtherKey(expected: signer.certificate.subject.fullName)
        await assertThrows(expected) { try await signer.sign([1, 2, 3]) }
        await assertThrows(expected) { try await signer.signXML("<a/>") }
        XCTAssertTrue(expected.message(in: .russian).contains("другим ключом"))
    }

    func testClosingNCALayersWindowIsACancellation() async throws {
        let client = try client()
        simulator.answering = .cancelled
        await assertThrows(.ncaLayerCancelled) { try await NCALayerSigner.connect(for: .signing, client: client) }
        simulator.answering = .normally
        let signer = try await NCALayerSigner.connect(for: .signing, client: client)
        simulator.answering = .cancelled
        await assertThrows(.ncaLayerCancelled) { try await signer.sign([1, 2, 3]) }
        await assertThrows(.ncaLayerCancelled) { try await signer.signXML("<a/>") }
    }

    func testOtherFailuresAreRefusalsWithNCALayersMessage() async throws {
        let signer = try await NCALayerSigner.connect(for: .signing, client: client())
        simulator.answering = .refused(message: "java.lang.Exception: token removed")
        await assertThrows(.ncaLayerRefused(code: "500", message: "java.lang.Exception: token removed")) {
            try await signer.signXML("<a/>")
        }
        simulator.answering = .verbatim(#"{"code":"500"}"#)
        await assertThrows(.ncaLayerRefused(code: "500", message: "")) { try await signer.sign([1]) }
    }

    func testAnswersThatAreNotNCALayersJSONAreProtocolErrors() async throws {
        let signer = try await NCALayerSigner.connect(for: .signing, client: client())
        let nonsense = ["{not json": "not NCALayer's JSON", #"{"result":"ok"}"#: "not NCALayer's JSON",
                        #"{"code":"200"}"#: "no String responseObject",
                        #"{"code":"200","responseObject":42}"#: "no String responseObject",
                        #"{"code":"200","responseObject":"not base64 at all!"}"#: "not Base64"]
        for (answer, words) in nonsense {
            simulator.answering = .verbatim(answer)
            await assertProtocolError(answer, saying: words) { try await signer.sign([1, 2]) }
        }
    }

    func testAConnectionClosedBeforeTheAnswerIsAProtocolError() async throws {
        let signer = try await NCALayerSigner.connect(for: .signing, client: client())
        simulator.answering = .hangUp
        await assertProtocolError("hang-up", saying: "closed the connection before answering") { try await signer.signXML("<a/>") }
    }

    func testAnAnswerThatNeverComesTimesOut() async throws {
        let client = try client(requestTimeout: .seconds(1))
        simulator.answering = .never
        let started = ContinuousClock.now
        await assertProtocolError("silence", saying: "no answer within") { try await client.keyInfo() }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(4))
    }

    // MARK: Where and whom the client trusts

    func testOnlyLoopbackWSSAddressesAreAccepted() throws {
        for url in ["wss://127.0.0.1:13579", "wss://localhost:13579", "wss://127.0.0.2:13579", "wss://[::1]:13579"] {
            XCTAssertNoThrow(try NCALayerClient(.init(url: url)), url)
        }
        for url in ["wss://example.kz:13579", "wss://10.0.0.5:13579", "wss://127.0.0.1.example.kz:13579",
                    "ws://127.0.0.1:13579", "https://127.0.0.1:13579", "127.0.0.1:13579", "wss://1270.0.0.1:13579"] {
            XCTAssertThrowsError(try NCALayerClient(.init(url: url)), url) { error in
                guard case .ncaLayerProtocol = error as? SigningError else {
                    return XCTFail("\(url): \(error)")
                }
            }
        }
    }

    func testTLSIsVerifiedAgainstTheTrustedCA() async throws {
        let trusted = try XCTUnwrap(FileManager.default.contents(atPath: pkiPath(SharedTestPKI.index.rootCertificate)))
        let version = try await client(trusting: Array(trusted)).version()
        XCTAssertEqual(version, "1.2")

        let other = try Self.otherAuthority()
        await assertProtocolError("another CA", saying: "TLS") { try await self.client(trusting: other).version() }
    }

    // MARK: Helpers

    private func client(trusting authorityPEM: [UInt8]? = nil, requestTimeout: Duration = .seconds(30)) throws -> NCALayerClient {
        let url = try XCTUnwrap(simulator.url)
        return try NCALayerClient(.init(url: url, trustedAuthorityPEM: authorityPEM, connectTimeout: .seconds(5),
                                        requestTimeout: requestTimeout))
    }

    private func request(_ method: String, _ arguments: [NCALayerRequest.Argument]) -> NCALayerRequest {
        NCALayerRequest(module: "kz.gov.pki.knca.commonUtils", method: method, arguments: arguments)
    }

    /// The last message the simulator received, as a JSON object.
    private func sentJSON() throws -> [String: Any] {
        let text = try XCTUnwrap(simulator.receivedMessages.last)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    private func pkiPath(_ relative: String) -> String { SharedTestPKI.index.path(relative) }

    static func simulator(for company: DemoCompany) throws -> NCALayerSimulator {
        let index = SharedTestPKI.index
        let keys = try [KeyUsage.authentication, .signing].map { usage in
            let signer = try SharedTestPKI.signer(company, usage)
            return NCALayerSimulator.Key(signer: signer) { try signer.signCMS($0).bytes }
        }
        let tls = try NCALayerSimulator.TLSIdentity(certificatePath: index.path(index.tlsServer.certificate),
                                                    privateKeyPath: index.path(index.tlsServer.privateKey))
        return try NCALayerSimulator(tls: tls, keys: keys)
    }

    /// The root of a second, unrelated test PKI.
    static func otherAuthority() throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-other-ca-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let index = try TestPKI.generate(into: directory, companies: [])
        return try XCTUnwrap(FileManager.default.contents(atPath: index.path(index.rootCertificate))).map { $0 }
    }

    private func assertThrows<T>(_ expected: SigningError, file: StaticString = #filePath, line: UInt = #line,
                                 _ body: () async throws -> T) async {
        do {
            let result = try await body()
            XCTFail("expected \(expected), got \(result)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? SigningError, expected, "\(error)", file: file, line: line)
        }
    }

    private func assertProtocolError<T>(_ label: String, saying words: String, file: StaticString = #filePath,
                                        line: UInt = #line, _ body: () async throws -> T) async {
        do {
            let result = try await body()
            XCTFail("\(label): expected a protocol error, got \(result)", file: file, line: line)
        } catch let SigningError.ncaLayerProtocol(reason) {
            XCTAssert(reason.contains(words), "\(label): \(reason)", file: file, line: line)
        } catch {
            XCTFail("\(label): expected a protocol error, got \(error)", file: file, line: line)
        }
    }
}

/// A TCP socket on 127.0.0.1 that takes connections into its backlog and never says a word, as a
/// hung program on NCALayer's port would.
private final class SilentListener {
    let port: Int
    private var descriptor: Int32

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = socketDescriptor >= 0 && withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socketDescriptor, socketAddress, length) == 0 && listen(socketDescriptor, 8) == 0
                    && getsockname(socketDescriptor, socketAddress, &length) == 0
            }
        }
        guard listening else {
            if socketDescriptor >= 0 { Glibc.close(socketDescriptor) }
            throw POSIXError(.EADDRNOTAVAIL)
        }
        descriptor = socketDescriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
