import Foundation
import QoimaCore

/// Writes a UFormV1 body in canonical form, in the schema's element order (`UFormSchema`); empty
/// values are left out. Like an SNT body, what is written is exactly what is signed.
public enum UFormXMLWriter {
    public static func body(of form: UForm) -> String {
        var out = CanonicalXMLBuilder(capacity: 1024 + 512 * (form.products.count + form.sourceProducts.count))
        let root = UFormSchema.prefix + ":" + UFormSchema.root
        out.open(root, attributes: [("xmlns:" + UFormSchema.prefix, UFormSchema.namespace)])
        out.leaf("date", form.date)
        out.leaf("number", form.number)
        if let recipient = form.recipient { party("recipient", recipient, &out) }
        if let sender = form.sender { party("sender", sender, &out) }
        out.leaf("totalSum", form.totalSum)
        out.leaf("type", form.type)
        // A comment of one space is meaningful (domain.md §10), so only nil leaves it out.
        if let comment = form.comment {
            out.open("comment")
            out.text(comment)
            out.close("comment")
        }
        out.leaf("detailingType", form.detailingType)
        out.leaf("orderNumber", form.orderNumber)
        out.list("products", form.products) { out, line in product("product", line, &out) }
        out.leaf("reorganizationType", form.reorganizationType)
        out.list("sourceProducts", form.sourceProducts) { out, line in product("sourceProduct", line, &out) }
        out.leaf("sourceTotalSum", form.sourceTotalSum)
        out.leaf("writeOffReason", form.writeOffReason)
        out.close(root)
        return out.xml
    }

    private static func party(_ name: String, _ party: UFormParty, _ out: inout CanonicalXMLBuilder) {
        out.open(name)
        out.leaf("address", party.address)
        out.leaf("agentDocDate", party.agentDocDate)
        out.leaf("agentDocNum", party.agentDocNumber)
        out.leaf("name", party.name)
        out.leaf("storeId", party.storeId)
        out.leaf("storeName", party.storeName)
        out.leaf("tin", party.tin)
        out.close(name)
    }

    private static func product(_ name: String, _ line: UFormProduct, _ out: inout CanonicalXMLBuilder) {
        out.open(name)
        out.leaf("gsvsCode", line.gsvsCode)
        out.leaf("measureUnitCode", line.measureUnitCode)
        out.leaf("price", line.price)
        out.leaf("quantity", line.quantity)
        out.leaf("sum", line.sum)
        out.leaf("canExport", line.canExport)
        out.leaf("dutyTypeCode", line.dutyType)
        out.leaf("manufactureOrImportCountry", line.manufactureOrImportCountry)
        out.leaf("manufactureOrImportDocNumber", line.manufactureOrImportDocNumber)
        out.leaf("markingCode", line.markingCode)
        out.leaf("name", line.name)
        out.leaf("originCertificateDate", line.originCertificateDate)
        out.leaf("originCode", line.originCode)
        out.leaf("physicalLabel", line.physicalLabel)
        out.leaf("pinCode", line.pinCode)
        out.leaf("productId", line.productId)
        out.leaf("productNameInImportDoc", line.productNameInImportDoc)
        out.leaf("productNumberInImportDoc", line.productNumberInImportDoc)
        out.leaf("spiritPercent", line.spiritPercent)
        out.leaf("tnvedCode", line.tnvedCode)
        out.close(name)
    }
}
