import Foundation

/// PEM armour ("-----BEGIN …-----", Base64 lines, "-----END …-----").
enum PEM {
    static func encode(_ der: [UInt8], label: String) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    /// The DER inside the first block with `label`, or nil when there is none.
    static func decode(_ bytes: [UInt8], label: String) -> [UInt8]? {
        guard let text = String(bytes: bytes, encoding: .utf8),
              let begin = text.range(of: "-----BEGIN \(label)-----"),
              let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex) else { return nil }
        return decodeBase64Text(String(text[begin.upperBound..<end.lowerBound]))
    }

    /// Every block with `label`, in order.
    static func decodeAll(_ bytes: [UInt8], label: String) -> [[UInt8]] {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return [] }
        var blocks: [[UInt8]] = []
        var cursor = text.startIndex
        while let begin = text.range(of: "-----BEGIN \(label)-----", range: cursor..<text.endIndex),
              let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex) {
            if let der = decodeBase64Text(String(text[begin.upperBound..<end.lowerBound])) { blocks.append(der) }
            cursor = end.upperBound
        }
        return blocks
    }

    /// Bare Base64 text (whitespace allowed), or nil when `bytes` are not that.
    static func decodeBase64(_ bytes: [UInt8]) -> [UInt8]? {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        return decodeBase64Text(text)
    }

    static func decodeBase64Text(_ text: String) -> [UInt8]? {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, let data = Data(base64Encoded: compact) else { return nil }
        return Array(data)
    }
}
