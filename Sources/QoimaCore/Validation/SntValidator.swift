/// Checks an SNT offline against `SntContentRules` and reports every problem at once, in the order
/// of the form: section by section, goods line by line.
public struct SntValidator: Sendable {
    public var context: SntCheckContext

    public init(context: SntCheckContext) {
        self.context = context
    }

    public func check(_ snt: Snt) -> [SntProblem] {
        var validation = SntValidation(snt: snt, context: context)
        validation.checkGeneral()
        validation.checkCorrection()
        validation.checkParties()
        validation.checkCarriage()
        validation.checkContract()
        validation.checkCurrency()
        validation.checkGoods()
        validation.checkOtherBlocks()
        return validation.problemsInFormOrder()
    }
}
