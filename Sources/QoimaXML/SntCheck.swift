import QoimaCore

/// The whole offline check of an SNT read from XML: what could not be decoded, then the content
/// rules. Both the CLI and the sandbox (as IS ESF's format checks) use it.
public enum SntCheck {
    /// Decoding problems and content problems together, in form order. A content problem on a
    /// field whose value could not be decoded is left out: the decoding problem already says
    /// what is wrong there, and "missing" would be misleading.
    public static func problems(in decoded: DecodedSnt, context: SntCheckContext) -> [SntProblem] {
        let undecodable = Set(decoded.problems.filter { !normalizationRepairs($0) }.map(Place.init))
        let content = SntValidator(context: context).check(decoded.snt).filter { !undecodable.contains(Place($0)) }
        // A stable sort keeps each rule's own order among problems at the same place.
        return (decoded.problems + content).enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.formOrderKey, rhs.element.formOrderKey)
            return left != right ? left.lexicographicallyPrecedes(right) : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// True for decoding problems that writing the SNT back out repairs without guessing: the
    /// element order and the written form of a decimal. Every other one means a value was lost.
    public static func normalizationRepairs(_ problem: SntProblem) -> Bool {
        problem.rule == SntDecodingRules.order || problem.rule == SntDecodingRules.decimalForm
    }

    private struct Place: Hashable {
        let path: String
        let table: GoodsTable?
        let line: Int?
        init(_ problem: SntProblem) {
            path = problem.field.path
            table = problem.table
            line = problem.lineNumber
        }
    }
}
