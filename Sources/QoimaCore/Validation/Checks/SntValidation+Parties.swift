/// Sections B, C and D.
extension SntValidation {
    mutating func checkParties() {
        checkParty(snt.seller, SntField.seller)
        let pointsAtBatches = (snt.goods?.lines ?? []).contains { Self.present($0.productId) != nil }
            || (snt.oil?.lines ?? []).contains { Self.present($0.productId) != nil }
        if pointsAtBatches && snt.seller.storeId == nil {
            add(SntPartyRules.sellerStoreExpected, SntField.seller.storeId)
        }
        checkParty(snt.customer, SntField.customer)
        checkConsignment(snt.consignor, SntField.consignor)
        checkConsignment(snt.consignee, SntField.consignee)
    }

    private mutating func checkParty(_ party: SntParty, _ fields: SntField.PartyFields) {
        let rules = SntPartyRules.self
        let tin = Self.present(party.tin)
        if let tin {
            checkTin(tin, at: fields.tin)
        } else if party.isResident {
            add(rules.tinRequired, fields.tin)
        }
        if Self.isBlank(party.name) { add(rules.nameRequired, fields.name) }
        if let branch = Self.present(party.branchTin) {
            checkTin(branch, at: fields.branchTin)
            if branch.rawValue == tin?.rawValue { add(rules.branchTinSame, fields.branchTin) }
        }
        if let reorganized = Self.present(party.reorganizedTin) { checkTin(reorganized, at: fields.reorganizedTin) }

        if let country = Self.present(party.registerCountryCode) {
            if checkCountry(country, at: fields.registerCountryCode) {
                if party.isResident && country != .kazakhstan {
                    add(rules.residentRegisterCountry, fields.registerCountryCode, country.rawValue)
                } else if !party.isResident && country == .kazakhstan {
                    add(rules.nonResidentInKazakhstan, fields.registerCountryCode)
                }
            }
        } else {
            add(rules.registerCountryRequired, fields.registerCountryCode)
        }
        if let country = Self.present(party.countryCode) {
            _ = checkCountry(country, at: fields.countryCode)
        } else {
            add(rules.countryRequired, fields.countryCode)
        }
        if let store = party.storeId, store <= 0 { add(rules.storeIdInvalid, fields.storeId, String(store)) }
    }

    private mutating func checkConsignment(_ party: ConsignmentParty?, _ fields: SntField.ConsignmentFields) {
        guard let party else { return }
        let rules = SntPartyRules.self
        let country = Self.present(party.countryCode)
        if let tin = Self.present(party.tin) {
            checkTin(tin, at: fields.tin)
        } else if party.nonResident != true && country == .kazakhstan {
            add(rules.consignmentTinExpected, fields.tin)
        }
        if Self.isBlank(party.name) { add(rules.nameRequired, fields.name) }
        if let country {
            _ = checkCountry(country, at: fields.countryCode)
        } else {
            add(rules.countryRequired, fields.countryCode)
        }
    }
}
