import Foundation

/// A Magazine entry with what its columns show of the SNT it was issued for: what the Magazine
/// page lists and what is printed (`MagazineLayout`).
public struct MagazineRow: Hashable, Sendable {
    public var entry: MagazineEntry
    /// The linked SNT as stored now; nil for a blank spoiled without one or a deleted draft.
    public var snt: LinkedSnt?

    public init(entry: MagazineEntry, snt: LinkedSnt? = nil) {
        self.entry = entry
        self.snt = snt
    }

    /// What the Magazine shows of the SNT (B 13/14, C 22/23, E a1.1, G1 totals, its registration).
    public struct LinkedSnt: Hashable, Sendable {
        public var id: Int64
        /// A 1.
        public var number: String
        public var status: SntStatus
        public var sellerTin: String?
        public var sellerName: String
        public var customerTin: String?
        public var customerName: String
        /// E a1.1 `carStateNumber`.
        public var vehiclePlate: String?
        /// Goods lines of every table.
        public var lineCount: Int
        public var totalWithTax: Decimal?
        public var currencyCode: String?
        /// What IS ESF gave once the electronic SNT was registered.
        public var registrationNumber: String?
        public var inputDate: Date?

        public init(id: Int64, number: String, status: SntStatus, sellerTin: String?, sellerName: String,
                    customerTin: String?, customerName: String, vehiclePlate: String?, lineCount: Int,
                    totalWithTax: Decimal?, currencyCode: String?, registrationNumber: String?, inputDate: Date?) {
            self.id = id
            self.number = number
            self.status = status
            self.sellerTin = sellerTin
            self.sellerName = sellerName
            self.customerTin = customerTin
            self.customerName = customerName
            self.vehiclePlate = vehiclePlate
            self.lineCount = lineCount
            self.totalWithTax = totalWithTax
            self.currencyCode = currencyCode
            self.registrationNumber = registrationNumber
            self.inputDate = inputDate
        }
    }

    /// The IS ESF registration number: the one recorded on the entry, else the SNT's own.
    public var registrationNumber: String? {
        entry.registrationNumber?.rawValue ?? snt?.registrationNumber
    }

    /// When the SNT was entered into IS ESF, as recorded, else as IS ESF reported it.
    public var enteredAt: Date? {
        entry.enteredAt ?? (entry.state == .spoiled ? nil : snt?.inputDate)
    }

    /// Whether `text` is in the entry's number, the SNT's number or registration number, or a
    /// party's name or IIN/BIN (case and ё/е aside).
    public func matches(_ text: String) -> Bool {
        let words = Self.folded(text).split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = Self.folded([String(entry.number), entry.label, snt?.number ?? "", registrationNumber ?? "",
                                    snt?.sellerName ?? "", snt?.sellerTin ?? "", snt?.customerName ?? "",
                                    snt?.customerTin ?? ""].joined(separator: " "))
        return words.allSatisfy { haystack.contains($0) }
    }

    private static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
