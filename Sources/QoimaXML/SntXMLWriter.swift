import QoimaCore

/// Writes an SNT as the canonical SntV1 body Qoima signs and sends (see docs/xml-format.md):
/// `<v1:snt xmlns:v1="v1.snt">`, unqualified children in schema order, empty fields left out.
public enum SntXMLWriter {
    public static func body(of snt: Snt) -> String {
        var out = CanonicalXMLBuilder(capacity: 2048 + 900 * ((snt.goods?.lines.count ?? 0) + (snt.oil?.lines.count ?? 0)))
        let root = SntSchema.prefix + ":" + SntSchema.root
        out.open(root, attributes: [("xmlns:" + SntSchema.prefix, SntSchema.namespace)])
        out.leaf("date", snt.date)
        out.leaf("number", snt.number)
        out.leaf("relatedRegistrationNumber", snt.relatedRegistrationNumber)
        out.leaf("shippingDate", snt.shippingDate)
        out.leaf("sntType", snt.type)

        var preserved = PreservedBlockQueue(snt.preservedBlocks)
        func slot(_ name: String, _ write: (inout CanonicalXMLBuilder) -> Void) {
            preserved.flush(before: name, into: &out)
            write(&out)
        }
        slot("carCargoInfo") { out in snt.roadCargo.map { write($0, to: &out) } }
        slot("consignee") { out in snt.consignee.map { write($0, as: "consignee", to: &out) } }
        slot("consignor") { out in snt.consignor.map { write($0, as: "consignor", to: &out) } }
        slot("contract") { out in snt.contract.map { write($0, to: &out) } }
        slot("currencyCode") { $0.leaf("currencyCode", snt.currencyCode) }
        slot("currencyRate") { $0.leaf("currencyRate", snt.currencyRate) }
        slot("customer") { write(snt.customer, as: "customer", to: &$0) }
        slot("datePaper") { $0.leaf("datePaper", snt.datePaper) }
        slot("digitalMarkingNotificationDate") {
            $0.leaf("digitalMarkingNotificationDate", snt.digitalMarkingNotificationDate)
        }
        slot("digitalMarkingNotificationNumber") {
            $0.leaf("digitalMarkingNotificationNumber", snt.digitalMarkingNotificationNumber)
        }
        slot("directoryInfo") { out in
            guard let offices = snt.taxOffices else { return }
            out.open("directoryInfo")
            out.leaf("customerKogd", offices.customerKogd)
            out.leaf("sellerKogd", offices.sellerKogd)
            out.close("directoryInfo")
        }
        slot("fillingOfAircraft") { out in
            guard let aircraft = snt.aircraftRefueling else { return }
            out.open("fillingOfAircraft")
            out.leaf("aircraftRegistrationNumber", aircraft.aircraftRegistrationNumber)
            out.leaf("aircraftType", aircraft.aircraftType)
            out.leaf("flightNumber", aircraft.flightNumber)
            out.leaf("warrantNumber", aircraft.warrantNumber)
            out.close("fillingOfAircraft")
        }
        slot("mptId") { $0.leaf("mptId", snt.mptId) }
        slot("oilSet") { out in snt.oil.map { write($0, to: &out) } }
        slot("productSet") { out in snt.goods.map { write($0, to: &out) } }
        slot("reasonPaper") { $0.leaf("reasonPaper", snt.reasonPaper) }
        slot("releaseGoodsInfo") { out in
            guard let release = snt.releaseGoods else { return }
            out.open("releaseGoodsInfo")
            out.leaf("powerOfAttorneyDate", release.date)
            out.leaf("powerOfAttorneyNumber", release.number)
            out.close("releaseGoodsInfo")
        }
        slot("seller") { write(snt.seller, as: "seller", to: &$0) }
        slot("sharingParticipantContract") { out in
            guard let sharing = snt.sharingContracts else { return }
            out.open("sharingParticipantContract")
            out.leaf("customerDate", sharing.customerDate)
            out.leaf("customerNumber", sharing.customerNumber)
            out.leaf("sellerDate", sharing.sellerDate)
            out.leaf("sellerNumber", sharing.sellerNumber)
            out.close("sharingParticipantContract")
        }
        slot("shippingInfo") { out in snt.carriage.map { write($0, to: &out) } }
        slot("sntExport") { out in
            guard let export = snt.exportKind else { return }
            out.open("sntExport")
            out.leaf("exportType", export.exportType)
            out.leaf("sezCode", export.sezCode)
            out.close("sntExport")
        }
        slot("sntImport") { out in
            guard let kind = snt.importKind else { return }
            out.open("sntImport")
            out.leaf("importType", kind.importType)
            out.leaf("sezCode", kind.sezCode)
            out.close("sntImport")
        }
        slot("transferType") { $0.leaf("transferType", snt.transferType) }
        preserved.flush(before: nil, into: &out)
        out.close(root)
        return out.xml
    }

    private static func write(_ party: SntParty, as name: String, to out: inout CanonicalXMLBuilder) {
        out.open(name)
        out.leaf("branchTin", party.branchTin)
        out.leaf("name", party.name)
        out.leaf("tin", party.tin)
        out.leaf("actualAddress", party.actualAddress)
        out.leaf("countryCode", party.countryCode)
        out.leaf("nonResident", party.nonResident)
        out.leaf("registerCountryCode", party.registerCountryCode)
        out.leaf("reorganizedTin", party.reorganizedTin)
        out.list("statuses", party.categories) { $0.leaf("status", $1) }
        out.leaf("storeId", party.storeId)
        out.close(name)
    }

    private static func write(_ party: ConsignmentParty, as name: String, to out: inout CanonicalXMLBuilder) {
        out.open(name)
        out.leaf("additionalInfo", party.additionalInfo)
        out.leaf("countryCode", party.countryCode)
        out.leaf("name", party.name)
        out.leaf("nonResident", party.nonResident)
        out.leaf("tin", party.tin)
        out.close(name)
    }

    private static func write(_ carriage: SntCarriage, to out: inout CanonicalXMLBuilder) {
        out.open("shippingInfo")
        out.leaf("boardNumber", carriage.boardNumber)
        out.leaf("carStateNumber", carriage.carStateNumber)
        out.leaf("carriageNumber", carriage.carriageNumber)
        out.leaf("name", carriage.name)
        out.leaf("nonResident", carriage.nonResident)
        out.leaf("shipNumber", carriage.shipNumber)
        out.leaf("tin", carriage.tin)
        out.leaf("trailerStateNumber", carriage.trailerStateNumber)
        out.list("transportTypes", carriage.transportTypes) { $0.leaf("transportType", $1) }
        out.close("shippingInfo")
    }

    private static func write(_ contract: SntContract, to out: inout CanonicalXMLBuilder) {
        out.open("contract")
        out.leaf("date", contract.date)
        out.leaf("deliveryCondition", contract.deliveryCondition)
        out.leaf("isContract", contract.isContract)
        out.leaf("number", contract.number)
        out.leaf("termOfContractPayment", contract.termOfContractPayment)
        out.close("contract")
    }

    private static func write(_ totals: GoodsTotals, to out: inout CanonicalXMLBuilder) {
        out.leaf("totalExciseAmount", totals.totalExciseAmount)
        out.leaf("totalNdsAmount", totals.totalNdsAmount)
        out.leaf("totalPriceWithTax", totals.totalPriceWithTax)
        out.leaf("totalPriceWithoutTax", totals.totalPriceWithoutTax)
    }

    private static func write(_ goods: GoodsSet, to out: inout CanonicalXMLBuilder) {
        out.open("productSet")
        write(goods.totals, to: &out)
        out.list("products", goods.lines) { write($1, in: .g1, to: &$0) }
        out.close("productSet")
    }

    private static func write(_ oil: OilSet, to out: inout CanonicalXMLBuilder) {
        out.open("oilSet")
        write(oil.totals, to: &out)
        out.leaf("kogdOfRecipient", oil.kogdOfRecipient)
        out.leaf("kogdOfSender", oil.kogdOfSender)
        out.leaf("operationCode", oil.operationCode)
        out.leaf("productSellerType", oil.productSellerType)
        out.list("products", oil.lines) { write($1, in: .g6, to: &$0) }
        out.close("oilSet")
    }

    /// A G1 line carries `gtinCode` and no `pinCode`; a G6 (oil) line the other way round.
    private static func write(_ line: GoodsLine, in table: GoodsTable, to out: inout CanonicalXMLBuilder) {
        out.open("product")
        out.leaf("additionalInfo", line.additionalInfo)
        out.leaf("declarationNumberForSnt", line.declarationNumberForSnt)
        out.leaf("exciseAmount", line.exciseAmount)
        out.leaf("exciseRate", line.exciseRate)
        out.leaf("ndsAmount", line.ndsAmount)
        out.leaf("ndsRate", line.ndsRate)
        out.leaf("priceWithTax", line.priceWithTax)
        out.leaf("priceWithoutTax", line.priceWithoutTax)
        out.leaf("productId", line.productId)
        out.leaf("productNumber", line.productNumber)
        out.leaf("productNumberInDeclaration", line.productNumberInDeclaration)
        out.leaf("tnvedCode", line.tnvedCode)
        out.leaf("truOriginCode", line.truOriginCode)
        if table == .g1 { out.leaf("gtinCode", line.gtinCode) }
        out.leaf("measureUnitCode", line.measureUnitCode)
        out.leaf(AssumedNames.ntinElement, line.ntin)
        if table == .g6 { out.leaf("pinCode", line.pinCode) }
        out.leaf("price", line.price)
        out.leaf("productName", line.productName)
        out.leaf("quantity", line.quantity)
        out.close("product")
    }

    private static func write(_ cargo: SntRoadCargo, to out: inout CanonicalXMLBuilder) {
        out.open("carCargoInfo")
        out.records("cargoInfo", cargo.cargo)
        out.leaf("driverFIO", cargo.driverFullName)
        out.leaf("driverTin", cargo.driverTin)
        out.records("loadingUnloadingInfo", cargo.loadingUnloading)
        out.records("otherInfo", cargo.otherInfo)
        out.leaf("stampPrintNumber", cargo.stampPrintNumber)
        out.records("taxInfo", cargo.charges)
        out.close("carCargoInfo")
    }
}

/// Preserved blocks waiting for their place: each is written just before the first extension
/// element whose name sorts after its own (code-point order, as the schema sorts).
private struct PreservedBlockQueue {
    private var blocks: ArraySlice<PreservedBlock>

    init(_ blocks: [PreservedBlock]) {
        self.blocks = ArraySlice(blocks.enumerated().sorted {
            SntNameOrder.precedes($0.element.elementName, $1.element.elementName)
                || ($0.element.elementName == $1.element.elementName && $0.offset < $1.offset)
        }.map(\.element))
    }

    /// Writes the blocks that sort before `name`, or all that are left when `name` is nil.
    mutating func flush(before name: String?, into out: inout CanonicalXMLBuilder) {
        while let block = blocks.first, name.map({ !SntNameOrder.precedes($0, block.elementName) }) ?? true {
            out.raw(block.xml)
            blocks.removeFirst()
        }
    }
}

/// The schema's ordering of element names: by Unicode code point, so capitals sort first.
enum SntNameOrder {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}

extension CanonicalXMLBuilder {
    /// `<name><name>fields…</name>…</name>`: a list of text records, each wrapped in its own name.
    mutating func records<Record: TextRecord>(_ name: String, _ rows: [Record]) {
        list(name, rows) { out, row in
            out.open(name)
            for (element, field) in Record.fields { out.leaf(element, row[keyPath: field]) }
            out.close(name)
        }
    }
}
