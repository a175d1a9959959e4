extension SntRuleCatalogue {
    /// The XML decoding rules. Replaced by `SntDecodingRules.all` when both are in one tree.
    static var decodingRules: [SntRule] { [] }
}
