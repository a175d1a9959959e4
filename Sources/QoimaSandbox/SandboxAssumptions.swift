import QoimaCore

/// What the sandbox does where IS ESF's behaviour is not known, each in one place with the
/// domain.md §15 item it depends on, so it can be changed once test3 or the SDK says otherwise.
public enum SandboxAssumptions {
    /// The 4-digit code of every registration number the sandbox gives (domain.md U14: perhaps
    /// the tax office; 6001 is the seller's KOGD in the sample SNT).
    public static let registrationOfficeCode = "6001"

    /// Registration numbers of processed universal forms; IS ESF's shape is unknown (U8).
    public static func uFormRegistrationNumber(tin: String, date: CalendarDate, sequence: Int) -> String {
        "KZ-UF-\(tin)-\(date.yyyyMMdd)-\(sequence)"
    }

    /// The most SNTs one `queryUpdate` page returns, whatever `limit` asks (U20: IS ESF's own cap
    /// is unknown); 50 when `limit` is absent.
    public static let sntPageCap = 100
    public static let sntPageDefault = 50
    /// The same for `queryCurrentStatus` balances, `queryUpdates` forms and GSVS blocks.
    public static let balancePageCap = 1000
    public static let uFormPageCap = 100
    public static let uFormPageDefault = 50
    public static let gsvsBlockCap = 1000

    /// Session idle expiry (U11: about 20 minutes or more was observed).
    public static let sessionIdleTimeout: Double = 20 * 60

    /// Processing a form or an SNT is its own history step: IS ESF's `SntActionType` has no value
    /// for "registered" or "failed format checks", so both are recorded as CREATE with the new
    /// status (U5).
    public static let processingHistoryAction = SntHistoryAction.create
}
