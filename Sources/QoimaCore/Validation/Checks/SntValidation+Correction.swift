/// A FIXED_SNT against its original (domain.md §4).
extension SntValidation {
    mutating func checkCorrection() {
        guard snt.type == .fixed else { return }
        let rules = SntCorrectionRules.self
        guard let original = context.original else {
            add(rules.originalMissing, .relatedRegistrationNumberFixed, Self.text(snt.relatedRegistrationNumber?.rawValue))
            return
        }

        if let originalNumber = original.registration?.registrationNumber,
           let related = Self.present(snt.relatedRegistrationNumber), related.rawValue != originalNumber.rawValue {
            add(rules.relatedNumber, .relatedRegistrationNumberFixed, originalNumber.rawValue, related.rawValue)
        }
        let status = original.registration?.status
        if status != .notViewed && status != .delivered {
            add(rules.originalStatus, .relatedRegistrationNumberFixed, status?.rawValue ?? Self.empty)
        }
        if let before = original.snt.shippingDate, let now = snt.shippingDate, now < before {
            add(rules.shippingDate, .shippingDate, before.ddMMyyyy, now.ddMMyyyy)
        }

        let old = original.snt
        var kept: [(SntField, String, String)] = [
            (.importType, old.importKind?.importType.rawValue ?? "", snt.importKind?.importType.rawValue ?? ""),
            (.importSezCode, old.importKind?.sezCode ?? "", snt.importKind?.sezCode ?? ""),
            (.exportType, old.exportKind?.exportType.rawValue ?? "", snt.exportKind?.exportType.rawValue ?? ""),
            (.exportSezCode, old.exportKind?.sezCode ?? "", snt.exportKind?.sezCode ?? ""),
            (.transferType, old.transferType?.rawValue ?? "", snt.transferType?.rawValue ?? ""),
        ]
        kept += Self.partyValues(old.seller, snt.seller, SntField.seller)
        kept += Self.partyValues(old.customer, snt.customer, SntField.customer)
        for (field, before, now) in kept where before != now {
            add(rules.keepsField, field, Self.text(before), Self.text(now))
        }
    }

    /// The fields of a party a correction keeps, as text: (field, original, correction).
    private static func partyValues(_ old: SntParty, _ new: SntParty,
                                    _ fields: SntField.PartyFields) -> [(SntField, String, String)] {
        func pair(_ field: SntField, _ value: (SntParty) -> String) -> (SntField, String, String) {
            (field, value(old), value(new))
        }
        return [
            pair(fields.tin) { $0.tin?.rawValue ?? "" },
            pair(fields.nonResident) { $0.nonResident == true ? "true" : "false" },
            pair(fields.name) { $0.name },
            pair(fields.branchTin) { $0.branchTin?.rawValue ?? "" },
            pair(fields.reorganizedTin) { $0.reorganizedTin?.rawValue ?? "" },
            pair(fields.categories) { $0.categories.map(\.rawValue).sorted().joined(separator: ", ") },
            pair(fields.registerCountryCode) { $0.registerCountryCode?.rawValue ?? "" },
            pair(fields.countryCode) { $0.countryCode?.rawValue ?? "" },
            pair(fields.actualAddress) { $0.actualAddress ?? "" },
            pair(fields.storeId) { $0.storeId.map(String.init) ?? "" },
        ]
    }
}
