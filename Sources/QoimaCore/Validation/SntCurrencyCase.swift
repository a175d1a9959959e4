/// Why an SNT may be drawn up in a foreign currency (Order 657 items 8–9). An SNT does not state
/// the legal basis, so each case stands for facts the SNT does carry; which facts is our choice,
/// written down in docs/snt-rules.md.
public enum SntCurrencyCase: String, CaseIterable, Sendable {
    /// Item 9: on import, KZT or the currency of the invoice. Fact: an import kind (A 7).
    case `import`
    /// Item 8.1: a deal under a production-sharing agreement. Fact: a party in the category
    /// SHARING_AGREEMENT_PARTICIPANT (B 17 / C 26), or the PSA contracts block.
    case productionSharing
    /// Item 8.2: an export sale at the zero VAT rate (Tax Code arts. 467, 521, 523). Fact: an export
    /// kind (A 8) and a VAT rate of 0 on every goods line.
    case zeroRatedExport
    /// Item 8.4: a turnover at the zero VAT rate under art. 473 item 3. Fact: no export kind and a
    /// VAT rate of 0 on every goods line.
    case zeroRatedTurnover

    // Item 8.3 (international carriage at the zero rate, art. 468) has no fact of its own: goods
    // carried across a border are on an import (item 9) or a zero-rated export (item 8.2).

    /// The case that allows a foreign currency on this SNT, or nil when it must be in KZT.
    public static func foreignCurrencyCase(of snt: Snt) -> SntCurrencyCase? {
        if snt.importKind != nil { return .import }
        if snt.sharingContracts != nil
            || snt.seller.categories.contains(.sharingAgreementParticipant)
            || snt.customer.categories.contains(.sharingAgreementParticipant) {
            return .productionSharing
        }
        guard hasOnlyZeroRatedLines(snt) else { return nil }
        return snt.exportKind != nil ? .zeroRatedExport : .zeroRatedTurnover
    }

    /// True when the SNT has goods lines and each carries a VAT rate of exactly 0.
    static func hasOnlyZeroRatedLines(_ snt: Snt) -> Bool {
        let g1 = snt.goods?.lines ?? [], g6 = snt.oil?.lines ?? []
        guard !g1.isEmpty || !g6.isEmpty else { return false }
        return g1.allSatisfy { $0.ndsRate == 0 } && g6.allSatisfy { $0.ndsRate == 0 }
    }
}
