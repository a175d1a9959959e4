import Foundation
import QoimaCore

/// An SNT on paper (docs/printing.md): every filled section, each value beside its field
/// number as the form numbers it; the goods tables across pages under repeated headers with
/// carried totals; places to sign and stamp for the supplier, the consignor, the carrier and
/// the recipient. Empty fields and sections are left out.
///
/// The road-transit variant is the copy that travels with a lorry: the vehicle, trailer,
/// carrier, driver and seal imprint come first, in large type on a band, right under section
/// A; every page's header names the vehicle; and the driver gets a place to sign.
public struct SntPrintout {
    public enum Variant: Sendable {
        case standard, roadTransit
    }

    public let snt: Snt
    /// A 4, once IS ESF registered the SNT.
    public let registrationNumber: String?
    public let variant: Variant
    public let language: Language

    public static let paper = PaperSize.a4Landscape
    public static let goodsFont = PrintFont(size: 7)

    public init(snt: Snt, registrationNumber: String? = nil, variant: Variant = .standard, language: Language) {
        self.snt = snt
        self.registrationNumber = registrationNumber
        self.variant = variant
        self.language = language
    }

    private func say(_ text: LocalizedText, _ arguments: String...) -> String { text.text(in: language, arguments) }

    /// The PDF's title: "SNT No. … of …".
    public var title: String {
        say(SntPrintText.title, snt.number, snt.date?.ddMMyyyy ?? "")
    }

    public func document() -> ReportDocument {
        var blocks: [ReportBlock] = [.heading(title)]
        if variant == .roadTransit { blocks.append(.paragraph(say(SntPrintText.roadTransitCopy), PrintFont(size: 9, bold: true))) }
        section(&blocks, SntPrintText.sectionA, generalFields)
        if variant == .roadTransit {
            blocks.append(.heading(say(SntPrintText.vehicleAndDriver), emphasised: true))
            blocks.append(.fields(vehicleFields, emphasised: true))
        }
        section(&blocks, SntPrintText.sectionB, partyFields(snt.seller, SntField.seller))
        section(&blocks, SntPrintText.sectionC, partyFields(snt.customer, SntField.customer))
        section(&blocks, SntPrintText.sectionD, consignmentFields)
        if variant == .standard { section(&blocks, SntPrintText.sectionE, carriageFields) }
        section(&blocks, SntPrintText.sectionF, contractFields)
        section(&blocks, SntPrintText.sectionG, [
            field(.currencyCode, SntPrintText.currency, snt.currencyCode?.rawValue),
            field(.currencyRate, SntPrintText.rate, snt.currencyRate.map(Self.number)),
        ])
        if let goods = snt.goods, !goods.lines.isEmpty {
            blocks.append(.heading(say(SntPrintText.goodsTable, "G1")))
            blocks.append(.table(goodsTable(goods.lines, table: .g1)))
            section(&blocks, nil, totalsFields(goods.totals, table: .g1))
        }
        if let oil = snt.oil, !oil.lines.isEmpty {
            blocks.append(.heading(say(SntPrintText.goodsTable, "G6")))
            blocks.append(.table(goodsTable(oil.lines, table: .g6)))
            section(&blocks, nil, totalsFields(oil.totals, table: .g6) + [
                field(.oilKogdOfSender, SntPrintText.kogdOfSender, oil.kogdOfSender),
                field(.oilKogdOfRecipient, SntPrintText.kogdOfRecipient, oil.kogdOfRecipient),
                field(.oilOperationCode, SntPrintText.operationCode, oil.operationCode),
                field(.oilProductSellerType, SntPrintText.productSellerType, oil.productSellerType),
            ])
        }
        roadCargo(&blocks)
        section(&blocks, SntPrintText.otherSection, otherFields)
        blocks.append(.signatures(signatures))
        let chosen = language
        let plate = snt.carriage?.carStateNumber
        var header = say(SntPrintText.headerLine, snt.number, snt.date?.ddMMyyyy ?? "", snt.seller.name, snt.customer.name)
        if variant == .roadTransit, let plate { header += " · " + say(SntPrintText.vehicle) + " " + plate }
        return ReportDocument(paper: Self.paper, margins: .millimetres(10), title: title, header: header,
                              footer: { PrintText.pageOf.text(in: chosen, [String($0), String($1)]) }, blocks: blocks)
    }

    // MARK: Sections

    private func section(_ blocks: inout [ReportBlock], _ title: LocalizedText?, _ fields: [ReportField?]) {
        let present = fields.compactMap { $0 }
        guard !present.isEmpty else { return }
        if let title { blocks.append(.heading(say(title))) }
        blocks.append(.fields(present))
    }

    private func field(_ field: SntField, _ label: LocalizedText, _ value: String?) -> ReportField? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return ReportField(field.code, say(label), value)
    }

    private var generalFields: [ReportField?] {
        [
            field(.number, SntPrintText.number, snt.number),
            field(.date, SntPrintText.date, snt.date?.ddMMyyyy),
            field(.datePaper, SntPrintText.datePaper, snt.datePaper?.ddMMyyyy),
            field(.reasonPaper, SntPrintText.reasonPaper, snt.reasonPaper?.name.text(in: language)),
            field(.shippingDate, SntPrintText.shippingDate, snt.shippingDate?.ddMMyyyy),
            field(.registrationNumber, SntPrintText.registrationNumber, registrationNumber),
            field(.digitalMarkingNotificationNumber, SntPrintText.markingNotification, snt.digitalMarkingNotificationNumber),
            field(.digitalMarkingNotificationDate, SntPrintText.markingNotificationDate,
                  snt.digitalMarkingNotificationDate?.ddMMyyyy),
            field(.sntType, SntPrintText.type, say(SntPrintText.typeName(snt.type))),
            field(.relatedRegistrationNumber(for: snt.type), SntPrintText.relatedSnt, snt.relatedRegistrationNumber?.rawValue),
            field(.importType, SntPrintText.importKind, snt.importKind?.importType.rawValue),
            field(.importSezCode, SntPrintText.sezCode, snt.importKind?.sezCode),
            field(.exportType, SntPrintText.exportKind, snt.exportKind?.exportType.rawValue),
            field(.exportSezCode, SntPrintText.sezCode, snt.exportKind?.sezCode),
            field(.transferType, SntPrintText.transferType, snt.transferType?.rawValue),
            field(.mptId, SntPrintText.mobilePost, snt.mptId),
        ]
    }

    private func partyFields(_ party: SntParty, _ fields: SntField.PartyFields) -> [ReportField?] {
        [
            field(fields.tin, SntPrintText.tin, party.tin?.rawValue),
            field(fields.nonResident, SntPrintText.nonResident, party.nonResident == true ? say(PrintText.yes) : nil),
            field(fields.name, SntPrintText.name, party.name),
            field(fields.branchTin, SntPrintText.branchTin, party.branchTin?.rawValue),
            field(fields.reorganizedTin, SntPrintText.reorganizedTin, party.reorganizedTin?.rawValue),
            field(fields.categories, SntPrintText.categories, party.categories.map(\.rawValue).joined(separator: ", ")),
            field(fields.registerCountryCode, SntPrintText.registerCountry, party.registerCountryCode?.rawValue),
            field(fields.countryCode, SntPrintText.country, party.countryCode?.rawValue),
            field(fields.actualAddress, SntPrintText.address, party.actualAddress),
            field(fields.storeId, SntPrintText.warehouse, party.storeId.map(String.init)),
        ]
    }

    private var consignmentFields: [ReportField?] {
        [(snt.consignor, SntField.consignor, SntPrintText.consignor), (snt.consignee, SntField.consignee, SntPrintText.consignee)]
            .flatMap { party, fields, role -> [ReportField?] in
                [
                    field(fields.tin, SntPrintText.roleTin(role), party?.tin?.rawValue),
                    field(fields.name, role, party?.name),
                    field(fields.countryCode, SntPrintText.country, party?.countryCode?.rawValue),
                    field(fields.additionalInfo, SntPrintText.additionalInfo, party?.additionalInfo),
                ]
            }
    }

    private var carriageFields: [ReportField?] {
        let carriage = snt.carriage
        return [
            field(.carrierTin, SntPrintText.roleTin(SntPrintText.carrier), carriage?.tin?.rawValue),
            field(.carrierName, SntPrintText.carrier, carriage?.name),
            field(.transportTypes, SntPrintText.transport, carriage?.transportTypes.map { say($0.name) }.joined(separator: ", ")),
            field(.carStateNumber, SntPrintText.vehicle, carriage?.carStateNumber),
            field(.trailerStateNumber, SntPrintText.trailer, carriage?.trailerStateNumber),
            field(.carriageNumber, SntPrintText.wagon, carriage?.carriageNumber),
            field(.boardNumber, SntPrintText.board, carriage?.boardNumber),
            field(.shipNumber, SntPrintText.ship, carriage?.shipNumber),
        ]
    }

    /// The road-transit block: the vehicle and who drives it, then the route.
    private var vehicleFields: [ReportField] {
        let cargo = snt.roadCargo
        return (carriageFields + [
            field(.driverFullName, SntPrintText.driver, cargo?.driverFullName),
            field(.driverTin, SntPrintText.roleTin(SntPrintText.driver), cargo?.driverTin?.rawValue),
            field(.stampPrintNumber, SntPrintText.stampPrint, cargo?.stampPrintNumber),
            field(SntField.seller.actualAddress, SntPrintText.from, snt.seller.actualAddress),
            field(SntField.customer.actualAddress, SntPrintText.to, snt.customer.actualAddress),
        ]).compactMap { $0 }
    }

    private var contractFields: [ReportField?] {
        let contract = snt.contract
        return [
            field(.isContract, SntPrintText.underContract, contract.map { say($0.isContract ? PrintText.yes : PrintText.no) }),
            field(.contractNumber, SntPrintText.contractNumber, contract?.number),
            field(.contractDate, SntPrintText.contractDate, contract?.date?.ddMMyyyy),
            field(.termOfContractPayment, SntPrintText.paymentTerms, contract?.termOfContractPayment),
            field(.deliveryCondition, SntPrintText.deliveryTerms, contract?.deliveryCondition),
            field(.releasePowerOfAttorneyNumber, SntPrintText.powerOfAttorney, snt.releaseGoods?.number),
            field(.releasePowerOfAttorneyDate, SntPrintText.powerOfAttorneyDate, snt.releaseGoods?.date?.ddMMyyyy),
        ]
    }

    private func totalsFields(_ totals: GoodsTotals, table: GoodsTable) -> [ReportField?] {
        [
            field(.total(.totalPriceWithoutTax, in: table), SntPrintText.totalWithoutTax, totals.totalPriceWithoutTax.map(Self.number)),
            field(.total(.totalExciseAmount, in: table), SntPrintText.totalExcise, totals.totalExciseAmount.map(Self.number)),
            field(.total(.totalNdsAmount, in: table), SntPrintText.totalVat, totals.totalNdsAmount.map(Self.number)),
            field(.total(.totalPriceWithTax, in: table), SntPrintText.totalWithTax, totals.totalPriceWithTax.map(Self.number)),
        ]
    }

    private var otherFields: [ReportField?] {
        var fields = [
            field(.sellerKogd, SntPrintText.sellerKogd, snt.taxOffices?.sellerKogd),
            field(.customerKogd, SntPrintText.customerKogd, snt.taxOffices?.customerKogd),
            field(.aircraftRegistrationNumber, SntPrintText.aircraft, snt.aircraftRefueling?.aircraftRegistrationNumber),
            field(.aircraftType, SntPrintText.aircraftType, snt.aircraftRefueling?.aircraftType),
            field(.flightNumber, SntPrintText.flight, snt.aircraftRefueling?.flightNumber),
            field(.warrantNumber, SntPrintText.warrant, snt.aircraftRefueling?.warrantNumber),
        ]
        if let sharing = snt.sharingContracts {
            let seller = [sharing.sellerNumber, sharing.sellerDate?.ddMMyyyy].compactMap { $0 }.joined(separator: ", ")
            let customer = [sharing.customerNumber, sharing.customerDate?.ddMMyyyy].compactMap { $0 }.joined(separator: ", ")
            fields.append(field(.sharingContracts, SntPrintText.sharingSeller, seller))
            fields.append(field(.sharingContracts, SntPrintText.sharingCustomer, customer))
        }
        for block in snt.preservedBlocks {
            fields.append(ReportField(block.elementName, say(SntPrintText.preservedBlock), say(SntPrintText.preservedNote)))
        }
        return fields
    }

    // MARK: Goods

    /// The goods columns: 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16; sums under 8, 9, 11 and 12.
    private func goodsTable(_ lines: [GoodsLine], table: GoodsTable) -> ReportTable {
        typealias Column = ReportTable.Column
        func title(_ column: GoodsLineField, _ text: LocalizedText) -> String {
            SntField.line(column, in: table).code + " " + say(text)
        }
        let columns = [
            Column(title(.productNumber, SntPrintText.lineNumber), weight: 0.5, alignment: .trailing),
            Column(title(.productName, SntPrintText.productName), weight: 3),
            Column(title(.tnvedCode, SntPrintText.tnved), weight: 1.1),
            Column(title(.measureUnitCode, SntPrintText.unit), weight: 0.6),
            Column(title(.quantity, SntPrintText.quantity), weight: 0.9, alignment: .trailing),
            Column(title(.price, SntPrintText.price), weight: 1, alignment: .trailing),
            Column(title(.priceWithoutTax, SntPrintText.withoutTax), weight: 1.2, alignment: .trailing),
            Column(title(.exciseAmount, SntPrintText.excise), weight: 0.9, alignment: .trailing),
            Column(title(.ndsRate, SntPrintText.vatRate), weight: 0.6, alignment: .trailing),
            Column(title(.ndsAmount, SntPrintText.vat), weight: 1, alignment: .trailing),
            Column(title(.priceWithTax, SntPrintText.withTax), weight: 1.2, alignment: .trailing),
            Column(title(.productId, SntPrintText.productId), weight: 1.3),
            Column(title(.gtinCode, SntPrintText.gtin), weight: 1.1),
        ]
        let rows = lines.enumerated().map { index, line -> [String] in
            [String(line.productNumber ?? index + 1), line.productName, line.tnvedCode?.rawValue ?? "",
             line.measureUnitCode?.rawValue ?? "", line.quantity.map(Self.number) ?? "", line.price.map(Self.number) ?? "",
             line.priceWithoutTax.map(Self.number) ?? "", line.exciseAmount.map(Self.number) ?? "",
             line.ndsRate.map { "\($0)%" } ?? "", line.ndsAmount.map(Self.number) ?? "",
             line.priceWithTax.map(Self.number) ?? "", line.productId?.rawValue ?? "",
             [line.gtinCode?.rawValue, line.pinCode].compactMap { $0 }.joined(separator: " ")]
        }
        let totals = ReportTable.Totals(
            columns: [6, 7, 9, 10],
            amounts: lines.map { [$0.priceWithoutTax, $0.exciseAmount, $0.ndsAmount, $0.priceWithTax] },
            carriedLabel: say(PrintText.carriedForward), broughtLabel: say(PrintText.broughtForward),
            totalLabel: say(PrintText.total), format: Self.number)
        return ReportTable(columns: columns, rows: rows, font: Self.goodsFont, totals: totals)
    }

    private func roadCargo(_ blocks: inout [ReportBlock]) {
        guard let cargo = snt.roadCargo else { return }
        // The road-transit copy has the driver and seal in its vehicle block already.
        let driver = variant == .roadTransit ? [] : [
            field(.driverFullName, SntPrintText.driver, cargo.driverFullName),
            field(.driverTin, SntPrintText.roleTin(SntPrintText.driver), cargo.driverTin?.rawValue),
            field(.stampPrintNumber, SntPrintText.stampPrint, cargo.stampPrintNumber),
        ].compactMap { $0 }
        guard !driver.isEmpty || !cargo.cargo.isEmpty else { return }
        blocks.append(.heading(say(SntPrintText.sectionK)))
        if !driver.isEmpty { blocks.append(.fields(driver)) }
        guard !cargo.cargo.isEmpty else { return }
        let columns = [SntPrintText.cargoNumber, SntPrintText.cargoName, SntPrintText.cargoCode, SntPrintText.packaging,
                       SntPrintText.seats, SntPrintText.grossWeight, SntPrintText.netWeight, SntPrintText.cargoDocuments]
            .map { ReportTable.Column(say($0), weight: 1) }
        let rows = cargo.cargo.map { row in
            [row.number, row.cargoClass, row.cargoCode ?? row.code, row.packagingType, row.seatsNumber, row.grossWeight,
             row.netWeight, row.documents].map { $0 ?? "" }
        }
        blocks.append(.table(ReportTable(columns: columns, rows: rows, font: Self.goodsFont)))
    }

    private var signatures: [ReportSignature] {
        var places = [
            ReportSignature(say(SntPrintText.signSupplier), seal: true, in: language),
            ReportSignature(say(SntPrintText.signConsignor), in: language),
            ReportSignature(say(SntPrintText.signCarrier), seal: true, in: language),
            ReportSignature(say(SntPrintText.signRecipient), seal: true, in: language),
        ]
        if variant == .roadTransit { places.append(ReportSignature(say(SntPrintText.signDriver), in: language)) }
        return places
    }

    /// A quantity or amount as written on the form: a point, no grouping.
    static func number(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}
