/// Every rule about what an SNT says, as opposed to how its XML is written (`SntDecodingRules`),
/// grouped by area in the order of the form.
public enum SntContentRules {
    public static let areas: [SntRuleArea] = [
        SntRuleArea(title: "General (section A)", rules: SntGeneralRules.all),
        SntRuleArea(title: "Correction against the original (FIXED_SNT)", rules: SntCorrectionRules.all),
        SntRuleArea(title: "Parties (sections B, C, D)", rules: SntPartyRules.all),
        SntRuleArea(title: "Transport (section E)", rules: SntTransportRules.all),
        SntRuleArea(title: "Contract (section F)", rules: SntContractRules.all),
        SntRuleArea(title: "Currency (fields 50, 51)", rules: SntCurrencyRules.all),
        SntRuleArea(title: "Goods (section G)", rules: SntGoodsRules.all),
        SntRuleArea(title: "Rates and arithmetic (section G)", rules: SntArithmeticRules.all),
    ]

    public static let all: [SntRule] = areas.flatMap(\.rules)
}

/// A group of rules, a heading in docs/snt-rules.md.
public struct SntRuleArea: Sendable {
    public let title: String
    public let rules: [SntRule]

    public init(title: String, rules: [SntRule]) {
        self.title = title
        self.rules = rules
    }
}
