/// "Is an SNT required?" under Order 657, Rules item 14 (when an SNT must be registered) and
/// item 15 (retail). Item 14's sub-items are read one by one; where the text leaves a choice,
/// the reading is a `RequirementAssumption`, and where it leaves a doubt about an obligation,
/// we prefer the reading that keeps it: a needless SNT costs less than a missing one.
public enum SntRequirement {
    /// Items 14.3 and 14.5 except a car whose permitted maximum mass "does not exceed 2.5 t".
    public static let lightCarLimitKilograms = 2_500

    public static func assess(_ facts: ShipmentFacts) -> SntRequirementAnswer {
        let conflicts = conflicts(in: facts)
        guard conflicts.isEmpty else {
            var answer = SntRequirementAnswer(verdict: .cannotDecide)
            answer.conflicts = conflicts
            return answer
        }
        let direction = facts.direction ?? direction(impliedBy: facts.goods)
        // Retail trade and a sale of state property are sales whatever else was said.
        let operation = facts.operation ?? (facts.retail || facts.statePropertySale ? .sale : nil)
        var answer: SntRequirementAnswer
        switch direction {
        case .domestic: answer = domestic(facts, operation)
        case .importFromEAEU, .exportToEAEU: answer = eaeu(facts, direction!, operation)
        case .importFromOutsideEAEU: answer = importFromOutsideEAEU(facts, operation)
        case .exportToOutsideEAEU: answer = exportToOutsideEAEU(facts, operation)
        case .transit: answer = .undecided([.transit], [.transitRules])
        case nil: answer = withoutDirection(facts)
        }
        if facts.retail && answer.verdict != .notRequired {
            answer.verdict = .cannotDecide
            answer.reasons.append(.retail)
            answer.openQuestions.append(.retailPaymentCases)
        }
        if answer.verdict == .required, let direction { addDetails(to: &answer, facts, direction, operation) }
        return answer
    }

    /// Nothing is decided without a direction; ask at once for every fact some direction needs.
    private static func withoutDirection(_ facts: ShipmentFacts) -> SntRequirementAnswer {
        var needed: Set<OpenQuestion> = [.direction]
        for direction in ShipmentDirection.allCases {
            var given = facts
            given.direction = direction
            needed.formUnion(assess(given).openQuestions.filter(\.isMissingFact))
        }
        return .undecided([], OpenQuestion.allCases.filter(needed.contains))
    }

    // MARK: - Item 14, by direction

    /// Items 14.1, 14.2, 14.6 and 14.8 inside Kazakhstan.
    private static func domestic(_ facts: ShipmentFacts, _ operation: ShipmentOperation?) -> SntRequirementAnswer {
        guard let goods = facts.goods else { return .undecided([], [.goods]) }
        let listed = productLines(goods)
        guard !listed.isEmpty else { return .notRequired([.notOnList]) }
        let upToLine5 = listed.filter { $0.line <= 5 }
        let upToLine6 = listed.filter { $0.line <= 6 }
        switch operation {
        case .sale:
            var reasons: [SntRequirementReason] = upToLine6.isEmpty ? [] : [.domesticLines(upToLine6)]
            if listed.contains(.traceable) { reasons.append(.traceableSale) }
            if facts.statePropertySale { reasons.append(.stateProperty(listed)) }
            return .required(reasons)
        case .shipment:
            return upToLine6.isEmpty ? .notRequired([.traceableOnlyOnSale]) : .required([.domesticLines(upToLine6)])
        case .ownMovement:
            guard !upToLine5.isEmpty else { return .notRequired([.ownMovementException(listed)]) }
            return .required([.domesticLines(upToLine5), .ownMovement(upToLine5, [])])
        case nil:
            // Item 14.1 covers every kind of shipment of lines 1–5; lines 6 and 7 depend on it.
            return upToLine5.isEmpty ? .undecided([], [.operation]) : .required([.domesticLines(upToLine5)])
        }
    }

    /// Items 14.3, 14.5, 14.7 and 14.8 across an EAEU border.
    private static func eaeu(_ facts: ShipmentFacts, _ direction: ShipmentDirection,
                             _ operation: ShipmentOperation?) -> SntRequirementAnswer {
        let isImport = direction == .importFromEAEU
        let rule = OrderRule.rulesItem(14, isImport ? 3 : 5)
        let line: GoodsGroup = isImport ? .eaeuImport : .eaeuExport
        let base: SntRequirementReason = isImport ? .eaeuImport([.eaeuLinesFollowDirection])
                                                  : .eaeuExport([.eaeuLinesFollowDirection])
        let exception = lightCarException(facts, rule)
        if operation == .ownMovement {
            let reading: [RequirementAssumption] = exception.mayApply ? [.ownMovementHasNoLightCarException] : []
            return .required([base, .ownMovement([line], reading)])
        }
        if facts.toIndividual == true && facts.transport == .automobile {
            let reading: [RequirementAssumption] = exception.mayApply ? [.individualDeliveryHasNoLightCarException] : []
            return .required([base, .deliveryToIndividual(reading)])
        }
        if facts.toIndividual == true && facts.transport == nil {
            // By road item 14.7 applies, by anything else no car exception can: required either way.
            var answer = SntRequirementAnswer.required([base, .individualDeliveryByAnyTransport])
            answer.openQuestions = [.transportDecidesDrafter]
            return answer
        }
        let upToLine6 = facts.goods.map { productLines($0).filter { $0.line <= 6 } } ?? []
        // What else decides the answer when the car turns out to be light.
        var lightCarQuestions: [OpenQuestion] = []
        if upToLine6.isEmpty {
            if facts.goods == nil { lightCarQuestions.append(.goods) }
            if operation == nil { lightCarQuestions.append(.operation) }
            if facts.toIndividual == nil { lightCarQuestions.append(.toIndividual) }
        }
        // Lines 1–6 need an SNT whether or not the car is light.
        let keptByItem14_1 = upToLine6.isEmpty ? [] : [SntRequirementReason.domesticLines(upToLine6)]
        switch exception {
        case .doesNotApply(let reason):
            return .required([base, reason])
        case .applies(let reason) where !keptByItem14_1.isEmpty:
            return .required([base, reason] + keptByItem14_1.map { $0.adding([.lightCarExceptionKeepsItem14_1]) })
        case .unknown where !keptByItem14_1.isEmpty:
            return .required([base] + keptByItem14_1.map { $0.adding([.lightCarExceptionKeepsItem14_1]) })
        case .unknown(let questions):
            return .undecided([base], questions + lightCarQuestions)
        case .applies(let reason):
            return lightCarQuestions.isEmpty ? .notRequired([base, reason]) : .undecided([base, reason], lightCarQuestions)
        }
    }

    /// Item 14 names no import from outside the EAEU: item 14.8 covers one's own goods (a
    /// movement includes an import, Rules item 3.6), item 14.1 their shipment after clearance.
    private static func importFromOutsideEAEU(_ facts: ShipmentFacts,
                                              _ operation: ShipmentOperation?) -> SntRequirementAnswer {
        guard let goods = facts.goods else { return .undecided([], [.goods]) }
        let listed = productLines(goods)
        guard !listed.isEmpty else { return .notRequired([.notOnList]) }
        if operation == .ownMovement { return .required([.ownMovement(listed, [])]) }
        let upToLine6 = listed.filter { $0.line <= 6 }
        if !upToLine6.isEmpty { return .required([.importFromOutsideEAEU(upToLine6)]) }
        // Only line 7 is left: own goods need an SNT (14.8), bought ones only when sold here (14.2).
        return operation == nil ? .undecided([], [.operation]) : .notRequired([.traceableOnlyOnSale])
    }

    /// Item 14.4, and 14.8 for one's own goods.
    private static func exportToOutsideEAEU(_ facts: ShipmentFacts,
                                            _ operation: ShipmentOperation?) -> SntRequirementAnswer {
        guard let goods = facts.goods else { return .undecided([], [.goods]) }
        let listed = productLines(goods)
        guard !listed.isEmpty else { return .notRequired([.notOnList]) }
        return .required([.exportOutsideEAEU(listed)] + (operation == .ownMovement ? [.ownMovement(listed, [])] : []))
    }

    // MARK: - Pieces

    private enum LightCarException {
        case applies(SntRequirementReason)
        case doesNotApply(SntRequirementReason)
        case unknown([OpenQuestion])

        var mayApply: Bool {
            if case .doesNotApply = self { return false }
            return true
        }
    }

    private static func lightCarException(_ facts: ShipmentFacts, _ rule: OrderRule) -> LightCarException {
        let mass = facts.vehicleMaximumMassKilograms
        switch facts.transport {
        case .automobile:
            guard let mass else { return .unknown([.vehicleMass]) }
            return mass <= lightCarLimitKilograms ? .applies(.lightCarException(rule, massKilograms: mass))
                                                  : .doesNotApply(.heavyVehicle(rule, massKilograms: mass))
        case let other?:
            return .doesNotApply(.notByRoad(rule, other))
        case nil:
            // Too heavy for the exception whatever it is; otherwise it matters whether it is a car.
            if let mass, mass > lightCarLimitKilograms { return .doesNotApply(.heavyVehicle(rule, massKilograms: mass)) }
            return .unknown(mass == nil ? [.transport, .vehicleMass] : [.transport])
        }
    }

    private static func addDetails(to answer: inout SntRequirementAnswer, _ facts: ShipmentFacts,
                                   _ direction: ShipmentDirection, _ operation: ShipmentOperation?) {
        if !answer.openQuestions.contains(.transportDecidesDrafter) {
            answer.drawnUpBy = answer.reasons.contains { $0.id == SntRequirementReason.deliveryToIndividualID } ? .carrier
                             : direction.isImport ? .recipient : .supplier
        }
        let listed = facts.goods.map(productLines) ?? []
        if direction.isEAEUBorder {
            answer.usesVirtualWarehouse = false
            answer.virtualWarehouseAssumptions = listed.isEmpty ? [] : [.eaeuWithoutVirtualWarehouseForAllGoods]
        } else {
            answer.usesVirtualWarehouse = true
        }
        answer.deadline = switch direction {
        case .importFromEAEU: .beforeBorderCrossing
        case .importFromOutsideEAEU: .startAfterCustomsClearance
        case .domestic where facts.statePropertySale && operation == .sale: .monthlyByFifteenth
        default: .startOfShipment
        }
        answer.onePerVehicle = facts.transport == .automobile
    }

    static func conflicts(in facts: ShipmentFacts) -> [RequirementConflict] {
        var conflicts: [RequirementConflict] = []
        let goods = facts.goods ?? []
        if goods.contains(.eaeuImport) && goods.contains(.eaeuExport) { conflicts.append(.eaeuImportAndExport) }
        if let direction = facts.direction {
            if goods.contains(.eaeuImport) && direction != .importFromEAEU {
                conflicts.append(.eaeuImportGoods(going: direction))
            }
            if goods.contains(.eaeuExport) && direction != .exportToEAEU {
                conflicts.append(.eaeuExportGoods(going: direction))
            }
        }
        if let operation = facts.operation, operation != .sale {
            if facts.retail { conflicts.append(.saleFlagWithout(RequirementConflict.retailFlag, operation: operation)) }
            if facts.statePropertySale {
                conflicts.append(.saleFlagWithout(RequirementConflict.statePropertyFlag, operation: operation))
            }
        }
        if let mass = facts.vehicleMaximumMassKilograms, mass <= 0 { conflicts.append(.nonPositiveMass(mass)) }
        return conflicts
    }

    /// Lines 8 and 9 are directions (`eaeuLinesFollowDirection`), so listing one says where the goods go.
    private static func direction(impliedBy goods: Set<GoodsGroup>?) -> ShipmentDirection? {
        if goods?.contains(.eaeuImport) == true { return .importFromEAEU }
        if goods?.contains(.eaeuExport) == true { return .exportToEAEU }
        return nil
    }

    private static func productLines(_ goods: Set<GoodsGroup>) -> [GoodsGroup] {
        goods.filter(\.isProductLine).sorted()
    }
}

private extension SntRequirementAnswer {
    static func required(_ reasons: [SntRequirementReason]) -> SntRequirementAnswer {
        var answer = SntRequirementAnswer(verdict: .required)
        answer.reasons = reasons
        return answer
    }

    static func notRequired(_ reasons: [SntRequirementReason]) -> SntRequirementAnswer {
        var answer = SntRequirementAnswer(verdict: .notRequired)
        answer.reasons = reasons
        return answer
    }

    static func undecided(_ reasons: [SntRequirementReason], _ questions: [OpenQuestion]) -> SntRequirementAnswer {
        var answer = SntRequirementAnswer(verdict: .cannotDecide)
        answer.reasons = reasons
        answer.openQuestions = questions
        return answer
    }
}
