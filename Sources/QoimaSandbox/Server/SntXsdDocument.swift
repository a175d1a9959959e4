import QoimaXML

/// The XSD `querySntXsd` returns: SntV1 as the sandbox checks it, generated from `SntSchema`'s
/// element orders so the two cannot drift. Sequences carry the schema order; simple values are
/// `xs:string` except a few numbers; the special goods sets Qoima keeps verbatim are `xs:anyType`.
/// IS ESF's own XSD is richer (enumerations, lengths); this one is for shape, not for every rule.
enum SntXsdDocument {
    static let text: String = {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"#
        out += #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="v1.snt" targetNamespace="v1.snt""#
        out += #" elementFormDefault="unqualified" version="SntV1">"#
        out += #"<xs:element name="snt" type="tns:snt"/>"#
        out += #"<xs:element name="sntAction" type="tns:sntAction"/>"#
        for (name, elements) in types {
            out += #"<xs:complexType name="\#(name)"><xs:sequence>"#
            for element in elements {
                let (type, required, repeated) = kind(of: element, in: name)
                out += #"<xs:element name="\#(element)" type="\#(type)" minOccurs="\#(required ? 1 : 0)""#
                out += repeated ? #" maxOccurs="unbounded"/>"# : "/>"
            }
            out += "</xs:sequence></xs:complexType>"
        }
        out += "</xs:schema>"
        return out
    }()

    /// Each complex type with its children in schema order.
    private static let types: [(String, [String])] = [
        ("snt", SntSchema.snt), ("sntAction", SntSchema.action), ("party", SntSchema.party),
        ("statuses", ["status"]), ("consignmentParty", SntSchema.consignmentParty),
        ("shippingInfo", SntSchema.shippingInfo), ("transportTypes", ["transportType"]),
        ("contract", SntSchema.contract), ("sntImport", SntSchema.sntImport), ("sntExport", SntSchema.sntExport),
        ("productSet", SntSchema.productSet), ("products", ["product"]), ("product", SntSchema.product),
        ("oilSet", SntSchema.oilSet), ("oilProducts", ["product"]), ("oilProduct", SntSchema.oilProduct),
        ("carCargoInfo", SntSchema.carCargoInfo),
        ("cargoInfoList", ["cargoInfo"]), ("cargoInfo", SntSchema.cargoRow),
        ("loadingUnloadingInfoList", ["loadingUnloadingInfo"]), ("loadingUnloadingInfo", SntSchema.loadingUnloadingRow),
        ("otherInfoList", ["otherInfo"]), ("otherInfo", SntSchema.otherInfoRow),
        ("taxInfoList", ["taxInfo"]), ("taxInfo", SntSchema.taxInfoRow),
        ("directoryInfo", SntSchema.directoryInfo), ("releaseGoodsInfo", SntSchema.releaseGoodsInfo),
        ("fillingOfAircraft", SntSchema.fillingOfAircraft),
        ("sharingParticipantContract", SntSchema.sharingParticipantContract),
    ]

    private static let required: [String: Set<String>] = [
        "snt": ["date", "number", "sntType", "currencyCode", "customer", "seller"],
        "sntAction": ["sntId", "actionType"],
        "party": ["name"],
        "contract": ["isContract"],
    ]

    /// An element's type, whether it is required, whether it repeats.
    private static func kind(of element: String, in parent: String) -> (String, Bool, Bool) {
        let isRequired = required[parent]?.contains(element) ?? false
        switch (parent, element) {
        case (_, "seller"), (_, "customer"): return ("tns:party", isRequired, false)
        case ("party", "statuses"): return ("tns:statuses", false, false)
        case ("statuses", "status"), ("transportTypes", "transportType"): return ("xs:string", false, true)
        case (_, "consignor"), (_, "consignee"): return ("tns:consignmentParty", false, false)
        case ("shippingInfo", "transportTypes"): return ("tns:transportTypes", false, false)
        case ("products", "product"): return ("tns:product", false, true)
        case ("oilProducts", "product"): return ("tns:oilProduct", false, true)
        case ("productSet", "products"): return ("tns:products", false, false)
        case ("oilSet", "products"): return ("tns:oilProducts", false, false)
        case ("carCargoInfo", let list) where ["cargoInfo", "loadingUnloadingInfo", "otherInfo", "taxInfo"].contains(list):
            return ("tns:\(list)List", false, false)
        case (let list, let row) where list == row + "List": return ("tns:\(row)", false, true)
        case ("party", "storeId"), ("sntAction", "sntId"): return ("xs:long", isRequired, false)
        case ("snt", "currencyRate"): return ("xs:decimal", false, false)
        case ("snt", let block) where SntSchema.preservedBlocks.contains(block): return ("xs:anyType", false, false)
        case ("snt", let block) where types.contains(where: { $0.0 == block }): return ("tns:\(block)", false, false)
        default: return ("xs:string", isRequired, false)
        }
    }
}
