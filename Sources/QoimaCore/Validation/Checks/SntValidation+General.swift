/// Section A: number, dates, paper issue, type and the kind of movement.
extension SntValidation {
    mutating func checkGeneral() {
        checkNumberAndDates()
        checkRelatedNumber()
        checkMovementKind()
        checkTransfer()
        checkCountriesOfMovement()
    }

    private mutating func checkNumberAndDates() {
        let rules = SntGeneralRules.self
        if Self.isBlank(snt.number) {
            add(rules.numberRequired, .number)
        } else if snt.number.count > rules.numberMaxLength {
            add(rules.numberLength, .number, String(rules.numberMaxLength), String(snt.number.count))
        }

        if let date = snt.date {
            if date > context.today { add(rules.dateInFuture, .date, date.ddMMyyyy, context.today.ddMMyyyy) }
        } else {
            add(rules.dateRequired, .date)
        }

        if (snt.datePaper == nil) != (snt.reasonPaper == nil) {
            add(rules.paperDateAndReason, snt.datePaper == nil ? .datePaper : .reasonPaper)
        }
        if let paper = snt.datePaper, let date = snt.date, paper > date {
            add(rules.paperDateAfterIssue, .datePaper, paper.ddMMyyyy, date.ddMMyyyy)
        }

        if let shipping = snt.shippingDate {
            // A paper SNT was issued on its paper date; an import's SNT follows the foreign shipment;
            // a correction follows the goods, and FIXED-SHIPPING-DATE compares it with its original.
            if snt.importKind == nil, snt.type != .fixed, let issued = snt.datePaper ?? snt.date, shipping < issued {
                add(rules.shippingBeforeIssue, .shippingDate, shipping.ddMMyyyy, issued.ddMMyyyy)
            }
            let horizon = SntRuleAssumptions.shippingDateHorizonDays
            if let date = snt.date, shipping.dayNumber - date.dayNumber > horizon {
                add(rules.shippingFarAhead, .shippingDate, shipping.ddMMyyyy, String(horizon))
            }
        } else {
            add(rules.shippingDateRequired, .shippingDate)
        }

        let hasNoticeNumber = !Self.isBlank(snt.digitalMarkingNotificationNumber)
        if hasNoticeNumber != (snt.digitalMarkingNotificationDate != nil) {
            add(rules.markingNoticePair,
                hasNoticeNumber ? .digitalMarkingNotificationDate : .digitalMarkingNotificationNumber)
        }
    }

    private mutating func checkRelatedNumber() {
        let rules = SntGeneralRules.self
        let field = SntField.relatedRegistrationNumber(for: snt.type)
        guard let related = Self.present(snt.relatedRegistrationNumber) else {
            if snt.type != .primary { add(rules.relatedNumberRequired, field) }
            return
        }
        if snt.type == .primary {
            add(rules.relatedNumberOnPrimary, field)
        } else if related.defect != nil {
            add(rules.registrationNumberFormat, field, related.rawValue, SntRegistrationNumber.patternText)
        }
    }

    private mutating func checkMovementKind() {
        let rules = SntGeneralRules.self
        if snt.importKind != nil && snt.exportKind != nil { add(rules.importAndExport, .exportType) }
        if let kind = snt.importKind {
            checkSezCode(kind.sezCode, required: kind.importType == .importInSez, at: .importSezCode)
        }
        if let kind = snt.exportKind {
            checkSezCode(kind.sezCode, required: kind.exportType == .exportFromSez, at: .exportSezCode)
        }

        if snt.exportKind?.exportType == .aircraftRefueling {
            let aircraft = snt.aircraftRefueling ?? SntAircraftRefueling()
            let details: [(String?, SntField)] = [
                (aircraft.aircraftRegistrationNumber, .aircraftRegistrationNumber),
                (aircraft.aircraftType, .aircraftType), (aircraft.flightNumber, .flightNumber),
                (aircraft.warrantNumber, .warrantNumber),
            ]
            for (value, field) in details where Self.isBlank(value) { add(rules.aircraftDetailsRequired, field) }
        } else if snt.aircraftRefueling != nil {
            add(rules.aircraftDetailsUnexpected, .aircraftRefueling)
        }
    }

    private mutating func checkSezCode(_ code: String?, required: Bool, at field: SntField) {
        let filled = !Self.isBlank(code)
        if required && !filled { add(SntGeneralRules.sezCodeRequired, field) }
        if !required && filled { add(SntGeneralRules.sezCodeNotAllowed, field) }
    }

    private mutating func checkTransfer() {
        guard let transfer = snt.transferType, transfer != .other else { return }
        let rules = SntGeneralRules.self
        if let seller = Self.present(snt.seller.tin), let customer = Self.present(snt.customer.tin),
           seller.rawValue != customer.rawValue {
            add(rules.transferSameTin, SntField.customer.tin, seller.rawValue, customer.rawValue)
        }
        let dispatch = Self.validCountry(snt.seller.countryCode)
        let delivery = Self.validCountry(snt.customer.countryCode)
        let crossesBorder = snt.importKind != nil || snt.exportKind != nil
        switch transfer {
        case .onePersonInKazakhstan:
            let abroad = [dispatch, delivery].contains { $0 != nil && $0 != .kazakhstan }
            if crossesBorder || abroad { add(rules.transferInKazakhstanBorder, .transferType) }
        case .onePersonInEAEU:
            if !crossesBorder { add(rules.transferEAEUKind, .transferType) }
            for (country, field) in [(dispatch, SntField.seller.countryCode), (delivery, SntField.customer.countryCode)] {
                if let country, !country.isEAEU { add(rules.transferEAEUCountry, field, country.rawValue) }
            }
        case .other:
            break
        }
    }

    /// Countries of dispatch (B 19) and delivery (C 28) against the kind of movement (assumed).
    private mutating func checkCountriesOfMovement() {
        let rules = SntGeneralRules.self
        let dispatch = Self.validCountry(snt.seller.countryCode)
        let delivery = Self.validCountry(snt.customer.countryCode)
        if let kind = snt.importKind {
            if kind.importType != .importInSez, dispatch == .kazakhstan {
                add(rules.importFromKazakhstan, SntField.seller.countryCode)
            }
        }
        if let kind = snt.exportKind {
            if kind.exportType != .exportFromSez, kind.exportType != .aircraftRefueling, delivery == .kazakhstan {
                add(rules.exportToKazakhstan, SntField.customer.countryCode)
            }
        }
        // A transfer within one person has its own rules above.
        guard snt.importKind == nil, snt.exportKind == nil, snt.transferType == nil || snt.transferType == .other
        else { return }
        for (country, field) in [(dispatch, SntField.seller.countryCode), (delivery, SntField.customer.countryCode)] {
            if let country, country != .kazakhstan { add(rules.domesticForeignCountry, field, country.rawValue) }
        }
    }
}
