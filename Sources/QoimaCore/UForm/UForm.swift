import Foundation

/// A universal form of the virtual warehouse (`UFormV1`, domain.md §10): a document that
/// changes balances, such as opening balances, a movement between own warehouses or a write-off.
public struct UForm: Hashable, Sendable, Codable {
    // Base part
    public var date: CalendarDate?
    /// At most `UForm.maxNumberLength` characters.
    public var number: String
    /// The receiving warehouse of a movement.
    public var recipient: UFormParty?
    /// The taxpayer and warehouse the form is about.
    public var sender: UFormParty?
    /// Σ of the products' sums, > 0.
    public var totalSum: Decimal?
    public var type: UFormType?

    // Extension
    /// Required by the API, though optional on the portal; one client sends a single space.
    public var comment: String?
    public var detailingType: DetailingType?
    /// The Ministry of Justice order of a reorganisation.
    public var orderNumber: String?
    public var products: [UFormProduct]
    public var reorganizationType: ReorganizationType?
    /// The input side of manufacture and detailing.
    public var sourceProducts: [UFormProduct]
    public var sourceTotalSum: Decimal?
    public var writeOffReason: WriteOffReason?

    // Qoima's own record, not an element of UFormV1
    /// What a write-off rests on (the act, the guilty person, the cash register…). The store keeps
    /// it beside the body, and `UFormComment` writes it at the head of the comment sent.
    public var writeOffDetails: [WriteOffDetail: String] = [:]

    /// A known client's limit (domain.md §3).
    public static let maxNumberLength = 30

    public init(number: String = "", date: CalendarDate? = nil, type: UFormType? = nil, sender: UFormParty? = nil,
                recipient: UFormParty? = nil, totalSum: Decimal? = nil, comment: String? = nil,
                products: [UFormProduct] = [], sourceProducts: [UFormProduct] = [], sourceTotalSum: Decimal? = nil,
                writeOffReason: WriteOffReason? = nil, detailingType: DetailingType? = nil,
                reorganizationType: ReorganizationType? = nil, orderNumber: String? = nil) {
        self.number = number
        self.date = date
        self.type = type
        self.sender = sender
        self.recipient = recipient
        self.totalSum = totalSum
        self.comment = comment
        self.products = products
        self.sourceProducts = sourceProducts
        self.sourceTotalSum = sourceTotalSum
        self.writeOffReason = writeOffReason
        self.detailingType = detailingType
        self.reorganizationType = reorganizationType
        self.orderNumber = orderNumber
    }
}
