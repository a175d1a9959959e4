/// GSVS goods code `KPVED-TNVED[/GTIN]`, e.g. `08.91.12.01-2503001000` (domain.md §3).
public struct GsvsCode: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(kpved: KpvedCode, tnved: TnvedCode, gtin: Gtin? = nil) {
        rawValue = kpved.rawValue + "-" + tnved.rawValue + (gtin.map { "/" + $0.rawValue } ?? "")
    }

    public static let patternText = "KPVED-TNVED[/GTIN]"

    /// The three parts, or nil when the text does not have the shape (the parts may still be invalid).
    public var parts: (kpved: KpvedCode, tnved: TnvedCode, gtin: Gtin?)? { Self.split(rawValue) }

    static func split(_ text: some StringProtocol) -> (kpved: KpvedCode, tnved: TnvedCode, gtin: Gtin?)? {
        // Scanning UTF-8 bytes, not Characters: every goods line is parsed on each check.
        guard let dash = text.utf8.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        let kpved = text[..<dash]
        let rest = text[text.utf8.index(after: dash)...]
        let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/"))
        let tnved = slash.map { rest[..<$0] } ?? rest
        let gtin = slash.map { rest[rest.utf8.index(after: $0)...] }
        guard !kpved.isEmpty, !tnved.isEmpty, gtin.map({ !$0.isEmpty }) ?? true else { return nil }
        return (KpvedCode(String(kpved)), TnvedCode(String(tnved)), gtin.map { Gtin(String($0)) })
    }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        guard let parts = split(rawValue) else { return .format(expected: patternText) }
        return parts.kpved.defect ?? parts.tnved.defect ?? parts.gtin?.defect
    }
}

/// The virtual-warehouse product id of an SNT line: `KPVED-TNVED[/GTIN]<batch>{PIN}`, e.g.
/// `08.91.12.01-2503001000<812004>`. The batch is the balance row's `productId` (domain.md §3, §9.2).
public struct VirtualProductId: CheckedIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Batches are never negative and a PIN holds no `}`; other values do not parse back.
    public init(gsvs: GsvsCode, batch: Int64, pin: String? = nil) {
        rawValue = gsvs.rawValue + "<\(batch)>" + (pin.map { "{" + $0 + "}" } ?? "")
    }

    public static let patternText = "KPVED-TNVED[/GTIN]<batch>{PIN}"

    public struct Parts: Hashable, Sendable {
        public let gsvs: GsvsCode
        public let batch: Int64
        public let pin: String?
    }

    /// The parts, or nil when the text does not have the shape.
    public var parts: Parts? {
        let text = rawValue
        let utf8 = text.utf8
        guard let open = utf8.firstIndex(of: UInt8(ascii: "<")),
              let close = utf8[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let gsvsText = text[..<open]
        let batchText = text[utf8.index(after: open)..<close]
        let tail = text[utf8.index(after: close)...]
        // No length limit of our own: Int64 refuses what it cannot hold, and 19-digit batches fit.
        guard GsvsCode.split(gsvsText) != nil, DigitText.isDigits(batchText),
              let batch = Int64(batchText) else { return nil }
        var pin: String?
        if !tail.isEmpty {
            let bytes = tail.utf8
            guard bytes.count >= 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}"),
                  !bytes.dropFirst().dropLast().contains(UInt8(ascii: "}")) else { return nil }
            pin = String(tail.dropFirst().dropLast())
        }
        return Parts(gsvs: GsvsCode(String(gsvsText)), batch: batch, pin: pin)
    }

    public static func defect(of rawValue: String) -> IdentifierDefect? {
        if rawValue.isEmpty { return .empty }
        guard let parts = VirtualProductId(rawValue).parts else { return .format(expected: patternText) }
        return parts.gsvs.defect
    }
}
