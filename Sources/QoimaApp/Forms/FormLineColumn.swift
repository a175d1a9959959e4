import Foundation
import GtkKit
import QoimaCore

/// Text that a line's column cannot hold, said at the column.
struct FormInputError: Error {
    let message: String
}

/// A column of a form line typed in by hand (opening balances, production outputs): how it
/// reads from and writes to `UFormProduct`, and the element its problems name.
public enum FormLineColumn: String, CaseIterable, Sendable {
    case name, tnvedCode, gsvsCode, measureUnitCode, price, quantity, manufactureOrImportDocNumber, physicalLabel

    /// The element of the body (`UFormValidator` paths end with it).
    var element: String { rawValue }

    var title: String {
        switch self {
        case .name: tr("Name")
        case .tnvedCode: tr("TN VED code")
        case .gsvsCode: tr("KPVED–TN VED (GSVS code)")
        case .measureUnitCode: tr("Unit of measure code")
        case .price: tr("Price per unit")
        case .quantity: tr("Quantity")
        case .manufactureOrImportDocNumber: tr("Customs declaration or origin document")
        case .physicalLabel: tr("Physical label")
        }
    }

    func text(of line: UFormProduct) -> String {
        switch self {
        case .name: line.name ?? ""
        case .tnvedCode: line.tnvedCode?.rawValue ?? ""
        case .gsvsCode: line.gsvsCode?.rawValue ?? ""
        case .measureUnitCode: line.measureUnitCode?.rawValue ?? ""
        case .price: line.price.map(DecimalText.format) ?? ""
        case .quantity: line.quantity.map(DecimalText.format) ?? ""
        case .manufactureOrImportDocNumber: line.manufactureOrImportDocNumber ?? ""
        case .physicalLabel: line.physicalLabel ?? ""
        }
    }

    /// Writes `text` into the line; numbers that do not read leave the value empty and throw.
    func set(_ line: inout UFormProduct, _ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.isEmpty ? nil : trimmed
        switch self {
        case .name: line.name = value
        case .tnvedCode:
            line.tnvedCode = value.map(TnvedCode.init)
            // The GSVS code carries the TN VED code too: keep them one.
            if let value, let parts = line.gsvsCode?.parts {
                line.gsvsCode = GsvsCode(kpved: parts.kpved, tnved: TnvedCode(value), gtin: parts.gtin)
            }
        case .gsvsCode:
            line.gsvsCode = value.map(GsvsCode.init)
            if let tnved = line.gsvsCode?.parts?.tnved, line.tnvedCode == nil { line.tnvedCode = tnved }
        case .measureUnitCode: line.measureUnitCode = value.map(MeasureUnitCode.init)
        case .price: line.price = try Self.decimal(value)
        case .quantity: line.quantity = try Self.decimal(value)
        case .manufactureOrImportDocNumber: line.manufactureOrImportDocNumber = value
        case .physicalLabel: line.physicalLabel = value
        }
    }

    /// `12,5` or `12.5`; a comma is what Kazakh and Russian keyboards type.
    private static func decimal(_ text: String?) throws -> Decimal? {
        guard let text else { return nil }
        let normalised = text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "")
        guard let value = DecimalText.parse(normalised) else {
            throw FormInputError(message: tr("“%1$@” is not a number.", text))
        }
        return value
    }
}
