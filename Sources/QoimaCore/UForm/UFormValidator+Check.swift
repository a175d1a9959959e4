import Foundation

extension UFormValidator {
    /// The complete checks a form gets before it is signed: IS ESF's format (`problems(in:)`) of
    /// what is sent (`forWire`: the comment is never missing there), then what each kind needs — the warehouses, the line arithmetic, new batches, the write-off
    /// reason's details, the shape of each detailing — as `UFormAssumptions` and domain.md §10 say.
    public static func check(_ form: UForm, context: UFormCheckContext = UFormCheckContext()) -> [UFormProblem] {
        var checks = UFormKindChecks(form: form, context: context)
        checks.run()
        return problems(in: form.forWire) + checks.found
    }
}

/// One run of the kind rules over one form.
struct UFormKindChecks {
    let form: UForm
    let context: UFormCheckContext
    var found: [UFormProblem] = []

    mutating func add(_ rule: UFormRule, _ path: String, _ arguments: [String] = []) {
        found.append(UFormProblem(rule, path: path, arguments))
    }

    mutating func run() {
        checkDate()
        checkParties()
        checkArithmetic()
        checkBatches()
        guard let type = form.type else { return }
        if !type.hasSources, !form.sourceProducts.isEmpty {
            add(UFormRules.sourcesNotAllowed, "sourceProducts", [type.rawValue])
        }
        if [.balance, .manufacture, .detailing].contains(type) {
            checkNewBatches(.products)
        }
        if type == .balanceCorrection {
            checkNewBatches(.products, onlyUnnamed: true)
        }
        if type == .writeOff, let reason = form.writeOffReason {
            checkWriteOff(reason)
        }
        if type == .detailing, let detailing = form.detailingType {
            checkDetailing(detailing)
        }
    }

    // MARK: Date and warehouses

    mutating func checkDate() {
        if let date = form.date, let today = context.today, date > today {
            add(UFormRules.dateInFuture, "date", [date.ddMMyyyy, today.ddMMyyyy])
        }
    }

    mutating func checkParties() {
        if let tin = form.sender?.tin, tin.isValid, let company = context.companyTin, tin != company {
            add(UFormRules.senderNotCompany, "sender/tin", [tin.rawValue, company.rawValue])
        }
        checkOwnStore(form.sender?.storeId, "sender/storeId")
        guard form.recipient != nil, let type = form.type else { return }
        if [.balance, .writeOff, .balanceCorrection].contains(type) {
            add(UFormRules.recipientNotAllowed, "recipient")
        } else {
            checkOwnStore(form.recipient?.storeId, "recipient/storeId")
        }
    }

    mutating func checkOwnStore(_ storeId: Int64?, _ path: String) {
        guard let storeId, let warehouses = context.warehouses else { return }
        guard let warehouse = warehouses.first(where: { $0.storeId == storeId }) else {
            return add(UFormRules.storeNotOwn, path, [String(storeId)])
        }
        if !warehouse.isActive { add(UFormRules.storeInactive, path, [warehouse.name]) }
    }

    // MARK: Lines

    /// A line's value: its sum, else price × quantity.
    static func value(of line: UFormProduct) -> Decimal? {
        line.sum ?? line.price.flatMap { price in line.quantity.map { (price * $0).rounded(scale: 2) } }
    }

    static func total(_ lines: [UFormProduct]) -> Decimal? {
        var total: Decimal = 0
        for line in lines {
            guard let value = value(of: line) else { return nil }
            total += value
        }
        return total
    }

    func lines(_ table: UFormLineTable) -> [UFormProduct] {
        table == .products ? form.products : form.sourceProducts
    }

    mutating func checkArithmetic() {
        for table in UFormLineTable.allCases {
            for (index, line) in lines(table).enumerated() {
                guard let price = line.price, let quantity = line.quantity, let sum = line.sum else { continue }
                let expected = (price * quantity).rounded(scale: 2)
                if sum != expected {
                    add(UFormRules.lineSum, table.path(line: index + 1) + "sum",
                        [DecimalText.format(sum), DecimalText.format(expected)])
                }
            }
        }
        if let total = form.totalSum, total > 0, !form.products.isEmpty, let expected = Self.total(form.products),
           total != expected {
            add(UFormRules.totalSum, "totalSum", [DecimalText.format(total), DecimalText.format(expected)])
        }
        if form.type?.hasSources == true, !form.sourceProducts.isEmpty, let expected = Self.total(form.sourceProducts),
           form.sourceTotalSum != expected {
            add(UFormRules.sourceTotalSum, "sourceTotalSum", [DecimalText.format(expected)])
        }
    }

    mutating func checkBatches() {
        for table in UFormLineTable.allCases {
            var seen: [Int64: Int] = [:]
            for (index, line) in lines(table).enumerated() {
                guard let batch = line.productId else { continue }
                if let earlier = seen[batch] {
                    add(UFormRules.batchTwice, table.path(line: index + 1) + "productId", [String(batch), String(earlier)])
                } else {
                    seen[batch] = index + 1
                }
            }
        }
    }

    /// Lines that become new batches name none, and carry a price.
    mutating func checkNewBatches(_ table: UFormLineTable, onlyUnnamed: Bool = false) {
        for (index, line) in lines(table).enumerated() {
            let at = table.path(line: index + 1)
            if line.productId != nil {
                if !onlyUnnamed { add(UFormRules.newBatchNamed, at + "productId") }
            } else if line.price == nil {
                add(UFormRules.newBatchPrice, at + "price")
            }
        }
    }

    // MARK: Write-off

    mutating func checkWriteOff(_ reason: WriteOffReason) {
        let details = form.writeOffDetails.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.value.isEmpty }
        for detail in reason.requiredDetails where details[detail] == nil {
            add(UFormRules.writeOffDetail(detail, .required), "writeOffDetails/" + detail.rawValue)
        }
        var dates: [WriteOffDetail: CalendarDate] = [:]
        for detail in WriteOffDetail.allCases {
            guard let value = details[detail] else { continue }
            let path = "writeOffDetails/" + detail.rawValue
            switch detail.valueKind {
            case .text: break
            case .date:
                guard let date = CalendarDate(ddMMyyyy: value) else {
                    add(UFormRules.writeOffDetail(detail, .date), path, [value])
                    continue
                }
                dates[detail] = date
                if let formDate = form.date, date > formDate, detail != .periodFrom {
                    add(UFormRules.writeOffDetail(detail, .late), path, [date.ddMMyyyy, formDate.ddMMyyyy])
                }
            case .taxpayerNumber:
                if !TaxpayerNumber(value).isValid { add(UFormRules.writeOffDetail(detail, .taxpayerNumber), path, [value]) }
            }
        }
        if let from = dates[.periodFrom], let to = dates[.periodTo], from > to {
            add(UFormRules.writeOffPeriod, "writeOffDetails/periodTo", [from.ddMMyyyy, to.ddMMyyyy])
        }
        if reason == .other, (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add(UFormRules.otherNeedsComment, "comment")
        }
    }

    // MARK: Detailing

    mutating func checkDetailing(_ detailing: DetailingType) {
        let inputs = form.sourceProducts
        let outputs = form.products
        switch detailing {
        case .packing:
            if inputs.count < 2 { add(UFormRules.packingInputs, "sourceProducts", [String(inputs.count)]) }
            if outputs.count != 1 { add(UFormRules.packingOutputs, "products", [String(outputs.count)]) }
        case .unpacking:
            if inputs.count != 1 { add(UFormRules.unpackingInputs, "sourceProducts", [String(inputs.count)]) }
            if outputs.count < 2 { add(UFormRules.unpackingOutputs, "products", [String(outputs.count)]) }
        case .conversion: checkConversion(inputs, outputs)
        case .reSorting: checkReSorting(inputs, outputs)
        case .editing: checkEditing(inputs, outputs)
        }
        if !inputs.isEmpty, !outputs.isEmpty, let inTotal = Self.total(inputs), let outTotal = Self.total(outputs),
           inTotal != outTotal {
            let rule = UFormAssumptions.keepsValue(detailing) ? UFormRules.detailingValue : UFormRules.reSortingValue
            add(rule, "totalSum", [DecimalText.format(outTotal), DecimalText.format(inTotal)])
        }
    }

    mutating func checkConversion(_ inputs: [UFormProduct], _ outputs: [UFormProduct]) {
        for (index, line) in outputs.enumerated() {
            guard let tnved = line.tnvedCode else { continue }
            let same = inputs.filter { $0.tnvedCode == tnved }
            let at = UFormLineTable.products.path(line: index + 1)
            if same.isEmpty {
                add(UFormRules.conversionSameGoods, at + "tnvedCode", [tnved.rawValue])
            } else if let unit = line.measureUnitCode, same.allSatisfy({ $0.measureUnitCode == unit }) {
                add(UFormRules.conversionUnit, at + "measureUnitCode", [unit.rawValue])
            }
        }
    }

    mutating func checkReSorting(_ inputs: [UFormProduct], _ outputs: [UFormProduct]) {
        let units = Set(inputs.compactMap(\.measureUnitCode))
        if units.count == 1, let unit = units.first {
            for (index, line) in outputs.enumerated() {
                if let own = line.measureUnitCode, own != unit {
                    add(UFormRules.reSortingUnit, UFormLineTable.products.path(line: index + 1) + "measureUnitCode",
                        [own.rawValue, unit.rawValue])
                }
            }
        }
        let inQuantity = inputs.compactMap(\.quantity).reduce(0, +)
        let outQuantity = outputs.compactMap(\.quantity).reduce(0, +)
        if !inputs.isEmpty, !outputs.isEmpty, inQuantity != outQuantity {
            add(UFormRules.reSortingQuantity, "products", [DecimalText.format(outQuantity), DecimalText.format(inQuantity)])
        }
    }

    mutating func checkEditing(_ inputs: [UFormProduct], _ outputs: [UFormProduct]) {
        guard inputs.count == outputs.count else {
            return add(UFormRules.editingPairs, "products", [String(inputs.count), String(outputs.count)])
        }
        for (index, (input, output)) in zip(inputs, outputs).enumerated() {
            let at = UFormLineTable.products.path(line: index + 1)
            if let before = input.quantity, let after = output.quantity, before != after {
                add(UFormRules.editingQuantity, at + "quantity",
                    [DecimalText.format(after), DecimalText.format(before), String(index + 1)])
            }
            var unchanged = output
            unchanged.productId = input.productId
            if unchanged == input { add(UFormRules.editingNothing, at + "name", [String(index + 1)]) }
        }
    }
}
