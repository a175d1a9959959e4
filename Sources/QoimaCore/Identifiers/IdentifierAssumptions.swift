/// Identifier shapes that domain.md does not confirm, kept in one place so they can be
/// corrected once the official XSD, SDK or legal text is read.
public enum IdentifierAssumptions {
    /// KPVED: up to four dot-separated digit groups, e.g. `08.91.12.01` or `20.14.75.300`. (assumed)
    public static let kpvedGroupLengths: [ClosedRange<Int>] = [2...2, 1...2, 1...2, 1...3]
    public static let kpvedPatternText = "NN[.NN[.NN[.NNN]]]"
    /// NTIN: 13 digits with a GS1 check digit, like an EAN-13 (assumed; domain.md §13, U22).
    public static let ntinLength = 13
    /// The registration number's 4-digit code is the tax office (KOGD) (assumed; domain.md U14).
    public static let registrationCodeIsTaxOffice = true
}
