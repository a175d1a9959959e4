import QoimaCore
import XCTest

/// The identifier checks the validator runs on every goods line.
final class IdentifierScanningTests: XCTestCase {
    func testKpvedShapes() {
        for valid in ["08", "08.9", "08.91", "08.91.12", "08.91.12.01", "20.14.75.300", "08.1.2.3"] {
            XCTAssertNil(KpvedCode(valid).defect, valid)
        }
        for invalid in ["8", "08.", ".08", "08..91", "08.91.12.01.1", "08.911", "08.91.12.0001", "08-91", "0A.91"] {
            XCTAssertEqual(KpvedCode(invalid).defect, .format(expected: "NN[.NN[.NN[.NNN]]]"), invalid)
        }
        XCTAssertEqual(KpvedCode("").defect, .empty)
    }

    func testGs1CheckDigits() {
        for valid in ["4870001234560", "4871234567890", "96385074", "036000291452", "10012345678902"] {
            XCTAssertNil(Gtin(valid).defect, valid)
        }
        XCTAssertEqual(Gtin("4870001234561").defect, .checksum)
        XCTAssertEqual(Gtin("96385075").defect, .checksum)
        XCTAssertNil(Gtin("487000123456").defect, "12 digits are a UPC-A, checked as such")
        XCTAssertEqual(Gtin("487000123457").defect, .checksum)
        XCTAssertEqual(Gtin("48700012345601").defect, .checksum)
        XCTAssertEqual(Gtin("4870001").defect, .length(expected: "8, 12, 13, 14", found: 7))
        XCTAssertNil(Ntin("2000000000015").defect)
        XCTAssertEqual(Ntin("2000000000016").defect, .checksum)
    }

    func testExactlyOneLastDigitCompletesAGtin() {
        var generator = SystemRandomNumberGenerator()
        for length in Gtin.lengths {
            for _ in 0..<200 {
                let body = (1..<length).map { _ in Int.random(in: 0...9, using: &generator) }
                // GS1: weights 3, 1, 3… from the right of the body.
                let sum = body.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
                let check = (10 - sum % 10) % 10
                let text = body.map(String.init).joined()
                let valid = (0...9).filter { Gtin(text + String($0)).isValid }
                XCTAssertEqual(valid, [check], text)
            }
        }
    }

    func testProductIdParts() throws {
        let plain = try XCTUnwrap(VirtualProductId("08.91.12.01-2503001000<812004>").parts)
        XCTAssertEqual(plain.gsvs.rawValue, "08.91.12.01-2503001000")
        XCTAssertEqual(plain.batch, 812_004)
        XCTAssertNil(plain.pin)

        let full = try XCTUnwrap(VirtualProductId("19.20.21.00-2710194201/4870001234560<77001>{12-AB}").parts)
        XCTAssertEqual(full.gsvs.parts?.tnved, TnvedCode("2710194201"))
        XCTAssertEqual(full.gsvs.parts?.gtin, Gtin("4870001234560"))
        XCTAssertEqual(full.pin, "12-AB")
        XCTAssertEqual(VirtualProductId("19.20.21.00-2710194201<1>{}").parts?.pin, "")

        for invalid in ["2503001000<1>", "08.91-2503001000", "08.91-2503001000<>", "08.91-2503001000<12a>",
                        "08.91-2503001000<1>x", "08.91-2503001000<1>{a}b}", "08.91-2503001000<1>{a", "-2503001000<1>",
                        "08.91-<1>", "08.91-2503001000/<1>", "08.91-2503001000<9999999999999999999>"] {
            XCTAssertNil(VirtualProductId(invalid).parts, invalid)
        }
        XCTAssertEqual(VirtualProductId("08.91-2503001000<1234567890123456789>").parts?.batch, 1_234_567_890_123_456_789,
                       "every batch an Int64 holds parses")
        XCTAssertEqual(VirtualProductId("08.91-25030010<1>").defect, .length(expected: "10", found: 8))
    }

    func testDecimalsAreWrittenWithoutTrailingZeros() {
        let cases = ["0": "0", "100": "100", "12.50": "12.5", "-0.0100": "-0.01", "-0": "0", "0.000": "0",
                     "123456789012345678901234567890.5": "123456789012345678901234567890.5",
                     "9223372036854775807": "9223372036854775807", "0.000000000000000001": "0.000000000000000001"]
        for (input, expected) in cases {
            XCTAssertEqual(DecimalText.format(DecimalText.parse(input)!), expected, input)
        }
    }
}
