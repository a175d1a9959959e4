/// Element names and orders of the UFormV1 body (domain.md §10): base-type elements first, then
/// the extension's, each group as the schema sequence gives it. The reader checks input against
/// these lists and the writer follows them.
public enum UFormSchema {
    public static let namespace = "namespace.v1"
    /// The prefix Qoima writes; readers accept any.
    public static let prefix = "v1"
    public static let root = "uForm"

    public static let form = [
        "date", "number", "recipient", "sender", "totalSum", "type",
        "comment", "detailingType", "orderNumber", "products", "reorganizationType", "sourceProducts",
        "sourceTotalSum", "writeOffReason",
    ]
    /// `sender` and `recipient`.
    public static let party = ["address", "agentDocDate", "agentDocNum", "name", "storeId", "storeName", "tin"]
    /// `product` and `sourceProduct`.
    public static let product = [
        "gsvsCode", "measureUnitCode", "price", "quantity", "sum",
        "canExport", "dutyTypeCode", "manufactureOrImportCountry", "manufactureOrImportDocNumber", "markingCode", "name",
        "originCertificateDate", "originCode", "physicalLabel", "pinCode", "productId", "productNameInImportDoc",
        "productNumberInImportDoc", "spiritPercent", "tnvedCode",
    ]
}
