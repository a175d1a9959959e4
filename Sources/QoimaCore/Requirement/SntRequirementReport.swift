/// An answer to "Is an SNT required?" as plain text in one language, for the command line and
/// for copying into a note. The first line is always "SNT required: yes|no|cannot decide".
public enum SntRequirementReport {
    public static func text(of answer: SntRequirementAnswer, in language: Language) -> String {
        let assumptions = answer.assumptions
        func marks(_ used: [RequirementAssumption]) -> String {
            guard !used.isEmpty else { return "" }
            let numbers = used.compactMap { assumptions.firstIndex(of: $0) }.map { String($0 + 1) }
            let mark = numbers.count == 1 ? Label.assumptionMark : Label.assumptionsMark
            return " (" + mark.text(in: language, [numbers.joined(separator: ", ")]) + ")"
        }
        func cited(_ rule: OrderRule) -> String { " [" + rule.citation.text(in: language) + "]" }

        var lines = [Label.summary.text(in: language, [answer.verdict.label.text(in: language)])]
        if !answer.conflicts.isEmpty {
            lines.append(Label.conflicts.text(in: language))
            lines += answer.conflicts.map { "  - " + $0.text.text(in: language) }
        }
        if !answer.reasons.isEmpty {
            lines.append(Label.reasons.text(in: language))
            lines += answer.reasons.map { "  - " + $0.text.text(in: language) + cited($0.rule) + marks($0.assumptions) }
        }
        if let drafter = answer.drawnUpBy {
            lines.append(Label.drawnUpBy.text(in: language, [drafter.name.text(in: language)]) + cited(drafter.rule))
        }
        if let uses = answer.usesVirtualWarehouse {
            lines.append((uses ? Label.virtualWarehouseUsed : Label.virtualWarehouseNotUsed).text(in: language)
                         + cited(.rulesItem(7)) + marks(answer.virtualWarehouseAssumptions))
        }
        if let deadline = answer.deadline {
            lines.append(Label.deadline.text(in: language, [deadline.text.text(in: language)]) + marks(deadline.assumptions))
        }
        if answer.onePerVehicle {
            lines.append(Label.onePerVehicle.text(in: language) + cited(.rulesItem(14)))
        }
        if !assumptions.isEmpty {
            lines.append(Label.assumptions.text(in: language))
            lines += assumptions.enumerated().map { index, assumption in
                "  \(index + 1). " + assumption.text.text(in: language) + " [\(assumption.domainReference)]"
            }
        }
        if !answer.openQuestions.isEmpty {
            lines.append(Label.couldNotDecide.text(in: language))
            lines += answer.openQuestions.map { "  - " + $0.text.text(in: language) }
        }
        return lines.joined(separator: "\n")
    }

    /// The fixed wording of the report.
    public enum Label {
        public static let summary = LocalizedText(kk: "ТІЖ қажет: %1$@", ru: "СНТ требуется: %1$@", en: "SNT required: %1$@")
        public static let conflicts = LocalizedText(kk: "Қайшы деректер:", ru: "Противоречивые данные:", en: "Facts that contradict each other:")
        public static let reasons = LocalizedText(kk: "Негіздер:", ru: "Основания:", en: "Reasons:")
        public static let drawnUpBy = LocalizedText(kk: "Кім ресімдейді: %1$@", ru: "Кто оформляет: %1$@", en: "Drawn up by: %1$@")
        public static let virtualWarehouseUsed = LocalizedText(
            kk: "«Виртуалды қойма» модулі арқылы ресімделеді.", ru: "Оформляется через модуль «Виртуальный склад».",
            en: "Drawn up through the Virtual Warehouse module.")
        public static let virtualWarehouseNotUsed = LocalizedText(
            kk: "«Виртуалды қойма» модулінсіз ресімделеді (тізбенің 8 және 9-жолдары).",
            ru: "Оформляется без модуля «Виртуальный склад» (строки 8 и 9 перечня).",
            en: "Drawn up without the Virtual Warehouse module (lines 8 and 9 of the list).")
        public static let deadline = LocalizedText(kk: "Мерзімі: %1$@", ru: "Срок: %1$@", en: "Deadline: %1$@")
        public static let onePerVehicle = LocalizedText(
            kk: "Автомобиль көлігімен тасымалдағанда ТІЖ әрбір көлік құралына жеке ресімделеді.",
            ru: "При перевозке автомобильным транспортом СНТ оформляется отдельно на каждое транспортное средство.",
            en: "By road, one SNT is drawn up for each vehicle.")
        public static let assumptionMark = LocalizedText(kk: "болжам %1$@", ru: "допущение %1$@", en: "assumption %1$@")
        public static let assumptionsMark = LocalizedText(kk: "болжамдар %1$@", ru: "допущения %1$@", en: "assumptions %1$@")
        public static let assumptions = LocalizedText(
            kk: "Болжамдар (бұйрық мәтіні нақты шешпеген түсіндірмелер):",
            ru: "Допущения (толкования, которые текст приказа однозначно не решает):",
            en: "Assumptions (readings the Order's text does not settle):")
        public static let couldNotDecide = LocalizedText(kk: "Анықталмағаны:", ru: "Не удалось определить:", en: "Could not decide:")

        public static let all = [summary, conflicts, reasons, drawnUpBy, virtualWarehouseUsed, virtualWarehouseNotUsed,
                                 deadline, onePerVehicle, assumptionMark, assumptionsMark, assumptions, couldNotDecide]
    }
}
