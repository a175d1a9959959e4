import Foundation
import QoimaXML
import XCTest

final class XMLTreeTests: XCTestCase {
    func testWalkingNamesNamespacesTextAndLines() throws {
        let tree = try XMLTree(parsing: """
            <?xml version="1.0" encoding="UTF-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:default">
              <soap:Body a="1" xmlns:x="urn:x" x:b="2&amp;3">
                <item>Қойма <![CDATA[<raw> & ]]>&lt;ok&gt;<!-- not text --></item>
                <x:item/>
              </soap:Body>
            </soap:Envelope>
            """)
        let root = tree.root
        XCTAssertEqual(root.localName, "Envelope")
        XCTAssertEqual(root.prefix, "soap")
        XCTAssertEqual(root.namespaceURI, "http://schemas.xmlsoap.org/soap/envelope/")
        XCTAssertEqual(root.line, 2)
        let body = try XCTUnwrap(root.child(named: "Body"))
        XCTAssertEqual(body.line, 3)
        XCTAssertEqual(body.attributes, [
            XMLTree.Attribute(localName: "a", namespaceURI: nil, value: "1"),
            XMLTree.Attribute(localName: "b", namespaceURI: "urn:x", value: "2&3"),
        ])
        XCTAssertEqual(body.children.map(\.localName), ["item", "item"])
        XCTAssertEqual(body.children.map(\.namespaceURI), ["urn:default", "urn:x"])
        XCTAssertTrue(body.hasChildElements)
        let item = body.children[0]
        XCTAssertEqual(item.text, "Қойма <raw> & <ok>")
        XCTAssertFalse(item.hasChildElements)
        XCTAssertEqual(item.line, 4)
        XCTAssertEqual(body.children[1].text, "")
        XCTAssertNil(body.child(named: "missing"))
        let content = body.content
        XCTAssertEqual(content.count, 5, "whitespace text between the two items is content too")
    }

    func testParsingFromManyThreadsAtOnce() {
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let outcome: Bool
            switch index % 3 {
            case 0: outcome = (try? XMLTree(parsing: #"<v1:snt xmlns:v1="v1.snt"/>"#).root.localName) == "snt"
            case 1: outcome = (try? XMLTree(parsing: "<a><b></a>")) == nil
            default: outcome = (try? XMLTree(parsing: #"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#)) == nil
            }
            tally.add(outcome)
        }
        XCTAssertEqual(tally.counts, [true: 64])
    }
}

private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool: Int] = [:]
    func add(_ value: Bool) { lock.withLock { values[value, default: 0] += 1 } }
    var counts: [Bool: Int] { lock.withLock { values } }
}
