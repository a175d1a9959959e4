import Foundation
import QoimaCore
import QoimaXML
import XCTest

/// Input meant to hurt: each must end in a clear `XMLInputError`, never a crash, a hang, a
/// network or file access, or text leaking from outside the document.
final class HostileXMLTests: XCTestCase {
    private func parseError(_ text: String, limits: XMLLimits = .standard,
                            file: StaticString = #filePath, line: UInt = #line) -> XMLInputError? {
        parseError(Array(text.utf8), limits: limits, file: file, line: line)
    }

    private func parseError(_ bytes: [UInt8], limits: XMLLimits = .standard,
                            file: StaticString = #filePath, line: UInt = #line) -> XMLInputError? {
        do {
            _ = try XMLTree(parsing: bytes, limits: limits)
            XCTFail("parsed without error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testBillionLaughsIsRefusedAtItsDoctype() {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "\n<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)\n]>\n<lolz>&lol9;</lolz>"
        let error = parseError(xml)
        XCTAssertEqual(error?.reason, .doctype)
        XCTAssertEqual(error?.line, 2)
        XCTAssertNotNil(error?.column)
        XCTAssertTrue(error?.message.contains("DOCTYPE") ?? false)
    }

    func testExternalEntityNeverReadsTheFile() throws {
        // A file of our own, so the test knows exactly what must not leak.
        let secret = "qoima-secret-\(UUID().uuidString)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-xxe-\(UUID().uuidString).txt")
        try secret.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        for target in [url.absoluteString, "file:///etc/passwd"] {
            let xml = """
                <?xml version="1.0"?><!DOCTYPE snt [<!ENTITY xxe SYSTEM "\(target)">]>
                <v1:snt xmlns:v1="v1.snt"><number>&xxe;</number></v1:snt>
                """
            let error = parseError(xml)
            XCTAssertEqual(error?.reason, .doctype)
            XCTAssertFalse(error?.description.contains(secret) ?? true)
            XCTAssertFalse(error?.description.contains("root:") ?? true)
            // The SNT reader and the file reader refuse it the same way.
            XCTAssertThrowsError(try SntFileReader.read(Array(xml.utf8))) { error in
                XCTAssertEqual((error as? XMLInputError)?.reason, .doctype)
            }
        }
    }

    func testParameterEntitiesAndExternalDtdAreRefusedToo() {
        XCTAssertEqual(parseError(#"<!DOCTYPE a SYSTEM "http://127.0.0.1:9/x.dtd"><a/>"#)?.reason, .doctype)
        XCTAssertEqual(parseError(#"<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><a/>"#)?.reason,
                       .doctype)
    }

    func testUndeclaredEntityIsAnErrorNotAnEmptyString() {
        let error = parseError("<a>\n&nbsp;</a>")
        guard case .malformed = error?.reason else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(error?.line, 2)
    }

    func testOversizedBodyIsRejectedBeforeParsing() {
        // 50 MB of a body that would otherwise be well-formed.
        let head = Array(#"<v1:snt xmlns:v1="v1.snt"><number>"#.utf8)
        let tail = Array("</number></v1:snt>".utf8)
        let bytes = head + [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024) + tail
        let started = Date()
        let error = parseError(bytes)
        XCTAssertEqual(error?.reason, .tooLarge(bytes: bytes.count, limit: 16 * 1024 * 1024))
        XCTAssertNil(error?.line)
        XCTAssertTrue(error?.message.contains("too large") ?? false, error?.message ?? "")
        // Rejected from its size alone: far faster than parsing 50 MB would be.
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        // The limit is the caller's to choose.
        let small = Array(("<a>" + String(repeating: "x", count: 2000) + "</a>").utf8)
        XCTAssertNoThrow(try XMLTree(parsing: small))
        XCTAssertEqual(parseError(small, limits: XMLLimits(maxBytes: 1000))?.reason,
                       .tooLarge(bytes: small.count, limit: 1000))
    }

    func testOversizedFileIsRejectedWithoutLoadingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-big-\(UUID().uuidString).xml")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 17 * 1024 * 1024) // sparse: the size is there, the bytes are not
        try handle.close()
        XCTAssertThrowsError(try SntFileReader.read(fileAt: url.path)) { error in
            XCTAssertEqual((error as? XMLInputError)?.reason, .tooLarge(bytes: 17 * 1024 * 1024, limit: 16 * 1024 * 1024))
        }
    }

    func testTenThousandLevelsOfNestingAreRefused() {
        let xml = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let error = parseError(xml)
        XCTAssertEqual(error?.reason, .tooDeep(limit: 64))
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 65 * 3, "stopped at the end of the 65th start tag")
        // Without our limit, libxml2's own (256) still stops it.
        let deep = parseError(xml, limits: XMLLimits(maxDepth: 100_000))
        guard case let .malformed(_, detail) = deep?.reason else { return XCTFail("\(String(describing: deep))") }
        XCTAssertTrue(detail.contains("depth"), detail)
    }

    func testNestingUpToTheLimitIsFine() throws {
        let xml = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        XCTAssertEqual(try XMLTree(parsing: xml).root.localName, "a")
    }

    func testInvalidUTF8IsAnErrorWithLineAndColumn() {
        var bytes = Array("<v1:snt xmlns:v1=\"v1.snt\">\n<number>ab".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("</number></v1:snt>".utf8)
        let error = parseError(bytes)
        guard case let .malformed(_, detail) = error?.reason else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(detail.contains("UTF-8"), detail)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 11)
        XCTAssertEqual(error?.description.hasPrefix("line 2, column 11: "), true, error?.description ?? "")
    }

    func testTruncatedDocument() {
        let error = parseError("<v1:snt xmlns:v1=\"v1.snt\">\n  <number>SNT-1</number>\n  <date>15.01")
        guard case .malformed = error?.reason else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(error?.line, 3)
        XCTAssertNotNil(error?.column)
    }

    func testEmptyAndNonXMLInput() {
        guard case .malformed = parseError("")?.reason else { return XCTFail("empty input parsed") }
        guard case .malformed = parseError("number,date\n1,15.01.2026\n")?.reason else { return XCTFail() }
        guard case .malformed = parseError([0, 0, 0, 0])?.reason else { return XCTFail() }
    }

    func testWrongRootAndWrongNamespace() {
        for (xml, root, namespace) in [
            (#"<v1:invoice xmlns:v1="v1.snt"/>"#, "invoice", "v1.snt"),
            (#"<v1:snt xmlns:v1="v2.snt"/>"#, "snt", "v2.snt"),
            ("<snt/>", "snt", nil),
        ] as [(String, String, String?)] {
            XCTAssertThrowsError(try SntXMLReader.read(xml)) { error in
                guard case let .unexpectedRoot(found, foundNamespace, _) = (error as? XMLInputError)?.reason else {
                    return XCTFail("\(error)")
                }
                XCTAssertEqual(found, root)
                XCTAssertEqual(foundNamespace, namespace)
                XCTAssertEqual((error as? XMLInputError)?.line, 1)
            }
            XCTAssertThrowsError(try SntFileReader.read(Array(xml.utf8)))
        }
    }

    func testErrorsAreNotPrintedToStandardError() throws {
        // libxml2 writes straight to fd 2, so catch fd 2 around failing parses.
        let pipe = Pipe()
        let saved = dup(2)
        dup2(pipe.fileHandleForWriting.fileDescriptor, 2)
        _ = parseError("<a><b></a>")
        _ = parseError(#"<?xml version="1.0" encoding="KOI8-R"?><a>"# + "\u{1}</a>")
        _ = parseError(#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#)
        fflush(nil) // every C stream, stderr included
        dup2(saved, 2)
        close(saved)
        try pipe.fileHandleForWriting.close()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(printed, "")
    }

    func testMessagesExistInEveryLanguage() {
        let errors = [
            XMLInputError(.tooLarge(bytes: 2, limit: 1)), XMLInputError(.doctype, line: 1, column: 3),
            XMLInputError(.tooDeep(limit: 64)), XMLInputError(.malformed(code: 76, detail: "x"), line: 1, column: 2),
            XMLInputError(.unexpectedRoot(found: "a", namespace: nil, expected: "snt")),
            XMLInputError(.missingElement("sntBody")), XMLInputError(.unsupportedVersion("SntV2")),
            XMLInputError(.unreadable("no such file")),
        ]
        for error in errors {
            let texts = Language.allCases.map { error.located(in: $0) }
            XCTAssertEqual(Set(texts).count, 3, "\(texts)")
            XCTAssertFalse(texts.contains { $0.contains("%") }, "\(texts)")
        }
        XCTAssertEqual(XMLInputError(.doctype, line: 4, column: 9).located(in: .russian).prefix(19), "строка 4, столбец 9")
    }
}
