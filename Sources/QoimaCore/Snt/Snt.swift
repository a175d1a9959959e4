import Foundation

/// An SNT as the supplier (the recipient, on import) fills it: everything in the `SntV1` body
/// (domain.md §5). What IS ESF adds on registration is in `SntRegistration`.
public struct Snt: Hashable, Sendable, Codable {
    // Section A
    /// A 1, at most 50 characters.
    public var number: String
    /// A 2: date of issue.
    public var date: CalendarDate?
    /// A 2.1: date of the paper SNT, when it is entered afterwards.
    public var datePaper: CalendarDate?
    /// A 2.1.1.
    public var reasonPaper: PaperReason?
    /// A 3.
    public var shippingDate: CalendarDate?
    /// A 4.2: digital-marking act or notification number.
    public var digitalMarkingNotificationNumber: String?
    /// A 4.2.1.
    public var digitalMarkingNotificationDate: CalendarDate?
    public var type: SntType
    /// A 5.1 (FIXED_SNT: the original) / A 6.1 (RETURNED_SNT: the SNT returned).
    public var relatedRegistrationNumber: SntRegistrationNumber?
    /// A 7.
    public var importKind: SntImport?
    /// A 8.
    public var exportKind: SntExport?
    /// A 9.
    public var transferType: TransferType?
    /// Mobile transport post id.
    public var mptId: String?

    // Sections B and C
    public var seller: SntParty
    public var customer: SntParty

    // Section D
    public var consignor: ConsignmentParty?
    public var consignee: ConsignmentParty?

    // Section E
    public var carriage: SntCarriage?

    // Section F
    public var contract: SntContract?

    // Section G
    /// 50.
    public var currencyCode: CurrencyCode?
    /// 51: exchange rate, for a foreign currency.
    public var currencyRate: Decimal?
    /// G1.
    public var goods: GoodsSet?
    /// G6 and G7.
    public var oil: OilSet?

    // Section K and the smaller blocks
    public var roadCargo: SntRoadCargo?
    public var taxOffices: SntTaxOffices?
    public var releaseGoods: SntPowerOfAttorney?
    public var aircraftRefueling: SntAircraftRefueling?
    public var sharingContracts: SntSharingContracts?
    /// Blocks kept verbatim; see `PreservedBlock`.
    public var preservedBlocks: [PreservedBlock]

    public init(number: String = "", date: CalendarDate? = nil, type: SntType = .primary,
                seller: SntParty = SntParty(), customer: SntParty = SntParty()) {
        self.number = number
        self.date = date
        self.type = type
        self.seller = seller
        self.customer = customer
        preservedBlocks = []
    }

    /// Every goods line with the table it is in, G1 first.
    public var allLines: [(table: GoodsTable, index: Int, line: GoodsLine)] {
        (goods?.lines.enumerated().map { (GoodsTable.g1, $0.offset, $0.element) } ?? [])
            + (oil?.lines.enumerated().map { (GoodsTable.g6, $0.offset, $0.element) } ?? [])
    }
}
