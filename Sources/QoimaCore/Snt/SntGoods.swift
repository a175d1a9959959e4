import Foundation

/// One goods line of table G1 (`productSet`) or G6 (`oilSet`). Numbers are `Decimal`, never
/// `Double`; a nil number is an empty field. Comments give the column of table G1.
public struct GoodsLine: Hashable, Sendable, Codable {
    /// 1: line number, from 1.
    public var productNumber: Int?
    /// 2: origin sign, a code 1–6 (meanings assumed, U9).
    public var truOriginCode: Int?
    /// 3.
    public var productName: String
    /// 4: required on every line.
    public var tnvedCode: TnvedCode?
    /// 5.
    public var measureUnitCode: MeasureUnitCode?
    /// 6.
    public var quantity: Decimal?
    /// 7: unit price.
    public var price: Decimal?
    /// 8: value without indirect taxes = quantity × price.
    public var priceWithoutTax: Decimal?
    /// 9: excise amount = excise rate × quantity.
    public var exciseAmount: Decimal?
    /// 9.1.
    public var exciseRate: Decimal?
    /// 10: VAT rate in percent, an integer such as 12.
    public var ndsRate: Int?
    /// 11: VAT amount.
    public var ndsAmount: Decimal?
    /// 12: value with taxes.
    public var priceWithTax: Decimal?
    /// 13: virtual-warehouse product id with batch.
    public var productId: VirtualProductId?
    /// 14: release application, customs declaration, CT-1/CT-KZ or primary SNT number.
    public var declarationNumberForSnt: String?
    /// 15: line number in that document.
    public var productNumberInDeclaration: String?
    /// 16 (G1 only).
    public var gtinCode: Gtin?
    /// 17.
    public var additionalInfo: String?
    /// NKT code. SntV1 (2021) has no element for it (U1); kept locally, written only under an
    /// assumed element name.
    public var ntin: Ntin?
    /// PIN (G6, oil only).
    public var pinCode: String?

    public init(productNumber: Int? = nil, truOriginCode: Int? = nil, productName: String = "",
                tnvedCode: TnvedCode? = nil, measureUnitCode: MeasureUnitCode? = nil,
                quantity: Decimal? = nil, price: Decimal? = nil, priceWithoutTax: Decimal? = nil,
                exciseAmount: Decimal? = nil, exciseRate: Decimal? = nil, ndsRate: Int? = nil,
                ndsAmount: Decimal? = nil, priceWithTax: Decimal? = nil, productId: VirtualProductId? = nil,
                declarationNumberForSnt: String? = nil, productNumberInDeclaration: String? = nil,
                gtinCode: Gtin? = nil, additionalInfo: String? = nil, ntin: Ntin? = nil, pinCode: String? = nil) {
        self.productNumber = productNumber
        self.truOriginCode = truOriginCode
        self.productName = productName
        self.tnvedCode = tnvedCode
        self.measureUnitCode = measureUnitCode
        self.quantity = quantity
        self.price = price
        self.priceWithoutTax = priceWithoutTax
        self.exciseAmount = exciseAmount
        self.exciseRate = exciseRate
        self.ndsRate = ndsRate
        self.ndsAmount = ndsAmount
        self.priceWithTax = priceWithTax
        self.productId = productId
        self.declarationNumberForSnt = declarationNumberForSnt
        self.productNumberInDeclaration = productNumberInDeclaration
        self.gtinCode = gtinCode
        self.additionalInfo = additionalInfo
        self.ntin = ntin
        self.pinCode = pinCode
    }
}

/// The totals every goods set starts with (fields 52.1–52.4).
public struct GoodsTotals: Hashable, Sendable, Codable {
    /// 52.1.
    public var totalPriceWithoutTax: Decimal?
    /// 52.2.
    public var totalExciseAmount: Decimal?
    /// 52.3.
    public var totalNdsAmount: Decimal?
    /// 52.4.
    public var totalPriceWithTax: Decimal?

    public init(totalPriceWithoutTax: Decimal? = nil, totalExciseAmount: Decimal? = nil,
                totalNdsAmount: Decimal? = nil, totalPriceWithTax: Decimal? = nil) {
        self.totalPriceWithoutTax = totalPriceWithoutTax
        self.totalExciseAmount = totalExciseAmount
        self.totalNdsAmount = totalNdsAmount
        self.totalPriceWithTax = totalPriceWithTax
    }
}

/// Table G1, `productSet`.
public struct GoodsSet: Hashable, Sendable, Codable {
    public var totals: GoodsTotals
    public var lines: [GoodsLine]

    public init(totals: GoodsTotals = GoodsTotals(), lines: [GoodsLine] = []) {
        self.totals = totals
        self.lines = lines
    }
}

/// Table G6 with its set fields G7 (69–72), `oilSet`. Quantities in tonnes (litres at retail).
public struct OilSet: Hashable, Sendable, Codable {
    public var totals: GoodsTotals
    public var lines: [GoodsLine]
    /// 69: tax office of the sender.
    public var kogdOfSender: String?
    /// 70: tax office of the recipient.
    public var kogdOfRecipient: String?
    /// 71.
    public var operationCode: String?
    /// 72.
    public var productSellerType: String?

    public init(totals: GoodsTotals = GoodsTotals(), lines: [GoodsLine] = [], kogdOfSender: String? = nil,
                kogdOfRecipient: String? = nil, operationCode: String? = nil, productSellerType: String? = nil) {
        self.totals = totals
        self.lines = lines
        self.kogdOfSender = kogdOfSender
        self.kogdOfRecipient = kogdOfRecipient
        self.operationCode = operationCode
        self.productSellerType = productSellerType
    }
}

/// Which goods table a line belongs to.
public enum GoodsTable: String, CaseIterable, Sendable, Codable {
    /// `productSet`.
    case g1 = "G1"
    /// `oilSet`.
    case g6 = "G6"
}
