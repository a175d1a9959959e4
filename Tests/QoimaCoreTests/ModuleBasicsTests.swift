import QoimaCore
import QoimaESF
import QoimaPrint
import QoimaSandbox
import QoimaSigning
import QoimaStore
import QoimaXML
import XCTest

final class DatabaseLocationTests: XCTestCase {
    func testExplicitPathWinsOverEnvironmentAndDefault() {
        let environment = ["QOIMA_DATABASE": "/env/q.sqlite", "XDG_DATA_HOME": "/data", "HOME": "/home/u"]
        XCTAssertEqual(DatabaseLocation(explicitPath: "/cli/q.sqlite", environment: environment).path, "/cli/q.sqlite")
        XCTAssertEqual(DatabaseLocation(environment: environment).path, "/env/q.sqlite")
        XCTAssertEqual(DatabaseLocation(environment: ["XDG_DATA_HOME": "/data"]).path, "/data/qoima/qoima.sqlite")
        XCTAssertEqual(DatabaseLocation(environment: ["HOME": "/home/u"]).path, "/home/u/.local/share/qoima/qoima.sqlite")
        XCTAssertEqual(DatabaseLocation(environment: ["HOME": "/home/u", "XDG_DATA_HOME": ""]).path,
                       "/home/u/.local/share/qoima/qoima.sqlite", "an empty XDG_DATA_HOME counts as unset")
    }
}

final class XMLTextTests: XCTestCase {
    func testEscapesMarkupAndKeepsCyrillic() {
        XCTAssertEqual(XMLText.escape(#"ТОО "Қойма" <1> & 'Co'"#), "ТОО &quot;Қойма&quot; &lt;1&gt; &amp; &apos;Co&apos;")
        XCTAssertEqual(XMLText.escape("08.91.12.01-2503001000<812004>"), "08.91.12.01-2503001000&lt;812004&gt;")
    }
}

final class SecretBytesTests: XCTestCase {
    func testWipeZeroesTheBytesInPlace() {
        let secret = SecretBytes("пароль123")
        XCTAssertEqual(secret.count, "пароль123".utf8.count)
        secret.wipe()
        secret.withBytes { XCTAssertTrue($0.allSatisfy { $0 == 0 }) }
    }
}

final class ESFServerProfileTests: XCTestCase {
    func testServiceURLs() {
        XCTAssertEqual(ESFServerProfile.production.url(of: .snt), "https://esf.gov.kz:8443/esf-web/ws/api1/SntWebService")
        XCTAssertEqual(ESFServerProfile.sandbox(port: SandboxConfiguration.defaultPort).url(of: .vstoreSession),
                       "http://127.0.0.1:18443/esf-web/vstore-ws/api1/VstoreSessionService")
        XCTAssertEqual(ESFServerProfile.sandbox(port: 9, tls: true).url(of: .uForm),
                       "https://127.0.0.1:9/esf-web/vstore-ws/api1/UFormWebService")
        XCTAssertEqual(ESFService(path: "/esf-web/vstore-ws/api1/DictWebService/"), .dictionary)
        XCTAssertNil(ESFService(path: "/esf-web/ws/api1/Nothing"))
    }

    func testServerOptionNamesAProfile() {
        XCTAssertEqual(ESFServerProfile.named("production"), .production)
        XCTAssertEqual(ESFServerProfile.named("test", caBundlePath: "/ca.pem")?.caBundlePath, "/ca.pem")
        XCTAssertEqual(ESFServerProfile.named("http://127.0.0.1:18443/")?.kind, .sandbox)
        XCTAssertEqual(ESFServerProfile.named("http://127.0.0.1:18443/")?.url(of: .auth),
                       "http://127.0.0.1:18443/esf-web/ws/api1/AuthService")
        XCTAssertEqual(ESFServerProfile.named("https://esf.example.kz:8443")?.kind, .custom)
        XCTAssertNil(ESFServerProfile.named("ftp://x"))
        XCTAssertNil(ESFServerProfile.named("https://esf.gov.kz:8443/esf-web"), "a base URL has no path")
    }
}

final class PaperSizeTests: XCTestCase {
    func testA4InPoints() {
        XCTAssertEqual(PaperSize.points(millimetres: 210), PaperSize.a4Portrait.width, accuracy: 0.01)
        XCTAssertEqual(PaperSize.points(millimetres: 297), PaperSize.a4Landscape.width, accuracy: 0.01)
    }
}
