import Foundation
import PropertyBased
import QoimaCore
import QoimaXML
import Testing

@Suite struct SntXMLProperties {
    @Test func randomSntsRoundTripThroughXML() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var random = RandomSnt(seed: seed)
            let snt = random.snt()
            let body = SntXMLWriter.body(of: snt)
            let decoded = try SntXMLReader.read(body)
            #expect(decoded.problems.isEmpty, "seed \(seed): \(decoded.problems.map(\.location))")
            #expect(decoded.snt == snt, "seed \(seed)")
            #expect(SntXMLWriter.body(of: decoded.snt) == body, "seed \(seed)")
        }
    }
}

/// Builds SNTs from a seed: every optional field sometimes absent, text with Kazakh and Russian
/// letters and XML's special characters, decimals of many scales and signs.
private struct RandomSnt {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(state: seed) }

    private static let letters = Array("abcXYZ019 .,-/№«»\"'&<>]]\t\nАаБбЖжЪъЁёӘәҒғҚқҢңӨөҰұҮүҺһІі\r")

    mutating func chance(_ percent: Int = 50) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func maybe<Value>(_ make: (inout Self) -> Value) -> Value? { chance() ? make(&self) : nil }

    mutating func text(_ maxLength: Int = 24) -> String {
        String((0..<int(0...maxLength)).map { _ in Self.letters.randomElement(using: &generator)! })
    }

    /// Non-empty: the writer leaves empty text out, so `""` reads back as nil.
    mutating func someText() -> String? { maybe { " " + $0.text() } }
    mutating func identifier<Identifier: CheckedIdentifier>() -> Identifier? { maybe { Identifier("9" + $0.text(12)) } }
    mutating func date() -> CalendarDate? { maybe { CalendarDate(dayNumber: $0.int(-719_162...2_932_896)) } }
    mutating func flag() -> Bool? { maybe { $0.chance() } }
    mutating func pick<Kind: CaseIterable>(_: Kind.Type) -> Kind { Kind.allCases.randomElement(using: &generator)! }

    mutating func decimal() -> Decimal? {
        maybe { random in
            let significand = UInt64.random(in: 0...(random.chance(20) ? UInt64.max : 99_999_999), using: &random.generator)
            return Decimal(sign: random.chance(20) ? .minus : .plus, exponent: random.int(-8...4),
                           significand: Decimal(significand))
        }
    }

    mutating func party() -> SntParty {
        SntParty(tin: identifier(), nonResident: flag(), name: text(), branchTin: identifier(),
                 reorganizedTin: identifier(), categories: (0..<int(0...3)).map { _ in pick(PartyCategory.self) },
                 registerCountryCode: identifier(), countryCode: identifier(), actualAddress: someText(),
                 storeId: maybe { Int64.random(in: .min ... .max, using: &$0.generator) })
    }

    mutating func consignment() -> ConsignmentParty {
        ConsignmentParty(tin: identifier(), nonResident: flag(), name: text(), countryCode: identifier(),
                         additionalInfo: someText())
    }

    mutating func line(in table: GoodsTable) -> GoodsLine {
        GoodsLine(productNumber: maybe { $0.int(-5...100_000) }, truOriginCode: maybe { $0.int(0...9) },
                  productName: text(), tnvedCode: identifier(), measureUnitCode: identifier(), quantity: decimal(),
                  price: decimal(), priceWithoutTax: decimal(), exciseAmount: decimal(), exciseRate: decimal(),
                  ndsRate: maybe { $0.int(0...20) }, ndsAmount: decimal(), priceWithTax: decimal(),
                  productId: identifier(), declarationNumberForSnt: someText(), productNumberInDeclaration: someText(),
                  gtinCode: table == .g1 ? identifier() : nil, additionalInfo: someText(), ntin: identifier(),
                  pinCode: table == .g6 ? someText() : nil)
    }

    mutating func totals() -> GoodsTotals {
        GoodsTotals(totalPriceWithoutTax: decimal(), totalExciseAmount: decimal(), totalNdsAmount: decimal(),
                    totalPriceWithTax: decimal())
    }

    /// A preserved block as the reader produces it: canonical, escaped the C14N way.
    mutating func preservedBlock(_ name: String) -> PreservedBlock {
        var value = ""
        for scalar in text().unicodeScalars {
            switch scalar {
            case "&": value += "&amp;"
            case "<": value += "&lt;"
            case ">": value += "&gt;"
            case "\r": value += "&#xD;"
            default: value.unicodeScalars.append(scalar)
            }
        }
        return PreservedBlock(elementName: name, xml: "<\(name)><productName>\(value)</productName></\(name)>")
    }

    mutating func snt() -> Snt {
        var snt = Snt(number: text(), date: date(), type: pick(SntType.self), seller: party(), customer: party())
        snt.datePaper = date()
        snt.reasonPaper = maybe { $0.pick(PaperReason.self) }
        snt.shippingDate = date()
        snt.digitalMarkingNotificationNumber = someText()
        snt.digitalMarkingNotificationDate = date()
        snt.relatedRegistrationNumber = identifier()
        snt.importKind = maybe { SntImport(importType: $0.pick(ImportType.self), sezCode: $0.someText()) }
        snt.exportKind = maybe { SntExport(exportType: $0.pick(ExportType.self), sezCode: $0.someText()) }
        snt.transferType = maybe { $0.pick(TransferType.self) }
        snt.mptId = someText()
        snt.consignor = maybe { $0.consignment() }
        snt.consignee = maybe { $0.consignment() }
        snt.carriage = maybe { random in
            SntCarriage(tin: random.identifier(), nonResident: random.flag(), name: random.text(),
                        transportTypes: (0..<random.int(0...3)).map { _ in random.pick(TransportType.self) },
                        carStateNumber: random.someText(), trailerStateNumber: random.someText(),
                        carriageNumber: random.someText(), boardNumber: random.someText(), shipNumber: random.someText())
        }
        snt.contract = maybe { random in
            SntContract(isContract: random.chance(), number: random.someText(), date: random.date(),
                        termOfContractPayment: random.someText(), deliveryCondition: random.someText())
        }
        snt.currencyCode = identifier()
        snt.currencyRate = decimal()
        snt.goods = maybe { random in
            GoodsSet(totals: random.totals(), lines: (0..<random.int(0...6)).map { _ in random.line(in: .g1) })
        }
        snt.oil = maybe { random in
            OilSet(totals: random.totals(), lines: (0..<random.int(0...3)).map { _ in random.line(in: .g6) },
                   kogdOfSender: random.someText(), kogdOfRecipient: random.someText(),
                   operationCode: random.someText(), productSellerType: random.someText())
        }
        snt.roadCargo = maybe { random in
            SntRoadCargo(
                cargo: (0..<random.int(0...2)).map { _ in
                    .init(cargoClass: random.someText(), cargoCode: random.someText(), code: random.someText(),
                          documents: random.someText(), grossWeight: random.someText(), netWeight: random.someText(),
                          number: random.someText(), packagingType: random.someText(), seatsNumber: random.someText(),
                          weightDeterminationType: random.someText())
                },
                driverFullName: random.someText(), driverTin: random.identifier(),
                loadingUnloading: (0..<random.int(0...2)).map { _ in
                    .init(arrivalDate: random.someText(), downtime: random.someText(), name: random.someText(),
                          transportServices: random.someText())
                },
                otherInfo: (0..<random.int(0...2)).map { _ in
                    .init(driverCoefficient: random.someText(), penalty: random.someText(),
                          totalTransportationDistance: random.someText())
                },
                stampPrintNumber: random.someText(),
                charges: (0..<random.int(0...2)).map { _ in .init(tax: random.someText(), total: random.someText()) })
        }
        snt.taxOffices = maybe { SntTaxOffices(customerKogd: $0.someText(), sellerKogd: $0.someText()) }
        snt.releaseGoods = maybe { SntPowerOfAttorney(date: $0.date(), number: $0.someText()) }
        snt.aircraftRefueling = maybe { random in
            SntAircraftRefueling(aircraftRegistrationNumber: random.someText(), aircraftType: random.someText(),
                                 flightNumber: random.someText(), warrantNumber: random.someText())
        }
        snt.sharingContracts = maybe { random in
            SntSharingContracts(customerDate: random.date(), customerNumber: random.someText(),
                                sellerDate: random.date(), sellerNumber: random.someText())
        }
        // In schema order, as the reader returns them.
        snt.preservedBlocks = SntSchema.preservedBlocks.sorted().filter { _ in chance(30) }.map { preservedBlock($0) }
        return snt
    }
}

/// A small, fast, seedable generator (SplitMix64), so a failing seed can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
