import Foundation

extension BalanceDifference {
    /// Which batch, in words: "warehouse 1001, batch 812063 «Sugar»", or a new batch Qoima
    /// expected that IS ESF does not report.
    public var batchText: LocalizedText {
        let store = String(storeId), name = self.name
        guard let batch else {
            return LocalizedText(kk: "%1$@ қойма, жаңа партия «%2$@»", ru: "склад %1$@, новая партия «%2$@»",
                                 en: "warehouse %1$@, new batch «%2$@»").filled(store, name)
        }
        return LocalizedText(kk: "%1$@ қойма, %2$@ партия «%3$@»", ru: "склад %1$@, партия %2$@ «%3$@»",
                             en: "warehouse %1$@, batch %2$@ «%3$@»").filled(store, String(batch), name)
    }

    /// What differs: "Qoima expected 45 kg, IS ESF reports 42 kg (−3 kg)", and the same of the
    /// reserve when that differs too.
    public var differenceText: LocalizedText {
        var parts: [LocalizedText] = []
        if quantityDifference != 0 {
            parts.append(LocalizedText(kk: "Qoima күткені %1$@, ЭШФ АЖ көрсеткені %2$@ (%3$@)",
                                       ru: "Qoima ожидала %1$@, ИС ЭСФ показывает %2$@ (%3$@)",
                                       en: "Qoima expected %1$@, IS ESF reports %2$@ (%3$@)")
                .filling(UnitSymbol.quantity(expectedQuantity, measureUnitCode),
                         UnitSymbol.quantity(reportedQuantity, measureUnitCode), Self.signed(quantityDifference)))
        }
        if reservedDifference != 0 {
            parts.append(LocalizedText(kk: "резерв: күтілгені %1$@, көрсетілгені %2$@ (%3$@)",
                                       ru: "резерв: ожидался %1$@, показан %2$@ (%3$@)",
                                       en: "reserved: expected %1$@, reported %2$@ (%3$@)")
                .filling(UnitSymbol.quantity(expectedReserved, measureUnitCode),
                         UnitSymbol.quantity(reportedReserved, measureUnitCode), Self.signed(reservedDifference)))
        }
        return LocalizedText.joined(parts, separator: "; ")
    }

    /// "+3" or "−3", with a true minus sign.
    static func signed(_ value: Decimal) -> LocalizedText {
        let text = value > 0 ? "+" + DecimalText.format(value) : "−" + DecimalText.format(-value)
        return LocalizedText(kk: text, ru: text, en: text)
    }
}

extension ReconciliationCause {
    /// How much of the difference the cause accounts for: "+5 kg", and "reserved −2 kg" when it
    /// moved the reserve.
    public func amountText(unit: String?) -> LocalizedText {
        var parts: [LocalizedText] = []
        if quantity != 0 || reserved == 0 { parts.append(Self.signed(quantity, unit)) }
        if reserved != 0 {
            parts.append(LocalizedText(kk: "резерв %1$@", ru: "резерв %1$@", en: "reserved %1$@")
                .filling(Self.signed(reserved, unit)))
        }
        return LocalizedText.joined(parts, separator: ", ")
    }

    static func signed(_ value: Decimal, _ unit: String?) -> LocalizedText {
        let amount = UnitSymbol.quantity(value < 0 ? -value : value, unit)
        let sign = value < 0 ? "−" : "+"
        return LocalizedText(kk: sign + amount.kazakh, ru: sign + amount.russian, en: sign + amount.english)
    }
}

extension BalanceReconciliationReport {
    /// One line for the report as a whole.
    public var summary: LocalizedText {
        let time = KazakhstanClock.minuteText(of: ranAt)
        guard previousSyncAt != nil else {
            return LocalizedText(kk: "%1$@ синхрондау: салыстыратын алдыңғы қалдықтар жоқ, келесі синхрондау осымен салыстырылады.",
                                 ru: "Синхронизация %1$@: прежних остатков для сравнения нет; следующая сравнится с этой.",
                                 en: "Sync of %1$@: no earlier balances to compare with; the next sync is compared with this one.")
                .filled(time)
        }
        if differences.isEmpty {
            return LocalizedText(kk: "%1$@ синхрондау: %2$@ партия, %3$@ құжат — қалдықтар Qoima күткендей.",
                                 ru: "Синхронизация %1$@: партий %2$@, документов %3$@ — остатки такие, как ожидала Qoima.",
                                 en: "Sync of %1$@: %2$@ batches, %3$@ documents — the balances are as Qoima expected.")
                .filled(time, String(batchesCompared), String(documentsConsidered))
        }
        return LocalizedText(kk: "%1$@ синхрондау: %2$@ партия Qoima күткеннен өзгеше.",
                             ru: "Синхронизация %1$@: партий, отличающихся от ожидаемого Qoima: %2$@.",
                             en: "Sync of %1$@: %2$@ batch(es) differ from what Qoima expected.")
            .filled(time, String(differences.count))
    }

    /// How many differences no document explains.
    public var unexplainedCount: Int {
        differences.filter { $0.causes.contains { $0.kind == .unexplained } }.count
    }
}

extension LocalizedText {
    /// This template filled with the same plain text in every language.
    func filled(_ arguments: String...) -> LocalizedText {
        LocalizedText(kk: kazakh, ru: russian, en: english,
                      filling: arguments.map { LocalizedText(kk: $0, ru: $0, en: $0) })
    }

    /// This template filled with texts that differ by language.
    func filling(_ arguments: LocalizedText...) -> LocalizedText {
        LocalizedText(kk: kazakh, ru: russian, en: english, filling: arguments)
    }

    static func joined(_ parts: [LocalizedText], separator: String) -> LocalizedText {
        LocalizedText(kk: parts.map(\.kazakh).joined(separator: separator),
                      ru: parts.map(\.russian).joined(separator: separator),
                      en: parts.map(\.english).joined(separator: separator))
    }
}
