import Foundation
import QoimaCore

/// What a list of SNTs shows: which documents, in which order. Pages are read with `SntList`.
public struct SntListQuery: Hashable, Sendable {
    /// The own company; nil for all of them.
    public var companyId: Int64?
    public var direction: SntDirection?
    /// Empty for any status.
    public var statuses: Set<SntStatus>
    /// The SNT date (A 2), inclusive at both ends.
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// The other party's IIN/BIN: the customer of an outgoing SNT, the seller of an incoming one.
    public var counterpartyTin: String?
    /// The own warehouse: the sender's of an outgoing SNT, the receiver's of an incoming one.
    public var storeId: Int64?
    /// What the user typed in the search entry (`SntSearchIndex.query(for:)`).
    public var search: String?
    public var order: SntListOrder

    public init(companyId: Int64? = nil, direction: SntDirection? = nil, statuses: Set<SntStatus> = [],
                from: CalendarDate? = nil, to: CalendarDate? = nil, counterpartyTin: String? = nil,
                storeId: Int64? = nil, search: String? = nil, order: SntListOrder = .newestFirst) {
        self.companyId = companyId
        self.direction = direction
        self.statuses = statuses
        self.from = from
        self.to = to
        self.counterpartyTin = counterpartyTin
        self.storeId = storeId
        self.search = search
        self.order = order
    }
}

/// A column the lists sort by; ties are broken by the local id in the same direction.
public enum SntListColumn: String, CaseIterable, Sendable, Codable {
    case number, date, shippingDate, counterparty, counterpartyTin, total, status, registrationNumber

    /// The ORDER BY terms, matching the column's index (SchemaV2) so the first page is an index
    /// walk: the status and counterparty indexes order ties by date.
    func orderSQL(_ direction: String) -> String {
        switch self {
        case .status, .counterpartyTin: "\(sql) \(direction), snt.date \(direction), snt.id \(direction)"
        default: "\(sql) \(direction), snt.id \(direction)"
        }
    }

    /// Each has an index led by company and direction (SchemaV2).
    var sql: String {
        switch self {
        case .number: "snt.number"
        case .date: "snt.date"
        case .shippingDate: "snt.shippingDate"
        case .counterparty: "snt.counterpartyName"
        case .counterpartyTin: "snt.counterpartyTin"
        case .total: "snt.totalWithTaxTiyn"
        case .status: "snt.status"
        case .registrationNumber: "snt.registrationNumber"
        }
    }
}

public struct SntListOrder: Hashable, Sendable {
    public var column: SntListColumn
    public var ascending: Bool

    public init(_ column: SntListColumn, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }

    public static let newestFirst = SntListOrder(.date, ascending: false)
}

/// One row of an SNT list: what the list columns show.
public struct SntListRow: Hashable, Sendable {
    public var id: Int64
    public var companyId: Int64
    public var direction: SntDirection
    public var type: SntType
    public var status: SntStatus
    public var number: String
    public var date: CalendarDate?
    public var shippingDate: CalendarDate?
    public var counterpartyName: String
    public var counterpartyTin: String?
    public var total: Decimal?
    public var currencyCode: String?
    public var registrationNumber: String?
    /// How many problems the last check found.
    public var problemCount: Int
    public var revision: Int
}
