import Foundation

/// Fields 50 and 51 (Order 657 items 8–9).
extension SntValidation {
    mutating func checkCurrency() {
        let rules = SntCurrencyRules.self
        guard let currency = Self.present(snt.currencyCode) else {
            add(rules.currencyRequired, .currencyCode)
            return
        }
        guard currency.defect == nil else {
            add(rules.currencyCodeInvalid, .currencyCode, currency.rawValue)
            return
        }
        if currency.isTenge {
            if let rate = snt.currencyRate, rate != 1 { add(rules.rateForTenge, .currencyRate, Self.text(rate)) }
            return
        }
        if SntCurrencyCase.foreignCurrencyCase(of: snt) == nil {
            add(rules.foreignCurrencyNotAllowed, .currencyCode, currency.rawValue)
        }
        if !Self.isPositive(snt.currencyRate ?? 0) { add(rules.rateRequired, .currencyRate, currency.rawValue) }
    }
}
