import Foundation
import QoimaCore
import XCTest

final class GoodsLineArithmeticTests: XCTestCase {
    func decimal(_ text: String) -> Decimal { DecimalText.parse(text)! }

    func testMoneyIsRoundedToTheTiynHalfAwayFromZero() {
        XCTAssertEqual(GoodsLineArithmetic.money(decimal("1.005")), decimal("1.01"))
        XCTAssertEqual(GoodsLineArithmetic.money(decimal("-1.005")), decimal("-1.01"))
        XCTAssertEqual(GoodsLineArithmetic.money(decimal("2.675")), decimal("2.68"))
        XCTAssertEqual(GoodsLineArithmetic.money(decimal("1.00499")), decimal("1"))
        XCTAssertEqual(GoodsLineArithmetic.money(decimal("-0.125")), decimal("-0.13"))
    }

    func testALineIsComputedFromQuantityPriceAndRates() {
        let line = GoodsLineArithmetic.completed(GoodsLine(quantity: decimal("2.5"), price: decimal("1234.56"),
                                                           exciseRate: 150, ndsRate: 16))
        XCTAssertEqual(line.priceWithoutTax, decimal("3086.4"))
        XCTAssertEqual(line.exciseAmount, 375)
        XCTAssertEqual(line.ndsAmount, decimal("553.82")) // 16 % of 3461.40 = 553.824
        XCTAssertEqual(line.priceWithTax, decimal("4015.22"))
    }

    func testEachAmountIsRoundedBeforeTheNextUsesIt() {
        // 3 × 0.335 = 1.005 → 1.01; the VAT is 12 % of the rounded 1.01 = 0.1212 → 0.12.
        let line = GoodsLineArithmetic.completed(GoodsLine(quantity: 3, price: decimal("0.335"), ndsRate: 12))
        XCTAssertEqual(line.priceWithoutTax, decimal("1.01"))
        XCTAssertEqual(line.ndsAmount, decimal("0.12"))
        XCTAssertEqual(line.priceWithTax, decimal("1.13"))
    }

    func testAnAmountWithoutItsRateIsKept() {
        let line = GoodsLineArithmetic.completed(GoodsLine(quantity: 1, price: 100, exciseAmount: 7, ndsAmount: 3))
        XCTAssertEqual(line.exciseAmount, 7)
        XCTAssertEqual(line.ndsAmount, 3)
        XCTAssertEqual(line.priceWithTax, 110)
    }

    func testALineWithoutQuantityOrPriceIsLeftAlone() {
        let line = GoodsLine(quantity: 2, priceWithoutTax: 5)
        XCTAssertEqual(GoodsLineArithmetic.completed(line), line)
        XCTAssertNil(GoodsLineArithmetic.amounts(of: line))
    }

    func testTotalsAreTheSumsOfTheLines() {
        let lines = [
            GoodsLineArithmetic.completed(GoodsLine(quantity: 1, price: decimal("10.1"), ndsRate: 16)),
            GoodsLineArithmetic.completed(GoodsLine(quantity: 2, price: decimal("0.05"))),
        ]
        let totals = GoodsLineArithmetic.totals(of: lines)
        XCTAssertEqual(totals.totalPriceWithoutTax, decimal("10.2"))
        XCTAssertEqual(totals.totalNdsAmount, decimal("1.62"))
        XCTAssertNil(totals.totalExciseAmount, "no line has excise")
        XCTAssertEqual(totals.totalPriceWithTax, decimal("11.82"))
    }
}
