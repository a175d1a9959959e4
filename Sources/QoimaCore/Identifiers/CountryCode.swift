/// ISO 3166-1 alpha-2 country code (`KZ`). That IS ESF uses alpha-2 is assumed (domain.md U2).
public struct CountryCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let kazakhstan = CountryCode("KZ")
    /// Members of the Eurasian Economic Union: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia.
    public static let eaeuMembers: Set<String> = ["AM", "BY", "KZ", "KG", "RU"]

    public var isEAEU: Bool { Self.eaeuMembers.contains(rawValue) }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        guard rawValue.utf8.count == 2, rawValue.utf8.allSatisfy({ (65...90).contains($0) }) else {
            return .format(expected: "AA")
        }
        return assigned.contains(rawValue) ? nil : .unknownCode
    }

    /// The officially assigned alpha-2 codes.
    static let assigned: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW \
        BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI \
        FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN \
        IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME \
        MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF \
        PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
        SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE \
        YT ZA ZM ZW
        """.split(separator: " ").map(String.init))
}

/// ISO 4217 currency code (`KZT`).
public struct CurrencyCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let tenge = CurrencyCode("KZT")
    public var isTenge: Bool { rawValue == "KZT" }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        guard rawValue.utf8.count == 3, rawValue.utf8.allSatisfy({ (65...90).contains($0) }) else {
            return .format(expected: "AAA")
        }
        return active.contains(rawValue) ? nil : .unknownCode
    }

    /// The active ISO 4217 codes (funds and precious metals included, test codes not).
    static let active: Set<String> = Set("""
        AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD \
        CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL \
        GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD \
        KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO \
        NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD \
        SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV \
        WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG
        """.split(separator: " ").map(String.init))
}
