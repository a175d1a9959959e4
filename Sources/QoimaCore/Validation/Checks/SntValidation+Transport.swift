/// Sections E (transport), F (contract), K (road cargo) and the tax-office block.
extension SntValidation {
    mutating func checkCarriage() {
        let rules = SntTransportRules.self
        guard let carriage = snt.carriage else {
            if crossesEAEUBorder { add(rules.roadTransportExpected, .carriage) }
            return
        }
        if let tin = Self.present(carriage.tin) { checkTin(tin, at: .carrierTin) }
        if Self.isBlank(carriage.name) { add(rules.carrierNameRequired, .carrierName) }
        let types = carriage.transportTypes
        if types.isEmpty { add(rules.transportTypeRequired, .transportTypes) }

        let numbers: [(TransportType, String?, SntField, SntRule?)] = [
            (.automobile, carriage.carStateNumber, .carStateNumber, rules.carPlateRequired),
            (.automobile, carriage.trailerStateNumber, .trailerStateNumber, nil),
            (.railway, carriage.carriageNumber, .carriageNumber, rules.wagonNumberRequired),
            (.air, carriage.boardNumber, .boardNumber, rules.boardNumberRequired),
            (.marine, carriage.shipNumber, .shipNumber, rules.shipNumberRequired),
        ]
        // A multimodal carriage may use any of the numbers.
        let mayHaveAnyNumber = types.isEmpty || types.contains(.multimodal)
        for (type, number, field, requiredRule) in numbers {
            let chosen = types.contains(type)
            if chosen, let requiredRule, Self.isBlank(number) { add(requiredRule, field) }
            if !chosen, !mayHaveAnyNumber, !Self.isBlank(number) { add(rules.transportNumberUnused, field) }
        }
    }

    /// An import from or an export to another EAEU member (not aircraft refuelling).
    private var crossesEAEUBorder: Bool {
        func isOtherMember(_ country: CountryCode?) -> Bool {
            guard let country = Self.validCountry(country) else { return false }
            return country.isEAEU && country != .kazakhstan
        }
        if snt.importKind != nil, isOtherMember(snt.seller.countryCode) { return true }
        if let kind = snt.exportKind, kind.exportType != .aircraftRefueling, isOtherMember(snt.customer.countryCode) {
            return true
        }
        return false
    }

    mutating func checkContract() {
        guard let contract = snt.contract else { return }
        let rules = SntContractRules.self
        let hasNumber = !Self.isBlank(contract.number)
        if contract.isContract {
            if !hasNumber { add(rules.numberRequired, .contractNumber) }
            if contract.date == nil { add(rules.dateRequired, .contractDate) }
        } else if hasNumber || contract.date != nil {
            add(rules.detailsWithoutContract, hasNumber ? .contractNumber : .contractDate)
        }
        if let signed = contract.date, let issued = snt.date, signed > issued {
            add(rules.dateAfterIssue, .contractDate, signed.ddMMyyyy, issued.ddMMyyyy)
        }
    }

    mutating func checkOtherBlocks() {
        if let driver = Self.present(snt.roadCargo?.driverTin) { checkTin(driver, at: .driverTin) }
        checkTaxOffice(snt.taxOffices?.sellerKogd, at: .sellerKogd)
        checkTaxOffice(snt.taxOffices?.customerKogd, at: .customerKogd)
    }
}
