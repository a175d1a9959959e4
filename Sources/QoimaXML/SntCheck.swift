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
        return (decoded.problems + content).sorted { lhs, rhs in
            (lhs.field.code, lhs.table?.rawValue ?? "", lhs.lineNumber ?? 0, lhs.rule.id)
                < (rhs.field.code, rhs.table?.rawValue ?? "", rhs.lineNumber ?? 0, rhs.rule.id)
        }
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
