import QoimaCore

/// An SNT read from XML, with what could not be read cleanly (`SntDecodingRules`).
public struct DecodedSnt: Hashable, Sendable {
    public var snt: Snt
    public var problems: [SntProblem]

    public init(snt: Snt, problems: [SntProblem] = []) {
        self.snt = snt
        self.problems = problems
    }
}
