/// What the checks need besides the SNT itself.
public struct SntCheckContext: Sendable {
    /// Today in Kazakhstan; the date of issue must not be later.
    public var today: CalendarDate
    /// The SNT a FIXED_SNT corrects, with its registration, when Qoima has it.
    public var original: SntRecord?
    /// Unit codes of IS ESF's dictionary; a well-formed code outside it is a warning.
    public var knownUnitCodes: Set<String>

    public init(today: CalendarDate, original: SntRecord? = nil, knownUnitCodes: Set<String> = builtInUnitCodes) {
        self.today = today
        self.original = original
        self.knownUnitCodes = knownUnitCodes
    }

    /// The units Qoima knows before the first dictionary sync.
    public static let builtInUnitCodes = Set(MeasureUnit.known.keys)
}
