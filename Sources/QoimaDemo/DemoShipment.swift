import Foundation
import QoimaCore
import QoimaESF

/// A valid domestic sale between two companies, dated today, shipped from the seller's first
/// batch in IS ESF that holds enough: how demo mode, the benchmarks and the end-to-end tests
/// make SNTs that IS ESF (the sandbox) registers.
public enum DemoShipment {
    public enum Failure: Error, CustomStringConvertible {
        case noBatch(seller: String, quantity: Decimal)
        case noPriorityWarehouse(tin: String)

        public var description: String {
            switch self {
            case let .noBatch(seller, quantity): "no batch of \(seller) holds \(quantity)"
            case let .noPriorityWarehouse(tin): "\(tin) has no priority warehouse"
            }
        }
    }

    /// The SNT and the batch it ships from. `client` is the seller's.
    public static func make(client: ESFClient, seller: DemoCompany, buyer: DemoCompany, number: String,
                            quantity: Decimal) async throws -> (snt: Snt, batch: RemoteBalance) {
        let balances = try await client.currentBalances(after: nil, limit: 1000).balances
        guard let batch = balances.first(where: { $0.quantity - ($0.reserveQuantity ?? 0) >= quantity * 3
            && $0.productId != nil && $0.kpvedCode != nil && $0.tnvedCode != nil && $0.measureUnitCode != nil })
        else { throw Failure.noBatch(seller: seller.bin.rawValue, quantity: quantity) }
        guard let ownStore = try await client.stores().first(where: { $0.isDefault == true }) else {
            throw Failure.noPriorityWarehouse(tin: seller.bin.rawValue)
        }
        guard let buyerStore = try await client.stores(ofTin: buyer.bin).first(where: { $0.isDefault == true }) else {
            throw Failure.noPriorityWarehouse(tin: buyer.bin.rawValue)
        }
        let today = KazakhstanClock.today()
        var snt = Snt(number: number, date: today, type: .primary,
                      seller: party(seller, store: ownStore.id), customer: party(buyer, store: buyerStore.id))
        snt.shippingDate = today
        snt.currencyCode = .tenge
        snt.carriage = SntCarriage(tin: seller.bin, nonResident: false, name: seller.name, transportTypes: [.automobile],
                                   carStateNumber: "123ABC02", trailerStateNumber: "45AB02")
        snt.contract = SntContract(isContract: true, number: "Д-17/2026", date: today.adding(days: -30),
                                   deliveryCondition: "DAP")
        let tnved = TnvedCode(batch.tnvedCode!)
        let line = GoodsLineArithmetic.completed(GoodsLine(
            productNumber: 1, truOriginCode: 1, productName: batch.name ?? "Тауар", tnvedCode: tnved,
            measureUnitCode: MeasureUnitCode(batch.measureUnitCode!), quantity: quantity,
            price: batch.unitPrice.flatMap { $0 > 0 ? $0 : nil } ?? 100, ndsRate: 16,
            productId: VirtualProductId(gsvs: GsvsCode(kpved: KpvedCode(batch.kpvedCode!), tnved: tnved),
                                        batch: batch.productId!)))
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: [line]), lines: [line])
        return (snt, batch)
    }

    static func party(_ company: DemoCompany, store: Int64) -> SntParty {
        SntParty(tin: company.bin, nonResident: false, name: company.name, registerCountryCode: .kazakhstan,
                 countryCode: .kazakhstan, actualAddress: "\(company.city) қ.", storeId: store)
    }
}
