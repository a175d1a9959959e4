import QoimaCore
import XCTest

final class SntRequirementTests: XCTestCase {
    private func assess(_ goods: Set<GoodsGroup>?, _ direction: ShipmentDirection?,
                        _ operation: ShipmentOperation? = nil, transport: TransportType? = nil, massKg: Int? = nil,
                        toIndividual: Bool? = nil, stateProperty: Bool = false,
                        retail: Bool = false) -> SntRequirementAnswer {
        SntRequirement.assess(ShipmentFacts(
            goods: goods, direction: direction, operation: operation, transport: transport,
            vehicleMaximumMassKilograms: massKg, toIndividual: toIndividual,
            statePropertySale: stateProperty, retail: retail))
    }

    private func rules(_ answer: SntRequirementAnswer) -> [String] { answer.reasons.map(\.rule.code) }

    // MARK: - Item 14, sub-item by sub-item

    func testItem14_1_linesOneToSixNeedAnSntForAnyDomesticShipment() {
        for group in [GoodsGroup.biofuel, .alcohol, .oilProducts, .gasohol, .lpg, .narcotics] {
            for operation in [ShipmentOperation.sale, .shipment] {
                let answer = assess([group], .domestic, operation)
                XCTAssertEqual(answer.verdict, .required, "\(group) \(operation)")
                XCTAssertEqual(rules(answer), ["657/14.1"])
                XCTAssertEqual(answer.drawnUpBy, .supplier)
                XCTAssertEqual(answer.usesVirtualWarehouse, true)
                XCTAssertEqual(answer.deadline, .startOfShipment)
            }
        }
        XCTAssertEqual(assess([.lpg], .domestic).verdict, .required, "lines 1–5 need no operation")
    }

    func testItem14_2_traceableGoodsOnlyWhenSold() {
        let sale = assess([.traceable], .domestic, .sale)
        XCTAssertEqual(sale.verdict, .required)
        XCTAssertEqual(rules(sale), ["657/14.2"])
        let gift = assess([.traceable], .domestic, .shipment)
        XCTAssertEqual(gift.verdict, .notRequired)
        XCTAssertEqual(gift.reasons.map(\.id), ["traceable-only-on-sale"])
        let unknown = assess([.traceable], .domestic)
        XCTAssertEqual(unknown.verdict, .cannotDecide)
        XCTAssertEqual(unknown.openQuestions, [.operation])
    }

    func testItem14_3_eaeuImportExceptACarOfAtMostTwoAndAHalfTonnes() {
        let atLimit = assess([.eaeuImport], .importFromEAEU, .sale, transport: .automobile, massKg: 2_500, toIndividual: false)
        XCTAssertEqual(atLimit.verdict, .notRequired, "2,500 kg does not exceed 2.5 t")
        XCTAssertEqual(atLimit.reasons.map(\.id), ["eaeu-import", "light-car-exception"])
        XCTAssertEqual(rules(atLimit), ["657/14.3", "657/14.3"])
        XCTAssertNil(atLimit.drawnUpBy)

        let over = assess([.eaeuImport], .importFromEAEU, .sale, transport: .automobile, massKg: 2_501, toIndividual: false)
        XCTAssertEqual(over.verdict, .required)
        XCTAssertEqual(over.reasons.map(\.id), ["eaeu-import", "heavy-vehicle"])
        XCTAssertEqual(over.drawnUpBy, .recipient)
        XCTAssertEqual(over.usesVirtualWarehouse, false)
        XCTAssertEqual(over.deadline, .beforeBorderCrossing)
        XCTAssertTrue(over.onePerVehicle)

        let byRail = assess(nil, .importFromEAEU, transport: .railway)
        XCTAssertEqual(byRail.verdict, .required, "goods and operation do not matter off the road")
        XCTAssertEqual(byRail.reasons.map(\.id), ["eaeu-import", "not-by-road"])
        XCTAssertFalse(byRail.onePerVehicle)
    }

    func testItem14_3_missingMassOrTransportIsAnOpenQuestion() {
        let noMass = assess([.eaeuImport], .importFromEAEU, .sale, transport: .automobile, toIndividual: false)
        XCTAssertEqual(noMass.verdict, .cannotDecide)
        XCTAssertEqual(noMass.openQuestions, [.vehicleMass])
        XCTAssertNil(noMass.drawnUpBy)

        let nothing = assess([.eaeuImport], nil)
        XCTAssertEqual(nothing.verdict, .cannotDecide, "line 8 implies the direction, but not the vehicle")
        XCTAssertEqual(nothing.reasons.first?.id, "eaeu-import")
        XCTAssertEqual(nothing.openQuestions, [.transport, .vehicleMass, .operation, .toIndividual])

        let heavyUnknownMode = assess([.eaeuImport], .importFromEAEU, massKg: 12_000)
        XCTAssertEqual(heavyUnknownMode.verdict, .required, "over 2.5 t no exception applies, car or not")
    }

    func testItem14_4_exportOutsideTheEAEUOfLinesOneToSeven() {
        let answer = assess([.alcohol, .traceable], .exportToOutsideEAEU, .sale)
        XCTAssertEqual(answer.verdict, .required)
        XCTAssertEqual(rules(answer), ["657/14.4"])
        XCTAssertEqual(answer.drawnUpBy, .supplier)
        XCTAssertEqual(answer.usesVirtualWarehouse, true)
        XCTAssertEqual(answer.deadline, .startOfShipment)
        XCTAssertEqual(assess([], .exportToOutsideEAEU, .sale).verdict, .notRequired)
        XCTAssertEqual(rules(assess([], .exportToOutsideEAEU, .sale)), ["657/app-1"])
        XCTAssertEqual(assess(nil, .exportToOutsideEAEU).openQuestions, [.goods])
    }

    func testItem14_5_eaeuExportExceptACarOfAtMostTwoAndAHalfTonnes() {
        let atLimit = assess([.eaeuExport], .exportToEAEU, .sale, transport: .automobile, massKg: 2_500, toIndividual: false)
        XCTAssertEqual(atLimit.verdict, .notRequired)
        XCTAssertEqual(rules(atLimit), ["657/14.5", "657/14.5"])
        let over = assess([.eaeuExport], .exportToEAEU, .sale, transport: .automobile, massKg: 2_501, toIndividual: false)
        XCTAssertEqual(over.verdict, .required)
        XCTAssertEqual(over.drawnUpBy, .supplier)
        XCTAssertEqual(over.usesVirtualWarehouse, false)
        XCTAssertEqual(over.deadline, .startOfShipment)
        XCTAssertEqual(assess([.eaeuExport], .exportToEAEU, .sale, transport: .automobile).openQuestions,
                       [.vehicleMass, .toIndividual])
    }

    func testLightCarExceptionKeepsLinesOneToSix() {
        let answer = assess([.eaeuImport, .oilProducts], .importFromEAEU, .sale, transport: .automobile, massKg: 1_800,
                            toIndividual: false)
        XCTAssertEqual(answer.verdict, .required)
        XCTAssertEqual(rules(answer), ["657/14.3", "657/14.3", "657/14.1"])
        XCTAssertTrue(answer.assumptions.contains(.lightCarExceptionKeepsItem14_1))
        XCTAssertEqual(answer.virtualWarehouseAssumptions, [.eaeuWithoutVirtualWarehouseForAllGoods])
    }

    func testItem14_6_saleOfStateProperty() {
        let answer = assess([.alcohol], .domestic, stateProperty: true)
        XCTAssertEqual(answer.verdict, .required, "a sale of state property is a sale")
        XCTAssertEqual(rules(answer), ["657/14.1", "657/14.6"])
        XCTAssertEqual(answer.deadline, .monthlyByFifteenth)
        XCTAssertTrue(answer.assumptions.contains(.statePropertyMonthlyDeadline))
        XCTAssertEqual(assess([], .domestic, stateProperty: true).verdict, .notRequired, "only lines 1–7")
    }

    func testItem14_7_deliveryToAnIndividualByRoadIsDrawnUpByTheCarrier() {
        for direction in [ShipmentDirection.importFromEAEU, .exportToEAEU] {
            let light = assess(nil, direction, .sale, transport: .automobile, massKg: 1_500, toIndividual: true)
            XCTAssertEqual(light.verdict, .required, "\(direction)")
            XCTAssertEqual(light.reasons.last?.rule, .rulesItem(14, 7))
            XCTAssertEqual(light.drawnUpBy, .carrier)
            XCTAssertTrue(light.assumptions.contains(.individualDeliveryHasNoLightCarException))
            XCTAssertTrue(light.onePerVehicle)

            let heavy = assess(nil, direction, .sale, transport: .automobile, massKg: 7_000, toIndividual: true)
            XCTAssertEqual(heavy.drawnUpBy, .carrier)
            XCTAssertFalse(heavy.assumptions.contains(.individualDeliveryHasNoLightCarException),
                           "no exception to lift over 2.5 t")
        }
        let unknownMode = assess([.alcohol], .exportToEAEU, .sale, toIndividual: true)
        XCTAssertEqual(unknownMode.verdict, .required, "by road item 14.7, otherwise no exception")
        XCTAssertNil(unknownMode.drawnUpBy)
        XCTAssertEqual(unknownMode.openQuestions, [.transportDecidesDrafter])
        let byAir = assess(nil, .importFromEAEU, .sale, transport: .air, toIndividual: true)
        XCTAssertEqual(byAir.drawnUpBy, .recipient, "item 14.7 is about road transport")
    }

    func testItem14_8_movementWithinOnePerson() {
        let fuel = assess([.biofuel], .domestic, .ownMovement)
        XCTAssertEqual(fuel.verdict, .required)
        XCTAssertEqual(rules(fuel), ["657/14.1", "657/14.8"])

        for goods: Set<GoodsGroup> in [[.narcotics], [.traceable], [.narcotics, .traceable]] {
            let answer = assess(goods, .domestic, .ownMovement)
            XCTAssertEqual(answer.verdict, .notRequired, "lines 6 and 7 are excepted inside Kazakhstan: \(goods)")
            XCTAssertEqual(answer.reasons.map(\.id), ["own-movement-exception"])
            XCTAssertEqual(answer.assumptions.contains(.ownMovementExceptionOverridesItem14_1), goods.contains(.narcotics))
        }

        let abroad = assess([.traceable], .exportToOutsideEAEU, .ownMovement)
        XCTAssertEqual(abroad.verdict, .required, "the exception covers movements inside Kazakhstan only")
        XCTAssertEqual(rules(abroad), ["657/14.4", "657/14.8"])
        XCTAssertEqual(assess([.narcotics], .importFromOutsideEAEU, .ownMovement).verdict, .required)

        let lightCar = assess(nil, .importFromEAEU, .ownMovement, transport: .automobile, massKg: 2_000)
        XCTAssertEqual(lightCar.verdict, .required)
        XCTAssertEqual(lightCar.reasons.last?.rule, .rulesItem(14, 8))
        XCTAssertTrue(lightCar.assumptions.contains(.ownMovementHasNoLightCarException))
        XCTAssertEqual(lightCar.drawnUpBy, .recipient)
    }

    func testImportFromOutsideTheEAEU() {
        let fuel = assess([.oilProducts], .importFromOutsideEAEU, .sale)
        XCTAssertEqual(fuel.verdict, .required)
        XCTAssertEqual(fuel.reasons.map(\.id), ["import-from-outside-eaeu"])
        XCTAssertEqual(fuel.assumptions.first, .importFromOutsideEAEUUnderItem14_1)
        XCTAssertEqual(fuel.drawnUpBy, .recipient)
        XCTAssertEqual(fuel.deadline, .startAfterCustomsClearance)
        XCTAssertEqual(assess([.traceable], .importFromOutsideEAEU, .sale).verdict, .notRequired)
        XCTAssertEqual(assess([], .importFromOutsideEAEU, .sale).verdict, .notRequired)
        XCTAssertEqual(assess([.traceable], .importFromOutsideEAEU).openQuestions, [.operation])
    }

    // MARK: - Item 15, transit, missing facts, contradictions

    func testRetailCannotBeDecidedWhileItem15IsCutOff() {
        let answer = assess([.alcohol], .domestic, retail: true)
        XCTAssertEqual(answer.verdict, .cannotDecide)
        XCTAssertEqual(answer.reasons.last?.rule, .rulesItem(15, 1))
        XCTAssertEqual(answer.openQuestions, [.retailPaymentCases])
        XCTAssertFalse(OpenQuestion.retailPaymentCases.isMissingFact)
        XCTAssertEqual(assess([], .domestic, retail: true).verdict, .notRequired, "item 15 only ever exempts")
    }

    func testTransitIsUndecided() {
        let answer = assess([.alcohol], .transit)
        XCTAssertEqual(answer.verdict, .cannotDecide)
        XCTAssertEqual(answer.reasons.map(\.rule), [.appendix(4)])
        XCTAssertEqual(answer.openQuestions, [.transitRules])
    }

    func testMissingFactsNeverCrashAndAreNamed() {
        XCTAssertEqual(SntRequirement.assess(ShipmentFacts()).openQuestions,
                       [.direction, .goods, .operation, .transport, .vehicleMass, .toIndividual],
                       "without a direction, everything some direction needs")
        XCTAssertEqual(assess([.alcohol], nil, .sale, transport: .railway).openQuestions, [.direction])
        XCTAssertEqual(assess(nil, .domestic).openQuestions, [.goods])
        XCTAssertEqual(assess([], .domestic).verdict, .notRequired)
        XCTAssertEqual(assess([], .domestic).reasons.map(\.rule), [.appendix(1)])
    }

    func testContradictionsAreReported() {
        let wrongWay = assess([.eaeuImport], .domestic)
        XCTAssertEqual(wrongWay.verdict, .cannotDecide)
        XCTAssertEqual(wrongWay.conflicts.map(\.id), ["eaeu-import-goods-with-other-direction"])
        XCTAssertTrue(wrongWay.conflicts[0].text.english.contains("inside Kazakhstan"))
        XCTAssertTrue(wrongWay.reasons.isEmpty)
        XCTAssertEqual(assess([.eaeuExport], .importFromEAEU).conflicts.map(\.id), ["eaeu-export-goods-with-other-direction"])
        XCTAssertEqual(assess([.eaeuImport, .eaeuExport], nil).conflicts.map(\.id), ["eaeu-import-and-export"])
        XCTAssertEqual(assess([.alcohol], .domestic, .ownMovement, retail: true).conflicts.map(\.id), ["sale-flag-without-sale"])
        XCTAssertEqual(assess([.alcohol], .domestic, .shipment, stateProperty: true).conflicts.map(\.id), ["sale-flag-without-sale"])
        XCTAssertEqual(assess(nil, .importFromEAEU, transport: .automobile, massKg: 0).conflicts.map(\.id),
                       ["non-positive-vehicle-mass"])
        XCTAssertEqual(assess([.eaeuImport], .transit).conflicts.count, 1)
    }

    // MARK: - Assumptions

    func testAssumptionFlags() {
        let light = assess([.eaeuExport], .exportToEAEU, .sale, transport: .automobile, massKg: 900, toIndividual: false)
        let exception = light.reasons.first { $0.id == "light-car-exception" }
        XCTAssertEqual(exception?.assumptions, [.carMeansRoadMotorVehicle, .limitIsPermittedMaximumMass])
        XCTAssertEqual(light.reasons.first?.assumptions, [.eaeuLinesFollowDirection])
        XCTAssertEqual(light.assumptions, [.eaeuLinesFollowDirection, .carMeansRoadMotorVehicle, .limitIsPermittedMaximumMass])

        let plain = assess([.alcohol], .domestic, .sale)
        XCTAssertFalse(plain.reasons.contains(where: \.restsOnAssumption), "item 14.1 is read as written")
        XCTAssertEqual(plain.assumptions, [.deadlinesAsReported], "deadlines are from secondary sources")

        XCTAssertEqual(assess(nil, .exportToEAEU, .sale, transport: .multimodal).assumptions.first(where: { $0 == .multimodalIsNotACar }),
                       .multimodalIsNotACar)
        for assumption in RequirementAssumption.allCases {
            XCTAssertTrue(assumption.domainReference.hasPrefix("domain.md U"), "\(assumption)")
        }
    }

    // MARK: - Whole-space checks

    /// Every combination of a representative set of facts.
    private static let everyCase: [ShipmentFacts] = {
        let goodsChoices: [Set<GoodsGroup>?] = [nil, [], [.alcohol], [.narcotics], [.traceable], [.narcotics, .traceable],
                                                [.biofuel, .traceable], [.eaeuImport], [.eaeuExport], [.eaeuImport, .eaeuExport]]
        var all: [ShipmentFacts] = []
        for goods in goodsChoices {
            for direction in [nil] + ShipmentDirection.allCases.map(Optional.some) {
                for operation in [nil] + ShipmentOperation.allCases.map(Optional.some) {
                    for transport in [nil, TransportType.automobile, .railway, .multimodal] {
                        for mass in [nil, -5, 2_500, 2_501] {
                            for toIndividual in [nil, true, false] {
                                for (stateProperty, retail) in [(false, false), (true, false), (false, true)] {
                                    all.append(ShipmentFacts(
                                        goods: goods, direction: direction, operation: operation, transport: transport,
                                        vehicleMaximumMassKilograms: mass, toIndividual: toIndividual,
                                        statePropertySale: stateProperty, retail: retail))
                                }
                            }
                        }
                    }
                }
            }
        }
        return all
    }()

    func testEveryAnswerIsComplete() {
        for facts in Self.everyCase {
            let answer = SntRequirement.assess(facts)
            switch answer.verdict {
            case .required:
                XCTAssertFalse(answer.reasons.isEmpty, "\(facts)")
                XCTAssertNotNil(answer.usesVirtualWarehouse, "\(facts)")
                XCTAssertNotNil(answer.deadline, "\(facts)")
                XCTAssertEqual(answer.onePerVehicle, facts.transport == .automobile)
                XCTAssertTrue(answer.conflicts.isEmpty, "\(facts)")
                if answer.openQuestions == [.transportDecidesDrafter] {
                    XCTAssertNil(answer.drawnUpBy, "\(facts)")
                } else {
                    XCTAssertNotNil(answer.drawnUpBy, "\(facts)")
                    XCTAssertTrue(answer.openQuestions.isEmpty, "\(facts)")
                }
            case .notRequired:
                XCTAssertFalse(answer.reasons.isEmpty, "\(facts)")
                XCTAssertTrue(answer.openQuestions.isEmpty && answer.conflicts.isEmpty, "\(facts)")
                XCTAssertNil(answer.drawnUpBy)
            case .cannotDecide:
                XCTAssertFalse(answer.openQuestions.isEmpty && answer.conflicts.isEmpty, "\(facts)")
                XCTAssertNil(answer.drawnUpBy)
            }
        }
    }

    /// A decided answer does not hang on a fact that was left out: whatever the fact turns out to
    /// be, the answer stays (unless the new fact contradicts the others). And an open question
    /// names only facts that were in fact left out.
    func testALeftOutFactNeverChangesADecidedAnswer() {
        for facts in Self.everyCase {
            let answer = SntRequirement.assess(facts)
            for question in answer.openQuestions where question.isMissingFact {
                XCTAssertTrue(Self.variants(of: facts, settling: question).count > 1, "\(question) was given: \(facts)")
            }
            guard answer.verdict != .cannotDecide else { continue }
            for question in OpenQuestion.allCases where question.isMissingFact {
                for variant in Self.variants(of: facts, settling: question) {
                    let other = SntRequirement.assess(variant)
                    guard other.conflicts.isEmpty else { continue }
                    XCTAssertEqual(other.verdict, answer.verdict, "\(question) changes \(facts) into \(variant)")
                }
            }
        }
    }

    /// An open question is open: filling in the open facts in different ways leads to different
    /// answers, or to a different person drawing the SNT up.
    func testAnOpenQuestionIsReallyOpen() {
        for facts in Self.everyCase {
            let answer = SntRequirement.assess(facts)
            let questions = answer.openQuestions.filter(\.isMissingFact)
            guard !questions.isEmpty, answer.conflicts.isEmpty, questions.count == answer.openQuestions.count else { continue }
            var completions = [facts]
            for question in questions {
                completions = completions.flatMap { Self.variants(of: $0, settling: question, briefly: true) }
            }
            let outcomes = Set(completions.map(SntRequirement.assess).filter(\.conflicts.isEmpty)
                .map { "\($0.verdict) \(String(describing: $0.drawnUpBy))" })
            XCTAssertGreaterThan(outcomes.count, 1, "\(questions) do not matter for \(facts)")
        }
    }

    /// `facts` with the fact behind `question` filled in every way, or just `facts` when it was given.
    /// `briefly` keeps one value of each kind that can matter.
    private static func variants(of facts: ShipmentFacts, settling question: OpenQuestion,
                                 briefly: Bool = false) -> [ShipmentFacts] {
        func each<Value>(_ path: WritableKeyPath<ShipmentFacts, Value?>, _ values: [Value]) -> [ShipmentFacts] {
            guard facts[keyPath: path] == nil else { return [facts] }
            return values.map { var copy = facts; copy[keyPath: path] = $0; return copy }
        }
        switch question {
        case .goods:
            return each(\.goods, briefly ? [[], [.alcohol], [.narcotics], [.traceable]]
                                         : [[], [.alcohol], [.narcotics], [.traceable], [.eaeuImport], [.eaeuExport]])
        case .direction: return each(\.direction, ShipmentDirection.allCases)
        case .operation: return each(\.operation, ShipmentOperation.allCases)
        case .transport, .transportDecidesDrafter:
            return each(\.transport, briefly ? [.automobile, .railway] : TransportType.allCases)
        case .vehicleMass: return each(\.vehicleMaximumMassKilograms, briefly ? [2_500, 2_501] : [1, 2_500, 2_501, 40_000])
        case .toIndividual: return each(\.toIndividual, [true, false])
        case .retailPaymentCases, .transitRules: return [facts]
        }
    }

    // MARK: - Texts

    func testEveryTextIsInThreeLanguages() {
        var texts: [LocalizedText] = SntRequirementReport.Label.all
        texts += GoodsGroup.allCases.map(\.name) + ShipmentDirection.allCases.map(\.name)
        texts += ShipmentOperation.allCases.map(\.name) + TransportType.allCases.map(\.name)
        texts += RequirementAssumption.allCases.map(\.text) + OpenQuestion.allCases.map(\.text)
        texts += SntRequirementVerdict.allCases.map(\.label) + SntDrafter.allCases.map(\.name)
        texts += SntDeadline.allCases.map(\.text)
        texts.append(GoodsGroup.linesPhrase([.alcohol]))
        texts.append(GoodsGroup.linesPhrase([.alcohol, .lpg]))
        let answers = Set(Self.everyCase.map(SntRequirement.assess))
        var sentences = RequirementAssumption.allCases.map(\.text) + OpenQuestion.allCases.map(\.text) + SntDeadline.allCases.map(\.text)
        for answer in answers {
            texts += answer.reasons.map(\.rule.citation)
            sentences += answer.reasons.map(\.text) + answer.conflicts.map(\.text)
        }
        texts += sentences
        for sentence in Set(sentences) {
            for language in Language.allCases {
                let text = sentence.template(in: language)
                XCTAssertFalse(text.first?.isLowercase ?? true, "starts in capitals: \(text)")
                XCTAssertTrue(text.hasSuffix("."), "ends with a full stop: \(text)")
            }
        }
        for text in Set(texts) {
            for language in Language.allCases {
                XCTAssertFalse(text.template(in: language).trimmingCharacters(in: .whitespaces).isEmpty, "\(text)")
            }
            XCTAssertNotEqual(text.kazakh, text.english, "\(text)")
            XCTAssertNotEqual(text.russian, text.english, "\(text)")
            XCTAssertNotEqual(text.kazakh, text.russian, "\(text)")
            XCTAssertTrue(text.kazakh.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(text)")
            XCTAssertTrue(text.russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(text)")
        }
        // Filled texts keep no placeholders.
        for answer in answers {
            for language in Language.allCases {
                XCTAssertFalse(SntRequirementReport.text(of: answer, in: language).contains("%"))
            }
        }
    }

    func testReportFirstLineAndSections() {
        let answer = assess([.eaeuImport], .importFromEAEU, .sale, transport: .automobile, massKg: 2_501, toIndividual: false)
        let english = SntRequirementReport.text(of: answer, in: .english)
        XCTAssertEqual(english.split(separator: "\n").first, "SNT required: yes")
        XCTAssertTrue(english.contains("[Order 657, Rules item 14.3] (assumption 1)"))
        XCTAssertTrue(english.contains("Drawn up by: the recipient (on import)"))
        XCTAssertTrue(english.contains("By road, one SNT is drawn up for each vehicle."))
        XCTAssertTrue(english.contains("  1. Lines 8 and 9 of the list"))
        XCTAssertEqual(SntRequirementReport.text(of: answer, in: .russian).split(separator: "\n").first, "СНТ требуется: да")
        XCTAssertEqual(SntRequirementReport.text(of: answer, in: .kazakh).split(separator: "\n").first, "ТІЖ қажет: иә")

        let open = SntRequirementReport.text(of: assess(nil, .domestic), in: .english)
        XCTAssertEqual(open, "SNT required: cannot decide\nCould not decide:\n  - Which lines of the list the goods belong to (or none).")
    }
}
