import QoimaCore

// The blocks of the SntV1 body, each read into its model type.
extension SntXMLDecoder {
    func snt(from root: XMLTree.Element) -> Snt {
        var snt = Snt()
        // `relatedRegistrationNumber` is A 5.1 or A 6.1 depending on `sntType`, which follows it.
        let type = root.child(named: "sntType").flatMap { SntType(rawValue: $0.text) } ?? .primary
        let fields: [String: SntField] = [
            "date": .date, "number": .number, "relatedRegistrationNumber": .relatedRegistrationNumber(for: type),
            "shippingDate": .shippingDate, "sntType": .sntType, "carCargoInfo": .roadCargo,
            "currencyCode": .currencyCode, "currencyRate": .currencyRate, "datePaper": .datePaper,
            "digitalMarkingNotificationDate": .digitalMarkingNotificationDate,
            "digitalMarkingNotificationNumber": .digitalMarkingNotificationNumber, "fillingOfAircraft": .aircraftRefueling,
            "mptId": .mptId, "oilSet": .oil, "productSet": .goods, "reasonPaper": .reasonPaper,
            "sharingParticipantContract": .sharingContracts, "transferType": .transferType,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(fields[name] ?? .document) }
        var sawType = false
        children(of: root, path: nil, order: SntSchema.snt, location: at) { child, path in
            let name = path.name
            switch name {
            case "date": snt.date = date(child, path: path, at(name))
            case "number": snt.number = string(child, path: path, at(name)) ?? ""
            case "relatedRegistrationNumber": snt.relatedRegistrationNumber = identifier(child, path: path, at(name))
            case "shippingDate": snt.shippingDate = date(child, path: path, at(name))
            case "sntType":
                sawType = true
                snt.type = enumeration(child, path: path, at(name)) ?? .primary
            case "carCargoInfo": snt.roadCargo = roadCargo(from: child, path: path)
            case "consignee": snt.consignee = consignmentParty(from: child, path: path, fields: SntField.consignee)
            case "consignor": snt.consignor = consignmentParty(from: child, path: path, fields: SntField.consignor)
            case "contract": snt.contract = contract(from: child, path: path)
            case "currencyCode": snt.currencyCode = identifier(child, path: path, at(name))
            case "currencyRate": snt.currencyRate = decimal(child, path: path, at(name))
            case "customer": snt.customer = party(from: child, path: path, fields: SntField.customer)
            case "datePaper": snt.datePaper = date(child, path: path, at(name))
            case "digitalMarkingNotificationDate": snt.digitalMarkingNotificationDate = date(child, path: path, at(name))
            case "digitalMarkingNotificationNumber":
                snt.digitalMarkingNotificationNumber = string(child, path: path, at(name))
            case "directoryInfo": snt.taxOffices = taxOffices(from: child, path: path)
            case "fillingOfAircraft": snt.aircraftRefueling = aircraftRefueling(from: child, path: path)
            case "mptId": snt.mptId = string(child, path: path, at(name))
            case "oilSet": snt.oil = oilSet(from: child, path: path)
            case "productSet": snt.goods = goodsSet(from: child, path: path)
            case "reasonPaper": snt.reasonPaper = enumeration(child, path: path, at(name))
            case "releaseGoodsInfo": snt.releaseGoods = powerOfAttorney(from: child, path: path)
            case "seller": snt.seller = party(from: child, path: path, fields: SntField.seller)
            case "sharingParticipantContract": snt.sharingContracts = sharingContracts(from: child, path: path)
            case "shippingInfo": snt.carriage = carriage(from: child, path: path)
            case "sntExport": snt.exportKind = export(from: child, path: path)
            case "sntImport": snt.importKind = importKind(from: child, path: path)
            case "transferType": snt.transferType = enumeration(child, path: path, at(name))
            default:
                // Only the blocks kept verbatim are left; `children` has filtered everything else.
                snt.preservedBlocks.append(PreservedBlock(elementName: name, xml: PreservedBlockWriter.xml(of: child)))
            }
        }
        if !sawType { report(SntDecodingRules.missing, at("sntType"), path: "sntType", line: root.line) }
        return snt
    }

    private func party(from element: XMLTree.Element, path: ElementPath, fields: SntField.PartyFields) -> SntParty {
        var party = SntParty()
        let map: [String: SntField] = [
            "branchTin": fields.branchTin, "name": fields.name, "tin": fields.tin, "actualAddress": fields.actualAddress,
            "countryCode": fields.countryCode, "nonResident": fields.nonResident,
            "registerCountryCode": fields.registerCountryCode, "reorganizedTin": fields.reorganizedTin,
            "statuses": fields.categories, "storeId": fields.storeId,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(map[name] ?? .document) }
        children(of: element, path: path, order: SntSchema.party, location: at) { child, path in
            let name = path.name
            switch name {
            case "branchTin": party.branchTin = identifier(child, path: path, at(name))
            case "name": party.name = string(child, path: path, at(name)) ?? ""
            case "tin": party.tin = identifier(child, path: path, at(name))
            case "actualAddress": party.actualAddress = string(child, path: path, at(name))
            case "countryCode": party.countryCode = identifier(child, path: path, at(name))
            case "nonResident": party.nonResident = boolean(child, path: path, at(name))
            case "registerCountryCode": party.registerCountryCode = identifier(child, path: path, at(name))
            case "reorganizedTin": party.reorganizedTin = identifier(child, path: path, at(name))
            case "statuses": party.categories = enumerations(child, item: "status", path: path, at(name))
            default: party.storeId = integer(child, path: path, at(name))
            }
        }
        return party
    }

    private func consignmentParty(from element: XMLTree.Element, path: ElementPath,
                                  fields: SntField.ConsignmentFields) -> ConsignmentParty {
        var party = ConsignmentParty()
        let map: [String: SntField] = [
            "additionalInfo": fields.additionalInfo, "countryCode": fields.countryCode, "name": fields.name,
            "nonResident": fields.nonResident, "tin": fields.tin,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(map[name] ?? .document) }
        children(of: element, path: path, order: SntSchema.consignmentParty, location: at) { child, path in
            let name = path.name
            switch name {
            case "additionalInfo": party.additionalInfo = string(child, path: path, at(name))
            case "countryCode": party.countryCode = identifier(child, path: path, at(name))
            case "name": party.name = string(child, path: path, at(name)) ?? ""
            case "nonResident": party.nonResident = boolean(child, path: path, at(name))
            default: party.tin = identifier(child, path: path, at(name))
            }
        }
        return party
    }

    private func carriage(from element: XMLTree.Element, path: ElementPath) -> SntCarriage {
        var carriage = SntCarriage()
        let map: [String: SntField] = [
            "boardNumber": .boardNumber, "carStateNumber": .carStateNumber, "carriageNumber": .carriageNumber,
            "name": .carrierName, "nonResident": .carrierNonResident, "shipNumber": .shipNumber, "tin": .carrierTin,
            "trailerStateNumber": .trailerStateNumber, "transportTypes": .transportTypes,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(map[name] ?? .document) }
        children(of: element, path: path, order: SntSchema.shippingInfo, location: at) { child, path in
            let name = path.name
            switch name {
            case "boardNumber": carriage.boardNumber = string(child, path: path, at(name))
            case "carStateNumber": carriage.carStateNumber = string(child, path: path, at(name))
            case "carriageNumber": carriage.carriageNumber = string(child, path: path, at(name))
            case "name": carriage.name = string(child, path: path, at(name)) ?? ""
            case "nonResident": carriage.nonResident = boolean(child, path: path, at(name))
            case "shipNumber": carriage.shipNumber = string(child, path: path, at(name))
            case "tin": carriage.tin = identifier(child, path: path, at(name))
            case "trailerStateNumber": carriage.trailerStateNumber = string(child, path: path, at(name))
            default: carriage.transportTypes = enumerations(child, item: "transportType", path: path, at(name))
            }
        }
        return carriage
    }

    private func contract(from element: XMLTree.Element, path: ElementPath) -> SntContract {
        var contract = SntContract()
        let map: [String: SntField] = [
            "date": .contractDate, "deliveryCondition": .deliveryCondition, "isContract": .isContract,
            "number": .contractNumber, "termOfContractPayment": .termOfContractPayment,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(map[name] ?? .document) }
        var sawFlag = false
        children(of: element, path: path, order: SntSchema.contract, location: at) { child, path in
            let name = path.name
            switch name {
            case "date": contract.date = date(child, path: path, at(name))
            case "deliveryCondition": contract.deliveryCondition = string(child, path: path, at(name))
            case "isContract":
                sawFlag = true
                contract.isContract = boolean(child, path: path, at(name)) ?? false
            case "number": contract.number = string(child, path: path, at(name))
            default: contract.termOfContractPayment = string(child, path: path, at(name))
            }
        }
        if !sawFlag {
            report(SntDecodingRules.missing, at("isContract"), path: path.text + "/isContract", line: element.line)
        }
        return contract
    }

    private func importKind(from element: XMLTree.Element, path: ElementPath) -> SntImport? {
        movementKind(from: element, path: path, order: SntSchema.sntImport, kindField: .importType,
                     sezField: .importSezCode) { (kind: ImportType, sez) in SntImport(importType: kind, sezCode: sez) }
    }

    private func export(from element: XMLTree.Element, path: ElementPath) -> SntExport? {
        movementKind(from: element, path: path, order: SntSchema.sntExport, kindField: .exportType,
                     sezField: .exportSezCode) { (kind: ExportType, sez) in SntExport(exportType: kind, sezCode: sez) }
    }

    /// `sntImport` and `sntExport`: a required kind (the first element of `order`) and an optional SEZ code.
    private func movementKind<Kind: RawRepresentable<String> & CaseIterable, Movement>(
        from element: XMLTree.Element, path: ElementPath, order: [String], kindField: SntField, sezField: SntField,
        _ make: (Kind, String?) -> Movement
    ) -> Movement? {
        let kindElement = order[0]
        var kind: Kind?
        var sezCode: String?
        var sawKind = false
        children(of: element, path: path, order: order,
                 location: { ProblemLocation($0 == "sezCode" ? sezField : kindField) }) { child, path in
            if path.name == kindElement {
                sawKind = true
                kind = enumeration(child, path: path, ProblemLocation(kindField))
            } else {
                sezCode = string(child, path: path, ProblemLocation(sezField))
            }
        }
        if !sawKind {
            report(SntDecodingRules.missing, ProblemLocation(kindField), path: path.text + "/" + kindElement,
                   line: element.line)
        }
        return kind.map { make($0, sezCode) }
    }

    private func totals(_ child: XMLTree.Element, path: ElementPath, into totals: inout GoodsTotals, table: GoodsTable) {
        guard let field = GoodsTotalField(rawValue: child.localName) else { return }
        let value = decimal(child, path: path, ProblemLocation(.total(field, in: table)))
        switch field {
        case .totalPriceWithoutTax: totals.totalPriceWithoutTax = value
        case .totalExciseAmount: totals.totalExciseAmount = value
        case .totalNdsAmount: totals.totalNdsAmount = value
        case .totalPriceWithTax: totals.totalPriceWithTax = value
        }
    }

    private func goodsSet(from element: XMLTree.Element, path: ElementPath) -> GoodsSet {
        var goods = GoodsSet()
        let at = { (name: String) in
            ProblemLocation(GoodsTotalField(rawValue: name).map { .total($0, in: .g1) } ?? .goods)
        }
        children(of: element, path: path, order: SntSchema.productSet, location: at) { child, path in
            if path.name == "products" {
                goods.lines = lines(from: child, path: path, table: .g1)
            } else {
                totals(child, path: path, into: &goods.totals, table: .g1)
            }
        }
        return goods
    }

    private func oilSet(from element: XMLTree.Element, path: ElementPath) -> OilSet {
        var oil = OilSet()
        let map: [String: SntField] = [
            "kogdOfRecipient": .oilKogdOfRecipient, "kogdOfSender": .oilKogdOfSender,
            "operationCode": .oilOperationCode, "productSellerType": .oilProductSellerType,
        ]
        let at = { (name: String) in
            ProblemLocation(GoodsTotalField(rawValue: name).map { .total($0, in: .g6) } ?? map[name] ?? .oil)
        }
        children(of: element, path: path, order: SntSchema.oilSet, location: at) { child, path in
            let name = path.name
            switch name {
            case "products": oil.lines = lines(from: child, path: path, table: .g6)
            case "kogdOfRecipient": oil.kogdOfRecipient = string(child, path: path, at(name))
            case "kogdOfSender": oil.kogdOfSender = string(child, path: path, at(name))
            case "operationCode": oil.operationCode = string(child, path: path, at(name))
            case "productSellerType": oil.productSellerType = string(child, path: path, at(name))
            default: totals(child, path: path, into: &oil.totals, table: .g6)
            }
        }
        return oil
    }

    private func lines(from element: XMLTree.Element, path: ElementPath, table: GoodsTable) -> [GoodsLine] {
        var lines: [GoodsLine] = []
        children(of: element, path: path, order: ["product"], repeating: ["product"],
                 location: { _ in ProblemLocation(.table(table)) }) { child, path in
            lines.append(line(from: child, path: path, table: table, position: lines.count + 1))
        }
        return lines
    }

    private func line(from element: XMLTree.Element, path: ElementPath, table: GoodsTable, position: Int) -> GoodsLine {
        var line = GoodsLine()
        func column(_ name: String) -> GoodsLineField? {
            name == AssumedNames.ntinElement ? .ntin : GoodsLineField(rawValue: name)
        }
        func at(_ name: String) -> ProblemLocation {
            ProblemLocation(column(name).map { .line($0, in: table) } ?? .table(table), table: table, line: position)
        }
        let order = table == .g1 ? SntSchema.product : SntSchema.oilProduct
        children(of: element, path: path, order: order, location: at) { child, path in
            guard let column = column(path.name) else { return }
            // Built only when a problem is reported: SntField.line(_:in:) makes strings.
            func location() -> ProblemLocation { at(path.name) }
            switch column {
            case .productNumber: line.productNumber = integer(child, path: path, location())
            case .truOriginCode: line.truOriginCode = integer(child, path: path, location())
            case .productName: line.productName = string(child, path: path, location()) ?? ""
            case .tnvedCode: line.tnvedCode = identifier(child, path: path, location())
            case .measureUnitCode: line.measureUnitCode = identifier(child, path: path, location())
            case .quantity: line.quantity = decimal(child, path: path, location())
            case .price: line.price = decimal(child, path: path, location())
            case .priceWithoutTax: line.priceWithoutTax = decimal(child, path: path, location())
            case .exciseAmount: line.exciseAmount = decimal(child, path: path, location())
            case .exciseRate: line.exciseRate = decimal(child, path: path, location())
            case .ndsRate: line.ndsRate = integer(child, path: path, location())
            case .ndsAmount: line.ndsAmount = decimal(child, path: path, location())
            case .priceWithTax: line.priceWithTax = decimal(child, path: path, location())
            case .productId: line.productId = identifier(child, path: path, location())
            case .declarationNumberForSnt: line.declarationNumberForSnt = string(child, path: path, location())
            case .productNumberInDeclaration: line.productNumberInDeclaration = string(child, path: path, location())
            case .gtinCode: line.gtinCode = identifier(child, path: path, location())
            case .additionalInfo: line.additionalInfo = string(child, path: path, location())
            case .ntin: line.ntin = identifier(child, path: path, location())
            case .pinCode: line.pinCode = string(child, path: path, location())
            }
        }
        return line
    }

    private func roadCargo(from element: XMLTree.Element, path: ElementPath) -> SntRoadCargo {
        var cargo = SntRoadCargo()
        let map: [String: SntField] = [
            "driverFIO": .driverFullName, "driverTin": .driverTin, "stampPrintNumber": .stampPrintNumber,
        ]
        func at(_ name: String) -> ProblemLocation { ProblemLocation(map[name] ?? .roadCargo) }
        /// The rows of a `<name><name>…</name>…</name>` list, each a flat record of text fields.
        func rows<Record: TextRecord>(_ list: XMLTree.Element, path: ElementPath) -> [Record] {
            var rows: [Record] = []
            let order = Record.elementNames
            children(of: list, path: path, order: [list.localName], repeating: [list.localName], location: at) {
                row, rowPath in
                var record = Record()
                children(of: row, path: rowPath, order: order, location: at) { field, fieldPath in
                    guard let position = order.firstIndex(of: fieldPath.name) else { return }
                    record[keyPath: Record.fields[position].field] = string(field, path: fieldPath, at(""))
                }
                rows.append(record)
            }
            return rows
        }
        children(of: element, path: path, order: SntSchema.carCargoInfo, location: at) { child, path in
            let name = path.name
            switch name {
            case "cargoInfo":
                cargo.cargo = rows(child, path: path)
            case "driverFIO": cargo.driverFullName = string(child, path: path, at(name))
            case "driverTin": cargo.driverTin = identifier(child, path: path, at(name))
            case "loadingUnloadingInfo":
                cargo.loadingUnloading = rows(child, path: path)
            case "otherInfo":
                cargo.otherInfo = rows(child, path: path)
            case "stampPrintNumber": cargo.stampPrintNumber = string(child, path: path, at(name))
            default:
                cargo.charges = rows(child, path: path)
            }
        }
        return cargo
    }

    private func taxOffices(from element: XMLTree.Element, path: ElementPath) -> SntTaxOffices {
        var offices = SntTaxOffices()
        func at(_ name: String) -> ProblemLocation { ProblemLocation(name == "sellerKogd" ? .sellerKogd : .customerKogd) }
        children(of: element, path: path, order: SntSchema.directoryInfo, location: at) { child, path in
            if path.name == "customerKogd" {
                offices.customerKogd = string(child, path: path, at("customerKogd"))
            } else {
                offices.sellerKogd = string(child, path: path, at("sellerKogd"))
            }
        }
        return offices
    }

    private func powerOfAttorney(from element: XMLTree.Element, path: ElementPath) -> SntPowerOfAttorney {
        var release = SntPowerOfAttorney()
        func at(_ name: String) -> ProblemLocation {
            ProblemLocation(name == "powerOfAttorneyDate" ? .releasePowerOfAttorneyDate : .releasePowerOfAttorneyNumber)
        }
        children(of: element, path: path, order: SntSchema.releaseGoodsInfo, location: at) { child, path in
            if path.name == "powerOfAttorneyDate" {
                release.date = date(child, path: path, at(path.name))
            } else {
                release.number = string(child, path: path, at(path.name))
            }
        }
        return release
    }

    private func aircraftRefueling(from element: XMLTree.Element, path: ElementPath) -> SntAircraftRefueling {
        var aircraft = SntAircraftRefueling()
        let at = { (_: String) in ProblemLocation(.aircraftRefueling) }
        children(of: element, path: path, order: SntSchema.fillingOfAircraft, location: at) { child, path in
            let value = string(child, path: path, at(""))
            switch path.name {
            case "aircraftRegistrationNumber": aircraft.aircraftRegistrationNumber = value
            case "aircraftType": aircraft.aircraftType = value
            case "flightNumber": aircraft.flightNumber = value
            default: aircraft.warrantNumber = value
            }
        }
        return aircraft
    }

    private func sharingContracts(from element: XMLTree.Element, path: ElementPath) -> SntSharingContracts {
        var sharing = SntSharingContracts()
        let at = { (_: String) in ProblemLocation(.sharingContracts) }
        children(of: element, path: path, order: SntSchema.sharingParticipantContract, location: at) { child, path in
            switch path.name {
            case "customerDate": sharing.customerDate = date(child, path: path, at(""))
            case "customerNumber": sharing.customerNumber = string(child, path: path, at(""))
            case "sellerDate": sharing.sellerDate = date(child, path: path, at(""))
            default: sharing.sellerNumber = string(child, path: path, at(""))
            }
        }
        return sharing
    }
}
