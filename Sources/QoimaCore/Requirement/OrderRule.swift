/// A place in Order 657 that a reason rests on.
public enum OrderRule: Hashable, Sendable {
    /// Appendix 1 (the list of goods) or Appendix 4 (the printed SNT form for road transit).
    case appendix(Int)
    /// An item of the Rules (Appendix 2), optionally a sub-item: `.rulesItem(14, 3)` is item 14.3.
    case rulesItem(Int, Int? = nil)

    /// A stable short form: `657/app-1`, `657/14.3`.
    public var code: String {
        switch self {
        case .appendix(let number): "657/app-\(number)"
        case .rulesItem(let item, let sub): "657/\(item)" + (sub.map { ".\($0)" } ?? "")
        }
    }

    public var citation: LocalizedText {
        switch self {
        case .appendix(let number):
            return LocalizedText(kk: "№ 657 бұйрық, \(number)-қосымша", ru: "Приказ № 657, приложение \(number)",
                                 en: "Order 657, Appendix \(number)")
        case .rulesItem(let item, nil):
            return LocalizedText(kk: "№ 657 бұйрық, Қағидалардың \(item)-тармағы", ru: "Приказ № 657, Правила, пункт \(item)",
                                 en: "Order 657, Rules item \(item)")
        case .rulesItem(let item, let sub?):
            return LocalizedText(kk: "№ 657 бұйрық, Қағидалардың \(item)-тармағының \(sub)) тармақшасы",
                                 ru: "Приказ № 657, Правила, подпункт \(sub)) пункта \(item)",
                                 en: "Order 657, Rules item \(item).\(sub)")
        }
    }
}
