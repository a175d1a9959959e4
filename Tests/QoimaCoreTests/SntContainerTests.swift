import Foundation
import QoimaCore
import QoimaXML
import XCTest

final class SntContainerTests: XCTestCase {
    private func snt(_ number: String) -> Snt {
        var snt = SntXMLSamples.primary
        snt.number = number
        return snt
    }

    func testContainerOfSeveralSntsReadsBackNumberedFromOne() throws {
        let snts = [snt("A-1"), SntXMLSamples.rich, snt("A-3")]
        let xml = SntContainerXML.container(of: snts)
        XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><snt:sntInfoContainer xmlns:snt="snt">"#
            + "<sntInfoSet><sntInfo><version>SntV1</version><documentInfo><sntBody><![CDATA[<v1:snt "))
        let documents = try SntFileReader.read(Array(xml.utf8))
        XCTAssertEqual(documents.map(\.number), [1, 2, 3])
        for (document, snt) in zip(documents, snts) {
            let decoded = try document.result.get()
            XCTAssertEqual(decoded.problems, [])
            XCTAssertTrue(decoded.snt == snt, "document \(document.number ?? 0) changed")
            XCTAssertNil(document.portalInfo)
        }
        XCTAssertEqual(try SntFileReader.read(Array(SntContainerXML.container(of: []).utf8)), [])
    }

    func testBrokenBodyIsThatDocumentsErrorOnly() throws {
        let good = SntXMLWriter.body(of: snt("G-1"))
        let xml = """
            <snt:sntInfoContainer xmlns:snt="snt"><sntInfoSet>
            <sntInfo><version>SntV1</version><documentInfo><sntBody><![CDATA[\(good)]]></sntBody></documentInfo></sntInfo>
            <sntInfo><version>SntV1</version><documentInfo><sntBody>&lt;v1:snt xmlns:v1="v1.snt"&gt;
            &lt;number&gt;B-2&lt;/numbr&gt;&lt;/v1:snt&gt;</sntBody></documentInfo></sntInfo>
            <sntInfo><documentInfo><sntBody><![CDATA[<v1:snt xmlns:v1="v1.snt"><date>1.1.2026</date><number>C-3</number></v1:snt>]]></sntBody></documentInfo></sntInfo>
            <sntInfo><version>SntV2</version><documentInfo><sntBody/></documentInfo></sntInfo>
            <sntInfo><version>SntV1</version></sntInfo>
            <sntInfo><version>SntV1</version><documentInfo><sntBody><![CDATA[<!DOCTYPE x []><x/>]]></sntBody></documentInfo></sntInfo>
            <sntInfo><version>SntV1</version><documentInfo><sntBody><![CDATA[<snt/>]]></sntBody></documentInfo></sntInfo>
            </sntInfoSet></snt:sntInfoContainer>
            """
        let documents = try SntFileReader.read(Array(xml.utf8))
        XCTAssertEqual(documents.map(\.number), [1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(documents.map(\.line), [2, 3, 5, 6, 7, 8, 9])
        XCTAssertEqual(try documents[0].result.get().snt.number, "G-1")
        // The place of the error is inside the body: its second line, at the bad end tag.
        guard case let .failure(broken) = documents[1].result, case .malformed = broken.reason else {
            return XCTFail("\(documents[1].result)")
        }
        XCTAssertEqual(broken.line, 2)
        XCTAssertEqual(broken.column, 20)
        // A body that is well-formed but has bad values decodes, with its problems.
        let third = try documents[2].result.get()
        XCTAssertEqual(third.snt.number, "C-3")
        XCTAssertEqual(third.problems.map(\.rule.id), ["XML-DATE", "XML-MISSING"])
        XCTAssertEqual(documents[3].result, .failure(XMLInputError(.unsupportedVersion("SntV2"), line: 6)))
        XCTAssertEqual(documents[4].result, .failure(XMLInputError(.missingElement("documentInfo/sntBody"), line: 7)))
        XCTAssertEqual(documents[5].result, .failure(XMLInputError(.doctype, line: 1, column: 13)))
        guard case .failure(let wrongRoot) = documents[6].result, case .unexpectedRoot = wrongRoot.reason else {
            return XCTFail("\(documents[6].result)")
        }
    }

    func testThePortalContainerSample() throws {
        let documents = try SntFileReader.read(try SntXMLSamples.sampleBytes("portal-container.xml"))
        XCTAssertEqual(documents.map(\.number), [1, 2, 3])
        let first = try documents[0].result.get()
        XCTAssertEqual(first.problems, [])
        XCTAssertTrue(first.snt == SntXMLSamples.primary)
        let second = try documents[1].result.get()
        XCTAssertEqual(second.problems, [])
        XCTAssertEqual(second.snt.type, .returned)
        XCTAssertEqual(second.snt.goods?.lines.count, 1)
        // Canonical bodies inside the container write back byte for byte.
        let container = try XMLTree(parsing: try SntXMLSamples.sampleBytes("portal-container.xml")).root
        let bodies = container.children[0].children.compactMap { $0.child(named: "documentInfo")?.child(named: "sntBody")?.text }
        XCTAssertEqual(bodies.count, 3)
        XCTAssertTrue(SntXMLWriter.body(of: first.snt) == bodies[0])
        XCTAssertTrue(SntXMLWriter.body(of: second.snt) == bodies[1])
        // The third has a bare `&` in the customer's name.
        guard case let .failure(error) = documents[2].result, case let .malformed(_, detail) = error.reason else {
            return XCTFail("\(documents[2].result)")
        }
        XCTAssertEqual(error.line, 7)
        XCTAssertEqual(error.column, 25, "just after the bare &")
        XCTAssertTrue(detail.contains("EntityRef"), detail)
        XCTAssertEqual(documents[2].portalInfo, SntFileDocument.PortalInfo(
            creatorLogin: "sklad02", creatorTin: SntXMLSamples.sellerBIN, signatureValid: false,
            errors: "Документ не подписан"))
        XCTAssertEqual(documents[0].portalInfo?.signatureValid, true)
    }

    func testFileReaderTellsABareBodyFromAContainer() throws {
        let body = try SntFileReader.read(try SntXMLSamples.sampleBytes("primary-snt.xml"))
        XCTAssertEqual(body.count, 1)
        XCTAssertNil(body[0].number)
        XCTAssertNil(body[0].line)
        XCTAssertTrue(try body[0].result.get().snt == SntXMLSamples.primary)

        let problems = try SntFileReader.read(fileAt: SntXMLSamples.samplesFolder.appendingPathComponent("decoding-problems.xml").path)
        XCTAssertEqual(try problems[0].result.get().problems.count, 11)

        XCTAssertThrowsError(try SntFileReader.read(Array("<sntInfoContainer><sntInfoSet>".utf8))) { error in
            guard case .malformed = (error as? XMLInputError)?.reason else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SntFileReader.read(Array(#"<x:invoice xmlns:x="v1.snt"/>"#.utf8))) { error in
            let message = (error as? XMLInputError)?.message ?? ""
            XCTAssertTrue(message.contains("invoice") && message.contains("sntInfoContainer"), message)
        }
    }

    func testFileReaderReportsFilesItCannotOpen() {
        for path in ["/nonexistent/qoima.xml", NSTemporaryDirectory()] {
            XCTAssertThrowsError(try SntFileReader.read(fileAt: path)) { error in
                guard case .unreadable = (error as? XMLInputError)?.reason else { return XCTFail("\(error)") }
            }
        }
    }
}
