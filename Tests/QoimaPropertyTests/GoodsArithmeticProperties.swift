import Foundation
import PropertyBased
import QoimaCore
import Testing

@Suite struct GoodsArithmeticProperties {
    static let today = CalendarDate(year: 2026, month: 3, day: 2)!
    static let validator = SntValidator(context: SntCheckContext(today: today))
    static let arithmeticRules: Set<String> = Set([
        SntArithmeticRules.valueWithoutTax, SntArithmeticRules.exciseAmount, SntArithmeticRules.vatAmount,
        SntArithmeticRules.valueWithTax, SntArithmeticRules.totalValueWithoutTax, SntArithmeticRules.totalExciseAmount,
        SntArithmeticRules.totalVatAmount, SntArithmeticRules.totalValueWithTax,
    ].map(\.id))

    /// Inputs of one line: quantity in thousandths, price in ten-thousandths, excise rate in
    /// hundredths (nil: no excise), VAT rate (nil: no VAT).
    typealias LineInput = (quantity: Int, price: Int, excise: Int?, vat: Int?)

    static let lineInput = zip(
        Gen.int(in: 1...50_000_000), Gen.int(in: 0...1_000_000_000),
        Gen.int(in: 0...500_000).optional(valueRate: 0.3),
        Gen.int(in: 0...3).map { [0, 5, 10, 16][$0] }.optional(valueRate: 0.8))

    static func line(_ input: LineInput, number: Int) -> GoodsLine {
        GoodsLineArithmetic.completed(GoodsLine(
            productNumber: number, quantity: Decimal(input.quantity) / 1000, price: Decimal(input.price) / 10_000,
            exciseRate: input.excise.map { Decimal($0) / 100 }, ndsRate: input.vat))
    }

    static func snt(_ lines: [GoodsLine]) -> Snt {
        var snt = Snt(number: "1", date: today)
        snt.shippingDate = today
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        return snt
    }

    static func arithmeticProblems(_ snt: Snt) -> [SntProblem] {
        validator.check(snt).filter { arithmeticRules.contains($0.rule.id) }
    }

    @Test func linesBuiltByTheArithmeticPassItsRules() async {
        await propertyCheck(input: Self.lineInput.array(of: 1...8)) { inputs in
            let lines = inputs.enumerated().map { Self.line($1, number: $0 + 1) }
            #expect(Self.arithmeticProblems(Self.snt(lines)).map(\.location) == [])
        }
    }

    @Test func totalsAreTheSumsOfTheLines() async {
        await propertyCheck(input: Self.lineInput.array(of: 0...8)) { inputs in
            let lines = inputs.enumerated().map { Self.line($1, number: $0 + 1) }
            let totals = GoodsLineArithmetic.totals(of: lines)
            func sum(_ amount: (GoodsLine) -> Decimal?) -> Decimal { lines.reduce(0) { $0 + (amount($1) ?? 0) } }
            #expect(totals.totalPriceWithoutTax == sum(\.priceWithoutTax))
            #expect((totals.totalExciseAmount ?? 0) == sum(\.exciseAmount))
            #expect((totals.totalNdsAmount ?? 0) == sum(\.ndsAmount))
            #expect(totals.totalPriceWithTax == sum(\.priceWithTax))
            #expect(totals.totalPriceWithTax == sum(\.priceWithoutTax) + sum(\.exciseAmount) + sum(\.ndsAmount))
        }
    }

    @Test func anAmountOffByOneTiynIsCaught() async {
        await propertyCheck(input: Self.lineInput.array(of: 1...5), Gen.int(in: 0...1_000), Gen.int(in: 0...5),
                            Gen.bool()) { inputs, pick, column, up in
            let lines = inputs.enumerated().map { Self.line($1, number: $0 + 1) }
            var snt = Self.snt(lines)
            let tiyn = Decimal(string: "0.01")! * (up ? 1 : -1)
            let position = pick % lines.count
            var expected: String
            switch column {
            case 0:
                snt.goods!.lines[position].priceWithoutTax! += tiyn
                expected = "G1.8[\(position + 1)]"
            case 1 where lines[position].exciseAmount != nil:
                snt.goods!.lines[position].exciseAmount! += tiyn
                expected = "G1.9[\(position + 1)]"
            case 2 where lines[position].ndsAmount != nil:
                snt.goods!.lines[position].ndsAmount! += tiyn
                expected = "G1.11[\(position + 1)]"
            case 3:
                snt.goods!.totals.totalPriceWithoutTax! += tiyn
                expected = "52.1"
            case 4:
                snt.goods!.totals.totalPriceWithTax! += tiyn
                expected = "52.4"
            default:
                snt.goods!.lines[position].priceWithTax! += tiyn
                expected = "G1.12[\(position + 1)]"
            }
            #expect(Self.arithmeticProblems(snt).map(\.location).contains(expected))
        }
    }

    @Test func roundingIsHalfAwayFromZero() async {
        // m thousandths, rounded to hundredths by integer arithmetic: half away from zero.
        await propertyCheck(input: Gen.int(in: -10_000_000_000...10_000_000_000)) { thousandths in
            let magnitude = thousandths.magnitude
            let hundredths = magnitude / 10 + (magnitude % 10 >= 5 ? 1 : 0)
            let expected = Decimal(Int(hundredths)) / 100 * (thousandths < 0 ? -1 : 1)
            let value = Decimal(thousandths) / 1000
            #expect(GoodsLineArithmetic.money(value) == expected)
            #expect(GoodsLineArithmetic.money(-value) == -GoodsLineArithmetic.money(value))
        }
    }

    @Test func halvesGoAwayFromZero() async {
        await propertyCheck(input: Gen.int(in: -1_000_000_000...1_000_000_000)) { hundredths in
            // hundredths + 0.5 tiyn, on either side of zero.
            let half = (Decimal(hundredths) + Decimal(string: "0.5")!) / 100
            let rounded = GoodsLineArithmetic.money(half)
            let awayFromZero = half >= 0 ? Decimal(hundredths + 1) / 100 : Decimal(hundredths) / 100
            #expect(rounded == awayFromZero)
        }
    }
}

/// The integer fast path of `GoodsLineArithmetic` and `DecimalText` against plain `Decimal`, at
/// magnitudes on both sides of where the fast path gives up.
@Suite struct FastDecimalProperties {
    /// significand × 10^exponent, both signs.
    static let decimal = zip(Gen.int64(in: -999_999_999_999_999...999_999_999_999_999), Gen.int(in: -8...12))
        .map { Decimal(sign: $0 < 0 ? .minus : .plus, exponent: $1, significand: Decimal($0.magnitude)) }

    static func rounded(_ value: Decimal) -> Decimal {
        var value = value, result = Decimal()
        NSDecimalRound(&result, &value, 2, .plain)
        return result
    }

    @Test func amountsAgreeWithDecimalArithmetic() async {
        await propertyCheck(input: Self.decimal, Self.decimal, Self.decimal.optional(),
                            Gen.int(in: 0...20).optional()) { quantity, price, exciseRate, vatRate in
            let value = Self.rounded(quantity * price)
            let excise = exciseRate.map { Self.rounded($0 * quantity) }
            let vat = vatRate.map { Self.rounded(Decimal($0) / 100 * (value + (excise ?? 0))) }
            let withTax = Self.rounded(value + (excise ?? 0) + (vat ?? 0))
            let amounts = GoodsLineArithmetic.amounts(quantity: quantity, price: price, exciseRate: exciseRate,
                                                      vatRate: vatRate)
            #expect(amounts.valueWithoutTax == value)
            #expect(amounts.exciseAmount == excise)
            #expect(amounts.vatAmount == vat)
            #expect(amounts.valueWithTax == withTax)
        }
    }

    @Test func formatAgreesWithDecimalDescription() async {
        await propertyCheck(input: Self.decimal) { value in
            var expected = value.description
            if expected.contains(".") {
                while expected.hasSuffix("0") { expected.removeLast() }
                if expected.hasSuffix(".") { expected.removeLast() }
            }
            if expected == "-0" { expected = "0" }
            #expect(DecimalText.format(value) == expected)
            #expect(DecimalText.parse(DecimalText.format(value)) == value)
        }
    }
}
