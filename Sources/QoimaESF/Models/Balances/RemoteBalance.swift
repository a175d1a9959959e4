import Foundation
import QoimaXML

/// One balance row of the virtual warehouse: a batch (`productId`) in a store
/// (`taxpayerStoreId`), domain.md §9.2. Quantities may be negative: cancelled forms are posted
/// as compensating rows.
public struct RemoteBalance: Hashable, Sendable {
    public var balanceId: Int64
    public var tin: String?
    public var taxpayerStoreId: Int64
    public var projectCode: String?
    public var name: String?
    public var kpvedCode: String?
    public var tnvedCode: String?
    public var gtinCode: String?
    /// The batch, the number inside `<…>` of an SNT `productId`; a few real rows have 0.
    public var productId: Int64?
    public var measureUnitCode: String?
    public var unitPrice: Decimal?
    public var manufactureOrImportDocNumber: String?
    public var productNumberInImportDoc: String?
    public var productNameInImportDoc: String?
    public var physicalLabel: String?
    public var pinCode: String?
    public var spiritPercent: Decimal?
    public var canExport: Bool?
    public var quantity: Decimal
    public var reserveQuantity: Decimal?
    /// `CCT`, `WTO`, `EAEU` or `NOT_INSTALLED`.
    public var dutyType: String?
    public var countryCode: String?

    public init(balanceId: Int64, tin: String? = nil, taxpayerStoreId: Int64, projectCode: String? = nil,
                name: String? = nil, kpvedCode: String? = nil, tnvedCode: String? = nil, gtinCode: String? = nil,
                productId: Int64? = nil, measureUnitCode: String? = nil, unitPrice: Decimal? = nil,
                manufactureOrImportDocNumber: String? = nil, productNumberInImportDoc: String? = nil,
                productNameInImportDoc: String? = nil, physicalLabel: String? = nil, pinCode: String? = nil,
                spiritPercent: Decimal? = nil, canExport: Bool? = nil, quantity: Decimal,
                reserveQuantity: Decimal? = nil, dutyType: String? = nil, countryCode: String? = nil) {
        self.balanceId = balanceId
        self.tin = tin
        self.taxpayerStoreId = taxpayerStoreId
        self.projectCode = projectCode
        self.name = name
        self.kpvedCode = kpvedCode
        self.tnvedCode = tnvedCode
        self.gtinCode = gtinCode
        self.productId = productId
        self.measureUnitCode = measureUnitCode
        self.unitPrice = unitPrice
        self.manufactureOrImportDocNumber = manufactureOrImportDocNumber
        self.productNumberInImportDoc = productNumberInImportDoc
        self.productNameInImportDoc = productNameInImportDoc
        self.physicalLabel = physicalLabel
        self.pinCode = pinCode
        self.spiritPercent = spiritPercent
        self.canExport = canExport
        self.quantity = quantity
        self.reserveQuantity = reserveQuantity
        self.dutyType = dutyType
        self.countryCode = countryCode
    }

    /// Required: `balanceId`, `taxpayerStoreId`, `quantity`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(balanceId: try view.requiredInt64("balanceId"), tin: view.string("tin"),
                  taxpayerStoreId: try view.requiredInt64("taxpayerStoreId"), projectCode: view.string("projectCode"),
                  name: view.string("name"), kpvedCode: view.string("kpvedCode"), tnvedCode: view.string("tnvedCode"),
                  gtinCode: view.string("gtinCode"), productId: try view.int64("productId"),
                  measureUnitCode: view.string("measureUnitCode"), unitPrice: try view.decimal("unitPrice"),
                  manufactureOrImportDocNumber: view.string("manufactureOrImportDocNumber"),
                  productNumberInImportDoc: view.string("productNumberInImportDoc"),
                  productNameInImportDoc: view.string("productNameInImportDoc"),
                  physicalLabel: view.string("physicalLabel"), pinCode: view.string("pinCode"),
                  spiritPercent: try view.decimal("spiritPercent"), canExport: try view.bool("canExport"),
                  quantity: try view.requiredDecimal("quantity"), reserveQuantity: try view.decimal("reserveQuantity"),
                  dutyType: view.string("dutyType"), countryCode: view.string("countryCode"))
    }
}

/// One page of the balance snapshot (`queryCurrentStatus`, domain.md §11): loop until
/// `lastBlock`, passing `lastBalanceId` back.
public struct BalancePage: Hashable, Sendable {
    public var balances: [RemoteBalance]
    public var lastBalanceId: Int64?
    public var lastBlock: Bool

    public init(balances: [RemoteBalance], lastBalanceId: Int64?, lastBlock: Bool) {
        self.balances = balances
        self.lastBalanceId = lastBalanceId
        self.lastBlock = lastBlock
    }

    /// Required: `lastBlock`.
    init(_ response: SOAPElementView) throws(ESFAnswerProblem) {
        var balances: [RemoteBalance] = []
        for view in response.items("balances", "balance") { balances.append(try RemoteBalance(view)) }
        self.init(balances: balances, lastBalanceId: try response.int64("lastBalanceId"),
                  lastBlock: try response.requiredBool("lastBlock"))
    }
}
