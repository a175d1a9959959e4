/// The one place Qoima's version is written; both executables, the About window and the
/// AppStream metainfo (checked by a test) agree with it.
public enum QoimaVersion {
    public static let string = "0.1.0"
    public static let applicationID = "kz.qoima.Qoima"
    public static let website = "https://qoima.kz"
}
