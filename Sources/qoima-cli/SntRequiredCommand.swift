import ArgumentParser
import Foundation
import QoimaCore

/// `qoima-cli snt required`: whether a shipment needs an SNT under Order 657, and why.
struct SntRequiredCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "required",
        abstract: "Tell whether a shipment needs an SNT under Order 657, and why.",
        discussion: """
            The first line says "SNT required: yes", "no" or "cannot decide", in the language of the \
            locale (LC_ALL, then LC_MESSAGES, then LANG; English by default). Then come the reasons with \
            their rules, the assumptions they rest on, and what could not be decided. A fact left out \
            never turns the answer into "no". Exit status: 0 with an answer, 2 for bad arguments.
            """
    )

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Lines of the list the goods belong to (several allowed), or none: \(Self.valid(GoodsGroup.allCases.map(\.rawValue) + ["none"])).",
        valueName: "group"))
    var goods: [String] = []

    @Option(help: ArgumentHelp("Where the goods go: \(Self.valid(ShipmentDirection.allCases.map(\.rawValue))).",
                               valueName: "direction"))
    var direction: String?

    @Option(help: ArgumentHelp(
        "sale, own-movement (within one person or between its subdivisions) or shipment (to another person, not a sale).",
        valueName: "operation"))
    var operation: String?

    @Option(help: ArgumentHelp("How the goods travel: \(Self.valid(TransportType.allCases.map(\.commandLineName))).",
                               valueName: "mode"))
    var transport: String?

    @Option(name: .customLong("vehicle-max-mass-kg"),
            help: ArgumentHelp("The car's permitted maximum mass in kilograms (2500 or less is excepted on EAEU trade).",
                               valueName: "kg"))
    var vehicleMaxMassKg: Int?

    @Flag(inversion: .prefixedNo, help: "Whether the goods go to an individual (Order 657 item 14.7).")
    var toIndividual: Bool?

    @Flag(help: "A sale of property turned into state ownership (item 14.6).")
    var stateProperty = false

    @Flag(help: "A sale in retail trade (item 15).")
    var retail = false

    @Flag(help: "Print the answer as JSON.")
    var json = false

    mutating func validate() throws {
        _ = try facts()
    }

    func run() throws {
        let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let answer = SntRequirement.assess(try facts())
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(AnswerJSON(answer, language)), as: UTF8.self))
        } else {
            print(SntRequirementReport.text(of: answer, in: language))
        }
    }

    /// The facts given on the command line; a `ValidationError` naming the valid values otherwise.
    func facts() throws -> ShipmentFacts {
        let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        func parse<Value>(_ text: String, _ option: String, _ valid: [String], _ make: (String) -> Value?) throws -> Value {
            guard let value = make(text) else {
                throw ValidationError(Self.badValue.text(in: language, [text, option, Self.valid(valid)]))
            }
            return value
        }
        var facts = ShipmentFacts(toIndividual: toIndividual, statePropertySale: stateProperty, retail: retail)
        if !goods.isEmpty {
            let names = goods.flatMap { $0.split(separator: ",").map(String.init) }
            let valid = GoodsGroup.allCases.map(\.rawValue) + ["none"]
            facts.goods = Set(try names.filter { $0 != "none" }.map { try parse($0, "--goods", valid, GoodsGroup.init) })
            if names.contains("none") && !(facts.goods ?? []).isEmpty {
                throw ValidationError(Self.noneWithGroups.text(in: language))
            }
        }
        facts.direction = try direction.map {
            try parse($0, "--direction", ShipmentDirection.allCases.map(\.rawValue), ShipmentDirection.init)
        }
        facts.operation = try operation.map {
            try parse($0, "--operation", ShipmentOperation.allCases.map(\.rawValue), ShipmentOperation.init)
        }
        facts.transport = try transport.map {
            try parse($0, "--transport", TransportType.allCases.map(\.commandLineName), TransportType.init(commandLineName:))
        }
        if let mass = vehicleMaxMassKg {
            guard mass > 0 else { throw ValidationError(Self.badMass.text(in: language, [String(mass)])) }
            facts.vehicleMaximumMassKilograms = mass
        }
        return facts
    }

    private static func valid(_ names: [String]) -> String { names.joined(separator: ", ") }

    private static let badValue = LocalizedText(
        kk: "«%1$@» мәні %2$@ үшін жарамсыз. Рұқсат етілген мәндер: %3$@.",
        ru: "Недопустимое значение «%1$@» для %2$@. Допустимые значения: %3$@.",
        en: "“%1$@” is not a valid value for %2$@. Valid values: %3$@.")
    private static let noneWithGroups = LocalizedText(
        kk: "--goods none басқа жолдармен бірге берілмейді.",
        ru: "--goods none нельзя указывать вместе со строками перечня.",
        en: "--goods none cannot be given together with lines of the list.")
    private static let badMass = LocalizedText(
        kk: "--vehicle-max-mass-kg 0-ден үлкен болуы тиіс, ал берілгені: %1$@.",
        ru: "--vehicle-max-mass-kg должно быть больше 0, а указано: %1$@.",
        en: "--vehicle-max-mass-kg must be more than 0, but %1$@ was given.")
}

/// The answer for scripts: stable ids next to the texts in the chosen language.
private struct AnswerJSON: Encodable {
    struct Named: Encodable {
        let id: String
        let text: String
    }

    struct Reason: Encodable {
        let id: String
        let rule: String
        let ruleCode: String
        let text: String
        let assumptions: [String]
    }

    struct Assumption: Encodable {
        let id: String
        let domainReference: String
        let text: String
    }

    let language: String
    let verdict: String
    let summary: String
    let reasons: [Reason]
    let drawnUpBy: Named?
    let usesVirtualWarehouse: Bool?
    let deadline: Named?
    let onePerVehicle: Bool
    let assumptions: [Assumption]
    let openQuestions: [Named]
    let conflicts: [Named]

    init(_ answer: SntRequirementAnswer, _ language: Language) {
        self.language = language.rawValue
        verdict = answer.verdict.rawValue
        summary = SntRequirementReport.Label.summary.text(in: language, [answer.verdict.label.text(in: language)])
        reasons = answer.reasons.map {
            Reason(id: $0.id, rule: $0.rule.citation.text(in: language), ruleCode: $0.rule.code,
                   text: $0.text.text(in: language), assumptions: $0.assumptions.map(\.rawValue))
        }
        drawnUpBy = answer.drawnUpBy.map { Named(id: $0.rawValue, text: $0.name.text(in: language)) }
        usesVirtualWarehouse = answer.usesVirtualWarehouse
        deadline = answer.deadline.map { Named(id: $0.rawValue, text: $0.text.text(in: language)) }
        onePerVehicle = answer.onePerVehicle
        assumptions = answer.assumptions.map {
            Assumption(id: $0.rawValue, domainReference: $0.domainReference, text: $0.text.text(in: language))
        }
        openQuestions = answer.openQuestions.map { Named(id: $0.rawValue, text: $0.text.text(in: language)) }
        conflicts = answer.conflicts.map { Named(id: $0.id, text: $0.text.text(in: language)) }
    }
}
