/// The working assumptions of the format checks, in one place (domain.md §15). A rule that
/// rests on one says "assumed" in its source; docs/snt-rules.md lists them all from `notes`.
public enum SntRuleAssumptions {
    /// The day the 2025 Tax Code's VAT rates apply from.
    public static let vatRateChange = CalendarDate(year: 2026, month: 1, day: 1)!
    /// VAT rates in percent before `vatRateChange` (2017 Tax Code: 12 % standard, 0 %).
    public static let vatRatesBeforeChange: Set<Int> = [0, 12]
    /// VAT rates in percent from `vatRateChange` (2025 Tax Code art. 503: 16 % standard, 5 % and
    /// 10 % reduced for listed medicines and medical goods, 0 %).
    public static let vatRatesFromChange: Set<Int> = [0, 5, 10, 16]
    /// Every rate a line may carry: corrections and returns may still concern 2025 turnovers.
    public static let allowedVatRates = vatRatesBeforeChange.union(vatRatesFromChange)

    /// The VAT rates in force on a turnover date.
    public static func vatRates(on date: CalendarDate) -> Set<Int> {
        date < vatRateChange ? vatRatesBeforeChange : vatRatesFromChange
    }

    /// A shipping date this many days after the date of issue is likely a typo in the year.
    public static let shippingDateHorizonDays = 30
    /// Tax-office (KOGD) codes are 4 digits.
    public static let taxOfficeCodeLength = 4

    /// The assumptions in plain words, for docs/snt-rules.md.
    public static var notes: [String] {
        [
            "VAT rates in force: \(list(vatRatesBeforeChange)) (percent) before \(vatRateChange); "
                + "\(list(vatRatesFromChange)) from that day (2025 Tax Code art. 503: 16 standard; 5 in 2026 and "
                + "10 from 2027 for listed medical goods). A line may carry any of \(list(allowedVatRates)); a rate "
                + "not in force on the shipping date (else the date of issue) is a warning only, since corrections "
                + "and returns may concern earlier turnovers.",
            "The date of issue (A 2) is not later than today, the caller's date in Kazakhstan.",
            "The shipping date (A 3) is required, although the 2021 schema marks it optional.",
            "A shipping date more than \(shippingDateHorizonDays) days after the date of issue is a warning "
                + "(a mistyped year, most often).",
            "A movement within one person (ONE_PERSON_IN_KZ, ONE_PERSON_IN_EAEU) has the same IIN/BIN on both "
                + "sides; structural subdivisions are told apart by the branch BIN (B 15 / C 24).",
            "ONE_PERSON_IN_KZ stays inside Kazakhstan (no import or export kind, countries KZ); "
                + "ONE_PERSON_IN_EAEU crosses a border (an import or export kind) to another EAEU member.",
            "The seller's country (B 19) is the country of dispatch and the customer's (C 28) the country of "
                + "delivery: a foreign one on an SNT without import or export kind is a warning, and so are an "
                + "import dispatched from KZ and an export delivered to KZ (SEZ kinds and aircraft refuelling aside).",
            "A resident consignor or consignee in KZ (D) should have an IIN/BIN (warning only).",
            "A goods line of a domestic SNT should point at a virtual-warehouse batch (column 13), and then the "
                + "seller's warehouse (B 21) should be filled (warnings only); EAEU imports and exports are drawn "
                + "up without the virtual warehouse (Order 657 item 7).",
            "Tax-office codes (G7 69–70, directoryInfo) are \(taxOfficeCodeLength) digits (warning only).",
            "The digital-marking notification number and date (A 4.2, A 4.2.1) go together (warning only).",
            "The currency cases of Order 657 item 8 are recognised from the facts listed under Currency above.",
            "The correction rules (FIXED_SNT) are the ones one client enforces (domain.md §4); that IS ESF "
                + "applies the same ones is assumed (U6).",
            "Line arithmetic as in domain.md §5.3 is one integrator's client rule; that IS ESF checks it, and "
                + "checks it to the tiyn, is assumed (U6). Qoima checks it anyway, so what it sends adds up.",
        ]
    }

    private static func list(_ rates: Set<Int>) -> String {
        rates.sorted().map(String.init).joined(separator: ", ")
    }
}
