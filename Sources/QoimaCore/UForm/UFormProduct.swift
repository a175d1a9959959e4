import Foundation

/// One `product` or `sourceProduct` line of a universal form (domain.md §10). Wire order: the
/// base part `gsvsCode`, `measureUnitCode`, `price`, `quantity`, `sum`, then the extension's
/// fields alphabetically, `canExport` … `tnvedCode`.
public struct UFormProduct: Hashable, Sendable, Codable {
    public var gsvsCode: GsvsCode?
    public var measureUnitCode: MeasureUnitCode?
    /// Unit price, > 0 when given.
    public var price: Decimal?
    /// > 0.
    public var quantity: Decimal?
    /// price × quantity, to 2 decimals.
    public var sum: Decimal?
    public var canExport: Bool?
    public var dutyType: DutyType?
    public var manufactureOrImportCountry: CountryCode?
    /// Customs declaration, FNO 328.00, CT-KZ or CT-1.
    public var manufactureOrImportDocNumber: String?
    public var markingCode: String?
    public var name: String?
    public var originCertificateDate: CalendarDate?
    public var originCode: String?
    public var physicalLabel: String?
    public var pinCode: String?
    /// The batch (a balance row's `productId`), > 0; names the goods a form takes from stock.
    public var productId: Int64?
    public var productNameInImportDoc: String?
    public var productNumberInImportDoc: String?
    public var spiritPercent: Decimal?
    public var tnvedCode: TnvedCode?

    public init(gsvsCode: GsvsCode? = nil, measureUnitCode: MeasureUnitCode? = nil, price: Decimal? = nil,
                quantity: Decimal? = nil, sum: Decimal? = nil, canExport: Bool? = nil, dutyType: DutyType? = nil,
                manufactureOrImportCountry: CountryCode? = nil, manufactureOrImportDocNumber: String? = nil,
                markingCode: String? = nil, name: String? = nil, originCertificateDate: CalendarDate? = nil,
                originCode: String? = nil, physicalLabel: String? = nil, pinCode: String? = nil,
                productId: Int64? = nil, productNameInImportDoc: String? = nil,
                productNumberInImportDoc: String? = nil, spiritPercent: Decimal? = nil, tnvedCode: TnvedCode? = nil) {
        self.gsvsCode = gsvsCode
        self.measureUnitCode = measureUnitCode
        self.price = price
        self.quantity = quantity
        self.sum = sum
        self.canExport = canExport
        self.dutyType = dutyType
        self.manufactureOrImportCountry = manufactureOrImportCountry
        self.manufactureOrImportDocNumber = manufactureOrImportDocNumber
        self.markingCode = markingCode
        self.name = name
        self.originCertificateDate = originCertificateDate
        self.originCode = originCode
        self.physicalLabel = physicalLabel
        self.pinCode = pinCode
        self.productId = productId
        self.productNameInImportDoc = productNameInImportDoc
        self.productNumberInImportDoc = productNumberInImportDoc
        self.spiritPercent = spiritPercent
        self.tnvedCode = tnvedCode
    }
}
