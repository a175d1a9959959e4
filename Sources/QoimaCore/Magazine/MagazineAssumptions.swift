/// What the Magazine of paper SNTs rests on where domain.md §12 is not confirmed, in one place,
/// so each can be corrected once Order 657's appendix (U16) or KGD's rules are read.
public enum MagazineAssumptions {
    /// A paper SNT is entered into IS ESF within this many working days after the outage ends
    /// (domain.md §12, reported).
    public static let entryWorkingDays = 3
    /// The count starts the day after the restore date: the day IS ESF comes back is not one of
    /// the three, whatever the hour. Assumed.
    public static let restoreDayCounts = false
    /// The Magazine's columns are provisional: Order 657's appendix with the official column list
    /// has not been read (domain.md U16). `MagazineLayout.v0` is this version.
    public static let provisionalLayoutVersion = 0
    /// Whether paper blanks are pre-printed and numbered is unknown (U16): Qoima numbers the
    /// Magazine's entries per company and year, and a spoiled blank keeps its number.
    public static let numberingRestartsEachYear = true
}
