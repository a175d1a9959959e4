/// Every XML name Qoima uses that domain.md marks (assumed) or (reported), in one place, so each
/// can be corrected once the official XSD or SDK is read. Tagged with the domain.md item.
public enum AssumedNames {
    /// The NTIN of a goods line (`GoodsLine.ntin`). SntV1 (2021) has no such element; Order 657
    /// may have added one (domain.md U1). Written only when a line has an NTIN, at its
    /// alphabetical place among the line's extension elements.
    public static let ntinElement = "ntinCode"

    /// The document version written into each portal container entry. Confirmed for the 2021
    /// schema; Order 657 may bring a new one (domain.md U1).
    public static let sntVersion = "SntV1"

    /// The portal's import/export container (domain.md §5.6, reported; not part of the SOAP API,
    /// so no U-item covers it yet). Its children are taken to be unqualified.
    public enum Container {
        public static let namespace = "snt"
        public static let prefix = "snt"
        public static let root = "sntInfoContainer"
        public static let set = "sntInfoSet"
        public static let entry = "sntInfo"
        public static let version = "version"
        public static let documentInfo = "documentInfo"
        public static let body = "sntBody"
        public static let creatorLogin = "creatorLogin"
        public static let creatorTin = "creatorTin"
        public static let signatureValid = "signatureValid"
        public static let errors = "errors"
    }
}
