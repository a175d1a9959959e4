import Foundation
import PropertyBased
import QoimaCore
import Testing

/// Digits as a string, and back.
private func text(_ digits: [Int]) -> String { digits.map(String.init).joined() }
private let digit = Gen.int(in: 0...9)

/// The GS1 check digit, written out here independently of the code under test.
private func gs1CheckDigit(_ body: [Int]) -> Int {
    let sum = body.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
    return (10 - sum % 10) % 10
}

/// The first weighted sum of an IIN/BIN body, mod 11; when it is 10 the second weights decide.
private func firstPass(_ body: [Int]) -> Int { zip(body, 1...11).reduce(0) { $0 + $1.0 * $1.1 } % 11 }

/// `digits` with the digit at `position` replaced by a different one (`shift` 1…9 steps on).
private func changing(_ digits: [Int], at position: Int, by shift: Int) -> [Int] {
    var changed = digits
    changed[position] = (digits[position] + shift) % 10
    return changed
}

/// A thousand cases each: the second weight pass decides only about one number in eleven.
@Suite struct TaxpayerNumberProperties {
    @Test func completedNumbersAreValidAndTheOnlyValidCompletion() async {
        await propertyCheck(count: 1_000, input: digit.array(of: 11)) { body in
            let valid = (0...9).filter { TaxpayerNumber(text(body + [$0])).isValid }
            if let check = TaxpayerNumber.checkDigit(of: body) {
                #expect(valid == [check])
            } else {
                #expect(valid.isEmpty, "no number can be completed when both passes give 10")
            }
        }
    }

    /// The check digit is a function of the other eleven, so changing it alone is always caught.
    @Test func aChangedCheckDigitIsDetected() async {
        await propertyCheck(count: 1_000, input: validTaxpayerNumber, Gen.int(in: 1...9)) { digits, shift in
            #expect(!TaxpayerNumber(text(changing(digits, at: 11, by: shift))).isValid)
        }
    }

    /// Digit 11 weighs 11 ≡ 0 (mod 11) in the first pass: a change there goes unnoticed exactly
    /// when the number is decided by the first pass. In the second pass it weighs 2 and is caught.
    @Test func aChangedEleventhDigitIsDetectedOnlyInTheSecondPass() async {
        await propertyCheck(count: 1_000, input: validTaxpayerNumber, Gen.int(in: 1...9)) { digits, shift in
            let changed = TaxpayerNumber(text(changing(digits, at: 10, by: shift)))
            #expect(changed.isValid == (firstPass(Array(digits.prefix(11))) != 10))
        }
    }

    /// Digits 1–10 have first-pass weights 1…10, never 0 (mod 11), so a change always moves the
    /// first sum. It is caught unless it moves the number from one pass to the other, where the
    /// other weights can land on the same check digit (000140000002 → 000340000002).
    @Test func aChangeInDigitsOneToTenIsDetectedWithinOnePass() async {
        await propertyCheck(count: 1_000, input: validTaxpayerNumber, Gen.int(in: 0...9), Gen.int(in: 1...9)) { digits, position, shift in
            let changed = changing(digits, at: position, by: shift)
            let originalPass = firstPass(Array(digits.prefix(11))) == 10
            let changedPass = firstPass(Array(changed.prefix(11))) == 10
            #expect(!(originalPass && changedPass), "the first sum moves, so both cannot be 10")
            if originalPass == changedPass {
                #expect(!TaxpayerNumber(text(changed)).isValid)
            }
        }
    }
}

/// Twelve digits of a valid IIN/BIN.
private let validTaxpayerNumber = digit.array(of: 11).compactMap { body in
    TaxpayerNumber.checkDigit(of: body).map { body + [$0] }
}

@Suite struct GtinProperties {
    @Test func checkDigitsOfEveryLength() async {
        await propertyCheck(input: Gen.element(of: Gtin.lengths), digit.array(of: 13)) { length, digits in
            let body = Array(digits.prefix(length! - 1))
            let code = Gtin(text(body + [gs1CheckDigit(body)]))
            #expect(code.isValid)
            #expect(Gtin(code.gtin14).isValid, "zero padding to 14 keeps it valid")
            let others = (0...9).filter { $0 != gs1CheckDigit(body) }
            #expect(others.allSatisfy { Gtin(text(body + [$0])).defect == .checksum })
        }
    }

    /// Weights 3 and 1 are both prime to 10, so every single-digit change moves the sum mod 10.
    @Test func everySingleDigitChangeIsDetected() async {
        await propertyCheck(count: 1_000, input: Gen.element(of: Gtin.lengths), digit.array(of: 13), Gen.int(in: 0...13), Gen.int(in: 1...9)) {
            length, digits, position, shift in
            let body = Array(digits.prefix(length! - 1))
            let code = body + [gs1CheckDigit(body)]
            #expect(Gtin(text(changing(code, at: position % length!, by: shift))).defect == .checksum)
        }
    }

    @Test func ntinUsesTheSameCheckDigit() async {
        await propertyCheck(input: digit.array(of: IdentifierAssumptions.ntinLength - 1), Gen.int(in: 0...12), Gen.int(in: 1...9)) {
            body, position, shift in
            let code = body + [gs1CheckDigit(body)]
            #expect(Ntin(text(code)).isValid)
            #expect(!Ntin(text(changing(code, at: position, by: shift))).isValid)
        }
    }
}

@Suite struct VirtualProductIdProperties {
    /// KPVED texts of the assumed shape: 2 digits, then up to three groups of 1–2, 1–2 and 1–3.
    private static let kpved = zip(Gen.int(in: 1...4), digit.array(of: 2), digit.array(of: 1...2), digit.array(of: 1...2),
                                   digit.array(of: 1...3)).map { groups, a, b, c, d in
        [a, b, c, d].prefix(groups).map(text).joined(separator: ".")
    }

    /// A PIN of anything but `}`, which closes it.
    private static let pin = Gen.character(in: " "..."~").array(of: 0...20).map { String($0.filter { $0 != "}" }) }.optional

    private static let gtin = zip(Gen.element(of: Gtin.lengths), digit.array(of: 13)).map { length, digits in
        let body = Array(digits.prefix(length! - 1))
        return Gtin(text(body + [gs1CheckDigit(body)]))
    }.optional

    @Test func partsRoundTrip() async {
        await propertyCheck(input: Self.kpved, digit.array(of: 10), Self.gtin,
                            zip(Gen.int64(in: 0...Int64.max), Self.pin)) { kpved, tnved, gtin, batchAndPin in
            let (batch, pin) = batchAndPin
            let gsvs = GsvsCode(kpved: KpvedCode(kpved), tnved: TnvedCode(text(tnved)), gtin: gtin)
            let id = VirtualProductId(gsvs: gsvs, batch: batch, pin: pin)
            #expect(id.isValid, "\(id)")
            #expect(id.parts?.gsvs == gsvs)
            #expect(id.parts?.batch == batch, "\(id)")
            #expect(id.parts?.pin == pin)
            #expect(gsvs.parts?.kpved == KpvedCode(kpved))
            #expect(gsvs.parts?.tnved == TnvedCode(text(tnved)))
            #expect(gsvs.parts?.gtin == gtin)
        }
    }
}

@Suite struct SntRegistrationNumberProperties {
    @Test func partsRoundTrip() async {
        await propertyCheck(input: digit.array(of: 4), validTaxpayerNumber, Gen.int(in: 0...2_932_896),
                            Gen.int(in: 0...Int.max)) { office, supplier, dayNumber, sequence in
            // Day numbers 0…2 932 896 are 1970-01-01…9999-12-31.
            let date = CalendarDate(dayNumber: dayNumber)
            let number = SntRegistrationNumber(officeCode: text(office), supplier: TaxpayerNumber(text(supplier)),
                                               date: date, sequence: sequence)
            #expect(number.isValid, "\(number)")
            #expect(number.parts?.officeCode == text(office))
            #expect(number.parts?.supplier == TaxpayerNumber(text(supplier)))
            #expect(number.parts?.date == date)
            #expect(number.parts?.sequence == String(sequence))
        }
    }
}

@Suite struct DecimalTextProperties {
    /// Decimals of up to 19 significant digits between 10⁻¹⁸ and 10³⁶: what money, quantities
    /// and prices can be, and all of it within `parse`'s 38 digits.
    private static let decimal = zip(Gen.int64(in: Int64.min + 1...Int64.max), Gen.int(in: -18...18)).map { significand, exponent in
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    }

    @Test func formatThenParseIsIdentityAndCanonical() async {
        await propertyCheck(input: Self.decimal) { value in
            let text = DecimalText.format(value)
            #expect(DecimalText.parse(text) == value, "\(text)")
            #expect(DecimalText.isCanonical(text), "\(text)")
            #expect(!text.contains("e") && !text.contains("E") && !text.hasPrefix("+"))
            if text.contains(".") { #expect(!text.hasSuffix("0"), "\(text)") }
        }
    }

    /// Any plain decimal text parses to the value its canonical form stands for.
    @Test func parseThenFormatIsCanonical() async {
        let plain = zip(Gen.bool, digit.array(of: 1...18), digit.array(of: 0...18)).map { negative, whole, fraction in
            (negative ? "-" : "") + text(whole) + (fraction.isEmpty ? "" : "." + text(fraction))
        }
        await propertyCheck(input: plain) { text in
            let value = DecimalText.parse(text)
            #expect(value != nil, "\(text)")
            guard let value else { return }
            let canonical = DecimalText.format(value)
            #expect(DecimalText.parse(canonical) == value)
            #expect(DecimalText.isCanonical(text) == (text == canonical))
            #expect(DecimalText.hasCanonicalForm(text) == (text == canonical), "the byte scan agrees: \(text)")
        }
    }
}

@Suite struct RoundingProperties {
    private static let decimal = zip(Gen.int64(in: -999_999_999_999...999_999_999_999), Gen.int(in: -8...0)).map {
        significand, exponent in
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    }

    private static func unit(_ scale: Int) -> Decimal { Decimal(sign: .plus, exponent: -scale, significand: 1) }

    @Test func roundedIsNearestAndHasTheScale() async {
        await propertyCheck(input: Self.decimal, Gen.int(in: 0...4)) { value, scale in
            let rounded = value.rounded(scale: scale)
            #expect(rounded.rounded(scale: scale) == rounded, "idempotent")
            let error = abs(value - rounded)
            #expect(error <= Self.unit(scale) / 2, "\(value) → \(rounded)")
            #expect(max(0, -rounded.exponent) <= scale || rounded == 0, "\(rounded) has at most \(scale) decimals")
        }
    }

    @Test func roundingIsSymmetricAroundZero() async {
        await propertyCheck(input: Self.decimal, Gen.int(in: 0...4)) { value, scale in
            #expect((-value).rounded(scale: scale) == -(value.rounded(scale: scale)))
        }
    }

    /// Half a unit of the last kept place always goes away from zero.
    @Test func halvesGoAwayFromZero() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000...1_000_000_000), Gen.int(in: 0...4)) { units, scale in
            let unit = Self.unit(scale)
            let half = Decimal(units) * unit + (units < 0 ? -unit / 2 : unit / 2)
            let awayFromZero = Decimal(units) * unit + (units < 0 ? -unit : unit)
            #expect(half.rounded(scale: scale) == awayFromZero, "\(half)")
        }
    }
}
