import Foundation

/// Section G: the goods tables, line by line, then their totals and set fields.
extension SntValidation {
    mutating func checkGoods() {
        let g1 = snt.goods, g6 = snt.oil
        if (g1?.lines ?? []).isEmpty && (g6?.lines ?? []).isEmpty {
            add(SntGoodsRules.goodsRequired, .goods)
        } else {
            if let g1, g1.lines.isEmpty { add(SntGoodsRules.tableEmpty, .goods) }
            if let g6, g6.lines.isEmpty { add(SntGoodsRules.tableEmpty, .oil) }
        }
        if let g1 { checkTable(.g1, g1.lines, g1.totals) }
        if let g6 {
            checkTable(.g6, g6.lines, g6.totals)
            checkOilSetFields(g6)
        }
    }

    private mutating func checkTable(_ table: GoodsTable, _ lines: [GoodsLine], _ totals: GoodsTotals) {
        guard !lines.isEmpty else { return }
        var numberSeen = [Bool](repeating: false, count: lines.count + 1)
        let turnoverDate = snt.shippingDate ?? snt.date
        let review = GoodsLineArithmetic.review(lines)
        let lineContext = LineContext(
            table: table, count: lines.count,
            isDomestic: snt.importKind == nil && snt.exportKind == nil,
            turnoverDate: turnoverDate,
            ratesInForce: turnoverDate.map(SntRuleAssumptions.vatRates(on:)))
        for (index, line) in lines.enumerated() {
            checkLine(line, at: index + 1, lineContext, corrections: review.corrections[index], numberSeen: &numberSeen)
        }
        checkTotals(table, review.sums, totals)
    }

    /// What every line of a table is checked against.
    private struct LineContext {
        let table: GoodsTable
        let count: Int
        let isDomestic: Bool
        let turnoverDate: CalendarDate?
        let ratesInForce: Set<Int>?
    }

    private mutating func checkLine(_ line: GoodsLine, at position: Int, _ lineContext: LineContext,
                                    corrections: GoodsLineArithmetic.Corrections, numberSeen: inout [Bool]) {
        let rules = SntGoodsRules.self
        let table = lineContext.table
        func field(_ column: GoodsLineField) -> SntField { SntField.line(column, in: table) }

        if let number = line.productNumber {
            if number < 1 || number > lineContext.count {
                add(rules.lineNumberSequence, field(.productNumber), table: table, line: position,
                    String(lineContext.count), String(number))
            } else if numberSeen[number] {
                add(rules.lineNumberDuplicate, field(.productNumber), table: table, line: position, String(number))
            } else {
                numberSeen[number] = true
            }
        } else {
            add(rules.lineNumberRequired, field(.productNumber), table: table, line: position)
        }

        if let origin = line.truOriginCode {
            if !(1...6).contains(origin) {
                add(rules.originRange, field(.truOriginCode), table: table, line: position, String(origin))
            }
        } else {
            add(rules.originRequired, field(.truOriginCode), table: table, line: position)
        }

        if Self.isBlank(line.productName) { add(rules.nameRequired, field(.productName), table: table, line: position) }

        let tnved = Self.present(line.tnvedCode)
        if let tnved {
            if tnved.defect != nil {
                add(rules.tnvedFormat, field(.tnvedCode), table: table, line: position, tnved.rawValue)
            }
        } else {
            add(rules.tnvedRequired, field(.tnvedCode), table: table, line: position)
        }

        if let unit = Self.present(line.measureUnitCode) {
            if unit.defect != nil {
                add(rules.unitCodeFormat, field(.measureUnitCode), table: table, line: position, unit.rawValue)
            } else if !context.knownUnitCodes.contains(unit.rawValue) {
                add(rules.unitCodeUnknown, field(.measureUnitCode), table: table, line: position, unit.rawValue)
            }
        } else {
            add(rules.unitRequired, field(.measureUnitCode), table: table, line: position)
        }

        if let quantity = line.quantity {
            if !Self.isPositive(quantity) {
                add(rules.quantityPositive, field(.quantity), table: table, line: position, Self.text(quantity))
            }
        } else {
            add(rules.quantityRequired, field(.quantity), table: table, line: position)
        }
        if let price = line.price {
            if Self.isNegative(price) { add(rules.priceNegative, field(.price), table: table, line: position, Self.text(price)) }
        } else {
            add(rules.priceRequired, field(.price), table: table, line: position)
        }

        checkArithmetic(line, at: position, lineContext, corrections)
        checkProductId(line, tnved: tnved, at: position, lineContext)

        if table == .g1, let gtin = Self.present(line.gtinCode), let defect = gtin.defect {
            add(defect == .checksum ? rules.gtinChecksum : rules.gtinFormat, field(.gtinCode),
                table: table, line: position, gtin.rawValue)
        }
        if let ntin = Self.present(line.ntin), let defect = ntin.defect {
            if defect == .checksum {
                add(rules.ntinChecksum, field(.ntin), table: table, line: position, ntin.rawValue)
            } else {
                add(rules.ntinFormat, field(.ntin), table: table, line: position, ntin.rawValue,
                    String(IdentifierAssumptions.ntinLength))
            }
        }
        if table == .g6, Self.isBlank(line.pinCode) {
            add(rules.oilPinRequired, field(.pinCode), table: table, line: position)
        }
    }

    /// Columns 8–12 against `GoodsLineArithmetic`, and the rates they rest on.
    private mutating func checkArithmetic(_ line: GoodsLine, at position: Int, _ lineContext: LineContext,
                                          _ corrections: GoodsLineArithmetic.Corrections) {
        let rules = SntArithmeticRules.self
        let table = lineContext.table
        func field(_ column: GoodsLineField) -> SntField { SntField.line(column, in: table) }

        if let expected = corrections.valueWithoutTax {
            add(rules.valueWithoutTax, field(.priceWithoutTax), table: table, line: position,
                Self.text(expected), Self.text(line.priceWithoutTax))
        }

        if let rate = line.exciseRate, Self.isNegative(rate) {
            add(rules.exciseRateNegative, field(.exciseRate), table: table, line: position, Self.text(rate))
        }
        if line.exciseRate == nil, line.exciseAmount != nil {
            add(rules.exciseRateRequired, field(.exciseRate), table: table, line: position)
        }
        if let expected = corrections.exciseAmount {
            add(rules.exciseAmount, field(.exciseAmount), table: table, line: position,
                Self.text(expected), Self.text(line.exciseAmount))
        }

        if let rate = line.ndsRate {
            if !SntRuleAssumptions.allowedVatRates.contains(rate) {
                add(rules.vatRateAllowed, field(.ndsRate), table: table, line: position, String(rate),
                    Self.rateList(SntRuleAssumptions.allowedVatRates))
            } else if let inForce = lineContext.ratesInForce, let date = lineContext.turnoverDate,
                      !inForce.contains(rate) {
                add(rules.vatRateForDate, field(.ndsRate), table: table, line: position, String(rate),
                    date.ddMMyyyy, Self.rateList(inForce))
            }
        } else if line.ndsAmount != nil {
            add(rules.vatRateRequired, field(.ndsRate), table: table, line: position)
        }
        if let expected = corrections.vatAmount {
            add(rules.vatAmount, field(.ndsAmount), table: table, line: position,
                Self.text(expected), String(line.ndsRate ?? 0), Self.text(line.ndsAmount))
        }

        if let expected = corrections.valueWithTax {
            add(rules.valueWithTax, field(.priceWithTax), table: table, line: position,
                Self.text(expected), Self.text(line.priceWithTax))
        }
    }

    private mutating func checkProductId(_ line: GoodsLine, tnved: TnvedCode?, at position: Int,
                                         _ lineContext: LineContext) {
        let rules = SntGoodsRules.self
        let table = lineContext.table
        var field: SntField { SntField.line(.productId, in: table) }
        guard let productId = Self.present(line.productId) else {
            if lineContext.isDomestic { add(rules.productIdExpected, field, table: table, line: position) }
            return
        }
        guard let codes = productId.parts?.gsvs.parts,
              codes.kpved.defect == nil, codes.tnved.defect == nil, codes.gtin?.defect == nil else {
            add(rules.productIdFormat, field, table: table, line: position, productId.rawValue,
                VirtualProductId.patternText)
            return
        }
        if let tnved, tnved.defect == nil, codes.tnved.rawValue != tnved.rawValue {
            add(rules.productIdTnved, field, table: table, line: position, codes.tnved.rawValue, tnved.rawValue)
        }
        if table == .g1, let idGtin = codes.gtin, let lineGtin = Self.present(line.gtinCode),
           lineGtin.defect == nil, idGtin.gtin14 != lineGtin.gtin14 {
            add(rules.productIdGtin, field, table: table, line: position, idGtin.rawValue, lineGtin.rawValue)
        }
    }

    /// Totals 52.1–52.4 against the sums of the lines. 52.1 is required; the others may be absent
    /// while their sum is 0.
    private mutating func checkTotals(_ table: GoodsTable, _ sums: GoodsTotals, _ totals: GoodsTotals) {
        let rules = SntArithmeticRules.self
        let checks: [(GoodsTotalField, SntRule, Decimal, Decimal?, Bool)] = [
            (.totalPriceWithoutTax, rules.totalValueWithoutTax, sums.totalPriceWithoutTax ?? 0,
             totals.totalPriceWithoutTax, true),
            (.totalExciseAmount, rules.totalExciseAmount, sums.totalExciseAmount ?? 0, totals.totalExciseAmount, false),
            (.totalNdsAmount, rules.totalVatAmount, sums.totalNdsAmount ?? 0, totals.totalNdsAmount, false),
            (.totalPriceWithTax, rules.totalValueWithTax, sums.totalPriceWithTax ?? 0, totals.totalPriceWithTax, false),
        ]
        for (total, rule, expected, found, required) in checks {
            let passes = found.map { $0 == expected } ?? (!required && expected == 0)
            if !passes {
                add(rule, SntField.total(total, in: table), table: table, Self.text(expected), Self.text(found))
            }
        }
    }

    private mutating func checkOilSetFields(_ oil: OilSet) {
        let fields: [(String?, SntField)] = [
            (oil.kogdOfSender, .oilKogdOfSender), (oil.kogdOfRecipient, .oilKogdOfRecipient),
            (oil.operationCode, .oilOperationCode), (oil.productSellerType, .oilProductSellerType),
        ]
        for (value, field) in fields where Self.isBlank(value) {
            add(SntGoodsRules.oilSetFieldRequired, field, table: .g6)
        }
        checkTaxOffice(oil.kogdOfSender, at: .oilKogdOfSender)
        checkTaxOffice(oil.kogdOfRecipient, at: .oilKogdOfRecipient)
    }

    static func rateList(_ rates: Set<Int>) -> String {
        rates.sorted().map(String.init).joined(separator: ", ")
    }
}
