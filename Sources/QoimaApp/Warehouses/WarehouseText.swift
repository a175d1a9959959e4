import Foundation
import QoimaCore
import QoimaStore

/// How warehouses and their details read in the interface's language.
enum WarehouseText {
    static var language: Language { Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// A type's name; a code Qoima does not know, as IS ESF wrote it.
    static func type(code: String) -> String {
        WarehouseType(code: code)?.name.text(in: language) ?? (code.isEmpty ? "—" : code)
    }

    static func sign(_ sign: WarehouseSign) -> String { sign.name.text(in: language) }

    /// The signs a stored warehouse carries, priority first.
    static func signs(of warehouse: StoredWarehouse) -> [WarehouseSign] {
        WarehouseSign.allCases.filter { sign in
            sign == .priority ? warehouse.isDefault : warehouse.signs[sign.rawValue] == "true"
        }
    }

    static func isActive(_ warehouse: StoredWarehouse) -> Bool { warehouse.status != "INVALID" }

    /// A quantity or price exactly, with grouped thousands and the language's decimal separator.
    static func amount(_ value: Decimal?) -> String {
        guard let value else { return "" }
        let text = DecimalText.format(value)
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map { Int($0) != nil ? SntListFormat.grouped(Int($0)!) : String($0) } ?? "0"
        return (negative ? "-" : "") + whole + (parts.count > 1 ? SntListFormat.decimalSeparator + parts[1] : "")
    }
}
