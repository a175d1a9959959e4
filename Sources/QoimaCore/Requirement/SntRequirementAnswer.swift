/// The answer to "Is an SNT required?" with everything a bookkeeper needs to act on it.
public struct SntRequirementAnswer: Hashable, Sendable {
    public var verdict: SntRequirementVerdict
    /// The grounds, each with its rule; for "cannot decide", the grounds found so far.
    public var reasons: [SntRequirementReason] = []
    /// Who draws the SNT up; set when it is required, unless the open question
    /// `transportDecidesDrafter` says it depends on the transport.
    public var drawnUpBy: SntDrafter?
    /// Whether it is drawn up through the Virtual Warehouse module (item 7); set when required.
    public var usesVirtualWarehouse: Bool?
    /// The readings `usesVirtualWarehouse` rests on.
    public var virtualWarehouseAssumptions: [RequirementAssumption] = []
    /// When it must be registered; set when required and known.
    public var deadline: SntDeadline?
    /// By road, one SNT is drawn up for each vehicle (item 14, last paragraph).
    public var onePerVehicle = false
    /// What could not be decided: facts not given, or text of the Order we do not have. A required
    /// SNT has none, except `transportDecidesDrafter`.
    public var openQuestions: [OpenQuestion] = []
    /// Facts that contradict each other; the answer is then "cannot decide".
    public var conflicts: [RequirementConflict] = []

    public init(verdict: SntRequirementVerdict) { self.verdict = verdict }

    /// Every reading the answer rests on, in the order it first appears.
    public var assumptions: [RequirementAssumption] {
        var seen: [RequirementAssumption] = []
        let all = reasons.flatMap(\.assumptions) + virtualWarehouseAssumptions + (deadline?.assumptions ?? [])
        for assumption in all where !seen.contains(assumption) { seen.append(assumption) }
        return seen
    }
}

public enum SntRequirementVerdict: String, CaseIterable, Sendable, Codable {
    case required
    case notRequired = "not-required"
    case cannotDecide = "cannot-decide"

    /// The word after "SNT required:".
    public var label: LocalizedText {
        switch self {
        case .required: LocalizedText(kk: "иә", ru: "да", en: "yes")
        case .notRequired: LocalizedText(kk: "жоқ", ru: "нет", en: "no")
        case .cannotDecide: LocalizedText(kk: "анықтау мүмкін емес", ru: "определить нельзя", en: "cannot decide")
        }
    }
}

/// Who draws the SNT up (Rules items 7 and 14.7).
public enum SntDrafter: String, CaseIterable, Sendable, Codable {
    case supplier
    /// On import.
    case recipient
    /// On delivery to an individual by road into or out of an EAEU state.
    case carrier

    public var rule: OrderRule { self == .carrier ? .rulesItem(14, 7) : .rulesItem(7) }

    public var name: LocalizedText {
        switch self {
        case .supplier: LocalizedText(kk: "жеткізуші", ru: "поставщик", en: "the supplier")
        case .recipient: LocalizedText(kk: "алушы (әкелу кезінде)", ru: "получатель (при ввозе)", en: "the recipient (on import)")
        case .carrier:
            LocalizedText(kk: "тасымалдаушы (экспедициялау, курьерлік жеткізу)", ru: "перевозчик (экспедирование, курьерская доставка)",
                          en: "the carrier (forwarding, courier delivery)")
        }
    }
}

/// When the SNT must be registered (domain.md §2, as reported: the Order's deadline items are
/// not in our copy).
public enum SntDeadline: String, CaseIterable, Sendable, Codable {
    /// Import from an EAEU state.
    case beforeBorderCrossing = "before-border-crossing"
    /// Inside Kazakhstan, and on export.
    case startOfShipment = "start-of-shipment"
    /// Import from outside the EAEU.
    case startAfterCustomsClearance = "start-after-customs-clearance"
    /// Property turned into state ownership.
    case monthlyByFifteenth = "monthly-by-15th"

    public var assumptions: [RequirementAssumption] {
        self == .monthlyByFifteenth ? [.deadlinesAsReported, .statePropertyMonthlyDeadline] : [.deadlinesAsReported]
    }

    public var text: LocalizedText {
        switch self {
        case .beforeBorderCrossing:
            LocalizedText(kk: "ТІЖ тауарлар Қазақстан Республикасының мемлекеттік шекарасын кесіп өткенге дейін тіркелуі тиіс.",
                          ru: "СНТ регистрируется до пересечения товарами государственной границы Республики Казахстан.",
                          en: "Register the SNT before the goods cross the state border of Kazakhstan.")
        case .startOfShipment:
            LocalizedText(kk: "ТІЖ орын ауыстыру, өткізу немесе тиеп-жөнелту басталғаннан кешіктірілмей тіркелуі тиіс.",
                          ru: "СНТ регистрируется не позднее начала перемещения, реализации или отгрузки.",
                          en: "Register the SNT no later than the start of the movement, sale or shipment.")
        case .startAfterCustomsClearance:
            LocalizedText(kk: "ТІЖ кедендік ресімдеуден кейін орын ауыстыру немесе өткізу басталғаннан кешіктірілмей тіркелуі тиіс.",
                          ru: "СНТ регистрируется не позднее начала перемещения или реализации после таможенного оформления.",
                          en: "Register the SNT no later than the start of the movement or sale after customs clearance.")
        case .monthlyByFifteenth:
            LocalizedText(kk: "ТІЖ өткізу айынан кейінгі айдың 15-іне дейін тіркелуі тиіс.",
                          ru: "СНТ регистрируется до 15-го числа месяца, следующего за месяцем реализации.",
                          en: "Register the SNT by the 15th of the month after the sale.")
        }
    }
}
