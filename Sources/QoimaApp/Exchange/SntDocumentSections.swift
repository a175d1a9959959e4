import Foundation
import GtkKit
import QoimaCore

/// An SNT's form as read-only rows, section by section, each row with its field number
/// (`SntField`): what the document window shows. Empty fields are left out.
struct SntDocumentSections {
    struct Row: Equatable {
        let field: String
        let label: String
        let value: String
    }

    struct Section: Equatable {
        let title: String
        let rows: [Row]
    }

    let sections: [Section]

    init(_ snt: Snt, registrationNumber: String?) {
        var sections: [Section] = []
        func section(_ title: String, _ rows: [Row?]) {
            let present = rows.compactMap { $0 }
            if !present.isEmpty { sections.append(Section(title: title, rows: present)) }
        }
        func row(_ field: SntField, _ label: String, _ value: String?) -> Row? {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return Row(field: field.code, label: label, value: value)
        }
        section(tr("A General"), [
            row(.number, tr("Number"), snt.number),
            row(.date, tr("Date"), snt.date?.ddMMyyyy),
            row(.shippingDate, tr("Shipping date"), snt.shippingDate?.ddMMyyyy),
            row(.registrationNumber, tr("Registration number"), registrationNumber),
            row(.sntType, tr("Type"), Self.typeText(snt.type)),
            row(.relatedRegistrationNumber(for: snt.type), tr("Related SNT"), snt.relatedRegistrationNumber?.rawValue),
            row(.importType, tr("Import"), snt.importKind?.importType.rawValue),
            row(.exportType, tr("Export"), snt.exportKind?.exportType.rawValue),
            row(.transferType, tr("Transfer within one person"), snt.transferType?.rawValue),
        ])
        section(tr("B Supplier"), Self.party(snt.seller, fields: SntField.seller, row: row))
        section(tr("C Receiver"), Self.party(snt.customer, fields: SntField.customer, row: row))
        section(tr("D Consignor and consignee"), [
            row(SntField.consignor.tin, tr("Consignor's IIN/BIN"), snt.consignor?.tin?.rawValue),
            row(SntField.consignor.name, tr("Consignor"), snt.consignor?.name),
            row(SntField.consignee.tin, tr("Consignee's IIN/BIN"), snt.consignee?.tin?.rawValue),
            row(SntField.consignee.name, tr("Consignee"), snt.consignee?.name),
        ])
        section(tr("E Carriage"), [
            row(.carrierTin, tr("Carrier's IIN/BIN"), snt.carriage?.tin?.rawValue),
            row(.carrierName, tr("Carrier"), snt.carriage?.name),
            row(.transportTypes, tr("Transport"), snt.carriage.map { $0.transportTypes.map { $0.name.text(in: DeskExchange.language) }.joined(separator: ", ") }),
            row(.carStateNumber, tr("Vehicle number"), snt.carriage?.carStateNumber),
            row(.trailerStateNumber, tr("Trailer number"), snt.carriage?.trailerStateNumber),
        ])
        section(tr("F Contract"), [
            row(.isContract, tr("Under a contract"), snt.contract.map { $0.isContract ? tr("Yes") : tr("No") }),
            row(.contractNumber, tr("Contract number"), snt.contract?.number),
            row(.contractDate, tr("Contract date"), snt.contract?.date?.ddMMyyyy),
            row(.termOfContractPayment, tr("Terms of payment"), snt.contract?.termOfContractPayment),
            row(.deliveryCondition, tr("Delivery terms"), snt.contract?.deliveryCondition),
        ])
        section(tr("G Currency"), [
            row(.currencyCode, tr("Currency"), snt.currencyCode?.rawValue),
            row(.currencyRate, tr("Exchange rate"), snt.currencyRate.map(Self.number)),
        ])
        self.sections = sections
    }

    private static func party(_ party: SntParty, fields: SntField.PartyFields,
                              row: (SntField, String, String?) -> Row?) -> [Row?] {
        [
            row(fields.tin, tr("IIN/BIN"), party.tin?.rawValue),
            row(fields.name, tr("Name"), party.name),
            row(fields.branchTin, tr("Branch BIN"), party.branchTin?.rawValue),
            row(fields.countryCode, tr("Country"), party.countryCode?.rawValue),
            row(fields.actualAddress, tr("Address"), party.actualAddress),
            row(fields.storeId, tr("Warehouse"), party.storeId.map(String.init)),
        ]
    }

    /// A quantity or amount as written on the form: a point, no grouping.
    static func number(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }

    private static func typeText(_ type: SntType) -> String {
        switch type {
        case .primary: tr("Primary")
        case .fixed: tr("Correction")
        case .returned: tr("Return of goods")
        }
    }
}
