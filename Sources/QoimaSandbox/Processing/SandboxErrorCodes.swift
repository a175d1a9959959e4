/// Error codes the sandbox puts in per-document errors and faults where QoimaCore has no rule
/// id for them. `SNT_DECLINE_CAUSE_IS_NULL` is IS ESF's reported code (assumed, domain.md U10);
/// the others are the sandbox's own, shaped like IS ESF's.
public enum SandboxErrorCodes {
    public static let declineCauseMissing = "SNT_DECLINE_CAUSE_IS_NULL"
    public static let revokeCauseMissing = "SNT_REVOKE_CAUSE_IS_NULL"
    public static let statusNotAllowed = "SNT_STATUS_NOT_ALLOWED"
    public static let notFound = "SNT_NOT_FOUND"
    public static let accessDenied = "ACCESS_DENIED"
    public static let signatureInvalid = "SIGNATURE_INVALID"
    public static let originalSignatureMismatch = "ORIGINAL_SIGNATURE_MISMATCH"
    public static let actionUnreadable = "SNT_ACTION_INVALID"
    public static let bodyUnreadable = "DOCUMENT_BODY_INVALID"
    public static let versionUnknown = "DOCUMENT_VERSION_INVALID"
}
