import Foundation
import QoimaCore

/// A universal form read from XML, with what could not be read cleanly.
public struct DecodedUForm: Hashable, Sendable {
    public var form: UForm
    public var problems: [UFormProblem]

    public init(form: UForm, problems: [UFormProblem] = []) {
        self.form = form
        self.problems = problems
    }
}

/// Reads a UFormV1 body (`uForm` in `namespace.v1`, any prefix). Children are matched by local
/// name; values that do not decode become problems naming their element's path and line, so
/// one bad field never hides the rest. Only input that is not XML, or not a UFormV1 body, throws.
public enum UFormXMLReader {
    public static func read(_ bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(XMLInputError)
        -> DecodedUForm {
        try decode(XMLTree(parsing: bytes, limits: limits).root)
    }

    public static func read(_ text: String, limits: XMLLimits = .standard) throws(XMLInputError) -> DecodedUForm {
        try read(Array(text.utf8), limits: limits)
    }

    public static func decode(_ root: XMLTree.Element) throws(XMLInputError) -> DecodedUForm {
        try SntXMLReader.expectRoot(root, UFormSchema.root, namespace: UFormSchema.namespace)
        let decoder = UFormXMLDecoder()
        var form = UForm()
        decoder.children(of: root, path: "", order: UFormSchema.form) { child, path in
            switch child.localName {
            case "date": form.date = decoder.date(child, path)
            case "number": form.number = decoder.string(child, path) ?? ""
            case "recipient": form.recipient = party(child, path, decoder)
            case "sender": form.sender = party(child, path, decoder)
            case "totalSum": form.totalSum = decoder.decimal(child, path)
            case "type": form.type = decoder.enumeration(child, path)
            case "comment": form.comment = decoder.string(child, path)
            case "detailingType": form.detailingType = decoder.enumeration(child, path)
            case "orderNumber": form.orderNumber = decoder.string(child, path)
            case "products": form.products = products(child, path, item: "product", decoder)
            case "reorganizationType": form.reorganizationType = decoder.enumeration(child, path)
            case "sourceProducts": form.sourceProducts = products(child, path, item: "sourceProduct", decoder)
            case "sourceTotalSum": form.sourceTotalSum = decoder.decimal(child, path)
            default: form.writeOffReason = decoder.enumeration(child, path)
            }
        }
        return DecodedUForm(form: form, problems: decoder.problems)
    }

    private static func party(_ element: XMLTree.Element, _ path: String, _ decoder: UFormXMLDecoder) -> UFormParty {
        var party = UFormParty()
        decoder.children(of: element, path: path, order: UFormSchema.party) { child, path in
            switch child.localName {
            case "address": party.address = decoder.string(child, path)
            case "agentDocDate": party.agentDocDate = decoder.date(child, path)
            case "agentDocNum": party.agentDocNumber = decoder.string(child, path)
            case "name": party.name = decoder.string(child, path)
            case "storeId": party.storeId = decoder.integer(child, path)
            case "storeName": party.storeName = decoder.string(child, path)
            default: party.tin = decoder.identifier(child, path)
            }
        }
        return party
    }

    private static func products(_ element: XMLTree.Element, _ path: String, item: String,
                                 _ decoder: UFormXMLDecoder) -> [UFormProduct] {
        var lines: [UFormProduct] = []
        decoder.children(of: element, path: path, order: [item], repeating: [item]) { child, path in
            lines.append(product(child, path, decoder))
        }
        return lines
    }

    private static func product(_ element: XMLTree.Element, _ path: String, _ decoder: UFormXMLDecoder) -> UFormProduct {
        var line = UFormProduct()
        decoder.children(of: element, path: path, order: UFormSchema.product) { child, path in
            switch child.localName {
            case "gsvsCode": line.gsvsCode = decoder.identifier(child, path)
            case "measureUnitCode": line.measureUnitCode = decoder.identifier(child, path)
            case "price": line.price = decoder.decimal(child, path)
            case "quantity": line.quantity = decoder.decimal(child, path)
            case "sum": line.sum = decoder.decimal(child, path)
            case "canExport": line.canExport = decoder.boolean(child, path)
            case "dutyTypeCode": line.dutyType = decoder.enumeration(child, path)
            case "manufactureOrImportCountry": line.manufactureOrImportCountry = decoder.identifier(child, path)
            case "manufactureOrImportDocNumber": line.manufactureOrImportDocNumber = decoder.string(child, path)
            case "markingCode": line.markingCode = decoder.string(child, path)
            case "name": line.name = decoder.string(child, path)
            case "originCertificateDate": line.originCertificateDate = decoder.date(child, path)
            case "originCode": line.originCode = decoder.string(child, path)
            case "physicalLabel": line.physicalLabel = decoder.string(child, path)
            case "pinCode": line.pinCode = decoder.string(child, path)
            case "productId": line.productId = decoder.integer(child, path)
            case "productNameInImportDoc": line.productNameInImportDoc = decoder.string(child, path)
            case "productNumberInImportDoc": line.productNumberInImportDoc = decoder.string(child, path)
            case "spiritPercent": line.spiritPercent = decoder.decimal(child, path)
            default: line.tnvedCode = decoder.identifier(child, path)
            }
        }
        return line
    }
}

/// The whole check of a form read from XML: what could not be read, then the content rules,
/// leaving out a content problem where a value could not be decoded (the decoding problem says
/// what is wrong there).
public enum UFormCheck {
    public static func problems(in decoded: DecodedUForm) -> [UFormProblem] {
        let undecodable = Set(decoded.problems.filter { $0.rule != UFormRules.order }.map(\.path))
        return decoded.problems + UFormValidator.problems(in: decoded.form).filter { !undecodable.contains($0.path) }
    }
}
