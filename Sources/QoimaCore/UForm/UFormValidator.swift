import Foundation

/// The content checks of a universal form (domain.md §10): what IS ESF requires whatever the
/// warehouse holds. Whether the batches and warehouses exist is the server's business (the
/// sandbox checks it when it processes the form). Paths name elements of the body, with 1-based
/// line positions: `products/product[2]/quantity`.
public enum UFormValidator {
    public static func problems(in form: UForm) -> [UFormProblem] {
        var found: [UFormProblem] = []
        func add(_ rule: UFormRule, _ path: String, _ arguments: [String] = []) {
            found.append(UFormProblem(rule, path: path, arguments))
        }

        if form.number.isEmpty {
            add(UFormRules.numberRequired, "number")
        } else if form.number.count > UForm.maxNumberLength {
            add(UFormRules.numberLength, "number", [String(UForm.maxNumberLength), String(form.number.count)])
        }
        if form.date == nil { add(UFormRules.dateRequired, "date") }
        checkParty(form.sender, "sender", required: true, add)
        if form.totalSum.map({ $0 <= 0 }) ?? true { add(UFormRules.totalSumPositive, "totalSum") }
        if form.comment == nil { add(UFormRules.commentRequired, "comment") }

        guard let type = form.type else {
            add(UFormRules.typeRequired, "type")
            checkLines(form.products, "products/product", batchRequired: false, add)
            return found
        }
        if type.isSystemGenerated { add(UFormRules.systemType, "type", [type.rawValue]) }
        switch type {
        case .writeOff where form.writeOffReason == nil: add(UFormRules.writeOffReasonRequired, "writeOffReason")
        case .detailing where form.detailingType == nil: add(UFormRules.detailingTypeRequired, "detailingType")
        case .reorganization where form.reorganizationType == nil || (form.orderNumber ?? "").isEmpty:
            add(UFormRules.reorganizationRequired, form.reorganizationType == nil ? "reorganizationType" : "orderNumber")
        case .movement:
            checkParty(form.recipient, "recipient", required: true, add)
            if let from = form.sender?.storeId, from == form.recipient?.storeId {
                add(UFormRules.sameStore, "recipient/storeId")
            }
        default: break
        }
        if type.hasSources {
            if form.sourceProducts.isEmpty { add(UFormRules.sourcesRequired, "sourceProducts", [type.rawValue]) }
            checkLines(form.sourceProducts, "sourceProducts/sourceProduct", batchRequired: true, type: type, add)
        }
        let productsNameBatches = [.writeOff, .movement, .physicalLabel].contains(type)
        checkLines(form.products, "products/product", batchRequired: productsNameBatches, type: type, add)
        return found
    }

    private static func checkParty(_ party: UFormParty?, _ path: String, required: Bool,
                                   _ add: (UFormRule, String, [String]) -> Void) {
        guard let party else {
            if required { add(path == "sender" ? UFormRules.senderRequired : UFormRules.recipientRequired, path, []) }
            return
        }
        if party.storeId == nil { add(UFormRules.storeRequired, path + "/storeId", []) }
        if let tin = party.tin, !tin.isValid { add(UFormRules.tinInvalid, path + "/tin", [tin.rawValue]) }
    }

    private static func checkLines(_ lines: [UFormProduct], _ path: String, batchRequired: Bool, type: UFormType? = nil,
                                   _ add: (UFormRule, String, [String]) -> Void) {
        if lines.isEmpty, path.hasPrefix("products") { add(UFormRules.productsRequired, "products", []) }
        for (index, line) in lines.enumerated() {
            let at = "\(path)[\(index + 1)]/"
            if let gsvs = line.gsvsCode {
                if !gsvs.isValid { add(UFormRules.gsvsFormat, at + "gsvsCode", [gsvs.rawValue, GsvsCode.patternText]) }
            } else {
                add(UFormRules.gsvsRequired, at + "gsvsCode", [])
            }
            if line.measureUnitCode == nil { add(UFormRules.unitRequired, at + "measureUnitCode", []) }
            if (line.name ?? "").isEmpty { add(UFormRules.nameRequired, at + "name", []) }
            if let tnved = line.tnvedCode {
                if !tnved.isValid { add(UFormRules.tnvedFormat, at + "tnvedCode", [tnved.rawValue]) }
            } else {
                add(UFormRules.tnvedRequired, at + "tnvedCode", [])
            }
            if line.quantity.map({ $0 <= 0 }) ?? true { add(UFormRules.quantityPositive, at + "quantity", []) }
            if let price = line.price, price <= 0 { add(UFormRules.pricePositive, at + "price", [DecimalText.format(price)]) }
            if let batch = line.productId {
                if batch <= 0 { add(UFormRules.productIdPositive, at + "productId", [String(batch)]) }
            } else if batchRequired, let type {
                add(UFormRules.productIdRequired, at + "productId", [type.rawValue])
            }
        }
    }
}
